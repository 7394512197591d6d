/**
 * The pane's views of the PlanningSession's results, on the in-memory demo workbook: what the
 * pane shows must be what the session wrote to the sheets.
 */
import { createHighsSolver } from "../../src/solver/highs";
import { SessionCycle, StepStoppedError } from "../../src/taskpane/cycle/sessionCycle";
import { copyTemplateTables } from "../../src/taskpane/demo/templateCopy";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { generatedWorkbook } from "../../src/workbook/sample/generatedWorkbook";
import { MAX_LISTED_ITEMS } from "../../src/taskpane/cycle/views";
import { PlanningSession } from "../../src/workbook/session";

const solver = createHighsSolver();

function cycleOn(workbook: MemoryWorkbook) {
  const session = new PlanningSession(workbook, {
    now: () => new Date(Date.UTC(2026, 0, 5)),
    solver: async () => solver,
  });
  return new SessionCycle(workbook, session, {
    insertTemplate: async () => copyTemplateTables(demoWorkbook(), workbook),
    solver: async () => solver,
  });
}

/** A row of a family table (ProductionPlan…) by family and measure, without its labels and summary. */
function sheetRow(workbook: MemoryWorkbook, sheet: string, family: string, measure?: string): number[] {
  const [headers, ...rows] = workbook.tableValues(`SOP_${sheet}`)!;
  const lead = headers[1] === "Measure" ? 2 : 1;
  const row = rows.find((r) => r[0] === family && (measure === undefined || r[1] === measure))!;
  return row.slice(lead, headers.length - 1) as number[];
}

