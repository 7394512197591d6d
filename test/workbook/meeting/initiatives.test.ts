import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import type { CellValue, WorkbookPort } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { createHighsSolver } from "../../../src/solver/highs";
import { PlanningSession } from "../../../src/workbook/session";
import { summary } from "../../../src/cli/main";
import { INITIATIVES } from "../../../src/workbook/schema/tables";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: WorkbookPort) => new PlanningSession(wb, { now, solver: async () => createHighsSolver() });
/** The canonical headers, in the order of the rows below: Initiative, Owner, Start, End, Family, Resource,
 * DemandChangePct, CapacityChangeHours, OneOffCost, PeriodCost. */
const INITIATIVE_HEADERS = INITIATIVES.columns.map((c) => c.name);

/**
 * Two families on one resource, flat history (naive forecast: 100 units of A and 50 of B every
 * month), a six-month chase plan 2026-01..2026-06 with RegularCost 1 per unit, no stock, no
 * backlog: every month makes what it sells, so the plan's figures are easy to compute by hand.
 */
function workbook(initiatives: CellValue[][] | null, hours = 1000, strategy = "chase"): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  const months = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, "0")}`);
  const plan = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
  wb.addTable(
    "Sales",
    "Sales",
    ["Item", "Period", "Quantity"],
    [...months.map((p) => ["A", p, 100]), ...months.map((p) => ["B", p, 50])],
  );
  wb.addTable(
    "Items",
    "Items",
    ["Item", "Family", "UnitCost", "UnitPrice"],
    [
      ["A", "Frames", 6, 10],
      ["B", "Wheels", 12, 20],
    ],
  );
  wb.addTable(
    "Capacity",
    "Capacity",
    ["Resource", "Period", "Hours"],
    plan.map((p) => ["Assembly", p, hours]),
  );
  wb.addTable(
    "BillOfResources",
    "BillOfResources",
    ["ItemOrFamily", "Resource", "HoursPerUnit"],
    [
      ["Frames", "Assembly", 1],
      ["Wheels", "Assembly", 1],
    ],
  );
  wb.addTable(
    "Settings",
    "Settings",
    ["Name", "Value"],
    [
      ["Horizon", 6],
      ["Strategy", strategy],
      ["ForecastMethod", "naive"],
      ["RegularCost", 1],
    ],
  );
  if (initiatives) wb.addTable("Initiatives", "Initiatives", INITIATIVE_HEADERS, initiatives);
  return wb;
}

function rows(wb: MemoryWorkbook, table: string): Record<string, CellValue>[] {
  const [headers, ...body] = wb.tableValues(table)!;
  return body.map((r) => Object.fromEntries(headers.map((h, c) => [String(h), r[c]])));
}

const consensusOf = (wb: MemoryWorkbook, item: string) =>
  rows(wb, "SOP_DemandPlan")
    .filter((r) => r.Item === item)
    .map((r) => r.Consensus);
const finance = (wb: MemoryWorkbook, family: string, period: string) =>
  rows(wb, "SOP_FinancialPlan").find((r) => r.Family === family && r.Period === period)!;

describe("strategic initiatives (Initiatives table)", () => {
  const promo: CellValue[] = ["Spring promo", "Marketing", "2026-04", null, "Frames", null, 10, null, 50, 5];

  it("raises a family's demand 10 % from a month: consensus and margin move by the hand-computed amounts, and the pack shows it", async () => {
    const without = workbook(null);
    const withIt = workbook([promo]);
    const a = await session(without).run();
    const b = await session(withIt).run();
    expect(a.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(b.ok).toBe(true);

    // Consensus of A (family Frames): 100 a month (naive forecast of a flat 100), × 1.10 from 2026-04.
    expect(consensusOf(without, "A")).toEqual([100, 100, 100, 100, 100, 100]);
    expect(consensusOf(withIt, "A")).toEqual([100, 100, 100, 110, 110, 110]);
    expect(consensusOf(withIt, "B")).toEqual([50, 50, 50, 50, 50, 50]); // Wheels untouched

    // Frames in 2026-04, chase (made = sold = 110):
    //   revenue 110 × 10 = 1,100; material 110 × 6 = 660; regular time 110 × RegularCost 1 = 110;
    //   gross margin 1,100 − 660 − 110 = 330 (without the initiative: 100 × (10 − 6 − 1) = 300).
    expect(finance(without, "Frames", "2026-04").GrossMargin).toBe(300);
    expect(finance(withIt, "Frames", "2026-04").GrossMargin).toBe(330);
    // Initiative cost in 2026-04: one-off 50 + 5 for the month = 55; margin after it 330 − 55 = 275.
    expect(finance(withIt, "Frames", "2026-04").InitiativeCost).toBe(55);
    expect(finance(withIt, "Frames", "2026-04").MarginAfterInitiatives).toBe(275);
    expect(finance(withIt, "Frames", "2026-05").InitiativeCost).toBe(5);
    // Over the horizon: Frames' gross margin 3 × 300 + 3 × 330 = 1,890 (1,800 without, +90);
    // cost 50 + 3 × 5 = 65; margin after initiatives 1,890 − 65 = 1,825.
    expect(finance(without, "Frames", "Total").GrossMargin).toBe(1800);
    expect(finance(withIt, "Frames", "Total").GrossMargin).toBe(1890);
    expect(finance(withIt, "Frames", "Total").InitiativeCost).toBe(65);
    expect(finance(withIt, "Frames", "Total").MarginAfterInitiatives).toBe(1825);
    expect(finance(withIt, "Wheels", "Total").InitiativeCost).toBe(0);
    expect(finance(without, "Frames", "Total")).not.toHaveProperty("InitiativeCost");

    // The pack: +30 units (3 months × 10), +30 plan hours (1 h/unit), revenue +300 (30 × 10),
    // gross margin +90 (30 × (10 − 6 − 1)), cost 65, margin after cost 90 − 65 = 25.
    const effect = b.executive!.initiatives!.effects[0];
    expect(effect).toMatchObject({
      name: "Spring promo",
      owner: "Marketing",
      periods: "2026-04 to 2026-06",
      units: 30,
      capacityHours: 0,
      planHours: 30,
      revenue: 300,
      grossMargin: 90,
      cost: 65,
      netMargin: 25,
      failure: null,
    });
    expect(effect.byPeriod.units).toEqual([0, 0, 0, 10, 10, 10]);
    expect(effect.byPeriod.grossMargin).toEqual([0, 0, 0, 30, 30, 30]);
    expect(b.executive!.initiatives!.all).toMatchObject({ units: 30, grossMargin: 90, cost: 65 });
    // …and the plan without initiatives is an option compared, with the margin of the run without the table.
    const row = b.executive!.comparison.find((c) => c.name === "without initiatives")!;
    expect(row.margin).toBe(a.executive!.financial.grossMargin);

    // The ExecutiveSummary sheet carries the section; the CLI summary prints the effect.
    const grid = withIt.sheet("ExecutiveSummary")!.cells;
    const title = grid.findIndex((r) => String(r[0] ?? "").startsWith("Strategic initiatives"));
    expect(title).toBeGreaterThan(0);
    expect(grid[title + 2].slice(0, 11)).toEqual([
      "Spring promo",
      "Marketing",
      "Frames demand +10 %",
      "2026-04 to 2026-06",
      30,
      0,
      30,
      300,
      90,
      65,
      25,
    ]);
    const printed = summary(b, "out.xlsx");
    expect(printed).toMatch(/Spring promo\s+Marketing\s+2026-04 to 2026-06\s+30\s+0\s+30\s+90\s+65\s+25/);
  });

  it("adds capacity to a resource for its periods and counts the hours", async () => {
    const wb = workbook([["Second shift", "Operations", "2026-02", "2026-03", null, "Assembly", null, 200, 0, 1000]]);
    const result = await session(wb).run();
    expect(result.ok).toBe(true);
    const capacity = rows(wb, "SOP_CapacityLoad").map((r) => r.CapacityHours);
    // 1,000 hours a month, + 200 in 2026-02 and 2026-03.
    expect(capacity).toEqual([1000, 1200, 1200, 1000, 1000, 1000]);
    const effect = result.executive!.initiatives!.effects[0];
    // 2 periods × 200 hours; the chase plan makes the same units with or without, so no margin;
    // cost 2 × 1,000, margin after cost −2,000.
    expect(effect).toMatchObject({ capacityHours: 400, units: 0, grossMargin: 0, cost: 2000, netMargin: -2000 });
    expect(finance(wb, "All families", "Total").InitiativeCost).toBe(2000);
  });

  it("reads the table from an .xlsx file as the CLI does", async () => {
    const file = await XlsxWorkbook.fromBuffer(await XlsxWorkbook.fromMemory(workbook([promo])).toBuffer());
    const result = await session(file).run();
    expect(result.ok).toBe(true);
    expect(result.executive!.initiatives!.effects[0]).toMatchObject({
      name: "Spring promo",
      units: 30,
      grossMargin: 90,
    });
  });

  it("says when the plan without an initiative cannot be made, and counts only its cost", async () => {
    // Optimal, no overtime, no subcontracting, no backlog: 150 units a month need 150 hours.
    // Assembly has 100; the second shift's +60 hours make the plan feasible, so without it there is no plan.
    const wb = workbook(
      [["Second shift", "Operations", null, null, null, "Assembly", null, 60, 0, 100]],
      100,
      "optimal",
    );
    const result = await session(wb).run();
    expect(result.ok).toBe(true);
    const effect = result.executive!.initiatives!.effects[0];
    expect(effect.failure).toMatch(/^the plan without it could not be made: /);
    // Capacity 6 months × 60 = 360 hours and cost 6 × 100 = 600 are known; with no plan to compare,
    // no plan hours or margin difference.
    expect(effect).toMatchObject({
      capacityHours: 360,
      units: 0,
      planHours: 0,
      grossMargin: 0,
      cost: 600,
      netMargin: -600,
    });
    expect(result.executive!.comparison.some((c) => c.name === "without initiatives")).toBe(false);
  });

  it("reports bad rows with their table, row, column and cell, and stops the step", async () => {
    const wb = workbook([
      ["Promo", null, "2026-13", null, "Frames", null, 10, null, null, null],
      ["Promo", null, null, null, null, null, null, null, null, null],
      ["Ghost", null, null, null, "Bikes", null, 5, null, null, null],
      ["Cut", null, "2026-03", "2026-02", null, "Assembly", null, -2000, null, null],
      ["Cheap", null, null, null, "Frames", null, -150, null, -1, null],
      ["Hours", null, null, null, null, null, null, 10, null, null],
    ]);
    const result = await session(wb).run();
    expect(result.ok).toBe(false);
    const errors = result.problems
      .filter((p) => p.table === "Initiatives" && p.severity === "error")
      .map((p) => [p.row, p.column, p.cell]);
    expect(errors).toEqual([
      [1, "Start", { sheet: "Initiatives", row: 1, column: 2 }],
      [2, "Initiative", { sheet: "Initiatives", row: 2, column: 0 }],
      [3, "Family", { sheet: "Initiatives", row: 3, column: 4 }],
      [4, "End", { sheet: "Initiatives", row: 4, column: 3 }],
      [5, "OneOffCost", { sheet: "Initiatives", row: 5, column: 8 }],
      [5, "DemandChangePct", { sheet: "Initiatives", row: 5, column: 6 }],
      [6, "CapacityChangeHours", { sheet: "Initiatives", row: 6, column: 7 }],
    ]);
    expect(result.problems.find((p) => p.column === "Family")!.message).toBe(
      'Initiative "Ghost" is for family "Bikes", which is not in Items.',
    );
    expect(result.written).toEqual([]);
  });

  it("refuses a capacity cut below 0 hours at its cell, and warns of a percent typed as a fraction", async () => {
    const wb = workbook([
      ["Shutdown", null, "2026-02", "2026-02", null, "Assembly", null, -1200, null, null],
      ["Tiny", null, null, null, "Frames", null, 0.1, null, null, null],
    ]);
    const result = await session(wb).gather();
    expect(result.problems.map((p) => [p.severity, p.row, p.column, p.message])).toEqual([
      [
        "error",
        1,
        "CapacityChangeHours",
        'Initiative "Shutdown" leaves Assembly with -200 hours in 2026-02 (after the initiatives above it).',
      ],
      ["warning", 2, "DemandChangePct", 'Initiative "Tiny": DemandChangePct 0.1 reads as 0.1 %, not 10 %.'],
    ]);
  });
});
