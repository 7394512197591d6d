/**
 * Regression: a million-cell argument ran for minutes (FORECAST_SOP on 1,000 × 1,000 history:
 * 87 s; RECONCILE optimal on 1,000 × 1,000 demand: 37 s) or crashed HiGHS (1 × 1,000,000 demand
 * optimal: "Aborted()" after 31 s, an internal error). Measured by the issue-8 load tests; each
 * function now refuses sizes beyond its documented limit at once, with a message.
 */
import { excelError } from "../support/customFunctions";
import { forecastSop, reconcile } from "../../src/functions/functions";
import { MAX_HISTORY_CELLS } from "../../src/functions/forecastSopFunction";
import { MAX_OPTIMAL_CELLS } from "../../src/functions/reconcileFunction";

const grid = (rows: number, columns: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => 100 + ((r + c) % 7)));

describe("documented size limits of the custom functions", () => {
  it("FORECAST_SOP refuses a history of more than 100,000 cells, saying how to split it", () => {
    expect(MAX_HISTORY_CELLS).toBe(100_000);
    const error = excelError(() => forecastSop(grid(1001, 100), 12, null, null, null));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "history has 100,100 cells; one call forecasts at most 100,000 (e.g. 1,000 items × 100 months): split the range over several cells.",
    );
  });

  it("RECONCILE refuses more than 10,000 demand cells for the optimal strategy only", async () => {
    expect(MAX_OPTIMAL_CELLS).toBe(10_000);
    const demand = grid(1, 10_001);
    const error = await (
      reconcile(demand, [[200]], null as any, "optimal", [["backlogCost", 1]], "cost") as Promise<unknown>
    ).then(
      () => undefined,
      (e: unknown) =>
        excelError(() => {
          throw e;
        }),
    );
    expect(error?.code).toBe("#VALUE!");
    expect(error?.message).toMatch(
      /^demand has 10,001 cells; the optimal strategy plans at most 10,000 per call .* use "chase" or "level"\.$/,
    );
    // chase on the same demand (every period within capacity 200): production = demand
    const chase = (await reconcile(demand, [[200]], null as any, "chase", null as any, "production")) as number[][];
    expect(chase[0].slice(0, 3)).toEqual([100, 101, 102]);
  });
});
