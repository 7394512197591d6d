/**
 * A 1,000,000-cell argument gets a result or a clear error within 5 s (issue 8, load). Each case
 * passes one argument of a million cells, in the shapes a planner could select; the outcome
 * must keep the contract of test/fuzz/contract.ts (apart from the 1 s budget, which is for
 * ordinary arguments).
 */
import "../support/customFunctions";
import { FunctionUnderFuzz, invoke } from "./contract";
import { rccpLoadUnderFuzz } from "./rccpLoadSpec";

const LIMIT_MS = 5000;

function grid(rows: number, columns: number, cell: (r: number, c: number) => unknown): unknown[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));
}

async function expectResultOrClearError(spec: FunctionUnderFuzz, args: unknown[], shape?: { rows: number; columns: number }) {
  const { outcome, ms } = await invoke(spec, args);
  expect(ms).toBeLessThan(LIMIT_MS);
  if (outcome.kind === "exception") throw outcome.error;
  if (outcome.kind === "error") {
    expect(["#VALUE!", "#N/A"]).toContain(outcome.code);
    expect(outcome.message.length).toBeGreaterThan(10);
    expect(outcome.message).not.toMatch(/internal error/);
  } else {
    const rows = outcome.value as unknown[][];
    if (shape) expect([rows.length, rows[0].length]).toEqual([shape.rows, shape.columns]);
    expect(rows.flat().every((v) => typeof v === "number" && Number.isFinite(v))).toBe(true);
  }
  return outcome;
}

describe("a 1,000,000-cell argument", () => {
  const pseudoQuantity = (r: number, c: number) => ((r * 7919 + c * 104729) % 1000) + (r % 3 === 0 ? 0.5 : 0);

  it("=SOP.RCCP_LOAD: a 1,000 items × 1,000 periods plan", async () => {
    const plan = grid(1000, 1000, pseudoQuantity);
    const bill = grid(1000, 4, (r, c) => ((r + c) % 5) * 0.25);
    await expectResultOrClearError(rccpLoadUnderFuzz, [plan, bill, grid(4, 1, () => 250_000), null, "utilization"], { rows: 4, columns: 1000 });
  });

  it("=SOP.RCCP_LOAD: a one-item plan of 1,000,000 periods down", async () => {
    const plan = grid(1_000_000, 1, (r) => r % 100);
    await expectResultOrClearError(rccpLoadUnderFuzz, [plan, [[0.5, 2]], null, [[1, 0]], "load"], { rows: 1_000_000, columns: 2 });
  });

  it("=SOP.RCCP_LOAD: a 1,000 × 1,000 bill of resources", async () => {
    const plan = grid(1000, 12, pseudoQuantity);
    const bill = grid(1000, 1000, (r, c) => ((r * c) % 7 === 0 ? 1.5 : ""));
    await expectResultOrClearError(rccpLoadUnderFuzz, [plan, bill, null, null, null], { rows: 1000, columns: 12 });
  });

  it("=SOP.RCCP_LOAD: a million-cell plan with text in its last cell is refused, naming the cell", async () => {
    const plan = grid(1000, 1000, pseudoQuantity);
    plan[999][999] = "n/a";
    const outcome = await expectResultOrClearError(rccpLoadUnderFuzz, [plan, grid(1000, 1, () => 1), null, null, null]);
    expect(outcome).toMatchObject({ kind: "error", code: "#VALUE!" });
    expect((outcome as { message: string }).message).toMatch(/plan holds text "n\/a" at row 1000, column 1000/);
  });
});
