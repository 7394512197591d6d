/**
 * The Office.js adapter at 5,000 items × 60 months (60 months of sales history, a 60-month
 * plan) on the Excel behaviour simulator: the whole cycle twice with no sync over Excel on the
 * web's 5 MB limit, every sync within the adapter's 4 MB budget, and a planner's override and
 * formula still working. Slow (minutes): `npm run test:slow`. bench/office.ts prints the times.
 */
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import { createHighsSolver } from "../../../src/solver/highs";
import { largePlanExcel } from "../../support/excelSimulator/largePlan";

const BUDGET = 4_000_000;

it("runs the cycle twice at 5,000 items × 60 months with every sync under 4 MB", async () => {
  const excel = largePlanExcel({ items: 5000, history: 60, horizon: 60 });
  const run = () =>
    new PlanningSession(new OfficeWorkbook(excel.run), {
      now: () => new Date(Date.UTC(2027, 0, 15)),
      solver: async () => createHighsSolver(),
    }).run("chase");

  const first = await run();
  expect(first.problems.filter((p) => p.severity === "error")).toEqual([]);
  // 5,000 items × 60 plan months, one row each, below the header row
  expect(excel.model.table("SOP_DemandPlan")!.rect.rows).toBe(5000 * 60 + 1);

  // The planner types an override and a formula between runs.
  const plan = excel.tableValues("SOP_DemandPlan");
  const [item, period, override, consensus] = ["Item", "Period", "Override", "Consensus"].map((h) =>
    plan[0].indexOf(h),
  );
  const r = plan.findIndex((row) => row[item] === "ITEM-04999" && row[period] === "2027-03");
  excel.type("DemandPlan", r, override, "120");
  excel.model.addSheet("Mine");
  excel.type("Mine", 0, 0, "=SUM(SOP_DemandPlan[Consensus])");

  excel.resetCounts();
  const second = await run();
  expect(second.problems.filter((p) => p.severity === "error")).toEqual([]);
  const stats = excel.stats();
  console.log(
    `5,000 items × 60 months, re-run: ${stats.syncs} syncs, largest request ${stats.maxRequestBytes} bytes, ` +
      `largest response ${stats.maxResponseBytes} bytes`,
  );
  expect(stats.rejected).toBe(0);
  expect(stats.maxRequestBytes).toBeLessThanOrEqual(BUDGET);
  expect(stats.maxResponseBytes).toBeLessThanOrEqual(BUDGET);

  const again = excel.tableValues("SOP_DemandPlan");
  const row = again.find((x) => x[item] === "ITEM-04999" && x[period] === "2027-03")!;
  expect(row[override]).toBe(120);
  expect(row[consensus]).toBe(120); // consensus = override (engine/cycle/demandPlan.ts)
  const total = again
    .slice(1)
    .reduce<number>((sum, x) => sum + (typeof x[consensus] === "number" ? (x[consensus] as number) : 0), 0);
  expect(excel.value("Mine", 0, 0)).toBeCloseTo(total, 3);
}, 900_000); // minutes on a busy machine: two full cycles and ~25 MB each way through the simulator

it("with no byte budget, a read too large for Excel ends in Excel's payload error, not a crash of the adapter", async () => {
  // The Sales table alone is ~15 MB (bench:office's unchunked row: a 15.16 MB response), three
  // times the simulator's 5 MB limit. Each refused sync splits the batch's pieces in two and asks
  // again; before the fix, putting the ~300,000 one-row pieces back with a spread call overflowed
  // the stack ("Maximum call stack size exceeded") instead of reporting what Excel refused. (At
  // 2,000 items the halving recovers and the read succeeds.)
  const excel = largePlanExcel({ items: 5000, history: 60, horizon: 60 });
  const session = new PlanningSession(new OfficeWorkbook(excel.run, { budgetBytes: Number.POSITIVE_INFINITY }), {
    now: () => new Date(Date.UTC(2027, 0, 15)),
  });
  await expect(session.gather()).rejects.toThrow(/payload size .* has exceeded the limit/);
  expect(excel.stats().rejected).toBeGreaterThan(0);
}, 900_000);
