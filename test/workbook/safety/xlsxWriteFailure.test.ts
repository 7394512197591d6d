/**
 * Regression: XlsxWorkbook.writeSheets (then on ExcelJS) removed and re-added owned sheets one
 * by one, so a failure midway lost an owned sheet (and the planner's Override/Reason on it).
 * Found by xlsxSafety.test.ts with an injected failure. A failed write now leaves the package
 * as it was, and it still saves and reads back as before.
 */
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import type { CellValue, OutputSheet } from "../../../src/workbook/port";

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

    const failing: OutputSheet = {
      name: "PlanLog",
      tableName: "SOP_PlanLog",
      headers: ["Run"],
      get rows(): CellValue[][] {
        throw new Error("disk full");
      },
    };
    await expect(
      wb.writeSheets([
        {
          name: "DemandPlan",
          tableName: "SOP_DemandPlan",
          headers: ["Item", "Override", "Reason"],
          rows: [["CH-100", null, null]],
        },
        failing,
      ]),
    ).rejects.toThrow("disk full");

    expect(wb.sheetNames()).toEqual(["Notes", "DemandPlan"]);
    const reread = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect(await reread.readInputs()).toEqual(before);
    expect((await reread.readInputs()).owned.find((o) => o.name === "DemandPlan")?.table?.rows).toEqual([
      ["CH-100", 400, "fit-out order"],
    ]);
  });
});
