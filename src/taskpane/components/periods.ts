/**
 * First day of a period label: "2026-03" → 1 March 2026, "2026-W05" → the Monday of ISO week 5.
 * Undefined for any other label. Used only to place points on a chart's date axis.
 */
export function periodStart(label: string): Date | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) {
    // ISO 8601: week 1 holds 4 January; weeks start on Monday.
    const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));
    const mondayOfWeek1 = Date.UTC(Number(week[1]), 0, 4 - ((jan4.getUTCDay() + 6) % 7));
    return new Date(mondayOfWeek1 + (Number(week[2]) - 1) * 7 * 86_400_000);
  }
  return undefined;
}

/**
 * A period's first day that prints as the period's label. The chart library formats the date
 * of every point it draws with `toLocaleString(culture, options)` (for callouts and each
 * point's aria-label) on every render, and each such call builds a new `Intl.DateTimeFormat`:
 * about a millisecond apiece, seconds for a few charts' re-renders. The label is also what a
 * planner reads in the sheet ("2026-03" rather than "03/01/2026, 12:00:00 AM UTC").
 */
export class PeriodDate extends Date {
  constructor(
    time: number,
    readonly label: string,
  ) {
    super(time);
  }
  override toLocaleString(): string {
    return this.label;
  }
}

/** `periodStart` as a PeriodDate labelled with the period; undefined for labels it does not know. */
export function periodDate(label: string): PeriodDate | undefined {
  const start = periodStart(label);
  return start && new PeriodDate(start.getTime(), label);
}
