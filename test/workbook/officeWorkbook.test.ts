// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the manifest
// package pulls in an ES-module dependency (strip-bom 5) that Jest's CommonJS runtime cannot load.
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

import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { OwnershipError, type CellValue, type OutputSheet } from "../../src/workbook/port";
import { mockExcel, type MockTable } from "./support/officeMock";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import { createHighsSolver } from "../../src/solver/highs";
import { INPUT_TABLES } from "../../src/workbook/port";

function salesTable(rows: number): MockTable {
  const values: CellValue[][] = [["Item", "Period", "Quantity"]];
  for (let r = 0; r < rows; r++) values.push([`I${r % 50}`, `20${20 + Math.floor(r / 600)}-0${1 + (r % 9)}`, r]);
  return { name: "Sales", sheet: "Data", values, origin: { row: 2, column: 1 } };
}

function planSheet(rows: number): OutputSheet {
  return {
    name: "CapacityLoad",
    tableName: "SOP_CapacityLoad",
    headers: ["Resource", "Period", "Load", "Capacity"],
    rows: Array.from({ length: rows }, (_, r) => [`R${r}`, "2026-01", r, 5]),
    numberFormats: [null, null, "#,##0", "#,##0"],
    highlight: [{ column: "Load", when: "greaterThan", value: "column:Capacity" }],
  };
}

describe("OfficeWorkbook (Office.js adapter, office-addin-mock)", () => {
  it("reads every input table in one context.sync(), for 10 rows and for 10,000", async () => {
    for (const rows of [10, 10_000]) {
      const excel = mockExcel([
        salesTable(rows),
        {
          name: "Items",
          sheet: "Items",
          values: [
            ["Item", "Family"],
            ["I1", "F"],
          ],
        },
      ]);
      const inputs = await new OfficeWorkbook(excel.run).readInputs();
      expect(excel.syncs()).toBe(1);
      expect(inputs.tables.Sales!.rows).toHaveLength(rows);
      expect(inputs.tables.Sales!.sheet).toBe("Data");
      expect(inputs.tables.Sales!.origin).toEqual({ row: 2, column: 1 });
      expect(inputs.tables.Items!.rows).toEqual([["I1", "F"]]);
      expect(inputs.tables.Capacity).toBeUndefined();
    }
  });

  it("writes a step's sheets in one context.sync(), for 10 rows and for 10,000", async () => {
    for (const rows of [10, 10_000]) {
      const excel = mockExcel([]);
      const workbook = new OfficeWorkbook(excel.run);
      await workbook.readInputs();
      await workbook.writeSheets([
        planSheet(rows),
        { ...planSheet(rows), name: "DemandPlan", tableName: "SOP_DemandPlan" },
      ]);
      expect(excel.syncs()).toBe(2); // one read, one write
      expect(excel.recorded.added).toEqual(["CapacityLoad", "DemandPlan"]);
      const written = excel.recorded.tables[0];
      expect(written.name).toBe("SOP_CapacityLoad");
      expect(written.values).toHaveLength(rows + 1);
      expect(written.values[rows]).toEqual([`R${rows - 1}`, "2026-01", rows - 1, 5]);
      expect(excel.recorded.conditionalFormats[0].formula).toBe("=AND(ISNUMBER(C2),C2>D2)");
      expect(excel.recorded.frozen).toEqual(["CapacityLoad", "DemandPlan"]);
    }
  });

  it("replaces its own sheet and refuses a same-named sheet it did not create, before any write", async () => {
    const mine = mockExcel([{ name: "SOP_CapacityLoad", sheet: "CapacityLoad", values: [["Resource"], ["R"]] }]);
    const ownWorkbook = new OfficeWorkbook(mine.run);
    await ownWorkbook.readInputs();
    await ownWorkbook.writeSheets([planSheet(3)]);
    expect(mine.recorded.deletedTables).toEqual(["SOP_CapacityLoad"]);
    expect(mine.recorded.added).toEqual([]);

    const theirs = mockExcel([], ["CapacityLoad"]);
    const workbook = new OfficeWorkbook(theirs.run);
    await workbook.readInputs();
    await expect(workbook.writeSheets([planSheet(3)])).rejects.toBeInstanceOf(OwnershipError);
    expect(theirs.syncs()).toBe(1); // the read only: nothing was queued or synced
  });

  it("runs the whole S&OP cycle on Excel in two round trips: one read, one write", async () => {
    const demo = demoWorkbook();
    const tables: MockTable[] = INPUT_TABLES.filter((name) => demo.findTable(name)).map((name) => ({
      name,
      sheet: demo.findTable(name)!.sheet.name,
      values: demo.tableValues(name)!,
    }));
    const excel = mockExcel(tables);
    const result = await new PlanningSession(new OfficeWorkbook(excel.run), {
      now: () => new Date(Date.UTC(2026, 0, 15)),
      solver: async () => createHighsSolver(),
    }).run("chase");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(excel.syncs()).toBe(2);
    expect(excel.recorded.tables.map((t) => t.name)).toEqual(result.written.map((name) => `SOP_${name}`));
    // The DemandPlan written to Excel: one row per item and plan month below its header row
    // (the demo plans 18 months).
    expect(result.data!.planPeriods).toHaveLength(18);
    expect(excel.recorded.tables[0].values).toHaveLength(result.data!.items.length * 18 + 1);
    expect(excel.recorded.tables[0].values[1].slice(0, 3)).toEqual(["CH-100", "Chairs", "2026-01"]);
  });
});
