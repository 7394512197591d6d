/** functions.json entry for RECONCILE, read from the generator (it exits 0 even on errors). */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

describe("RECONCILE in functions.json", () => {
  it("has its six parameters, the first required, ranges as matrices, and a matrix result", async () => {
    const printed: string[] = [];
    const spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    const result = await generateCustomFunctionsMetadata([path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts")], true);
    spy.mockRestore();
    expect(result.errors).toEqual([]);
    expect(printed).toEqual([]);
    const reconcile = JSON.parse(result.metadataJson).functions.find((f: { id: string }) => f.id === "RECONCILE");
    expect(reconcile.parameters.map((p: { name: string; dimensionality?: string; optional?: boolean }) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual([
      ["demand", "matrix", false],
      ["capacity", "matrix", true],
      ["opening", "matrix", true],
      ["strategy", "scalar", true],
      ["costs", "matrix", true],
      ["output", "scalar", true],
    ]);
    expect(reconcile.result.dimensionality).toBe("matrix");
    expect(reconcile.description).toMatch(/chase, level, or the minimum-cost optimal plan/);
  });
});
