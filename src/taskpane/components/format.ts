/** Number formats the pane uses; the workbook keeps full precision, the pane rounds for reading. */
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export const formatUnits = (value: number) => whole.format(value);
export const formatHours = (value: number) => oneDecimal.format(value);
export const formatMoney = (value: number) => money.format(value);
export const formatPercent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
/** A value in its format, or a dash when there is none. */
export const formatOrDash = (value: number | null, format: (v: number) => string) =>
  value === null ? "–" : format(value);
/** A ratio, or a dash when there is nothing to measure. */
export const formatPercentOrDash = (ratio: number | null | undefined) => formatOrDash(ratio ?? null, formatPercent);

export function formatKpi(
  value: number,
  format: "units" | "hours" | "money" | "ratio" | "count" | "days" | "turns",
): string {
  switch (format) {
    case "days":
    case "turns":
      return oneDecimal.format(value);
    case "units":
    case "count":
      return formatUnits(value);
    case "hours":
      return formatHours(value);
    case "money":
      return formatMoney(value);
    case "ratio":
      return formatPercent(value);
  }
}
