/**
 * ExecutiveSummary through the Office.js adapter, on the Excel behaviour simulator: the KPI
 * table, the sections and three native charts; on a re-run the sheet, its table and its charts
 * are kept and updated, so a planner's references into the sheet keep working.
 */
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import { excelSimulator } from "../../support/excelSimulator";
import { bikesSummary } from "./bikesSummary";

describe("ExecutiveSummary through the Office.js adapter (Excel simulator)", () => {
  it("writes the KPI table, the sections and three native charts in the step's one write sync", async () => {
    const excel = excelSimulator();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.readInputs();
    await workbook.writeSheets([bikesSummary()]);
    expect(excel.syncs).toHaveLength(2); // one read, one write
    expect(excel.model.tables.map((t) => t.name)).toEqual(["SOP_ExecutiveSummary"]);
    const charts = excel.model.sheet("ExecutiveSummary")!.charts;
    expect(charts.map((c) => [c.name, c.type, c.title, c.series.length])).toEqual([
      ["SOP chart 1", "ColumnClustered", "Demand vs supply by family", 2],
      ["SOP chart 2", "Line", "Utilization by resource", 1],
      ["SOP chart 3", "Line", "Inventory and backlog projection", 2],
    ]);
    expect(charts[0].series.map((s) => s.name)).toEqual(["Demand", "Supply"]);
  });

  it("keeps its sheet, table and charts on a re-run, with the planner's chart placement", async () => {
    const excel = excelSimulator();
    const first = new OfficeWorkbook(excel.run);
    await first.readInputs();
    await first.writeSheets([bikesSummary()]);
    const sheet = excel.model.sheet("ExecutiveSummary")!;
    const ids = {
      sheet: sheet.id,
      table: excel.model.table("SOP_ExecutiveSummary")!.id,
      charts: sheet.charts.map((c) => c.id),
    };
    sheet.charts[0].position = ["A40", "F60"]; // the planner moved the first chart
    excel.model.addSheet("Board");
    excel.type("Board", 0, 0, "=ExecutiveSummary!B2");
    const kpi = excel.value("ExecutiveSummary", 1, 1);

    const second = new OfficeWorkbook(excel.run);
    await second.readInputs();
    await second.writeSheets([bikesSummary()]);
    const after = excel.model.sheet("ExecutiveSummary")!;
    expect(after.id).toBe(ids.sheet);
    expect(excel.model.table("SOP_ExecutiveSummary")!.id).toBe(ids.table);
    expect(after.charts.map((c) => c.id)).toEqual(ids.charts);
    expect(after.charts.map((c) => c.series.length)).toEqual([2, 1, 2]);
    expect(after.charts[0].position).toEqual(["A40", "F60"]);
    expect(excel.value("Board", 0, 0)).toBe(kpi);
  });
});
