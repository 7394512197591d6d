/** functions.json entry for FORECAST_SOP, read from the generator (it exits 0 even on errors). */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FORECAST_METHODS } from "../../src/engine/forecast";
import { NAMED_METHODS } from "../../src/engine/forecast/methods";

describe("FORECAST_SOP in functions.json", () => {
  it("has history as a matrix, horizon required, three optional scalars, a matrix result, and names every method", async () => {
    const printed: string[] = [];
    const spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    const result = await generateCustomFunctionsMetadata([path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts")], true);
    spy.mockRestore();
    expect(result.errors).toEqual([]);
    expect(printed).toEqual([]);
    const forecast = JSON.parse(result.metadataJson).functions.find((f: { id: string }) => f.id === "FORECAST_SOP");
    expect(forecast.parameters.map((p: { name: string; dimensionality?: string; optional?: boolean }) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual([
      ["history", "matrix", false],
      ["horizon", "scalar", false],
      ["seasonality", "scalar", true],
      ["method", "scalar", true],
      ["level", "scalar", true],
    ]);
    expect(forecast.result.dimensionality).toBe("matrix");
    const methodHelp: string = forecast.parameters[3].description;
    for (const name of NAMED_METHODS) expect(methodHelp).toContain(`"${name}"`);
    expect(FORECAST_METHODS.length).toBeGreaterThan(NAMED_METHODS.length);
  });
});
