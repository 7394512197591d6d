/**
 * History cleansing: periods whose sales are far from a robust seasonal fit (a one-off promotion,
 * a data-entry error), and the fitted value to use instead.
 *
 * The fit follows the idea of R's `forecast::tsoutliers` (Hyndman): a robust trend plus seasonal
 * pattern, then residuals outside `Q1 − 3·IQR … Q3 + 3·IQR` are outliers. Here the trend is a
 * running median over one season (13 points for monthly data, 5 without a season), and the
 * seasonal index of a position is the median of the detrended values at that position; medians
 * make a single spike move neither. The replacement is the fit (never below 0).
 */
import { resolveSeasonLength } from "./seasonality";

export interface HistoryOutlier {
  /** index in the history */
  index: number;
  /** the value sold */
  value: number;
  /** the robust seasonal fit there: what cleansing uses instead */
  fitted: number;
}

/** Fewer points than this: no fit is trusted and nothing is flagged. */
export const MIN_OUTLIER_HISTORY = 8;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function quantile(sorted: number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * The outliers of one history (gaps, null, are skipped and never flagged).
 * `seasonality` follows the FORECAST.ETS convention (undefined/1 detect, 0 none, n a length).
 * O(n·w log w) with w the running-median window.
 *
 * @example
 * // two flat years of 100 with one month at 500
 * findOutliers([...Array(11).fill(100), 500, ...Array(12).fill(100)], 12) // => [{ index: 11, value: 500, fitted: 100 }]
 */
export function findOutliers(history: readonly (number | null)[], seasonality?: number): HistoryOutlier[] {
  const known = history.flatMap((v, i) => (v === null ? [] : [{ i, v }]));
  if (known.length < MIN_OUTLIER_HISTORY) return [];
  const values = known.map((k) => k.v);
  const detected = resolveSeasonLength(seasonality, values);
  const m = detected >= 2 && values.length >= 2 * detected ? detected : 1;
  const half = m >= 2 ? Math.floor(m / 2) : 2;
  const trend = values.map((_, t) => median(values.slice(Math.max(0, t - half), Math.min(values.length, t + half + 1))));
  const seasonal =
    m >= 2
      ? Array.from({ length: m }, (_, k) => median(values.flatMap((v, t) => (t % m === k ? [v - trend[t]] : []))))
      : [0];
  const fitted = values.map((_, t) => trend[t] + seasonal[m >= 2 ? t % m : 0]);
  const residuals = values.map((v, t) => v - fitted[t]);
  const sorted = [...residuals].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  // A perfectly regular history has IQR 0: a floor of 5 % of the typical level keeps rounding
  // noise from being flagged.
  const spread = Math.max(q3 - q1, 0.05 * median(values.map(Math.abs)));
  const low = q1 - 3 * spread;
  const high = q3 + 3 * spread;
  return known.flatMap((k, t) =>
    residuals[t] < low || residuals[t] > high
      ? [{ index: k.i, value: k.v, fitted: Math.max(0, fitted[t]) }]
      : [],
  );
}

/** The history with each outlier replaced by its fitted value (a copy; the input is not changed). */
export function cleanHistory(
  history: readonly (number | null)[],
  outliers: readonly HistoryOutlier[],
): (number | null)[] {
  const cleaned = history.slice();
  for (const o of outliers) cleaned[o.index] = o.fitted;
  return cleaned;
}
