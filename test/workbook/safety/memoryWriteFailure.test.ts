/**
 * Regression: MemoryWorkbook.writeSheets replaced sheets one by one, so a failure while writing
 * the second table left an empty "DemandPlan" sheet behind (found by memorySafety.test.ts with
 * an injected failure). A failed write now leaves the workbook exactly as it was.
 */
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";

describe("MemoryWorkbook.writeSheets failing midway", () => {
  it("puts every sheet back, owned ones included", async () => {
    const wb = new MemoryWorkbook();
    wb.addTable("Notes", "Notes", ["Mine"], [["keep"]]);
    await wb.writeSheets([{ name: "PlanLog", tableName: "SOP_PlanLog", headers: ["Run"], rows: [[1]] }]);
    const before = JSON.stringify(wb.sheets);
    // A planner's table already called SOP_CapacityLoad makes the second table fail to add.
    wb.addTable("Notes", "SOP_CapacityLoad", ["x"], [[1]], { row: 5, column: 0 });
    const withTable = JSON.stringify(wb.sheets);
    expect(withTable).not.toBe(before);
    await expect(
      wb.writeSheets([
        { name: "PlanLog", tableName: "SOP_PlanLog", headers: ["Run"], rows: [[1], [2]] },
        { name: "CapacityLoad", tableName: "SOP_CapacityLoad", headers: ["Hours"], rows: [[5]] },
      ]),
    ).rejects.toThrow(/already exists/);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Notes", "PlanLog"]);
    expect(JSON.stringify(wb.sheets)).toBe(withTable);
  });
});
