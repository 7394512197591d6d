/**
 * What Excel stores when a string is set through `Range.values` (or typed into a cell): the
 * string is read "as if typed". Numbers, percentages, thousands separators, booleans and dates
 * become numbers, booleans and date serials; `=`, `+`, `-` and `@` start a formula; a leading
 * apostrophe keeps the rest as text; a cell formatted as text (`@`) keeps the string as it is.
 *
 * Sources:
 * - Range.values (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 *   "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 *   interprets this value as a formula." and "use a locale-neutral format like ISO (YYYY-MM-DD)
 *   … to ensure dates are stored as dates".
 * - OfficeDev/office-js#229 (strings such as "2024-01" and "00123" set through values are
 *   converted like typed entries).
 * - Microsoft support, "Stop automatically changing numbers to dates"
 *   (https://support.microsoft.com/office/452bd2db-cc96-47d1-81e4-72cec11c4ed8): format the
 *   cells as Text first, or type an apostrophe before the entry.
 * - Microsoft support, "Format numbers as text"
 *   (https://support.microsoft.com/office/583160db-4d6f-4cc5-a41d-2b2a3b2cd4a8): leading zeros
 *   are dropped from numbers unless the cell is formatted as Text.
 *
 * The simulator follows the en-US locale (`.` decimal, `,` thousands, M/D/YYYY dates).
 */
import { dateToSerial } from "../../../src/workbook/schema/periods";

export type Stored = string | number | boolean;

/** The number format Excel gives a cell when a typed entry becomes a date (en-US). */
export const TYPED_DATE_FORMATS = { yearMonth: "mmm-yy", isoDate: "yyyy-mm-dd", usDate: "m/d/yyyy" } as const;

export interface TypedEntry {
  value: Stored;
  /** a formula (`=…`) when the entry starts like one */
  formula?: string;
  /** the number format Excel sets on a General cell for this entry (dates, percentages) */
  impliedFormat?: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function asNumber(text: string): number | null {
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

function validDate(year: number, month: number, day: number): number | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return dateToSerial(date);
}

/**
 * The value Excel stores for `text` typed into a cell whose number format is `format`.
 *
 * @example typedEntry("2024-01", "General") // => { value: 45292, impliedFormat: "mmm-yy" }
 * @example typedEntry("00123", "General")   // => { value: 123 }
 * @example typedEntry("00123", "@")         // => { value: "00123" }
 */
export function typedEntry(text: string, format: string): TypedEntry {
  if (format === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (trimmed === "") return { value: text };
  const number = asNumber(trimmed);
  if (number !== null) return { value: number };
  if (/%$/.test(trimmed)) {
    const percent = asNumber(trimmed.slice(0, -1).trim());
    if (percent !== null) return { value: percent / 100, impliedFormat: "0%" };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  let m = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  if (m) {
    const serial = validDate(Number(m[1]), Number(m[2]), 1);
    if (serial !== null) return { value: serial, impliedFormat: TYPED_DATE_FORMATS.yearMonth };
  }
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (m) {
    const serial = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== null) return { value: serial, impliedFormat: TYPED_DATE_FORMATS.isoDate };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (m) {
    const serial = validDate(Number(m[3]), Number(m[1]), Number(m[2]));
    if (serial !== null) return { value: serial, impliedFormat: TYPED_DATE_FORMATS.usDate };
  }
  if (/^[=+\-@]/.test(trimmed) && trimmed.length > 1) {
    const formula = trimmed.startsWith("=") ? trimmed : `=${trimmed.replace(/^@/, "")}`;
    return { value: "", formula };
  }
  return { value: text };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The text Excel shows for a stored value under a format: what a table header becomes when a
 * number or date lands in it (table headers are always text). Only the formats the simulator
 * itself sets are rendered; other numbers show as they are.
 */
export function displayText(value: Stored, format: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000);
  const yyyy = date.getUTCFullYear();
  const mm = date.getUTCMonth() + 1;
  const dd = date.getUTCDate();
  switch (format) {
    case TYPED_DATE_FORMATS.yearMonth:
      return `${MONTHS[mm - 1]}-${String(yyyy % 100).padStart(2, "0")}`;
    case TYPED_DATE_FORMATS.isoDate:
      return `${yyyy}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
    case TYPED_DATE_FORMATS.usDate:
      return `${mm}/${dd}/${yyyy}`;
    case "0%":
      return `${Math.round(value * 100)}%`;
    default:
      return String(value);
  }
}
