/**
 * Runs each million-cell case once in a plain Node process and prints one JSON line per case:
 * { name, ms, kind, code?, message?, rows?, columns?, checked? }. Run as a child process by
 * test/fuzz/millionCells.slow.test.ts (answers) and `npm run test:load` (times), because code
 * under jest's VM context runs several times slower than in Node or a browser engine (every
 * global lookup goes through the context's interceptors), which would time jest, not the add-in.
 *
 *   npx ts-node --transpile-only test/fuzz/millionCellsProbe.ts
 */
import { invoke } from "./contract";
import { MILLION_CELL_CASES } from "./millionCellCases";

async function main(): Promise<void> {
  for (const testCase of MILLION_CELL_CASES) {
    const args = testCase.args();
    const { outcome, ms } = await invoke(testCase.spec, args);
    const line: Record<string, unknown> = { name: testCase.name, ms: Math.round(ms), kind: outcome.kind };
    if (outcome.kind === "error") Object.assign(line, { code: outcome.code, message: outcome.message });
    if (outcome.kind === "exception") line.message = String(outcome.error);
    if (outcome.kind === "value") {
      const rows = outcome.value as unknown[][];
      const finite = rows.every((row) => row.every((v) => typeof v === "number" && Number.isFinite(v)));
      const expected = testCase.expected;
      Object.assign(line, {
        rows: rows.length,
        columns: rows[0]?.length,
        finite,
        checked: "check" in expected && expected.check ? expected.check(rows, args) : true,
      });
    }
    process.stdout.write(JSON.stringify(line) + "\n");
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
