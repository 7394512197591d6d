/**
 * The Office.js adapter on the Excel behaviour simulator (test/support/excelSimulator): what a
 * planner sees in Excel after one run and after re-runs. The 5,000-item run lives in
 * officeScale.slow.test.ts (`npm run test:slow`).
 */
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import { createHighsSolver } from "../../../src/solver/highs";
import { INPUT_TABLES, type CellValue, type OutputSheet } from "../../../src/workbook/port";
import { excelSimulator, type ExcelSimulator } from "../../support/excelSimulator";

const NOW = () => new Date(Date.UTC(2026, 0, 15));

/** The demo workbook's input tables in a simulated Excel, as a planner would have them. */
function demoExcel(edit?: (name: string, values: CellValue[][]) => CellValue[][]): ExcelSimulator {
  const demo = demoWorkbook();
  const excel = excelSimulator();
  for (const name of INPUT_TABLES) {
    const found = demo.findTable(name);
    if (!found) continue;
    const values = demo.tableValues(name)!;
    excel.addTable(name, found.sheet.name, edit ? edit(name, values) : values);
  }
  return excel;
}

function session(excel: ExcelSimulator, budgetBytes?: number) {
  return new PlanningSession(new OfficeWorkbook(excel.run, { budgetBytes }), {
    now: NOW,
    solver: async () => createHighsSolver(),
  });
}

function column(values: CellValue[][], header: string): number {
  return values[0].indexOf(header);
}

