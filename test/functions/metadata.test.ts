/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts. The generator exits 0
 * even when it finds errors, so this reads its result and fails on any error it reports.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FORECAST_METHODS } from "../../src/engine/forecast";
import { NAMED_METHODS } from "../../src/engine/forecast/methods";

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { dimensionality?: string; type?: string };
}

const source = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");

/** Runs the generator, capturing what it prints to the console as well as what it returns. */
async function generate(
  file = source,
): Promise<{ functions: FunctionMetadata[]; errors: string[]; printed: string[] }> {
  const printed: string[] = [];
  const spies = (["error", "warn", "log"] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.join(" "))),
  );
  try {
    const result = await generateCustomFunctionsMetadata([file], true);
    return {
      functions: result.metadataJson ? JSON.parse(result.metadataJson).functions : [],
      errors: result.errors,
      printed,
    };
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

describe("functions.json", () => {
  let functions: FunctionMetadata[];
  let errors: string[];
  let printed: string[];
  beforeAll(async () => {
    ({ functions, errors, printed } = await generate());
  });

  it("is generated without errors, and the generator printed none", () => {
    expect(errors).toEqual([]);
    expect(printed).toEqual([]);
  });

  it("lists RCCP_LOAD with its parameters, descriptions and a matrix result", () => {
    const rccp = functions.find((f) => f.id === "RCCP_LOAD")!;
    expect(rccp).toBeDefined();
    expect(rccp.description).toMatch(/capacity load/);
    expect(rccp.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual([
      ["plan", "matrix", false],
      ["bill", "matrix", false],
      ["capacity", "matrix", true],
      ["offsets", "matrix", true],
      ["output", "scalar", true],
      ["pastDue", "scalar", true],
    ]);
    for (const p of rccp.parameters) expect(p.description?.length).toBeGreaterThan(20);
    expect(rccp.result.dimensionality).toBe("matrix");
  });

  /** [name, dimensionality, optional] of each parameter, in order. */
  const signature = (id: string) =>
    functions
      .find((f) => f.id === id)!
      .parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false]);

  it("lists FORECAST_SOP: history a matrix, horizon required, three optional scalars, a matrix result, every method named", () => {
    expect(signature("FORECAST_SOP")).toEqual([
      ["history", "matrix", false],
      ["horizon", "scalar", false],
      ["seasonality", "scalar", true],
      ["method", "scalar", true],
      ["level", "scalar", true],
    ]);
    const forecast = functions.find((f) => f.id === "FORECAST_SOP")!;
    expect(forecast.result.dimensionality).toBe("matrix");
    const methodHelp = forecast.parameters[3].description ?? "";
    for (const name of NAMED_METHODS) expect(methodHelp).toContain(`"${name}"`);
    expect(FORECAST_METHODS.length).toBeGreaterThan(NAMED_METHODS.length);
  });

  it("lists RECONCILE: seven parameters, the first required, ranges as matrices, a matrix result", () => {
    expect(signature("RECONCILE")).toEqual([
      ["demand", "matrix", false],
      ["capacity", "matrix", true],
      ["opening", "matrix", true],
      ["strategy", "scalar", true],
      ["costs", "matrix", true],
      ["output", "scalar", true],
      ["target", "matrix", true],
    ]);
    const reconcile = functions.find((f) => f.id === "RECONCILE")!;
    expect(reconcile.result.dimensionality).toBe("matrix");
    expect(reconcile.description).toMatch(/chase, level, or the minimum-cost optimal plan/);
  });

  it("reports errors when the JSDoc is wrong (the check can fail)", async () => {
    // The generator rejects a union element type such as (string | number)[][] ("Type doesn't
    // match mappings"): prove the test would see it.
    const fs = await import("fs");
    const os = await import("os");
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cf-")), "bad.ts");
    fs.writeFileSync(
      bad,
      "/**\n * Bad.\n * @customfunction\n * @param x a date\n */\nexport function bad(x: Date): number { return 1; }\n",
    );
    const result = await generate(bad);
    expect(result.errors.join("\n")).toMatch(/does not support type "Date"/);
    expect(result.printed.join("\n")).toMatch(/Date/);
  });
});
