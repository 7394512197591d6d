import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { OwnershipError } from "../../src/workbook/port";

describe("MemoryWorkbook", () => {
  it("finds an input table by name anywhere, case-insensitively, with its sheet position", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Notes", [["free text"]]);
    wb.addTable("Data", "sales", ["Item", "Period", "Quantity"], [["A", "2024-01", 5]], { row: 3, column: 2 });
    const inputs = await wb.readInputs();
    expect(inputs.tables.Sales).toEqual({
      name: "Sales",
      sheet: "Data",
      headers: ["Item", "Period", "Quantity"],
      rows: [["A", "2024-01", 5]],
      origin: { row: 3, column: 2 },
    });
    expect(wb.calls.readInputs).toBe(1);
  });

  it("reads a plain sheet named like a table from its first non-blank row", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Items", [[], [null, "Item", "Family"], [null, "A", "F1"], [null, null, null]]);
    const inputs = await wb.readInputs();
    expect(inputs.tables.Items).toMatchObject({
      headers: ["Item", "Family"],
      rows: [["A", "F1"]],
      origin: { row: 1, column: 1 },
    });
  });

  it("refuses to overwrite a sheet with an owned name it did not create, and writes nothing", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("BacklogPlan", [["the planner's own notes"]]);
    const sheets = [
      { name: "DemandPlan" as const, tableName: "SOP_DemandPlan", headers: ["Item"], rows: [["A"]] },
      { name: "BacklogPlan" as const, tableName: "SOP_BacklogPlan", headers: ["Family"], rows: [["F"]] },
    ];
    await expect(wb.writeSheets(sheets)).rejects.toBeInstanceOf(OwnershipError);
    expect(wb.sheet("DemandPlan")).toBeUndefined();
    expect(wb.sheet("BacklogPlan")!.cells).toEqual([["the planner's own notes"]]);
  });

  it("replaces its own sheets on a re-run and reports them as owned", async () => {
    const wb = new MemoryWorkbook();
    const sheet = {
      name: "DemandPlan" as const,
      tableName: "SOP_DemandPlan",
      headers: ["Item", "Override"],
      rows: [["A", 3]],
    };
    await wb.writeSheets([sheet]);
    await wb.writeSheets([{ ...sheet, rows: [["B", null]] }]);
    expect(wb.tableValues("SOP_DemandPlan")).toEqual([
      ["Item", "Override"],
      ["B", null],
    ]);
    const owned = (await wb.readInputs()).owned.find((s) => s.name === "DemandPlan");
    expect(owned).toMatchObject({ exists: true, ownedByAddIn: true, table: { rows: [["B", null]] } });
  });
});