describe("OfficeWorkbook on the Excel simulator", () => {
  it("runs the demo cycle in one read sync and one write sync, calculation suspended while writing", async () => {
    const excel = demoExcel();
    const result = await session(excel).run("chase");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(excel.syncs).toHaveLength(2);
    expect(excel.syncs.map((s) => s.calculationSuspended)).toEqual([false, true]);
    expect(excel.stats().rejected).toBe(0);
    // Every sheet the run wrote carries its marker table.
    for (const name of result.written) expect(excel.model.table(`SOP_${name}`)?.sheet.name).toBe(name);
  });

  it("writes periods as YYYY-MM text and keys as text, formatted @", async () => {
    const excel = demoExcel();
    await session(excel).run("chase");
    const plan = excel.tableValues("SOP_DemandPlan");
    const period = column(plan, "Period");
    expect(plan[1][period]).toBe("2026-01");
    for (const row of plan.slice(1)) expect(row[period]).toMatch(/^\d{4}-\d{2}$/);
    const table = excel.model.table("SOP_DemandPlan")!;
    expect(table.sheet.format(1, period)).toBe("@");
    expect(table.sheet.format(1, column(plan, "Item"))).toBe("@");
    // Period headers of the family tables stay text too.
    expect(excel.tableValues("SOP_ProductionPlan")[0]).toContain("2026-01");
  });

  it("keeps an item code's leading zeros (00123) through a run and a re-run", async () => {
    const rename = (value: CellValue) => (value === "CH-100" ? "00123" : value);
    const excel = demoExcel((_, values) => values.map((row) => row.map(rename)));
    await session(excel).run("chase");
    await session(excel).run("chase");
    const plan = excel.tableValues("SOP_DemandPlan");
    const items = plan.slice(1).map((row) => row[column(plan, "Item")]);
    expect(items).toContain("00123");
    expect(items).not.toContain(123);
  });

  it("keeps an override typed as a planner types it through two re-runs, and it drives the consensus", async () => {
    const excel = demoExcel();
    await session(excel).run("chase");
    const plan = excel.tableValues("SOP_DemandPlan");
    const [item, period, override, consensus] = ["Item", "Period", "Override", "Consensus"].map((h) => column(plan, h));
    const r = plan.findIndex((row) => row[item] === "CH-100" && row[period] === "2026-03");
    expect(r).toBeGreaterThan(0);
    // The planner types 120 into the Override cell of that row (table row r is sheet row r).
    excel.type("DemandPlan", r, override, "120");
    for (let run = 0; run < 2; run++) {
      const result = await session(excel).run("chase");
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
      const again = excel.tableValues("SOP_DemandPlan");
      const row = again.find((x) => x[item] === "CH-100" && x[period] === "2026-03")!;
      expect(row[override]).toBe(120);
      // consensus = override when there is one (engine/cycle/demandPlan.ts)
      expect(row[consensus]).toBe(120);
      expect(again.filter((x) => x[column(again, "Model")] === "not in this plan")).toEqual([]);
    }
  });

  it("keeps a planner's formulas on SOP_DemandPlan and ExecutiveSummary working after re-runs", async () => {
    const excel = demoExcel();
    await session(excel).run("chase");
    const ids = ["SOP_DemandPlan", "SOP_ExecutiveSummary"].map((t) => excel.model.table(t)!.id);
    excel.model.addSheet("My analysis");
    excel.type("My analysis", 0, 0, "=SUM(SOP_DemandPlan[Consensus])");
    excel.type("My analysis", 1, 0, "=ExecutiveSummary!A2");
    const charts = () => excel.model.sheet("ExecutiveSummary")!.charts.map((c) => c.id);
    const chartsBefore = charts();
    expect(chartsBefore).toHaveLength(3);
    for (let run = 0; run < 2; run++) {
      await session(excel).run("chase");
      const plan = excel.tableValues("SOP_DemandPlan");
      const expected = plan
        .slice(1)
        .map((row) => row[column(plan, "Consensus")])
        .reduce<number>((sum, v) => sum + (typeof v === "number" ? v : 0), 0);
      expect(excel.value("My analysis", 0, 0)).toBeCloseTo(expected, 6);
      expect(excel.value("My analysis", 1, 0)).toBe(excel.value("ExecutiveSummary", 1, 0));
      expect(excel.value("My analysis", 1, 0)).not.toBe("#REF!");
    }
    expect(["SOP_DemandPlan", "SOP_ExecutiveSummary"].map((t) => excel.model.table(t)!.id)).toEqual(ids);
    expect(charts()).toEqual(chartsBefore); // updated in place, not re-created
  });

  it("sets the print setup of the file path: landscape where asked, one page wide, header row repeated", async () => {
    const excel = demoExcel();
    await session(excel).run("chase");
    const summary = excel.model.sheet("ExecutiveSummary")!;
    expect(summary.orientation).toBe("Landscape");
    expect(summary.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(summary.printTitleRows).toBe("$1:$1");
  });

  it("splits reads and writes under a small byte budget and leaves the same workbook", async () => {
    const budget = 20_000;
    const whole = demoExcel();
    await session(whole).run("chase");
    await session(whole).run("chase");
    const split = demoExcel();
    await session(split, budget).run("chase");
    split.resetCounts();
    await session(split, budget).run("chase");
    expect(split.syncs.length).toBeGreaterThan(4);
    for (const sync of split.syncs) {
      expect(sync.rejected).toBeUndefined();
      expect(sync.requestBytes).toBeLessThanOrEqual(budget);
      expect(sync.responseBytes).toBeLessThanOrEqual(budget);
      // a write sync (it sends more than it asks back) always suspends calculation
      if (sync.responseBytes === 0) expect(sync.calculationSuspended).toBe(true);
    }
    for (const table of whole.model.tables.map((t) => t.name))
      expect(split.tableValues(table)).toEqual(whole.tableValues(table));
  });

  it("shrinks its table and clears the rows it no longer uses", async () => {
    const excel = demoExcel();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.readInputs();
    const sheet = (rows: number): OutputSheet => ({
      name: "CapacityLoad",
      tableName: "SOP_CapacityLoad",
      headers: ["Resource", "Period", "LoadHours"],
      rows: Array.from({ length: rows }, (_, r) => [`R${r}`, "2026-01", r]),
      numberFormats: [null, null, "#,##0.0"],
    });
    await workbook.writeSheets([sheet(50)]);
    await workbook.readInputs();
    await workbook.writeSheets([sheet(5)]);
    expect(excel.tableValues("SOP_CapacityLoad")).toHaveLength(6);
    expect(excel.value("CapacityLoad", 10, 0)).toBe("");
    expect(excel.model.sheet("CapacityLoad")!.usedRect()).toEqual({ row: 0, column: 0, rows: 6, columns: 3 });
  });
});
