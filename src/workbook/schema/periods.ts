/**
 * Planning periods as planners type them: Excel serial dates (1900 date system), `YYYY-MM`,
 * `YYYY-Www` (ISO week), `YYYY-MM-DD` text, or a month name and year (`Jun 2024`, `Jun-24`,
 * as Excel shows a date typed into a table header). Periods become consecutive integer indexes so
 * gaps and horizons are simple arithmetic; labels are `YYYY-MM` or `YYYY-Www`.
 */
import type { Bucket } from "../../engine/cycle/types";
import type { CellValue } from "../port";

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 system, as used for serials ≥ 61 (after the phantom 1900-02-29). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Excel serial → UTC calendar date. */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
}

/** UTC calendar date → Excel serial. */
export function dateToSerial(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return Math.round((day - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** A period value read from a cell, before bucketing. */
type RawPeriod =
  | { kind: "month"; year: number; month: number }
  | { kind: "week"; year: number; week: number }
  | { kind: "date"; date: Date };

function rawPeriod(value: CellValue): RawPeriod | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 61 || value > 2_958_465) return null; // 1900-03-01 … 9999-12-31
    return { kind: "date", date: serialToDate(value) };
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: "month", year: Number(m[1]), month } : null;
  }
  m = /^(\d{4})-?W(\d{1,2})$/i.exec(text);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    return week >= 1 && week <= isoWeeksInYear(year) ? { kind: "week", year, week } : null;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (date.getUTCMonth() !== Number(m[2]) - 1) return null;
    return { kind: "date", date };
  }
  // Month names, as Excel shows dates in table headers (headers are always text): "Jun 2024",
  // "June 2024", "Jun-24", "Jun-2024".
  m = /^([A-Za-z]{3,9})[\s-]+(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const word = m[1].toLowerCase();
    const month = MONTHS.findIndex((name) => name.startsWith(word));
    if (month < 0) return null;
    const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return { kind: "month", year, month: month + 1 };
  }
  if (/^\d+(\.\d+)?$/.test(text)) return rawPeriod(Number(text));
  return null;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Monday of ISO week 1 of `year`. */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * MS_PER_DAY;
}

function isoWeeksInYear(year: number): number {
  return Math.round((isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * MS_PER_DAY));
}

/** Weeks since the Monday 1970-01-05 (a fixed Monday), so consecutive weeks differ by 1. */
const WEEK_ZERO = Date.UTC(1970, 0, 5);

function weekIndexOfDate(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const dow = (new Date(day).getUTCDay() + 6) % 7;
  return Math.floor((day - dow * MS_PER_DAY - WEEK_ZERO) / (7 * MS_PER_DAY));
}

/**
 * The period index of a cell value in the given bucket, or null when the value is not a
 * period. A date falls in its month (monthly) or its ISO week (weekly); a `YYYY-Www` label
 * is not a month, and a `YYYY-MM` label is not a week.
 */
export function periodIndex(value: CellValue, bucket: Bucket): number | null {
  const raw = rawPeriod(value);
  if (!raw) return null;
  if (bucket === "month") {
    if (raw.kind === "week") return null;
    if (raw.kind === "month") return raw.year * 12 + (raw.month - 1);
    return raw.date.getUTCFullYear() * 12 + raw.date.getUTCMonth();
  }
  if (raw.kind === "month") return null;
  if (raw.kind === "week")
    return Math.round((isoWeekOneMonday(raw.year) - WEEK_ZERO) / (7 * MS_PER_DAY)) + raw.week - 1;
  return weekIndexOfDate(raw.date);
}

/** `YYYY-MM` or `YYYY-Www` for a period index. */
export function periodLabel(index: number, bucket: Bucket): string {
  if (bucket === "month") {
    const year = Math.floor(index / 12);
    return `${year}-${String(index - year * 12 + 1).padStart(2, "0")}`;
  }
  const monday = WEEK_ZERO + index * 7 * MS_PER_DAY;
  const thursday = new Date(monday + 3 * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.round((monday - isoWeekOneMonday(year)) / (7 * MS_PER_DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** True when the value looks like a period of any kind (used to spot wide layouts). */
export function isPeriodLike(value: CellValue): boolean {
  return rawPeriod(value) !== null;
}

/**
 * The bucket a column of periods implies: weekly when any is a `YYYY-Www` label or when two
 * distinct dates fall in the same month; otherwise monthly.
 */
export function inferBucket(values: readonly CellValue[]): Bucket {
  const dayOfMonth = new Map<number, number>();
  for (const value of values) {
    const raw = rawPeriod(value);
    if (!raw) continue;
    if (raw.kind === "week") return "week";
    if (raw.kind === "date") {
      const month = raw.date.getUTCFullYear() * 12 + raw.date.getUTCMonth();
      const day = raw.date.getUTCDate();
      const seen = dayOfMonth.get(month);
      if (seen !== undefined && seen !== day) return "week";
      dayOfMonth.set(month, day);
    }
  }
  return "month";
}
