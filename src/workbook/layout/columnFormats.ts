/**
 * The number format of each column the add-in writes, shared by the Office.js and .xlsx
 * adapters so both leave the same workbook behind.
 *
 * Key and text columns (Item, Family, Resource, Period, Reason, Measure, Model…) are formatted
 * as text (`@`) before their values are written. Excel reads a string set through
 * `Range.values` as if it were typed (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 * without the text format, the period `"2024-01"` would become the date 1 Jan 2024 and the
 * item `"00123"` the number 123, and the next run would no longer match the planner's
 * overrides to their rows. In the .xlsx file the strings are stored as strings either way; the
 * text format there makes a planner's later entry in those columns stay text as well.
 *
 * A column is text when the layout declares no format for it and every non-blank value in it is
 * a string (a column left blank, such as Reason before any reason is typed, counts as text).
 * Periods therefore stay `YYYY-MM` text; they are not written as dates.
 */
import type { CellValue } from "../port";

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/**
 * Per column: `@` for text columns, the declared format, or `General`.
 *
 * @example columnFormats(["Item", "Qty"], [["00123", 4]], [null, "#,##0"]) // => ["@", "#,##0"]
 */
export function columnFormats(
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  declared: readonly (string | null)[] = [],
): string[] {
  return headers.map((_, c) => {
    const format = declared[c];
    if (format) return format;
    const text = rows.every((row) => {
      const value = row[c];
      return value === null || value === undefined || value === "" || typeof value === "string";
    });
    return text ? TEXT_FORMAT : GENERAL_FORMAT;
  });
}
