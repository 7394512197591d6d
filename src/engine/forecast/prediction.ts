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
  /**
   * Standard normal draws for simulated paths, paths × horizon (path i, horizon h at
   * h · paths + i). A combination draws them once and shares them with its members
   * (common random numbers: faster, and the members' bounds differ only by their models).
   */
  normals?: Float64Array;
  /** number of simulated paths; SIMULATED_PATHS when omitted */
  paths?: number;
  /**
   * ETS models with a multiplicative component: "simulated" (default) bounds from sample paths;
   * "approximate" the small-σ variance in closed form with a log-normal shape (see etsPredict).
   * Combinations ask their members for "approximate" bounds.
   */
  intervals?: "simulated" | "approximate";
}

/** Number of sample paths drawn when an interval is simulated. */
export const SIMULATED_PATHS = 1000;

/**
 * Normal bounds point ± z·sd for each horizon.
 * @example normalBounds([10], [1], 0.95); // => { point: [10], lower: [8.04], upper: [11.96] } (to 2 dp)
 */
export function normalBounds(
  point: number[],
  standardDeviation: readonly number[],
  level: number | undefined,
): Prediction {
  if (level === undefined) return { point };
  const z = intervalZ(level);
  return {
    point,
    lower: point.map((p, h) => p - z * standardDeviation[h]),
    upper: point.map((p, h) => p + z * standardDeviation[h]),
  };
}

/**
 * Bounds of a log-normal distribution with mean `point[h]` and relative standard deviation
 * `relativeSd[h]` (sd / mean): log-scale variance s² = ln(1 + r²), bounds
 * point · exp(−s²/2 ± z s). For a non-positive point the normal bounds point ± z·r·|point|.
 * @example logNormalBounds([100], [0.1], 0.95).upper; // ≈ [121.0] (normal: 119.6)
 */
export function logNormalBounds(point: number[], relativeSd: readonly number[], level: number): Prediction {
  const z = intervalZ(level);
  const lower: number[] = new Array(point.length);
  const upper: number[] = new Array(point.length);
  for (let h = 0; h < point.length; h++) {
    const p = point[h];
    const r = relativeSd[h];
    if (!(p > 0)) {
      lower[h] = p - z * r * Math.abs(p);
      upper[h] = p + z * r * Math.abs(p);
      continue;
    }
    const s = Math.sqrt(Math.log1p(r * r));
    lower[h] = Math.min(p, p * Math.exp(-0.5 * s * s - z * s));
    upper[h] = Math.max(p, p * Math.exp(-0.5 * s * s + z * s));
  }
  return { point, lower, upper };
}

/**
 * Bounds from simulated paths: the (1 − level)/2 and (1 + level)/2 sample quantiles per
 * horizon (R's type-7 quantile), widened when needed so that lower ≤ point ≤ upper.
 * `paths[h · pathCount + i]` is path i at horizon h; the array is reordered in place.
 */
export function simulatedBounds(point: number[], paths: Float64Array, pathCount: number, level: number): Prediction {
  const horizon = point.length;
  const lower: number[] = new Array(horizon);
  const upper: number[] = new Array(horizon);
  for (let h = 0; h < horizon; h++) {
    const column = paths.subarray(h * pathCount, (h + 1) * pathCount);
    lower[h] = Math.min(point[h], quantileInPlace(column, (1 - level) / 2));
    upper[h] = Math.max(point[h], quantileInPlace(column, (1 + level) / 2));
  }
  return { point, lower, upper };
}

/** Standard normal draws by Box–Muller, both outputs of each pair used. */
export function drawNormals(random: RandomSource, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    let u = random();
    while (u <= 1e-300) u = random();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * random();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/**
 * R's type-7 quantile of the values, found by selection in O(n) (the array is reordered).
 * @example quantileInPlace(Float64Array.from([3, 1, 2, 4]), 0.5); // => 2.5
 */
export function quantileInPlace(values: Float64Array, p: number): number {
  const position = (values.length - 1) * p;
  const below = Math.floor(position);
  const low = selectInPlace(values, below);
  if (below + 1 >= values.length || position === below) return low;
  let next = Infinity;
  for (let i = below + 1; i < values.length; i++) if (values[i] < next) next = values[i];
  return low + (position - below) * (next - low);
}

/** Hoare's quickselect: puts the k-th smallest at index k, smaller ones before, larger after. */
function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
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