describe("the pane's cycle over the planning session", () => {
  it("reports missing tables once, offers the template, and finds it clean after inserting it", async () => {
    const workbook = new MemoryWorkbook();
    const cycle = cycleOn(workbook);
    const empty = await cycle.gather();
    expect(empty.missingTables).toEqual(["Sales", "Items", "Capacity", "BillOfResources"]);
    expect(empty.problems.filter((p) => empty.missingTables.includes(p.table) && p.row === undefined)).toEqual([]);
    await expect(cycle.demandPlan()).rejects.toBeInstanceOf(StepStoppedError);
    await cycle.insertTemplate();
    const filled = await cycle.gather();
    expect(filled.missingTables).toEqual([]);
    expect(filled.problems.filter((p) => p.severity === "error")).toEqual([]);
    // The demo data: 36 months × 12 items of sales (demoWorkbook.ts).
    expect(filled.tables.find((t) => t.name === "Sales")?.rows).toBe(432);
  });

  it("shows the overloads the CapacityLoad sheet holds", async () => {
    const workbook = demoWorkbook();
    const supply = await cycleOn(workbook).supplyPlan();
    const [headers, ...rows] = workbook.tableValues("SOP_CapacityLoad")!;
    const [resource, period, overload] = ["Resource", "Period", "OverloadHours"].map((h) => headers.indexOf(h));
    const overloadedInSheet = rows.filter((r) => (r[overload] as number) > 0).map((r) => `${r[resource]} ${r[period]}`);
    expect(overloadedInSheet.length).toBeGreaterThan(0);
    expect(supply.overloads.map((o) => `${o.resource} ${o.period}`).sort()).toEqual(overloadedInSheet.sort());
    expect(supply.written).toEqual(["CapacityLoad"]);
  });

  it("compares strategies without writing, then writes the pick with the projection the sheets hold", async () => {
    const workbook = demoWorkbook();
    const cycle = cycleOn(workbook);
    await expect(cycle.executiveSummary()).rejects.toThrow("Write a reconciled plan first");
    const writesBefore = workbook.calls.writeSheets;
    const compared = await cycle.compareStrategies();
    expect(workbook.calls.writeSheets).toBe(writesBefore);
    expect(compared.strategies.map((s) => s.strategy).sort()).toEqual(["chase", "level", "optimal"]);
    // The optimal plan never needs hours beyond capacity; it costs no more than a feasible alternative.
    const optimal = compared.strategies.find((s) => s.strategy === "optimal")!;
    expect(optimal.hoursBeyondCapacity).toBeCloseTo(0, 6);

    const chosen = await cycle.choosePlan("level");
    expect(chosen.chosen?.written).toEqual(["CapacityLoad", "ProductionPlan", "InventoryPlan", "BacklogPlan"]);
    const projection = chosen.chosen!.projection;
    const close = (actual: number[], expected: number[]) =>
      actual.forEach((v, t) => expect(v).toBeCloseTo(expected[t], 5));
    close(projection.production, sheetRow(workbook, "ProductionPlan", "All families", "Production"));
    close(projection.demand, sheetRow(workbook, "ProductionPlan", "All families", "Demand"));
    close(projection.inventory, sheetRow(workbook, "InventoryPlan", "All families"));
    close(projection.backlog, sheetRow(workbook, "BacklogPlan", "All families"));

    const executive = await cycle.executiveSummary();
    expect(executive.strategy).toBe("level");
    const level = chosen.strategies.find((s) => s.strategy === "level")!;
    // the option's plan cost is the reconciled plan's total cost; the headline cost of goods is
    // the FinancialPlan sheet's total (UnitCost × units made + that plan cost)
    expect(executive.options?.find((o) => o.name === "level (plan)")?.totalCost).toBeCloseTo(level.totalCost, 4);
    const [financialHeaders, ...financialRows] = workbook.tableValues("SOP_FinancialPlan")!;
    const total = financialRows.find((r) => r[0] === "All families" && r[1] === "Total")!;
    const costOfGoods = total[financialHeaders.indexOf("CostOfGoods")] as number;
    const material = total[financialHeaders.indexOf("Material")] as number;
    expect(executive.kpis.find((k) => k.label === "Cost of goods")?.value).toBeCloseTo(costOfGoods, 2);
    // the sheet's money cells are rounded to cents and its totals foot (docs/finance.md, Rounding):
    // each family-month cost line is within half a cent of the exact plan cost
    const cells = (financialRows.length - 1) * 9;
    expect(Math.abs(costOfGoods - material - level.totalCost)).toBeLessThanOrEqual(0.005 * cells);
    expect(executive.written).toEqual(["ExecutiveSummary"]);
    expect(workbook.sheet("ExecutiveSummary")?.charts).toHaveLength(3);
  }, 60_000);

  it("lists families only beyond MAX_LISTED_ITEMS items, and charts any item by its code from the same plan", async () => {
    // 501 items (one past the limit) in 5 families, 24 months, seasonal naive to keep it quick.
    const workbook = generatedWorkbook({ items: MAX_LISTED_ITEMS + 1, months: 24, horizon: 6 });
    const { sheet, table } = workbook.findTable("Settings")!;
    const methodRow = sheet.cells.findIndex((row) => row[table.column] === "ForecastMethod");
    sheet.cells[methodRow][table.column + 1] = "snaive";
    const cycle = cycleOn(workbook);
    const view = await cycle.demandPlan();
    expect(view.itemCount).toBe(MAX_LISTED_ITEMS + 1);
    expect(view.series.map((s) => s.level)).toEqual(new Array(5).fill("family"));
    const [headers, ...rows] = workbook.tableValues("SOP_DemandPlan")!;
    const [item, statistical] = ["Item", "Statistical"].map((h) => headers.indexOf(h));
    const code = rows[rows.length - 1][item] as string;
    const series = await cycle.demandSeries(code);
    expect(series?.name).toBe(code);
    expect(series?.level).toBe("item");
    // The item's chart is the forecast DemandPlan holds for it.
    expect(series?.forecast).toEqual(rows.filter((r) => r[item] === code).map((r) => r[statistical]));
    expect(await cycle.demandSeries("no such item")).toBeNull();
  });
});
