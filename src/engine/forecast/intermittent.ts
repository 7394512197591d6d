/**
 * Intermittent demand (many zero periods): Croston (1972), SBA (Syntetos & Boylan 2005) and
 * TSB (Teunter, Syntetos & Babai 2011).
 *
 * - Croston, as R `forecast::croston` (α = 0.1): simple exponential smoothing of the non-zero
 *   sizes z and of the intervals p between them, each started at its first value; forecast z/p.
 * - SBA: Croston × (1 − α/2), which removes Croston's bias.
 * - TSB: smooths the probability of a demand every period (β) and the size when there is one
 *   (α); forecast probability × size. Unlike Croston it decays when demand stops.
 *
 * There is no analytical interval; bounds are simulated from the fitted demand process: each
 * future period has a demand with probability π (1/p, or TSB's probability) whose size is drawn
 * from the history's non-zero sizes scaled to the fitted mean size.
 */
import { notAvailable } from "../errors";
import { Prediction, PredictOptions, SIMULATED_PATHS, simulatedBounds } from "./prediction";
import { seededRandom } from "./randomSource";

export type IntermittentMethod = "croston" | "sba" | "tsb";

export interface FittedIntermittent {
  kind: "intermittent";
  method: IntermittentMethod;
  model: "Croston" | "SBA" | "TSB";
  seasonLength: 1;
  /** smoothed non-zero demand size */
  size: number;
  /** probability of a demand in a period */
  probability: number;
  /** forecast demand per period */
  rate: number;
  sizes: number[];
}

/** Croston's smoothing constant for sizes and intervals (R `croston`'s default). */
export const CROSTON_ALPHA = 0.1;
/**
 * TSB's smoothing constant for the demand size: 0.3, the lowest mean RMSE of the (α, β) grid
 * 0.05–0.3 on car parts' training part at two origins (docs/forecasting.md "TSB's smoothing
 * constants"; `npm run bench:forecast-rules` prints the grid). It was 0.1.
 */
export const TSB_ALPHA = 0.3;
/** TSB's smoothing constant for the probability of a demand (the same grid kept 0.1). */
export const TSB_BETA = 0.1;

/** TSB's smoothing constants, for a fit with other values than TSB_ALPHA and TSB_BETA. */
export interface TsbSmoothing {
  alpha: number;
  beta: number;
}

/** SES with the level started at the first value (R `ses(initial = "simple")`); returns the final level. */
function simpleSmoothing(values: readonly number[], alpha: number): number {
  let level = values[0];
  for (let i = 1; i < values.length; i++) level += alpha * (values[i] - level);
  return level;
}

/**
 * @example fitIntermittent([0, 2, 0, 0, 4, 0], "croston").rate; // sizes 2,4 → 2.2; intervals 2,3 → 2.1; 2.2/2.1 = 1.0476…
 * @throws notAvailable when the history has no positive demand or a negative value.
 */
export function fitIntermittent(
  y: readonly number[],
  method: IntermittentMethod,
  smoothing: TsbSmoothing = { alpha: TSB_ALPHA, beta: TSB_BETA },
): FittedIntermittent {
  if (y.some((v) => v < 0))
    throw notAvailable(`${method} needs demand of 0 or more; the history has negatives.`, "history");
  const sizes: number[] = [];
  const intervals: number[] = [];
  let last = -1;
  for (let t = 0; t < y.length; t++) {
    if (y[t] > 0) {
      sizes.push(y[t]);
      intervals.push(t - last);
      last = t;
    }
  }
  const model = method === "croston" ? "Croston" : method === "sba" ? "SBA" : "TSB";
  if (sizes.length === 0)
    return { kind: "intermittent", method, model, seasonLength: 1, size: 0, probability: 0, rate: 0, sizes: [0] };
  if (method === "tsb") {
    let probability = y[0] > 0 ? 1 : 0;
    let size = sizes[0];
    for (let t = 1; t < y.length; t++) {
      const demand = y[t] > 0;
      probability += smoothing.beta * ((demand ? 1 : 0) - probability);
      if (demand) size += smoothing.alpha * (y[t] - size);
    }
    return { kind: "intermittent", method, model, seasonLength: 1, size, probability, rate: probability * size, sizes };
  }
  const size = simpleSmoothing(sizes, CROSTON_ALPHA);
  const interval = simpleSmoothing(intervals, CROSTON_ALPHA);
  const correction = method === "sba" ? 1 - CROSTON_ALPHA / 2 : 1;
  const rate = (correction * size) / interval;
  return {
    kind: "intermittent",
    method,
    model,
    seasonLength: 1,
    size,
    probability: Math.min(1, 1 / interval),
    rate,
    sizes,
  };
}

/** @example predictIntermittent(fitIntermittent([0, 2, 0, 0, 4, 0], "sba"), 2).point; // => [0.995…, 0.995…] */
export function predictIntermittent(
  fitted: FittedIntermittent,
  horizon: number,
  options: PredictOptions = {},
): Prediction {
  const point = new Array<number>(horizon).fill(fitted.rate);
  if (options.level === undefined) return { point };
  const random = options.random ?? seededRandom();
  const meanSize = fitted.sizes.reduce((a, b) => a + b, 0) / fitted.sizes.length;
  const sizeScale = meanSize > 0 ? fitted.rate / fitted.probability / meanSize : 0;
  const pathCount = options.paths ?? SIMULATED_PATHS;
  const paths = new Float64Array(pathCount * horizon);
  for (let i = 0; i < paths.length; i++) {
    if (random() < fitted.probability) paths[i] = fitted.sizes[Math.floor(random() * fitted.sizes.length)] * sizeScale;
  }
  return simulatedBounds(point, paths, pathCount, options.level);
}

/**
 * True when a series looks intermittent: at least a third of its periods are zero, and no
 * negatives (the Syntetos–Boylan average inter-demand interval > 1.32 criterion, simplified
 * here to the share of zeros, which planners can check by eye).
 * @example isIntermittent([0, 0, 3, 0, 0, 1]); // => true
 */
export function isIntermittent(y: readonly number[]): boolean {
  if (y.some((v) => v < 0)) return false;
  const zeros = y.filter((v) => v === 0).length;
  return zeros > 0 && zeros >= y.length / 3;
}
