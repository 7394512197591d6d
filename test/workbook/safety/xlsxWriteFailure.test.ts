/**
 * Regression: XlsxWorkbook.writeSheets removed and re-added owned sheets one by one, so a
 * failure midway lost an owned sheet (and the planner's Override/Reason on it). Found by
 * xlsxSafety.test.ts with an injected failure. A failed write now restores the workbook, and
 * the restored workbook still saves and reads back as before.
 */
import type ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";

describe("XlsxWorkbook.writeSheets failing midway", () => {
  it("keeps the owned sheets it had and still saves the same workbook", async () => {
    const memory = new MemoryWorkbook();
    memory.addTable("Notes", "Notes", ["Mine"], [["keep"]]);
    const wb = XlsxWorkbook.fromMemory(memory);
    await wb.writeSheets([
      {
        name: "DemandPlan",
        tableName: "SOP_DemandPlan",
        headers: ["Item", "Override", "Reason"],
        rows: [["CH-100", 400, "fit-out order"]],
      },
    ]);
    const before = await wb.readInputs();

    const addWorksheet = wb.workbook.addWorksheet.bind(wb.workbook);
    let calls = 0;
    wb.workbook.addWorksheet = ((...args: Parameters<ExcelJS.Workbook["addWorksheet"]>) => {
      if (++calls === 2) throw new Error("disk full");
      return addWorksheet(...args);
    }) as ExcelJS.Workbook["addWorksheet"];
    await expect(
      wb.writeSheets([
        {
          name: "DemandPlan",
          tableName: "SOP_DemandPlan",
          headers: ["Item", "Override", "Reason"],
          rows: [["CH-100", null, null]],
        },
        { name: "PlanLog", tableName: "SOP_PlanLog", headers: ["Run"], rows: [[1]] },
      ]),
    ).rejects.toThrow("disk full");
    wb.workbook.addWorksheet = addWorksheet;

    expect(wb.workbook.worksheets.map((ws) => ws.name)).toEqual(["Notes", "DemandPlan"]);
    const reread = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect(await reread.readInputs()).toEqual(before);
    expect((await reread.readInputs()).owned.find((o) => o.name === "DemandPlan")?.table?.rows).toEqual([
      ["CH-100", 400, "fit-out order"],
    ]);
  });
});
