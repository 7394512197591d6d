/**
 * What the pane shows beside what the session wrote, on the in-memory demo workbook: past-due
 * hours per resource (CapacityLoad's PastDueHours), plan vs budget (ExecutiveSummary's section),
 * forecast value added by reason code and team input (the Measure sheet's FVA section).
 */
import { createHighsSolver } from "../../src/solver/highs";
import { SessionCycle } from "../../src/taskpane/cycle/sessionCycle";
import { copyTemplateTables } from "../../src/taskpane/demo/templateCopy";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import { DEMO_PLAN_START, EARLIER_PLAN_START, withEarlierCycle, withReasonCodes } from "../support/earlierCycle";

const solver = createHighsSolver();
const now = () => new Date(Date.UTC(2026, 0, 5));

function cycleOn(workbook: MemoryWorkbook) {
  const session = new PlanningSession(workbook, { now, solver: async () => solver });
  return new SessionCycle(workbook, session, {
    insertTemplate: async () => copyTemplateTables(demoWorkbook(), workbook),
    solver: async () => solver,
  });
}

/** The rows under a section title of a report sheet (title row, header row, then rows up to a blank row). */
function sectionRows(cells: CellValue[][], title: string): CellValue[][] {
  const start = cells.findIndex((row) => typeof row[0] === "string" && row[0].startsWith(title));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: CellValue[][] = [];
  for (let r = start + 2; r < cells.length && cells[r]?.some((v) => v !== null && v !== undefined && v !== ""); r++)
    rows.push(cells[r]);
  return rows;
}

describe("the pane's views of past-due load, plan vs budget and value added by reason", () => {
  it("shows each resource's past-due hours as CapacityLoad's PastDueHours", async () => {
    const workbook = demoWorkbook();
    const supply = await cycleOn(workbook).supplyPlan();
    const [headers, ...rows] = workbook.tableValues("SOP_CapacityLoad")!;
    const [resource, pastDue] = ["Resource", "PastDueHours"].map((h) => headers.indexOf(h));
    // PastDueHours is on each resource's first-period row (the first row of the resource), blank elsewhere
    const inSheet = supply.resources.map((name) => rows.find((r) => r[resource] === name)![pastDue] as number);
    supply.pastDueHours.forEach((hours, r) => expect(hours).toBeCloseTo(inSheet[r], 6));
    // The demo's bill: only Paint has an offset (Desks 0.4 h and Storage 0.35 h, one month ahead),
    // so Paint alone has past-due hours.
    const byResource = Object.fromEntries(supply.resources.map((name, r) => [name, supply.pastDueHours[r]]));
    expect(byResource.Paint).toBeGreaterThan(0);
    expect({ ...byResource, Paint: 0 }).toEqual(Object.fromEntries(supply.resources.map((name) => [name, 0])));
  });

  it("shows plan vs budget as the ExecutiveSummary's section", async () => {
    const workbook = demoWorkbook();
    const cycle = cycleOn(workbook);
    await cycle.choosePlan("level");
    const view = await cycle.executiveSummary();
    const sheet = sectionRows(workbook.sheet("ExecutiveSummary")!.cells, "Plan vs budget");
    // the demo's budget: the finance year that starts with the plan (demoWorkbook.ts)
    expect(view.budget).toMatchObject({ hasBudget: true, from: "2026-01", to: "2026-12" });
    expect(view.budget!.rows.map((r) => r.family)).toEqual(sheet.map((r) => r[0]));
    view.budget!.rows.forEach((r, k) => {
      const [, budgetUnits, planUnits, unitsGap, unitsGapShare, budgetRevenue, planRevenue, revenueGap, revenueShare] =
        sheet[k] as number[];
      // the sheet rounds units to whole (its number format); money and shares as they are
      expect(Math.round(r.budgetUnits!)).toBe(budgetUnits);
      expect(Math.round(r.planUnits!)).toBe(planUnits);
      expect(Math.round(r.unitsGap!)).toBe(unitsGap);
      expect(r.unitsGapShare).toBeCloseTo(unitsGapShare, 9);
      expect(r.budgetRevenue).toBeCloseTo(budgetRevenue, 2);
      expect(r.planRevenue).toBeCloseTo(planRevenue, 2);
      expect(r.revenueGap).toBeCloseTo(revenueGap, 2);
      expect(r.revenueGapShare).toBeCloseTo(revenueShare, 9);
    });
  });

  it("shows value added by reason code, source and team input as the Measure sheet's FVA section", async () => {
    // An earlier cycle from 2025-10 whose DK-SIT 2025-10 forecast a planner changed, for a reason
    // naming the DEAL code, then the demo's cycle from 2026-01, which measures it (the same set-up
    // as test/workbook/meeting/reasonsAndInputs.test.ts, whose numbers are hand-checked there).
    const workbook = withReasonCodes(demoWorkbook());
    const setPlanStart = withEarlierCycle(workbook);
    setPlanStart(EARLIER_PLAN_START);
    const cycle = cycleOn(workbook);
    await cycle.demandPlan();
    const cells = workbook.sheet("DemandPlan")!.cells;
    const col = (h: string) => cells[0].indexOf(h);
    const row = cells.find((r) => r[col("Item")] === "DK-SIT" && r[col("Period")] === EARLIER_PLAN_START)!;
    row[col("SalesInput")] = 10;
    row[col("Reason")] = "DEAL: big customer";
    await cycle.demandPlan();
    setPlanStart(DEMO_PLAN_START);
    await cycle.demandPlan();

    const view = await cycle.measure();
    const sheet = sectionRows(workbook.sheet("Measure")!.cells, "Forecast value added by reason code");
    // a DEAL row, its source (Sales) and the SalesInput: one pair each
    expect(view.valueAdded!.map((v) => `${v.by} ${v.name}`)).toEqual(["code DEAL", "source Sales", "input SalesInput"]);
    expect(view.valueAdded!.map((v) => [v.by, v.name, v.detail, v.pairs])).toEqual(sheet.map((r) => r.slice(0, 4)));
    view.valueAdded!.forEach((v, k) => {
      const [, , , , actual, wmapeStatistical, wmapeAfter, valueAdded, consensusValueAdded] = sheet[k] as number[];
      expect(v.actual).toBeCloseTo(actual, 6);
      expect(v.wmapeStatistical).toBeCloseTo(wmapeStatistical, 9);
      expect(v.wmapeAfter).toBeCloseTo(wmapeAfter, 9);
      expect(v.valueAdded).toBeCloseTo(valueAdded, 9);
      expect(v.consensusValueAdded ?? null).toEqual(consensusValueAdded);
    });
  });
});
