/**
 * History cleansing: periods whose sales are far from a robust seasonal fit (a one-off promotion,
 * a data-entry error), and the fitted value to use instead.
 *
 * The fit follows the idea of R's `forecast::tsoutliers` (Hyndman): a robust trend plus seasonal
 * pattern, then residuals outside `Q1 − 3·IQR … Q3 + 3·IQR` are outliers. Here the trend is a
 * running median over one season (13 points for monthly data, 5 without a season), and the
 * seasonal index of a position is the median of the detrended values at that position and its two
 * neighbours; medians make a single spike move neither. A flag also needs the departure to be
 * material (half the typical level, MATERIAL_SHARE); intermittent histories are not checked. The
 * replacement interpolates the seasonally adjusted neighbours and puts the season back (never
 * below 0).
 */
import { isIntermittent } from "./intermittent";
import { resolveSeasonLength } from "./seasonality";

export interface HistoryOutlier {
  /** index in the history */
  index: number;
  /** the value sold */
  value: number;
  /** what cleansing uses instead: its neighbours' seasonally adjusted level with the season put back */
  fitted: number;
}

/** A flagged departure is at least this share of the series' typical (median positive) level. */
export const MATERIAL_SHARE = 0.5;

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
  // Intermittent demand (many zeros) has no "usual" level to be far from.
  if (isIntermittent(values)) return [];
  const detected = resolveSeasonLength(seasonality, values);
  const m = detected >= 2 && values.length >= 2 * detected ? detected : 1;
  const half = m >= 2 ? Math.floor(m / 2) : 2;
  // The running median is used where its window is whole; nearer the ends (where a one-sided
  // window would follow the season, not the level) the nearest whole window's median is used.
  const first = Math.min(half, values.length - 1);
  const last = Math.max(first, values.length - 1 - half);
  const centred = (t: number) => median(values.slice(Math.max(0, t - half), Math.min(values.length, t + half + 1)));
  const inner = values.map((_, t) => (t >= first && t <= last ? centred(t) : NaN));
  const trend = inner.map((v, t) => (t < first ? inner[first] : t > last ? inner[last] : v));
  // The seasonal index of a position is the median of the detrended values at it and at its two
  // neighbouring positions (where the trend's window is whole): with two seasons of data a
  // position has few values, and a spike would be half of a median of two; among six it is one.
  const near = (t: number, k: number) => {
    const d = (((t - k) % m) + m) % m;
    return d === 0 || d === 1 || d === m - 1;
  };
  const seasonal =
    m >= 2
      ? Array.from({ length: m }, (_, k) =>
          median(values.flatMap((v, t) => (t >= first && t <= last && near(t, k) ? [v - trend[t]] : []))),
        )
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
  // Only material departures: at least MATERIAL_SHARE of the typical level, so ordinary noise at
  // the ends of the series (where the running median sees one side only) is not flagged.
  const material = MATERIAL_SHARE * median(values.filter((v) => v > 0));
  const flagged = residuals.map((r) => (r < low || r > high) && Math.abs(r) >= material);
  // The replacement, as tsoutliers does: the seasonally adjusted series interpolated linearly
  // between the nearest unflagged neighbours, with the season put back; the neighbours carry the
  // local level better than a year-wide median.
  const season = (t: number) => seasonal[m >= 2 ? t % m : 0];
  const replacement = (t: number) => {
    let before = t - 1;
    while (before >= 0 && flagged[before]) before--;
    let after = t + 1;
    while (after < values.length && flagged[after]) after++;
    const adjusted = (u: number) => values[u] - season(u);
    let level: number;
    if (before >= 0 && after < values.length)
      level = adjusted(before) + ((adjusted(after) - adjusted(before)) * (t - before)) / (after - before);
    else if (before >= 0) level = adjusted(before);
    else if (after < values.length) level = adjusted(after);
    else level = fitted[t] - season(t);
    return Math.max(0, level + season(t));
  };
  return known.flatMap((k, t) => (flagged[t] ? [{ index: k.i, value: k.v, fitted: replacement(t) }] : []));
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
