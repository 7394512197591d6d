/**
 * Regression: the Office.js adapter wrote strings through Range.values, where Excel reads
 * "=…", "+…", "-…" and "@…" as formulas — an item named =HYPERLINK(…) or +cmd|… became a live
 * formula in DemandPlan. Formula-looking text is now written with Excel's text prefix (').
 */
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
import { mockExcel } from "../workbook/support/officeMock";
import { FORMULA_LIKE, HOSTILE_NAMES } from "./hostileNames";

describe("Office.js adapter with hostile names", () => {
  it("writes formula-looking text with the text prefix and every other value as it is", async () => {
    const excel = mockExcel([]);
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.readInputs();
    const names = Object.values(HOSTILE_NAMES);
    await workbook.writeSheets([
      {
        name: "DemandPlan",
        tableName: "SOP_DemandPlan",
        headers: ["Item", "Family", "Period", "Statistical", "=Header"],
        rows: names.map((name, r) => [name, name, "2026-01", -r, r]),
      },
    ]);
    const written = excel.recorded.tables[0].values;
    expect(written[0]).toEqual(["Item", "Family", "Period", "Statistical", "'=Header"]);
    names.forEach((name, r) => {
      const expected = FORMULA_LIKE.includes(name as (typeof FORMULA_LIKE)[number]) ? `'${name}` : name;
      expect(written[r + 1]).toEqual([expected, expected, "2026-01", -r, r]);
    });
    // Every string cell that starts like a formula carries the prefix.
    for (const row of written)
      for (const cell of row) if (typeof cell === "string") expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
