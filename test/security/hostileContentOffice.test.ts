/**
 * Regression: the Office.js adapter wrote strings through Range.values, where Excel reads
 * "=…", "+…", "-…" and "@…" as formulas — an item named =HYPERLINK(…) or +cmd|… became a live
 * formula in DemandPlan. Text columns are now formatted as text (@) before their values are
 * written, and formula-looking text elsewhere gets Excel's text prefix ('). Checked on the
 * Excel behaviour simulator, which stores such strings as formulas unless one of those holds.
 */
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { excelSimulator } from "../support/excelSimulator";
import { HOSTILE_NAMES } from "./hostileNames";

describe("Office.js adapter with hostile names", () => {
  it("leaves every name inert text, and no formula anywhere on the sheet", async () => {
    const excel = excelSimulator();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.readInputs();
    const names = Object.values(HOSTILE_NAMES);
    await workbook.writeSheets([
      {
        name: "DemandPlan",
        tableName: "SOP_DemandPlan",
        headers: ["Item", "Family", "Period", "Statistical", "=Header", "Mixed"],
        // "Mixed" holds numbers and text: a General column, where the apostrophe does the work.
        rows: names.map((name, r) => [name, name, "2026-01", -r, r, r % 2 === 0 ? name : r]),
      },
    ]);
    const written = excel.tableValues("SOP_DemandPlan");
    expect(written[0]).toEqual(["Item", "Family", "Period", "Statistical", "=Header", "Mixed"]);
    names.forEach((name, r) => expect(written[r + 1]).toEqual([name, name, "2026-01", -r, r, r % 2 === 0 ? name : r]));
    expect(excel.model.sheet("DemandPlan")!.formulas.size).toBe(0);
  });
});
