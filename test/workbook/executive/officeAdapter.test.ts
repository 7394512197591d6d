// office-addin-mock imports office-addin-manifest only for its OfficeApp enum, whose ES-module
// dependency Jest's CommonJS runtime cannot load (as in test/workbook/officeWorkbook.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import { bikesSummary } from "./bikesSummary";
import { mockExcel } from "../support/officeMock";

const summary = bikesSummary;

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
