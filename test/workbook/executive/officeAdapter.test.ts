// office-addin-mock imports office-addin-manifest only for its OfficeApp enum, whose ES-module
// dependency Jest's CommonJS runtime cannot load (as in test/workbook/officeWorkbook.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { compareOptions, executivePack } from "../../../src/engine/executive";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import { executiveSheet } from "../../../src/workbook/executive/executiveSheet";
import { mockExcel } from "../support/officeMock";

function summary() {
  const family = { family: "Bikes", demand: [100, 120], production: [110, 110], inventory: [10, 0], backlog: [0, 0], openingInventory: 0, openingBacklog: 0 };
  const resources = [{ resource: "Assembly", loadHours: [80, 120], capacityHours: [100, 100] }];
  return executiveSheet(
    executivePack({
      planName: "optimal",
      periods: ["2026-01", "2026-02"],
      periodsPerYear: 12,
      items: [{ name: "City bike", family: "Bikes", unitPrice: 500, unitCost: 300 }],
      itemDemand: [family.demand],
      families: [family],
      resources,
      comparison: compareOptions([{ name: "optimal", families: [family], resources, totalCost: 1000 }], 12),
    }),
  );
}

describe("ExecutiveSummary through the Office.js adapter (office-addin-mock)", () => {
  it("writes the KPI table, the sections and three native charts in the step's one sync", async () => {
    const excel = mockExcel([]);
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.readInputs();
    await workbook.writeSheets([summary()]);
    expect(excel.syncs()).toBe(2); // one read, one write
    expect(excel.recorded.tables.map((t) => t.name)).toEqual(["SOP_ExecutiveSummary"]);
    expect(excel.recorded.charts).toEqual([
      { sheet: "ExecutiveSummary", type: "ColumnClustered", title: "Demand vs supply by family", series: 2 },
      { sheet: "ExecutiveSummary", type: "Line", title: "Utilization by resource", series: 1 },
      { sheet: "ExecutiveSummary", type: "Line", title: "Inventory and backlog projection", series: 2 },
    ]);
  });

  it("re-creates its own sheet rather than leave the last run's charts behind", async () => {
    const excel = mockExcel([{ name: "SOP_ExecutiveSummary", sheet: "ExecutiveSummary", values: [["Revenue"], [1]] }]);
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.readInputs();
    await workbook.writeSheets([summary()]);
    expect(excel.recorded.deletedSheets).toEqual(["ExecutiveSummary"]);
    expect(excel.recorded.added).toEqual(["ExecutiveSummary"]);
    expect(excel.recorded.charts).toHaveLength(3);
  });
});
