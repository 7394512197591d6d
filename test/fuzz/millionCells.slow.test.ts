/**
 * A 1,000,000-cell argument gets a result or a clear error, for each custom function: the cases
 * in millionCellCases.ts, run in a plain Node process (millionCellsProbe.ts; see there why not
 * inside jest). Slow lane (`npm run test:slow`). This test asserts the outcomes only; the 5 s
 * limit per call is checked by `npm run test:load`, which runs the same probe and reports times.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { MILLION_CELL_CASES } from "./millionCellCases";

interface ProbeLine {
  name: string;
  ms: number;
  kind: "value" | "error" | "exception";
  code?: string;
  message?: string;
  rows?: number;
  columns?: number;
  finite?: boolean;
  checked?: boolean;
}

describe("a 1,000,000-cell argument", () => {
  let results: Map<string, ProbeLine>;

  beforeAll(() => {
    const probe = path.join(__dirname, "millionCellsProbe.ts");
    const output = execFileSync(
      process.execPath,
      ["--max-old-space-size=4096", require.resolve("ts-node/dist/bin.js"), "--transpile-only", probe],
      {
        cwd: path.resolve(__dirname, "..", ".."),
        encoding: "utf8",
        maxBuffer: 16 * 2 ** 20,
      },
    );
    results = new Map(
      output
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as ProbeLine)
        .map((line) => [line.name, line]),
    );
  }, 300_000);

  it.each(MILLION_CELL_CASES.map((c) => [c.name, c] as const))("%s: the documented answer", (name, testCase) => {
    const result = results.get(name);
    expect(result).toBeDefined();
    expect(result!.kind).not.toBe("exception");
    if ("error" in testCase.expected) {
      expect(result).toMatchObject({ kind: "error", code: "#VALUE!" });
      expect(result!.message).toMatch(testCase.expected.error);
    } else {
      expect(result).toMatchObject({
        kind: "value",
        rows: testCase.expected.rows,
        columns: testCase.expected.columns,
        finite: true,
        checked: true,
      });
    }
  });
});
