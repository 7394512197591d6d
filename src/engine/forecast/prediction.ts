/**
 * What every method's `predict` returns, and helpers to build bounds.
 */
import { intervalZ } from "./normalQuantile";
import { RandomSource } from "./randomSource";

export interface Prediction {
  point: number[];
  lower?: number[];
  upper?: number[];
}

export interface PredictOptions {
  /** central probability of the interval, in (0, 1); no bounds when omitted */
  level?: number;
  /** uniform source for simulated intervals; a fixed-seed generator when omitted */
  random?: RandomSource;
}

/** Number of sample paths drawn when an interval is simulated. */
export const SIMULATED_PATHS = 1000;

/**
 * Normal bounds point ± z·sd for each horizon.
 * @example normalBounds([10], [1], 0.95); // => { point: [10], lower: [8.04], upper: [11.96] } (to 2 dp)
 */
export function normalBounds(point: number[], standardDeviation: readonly number[], level: number | undefined): Prediction {
  if (level === undefined) return { point };
  const z = intervalZ(level);
  return {
    point,
    lower: point.map((p, h) => p - z * standardDeviation[h]),
    upper: point.map((p, h) => p + z * standardDeviation[h]),
  };
}

/**
 * Bounds from simulated paths: the (1 − level)/2 and (1 + level)/2 sample quantiles per
 * horizon (R's type-7 quantile), widened when needed so that lower ≤ point ≤ upper.
 * `paths[i][h]` is path i at horizon h.
 */
export function simulatedBounds(point: number[], paths: Float64Array[], level: number): Prediction {
  const horizon = point.length;
  const lower: number[] = new Array(horizon);
  const upper: number[] = new Array(horizon);
  const column = new Float64Array(paths.length);
  for (let h = 0; h < horizon; h++) {
    for (let i = 0; i < paths.length; i++) column[i] = paths[i][h];
    column.sort();
    lower[h] = Math.min(point[h], quantileSorted(column, (1 - level) / 2));
    upper[h] = Math.max(point[h], quantileSorted(column, (1 + level) / 2));
  }
  return { point, lower, upper };
}

/** R's default (type 7) quantile of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Checks the level argument: a probability strictly between 0 and 1. */
export function isValidLevel(level: number): boolean {
  return Number.isFinite(level) && level > 0 && level < 1;
}

export type { RandomSource };
