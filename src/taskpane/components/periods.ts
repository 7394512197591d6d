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
