/**
 * Forecast combination: the median, horizon by horizon, of several methods' forecasts and of
 * their bounds (Petropoulos & Svetunkov 2020 show medians of ETS, Theta and damped trend are
 * hard to beat; the M4 "Comb" benchmark is their mean). The median of lower bounds is never
 * above the median of points, so the bounds stay ordered.
 */
import { Prediction } from "./prediction";

/** Median of a short list (mean of the middle two when even). */
export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function combine(predictions: readonly Prediction[], centre: (values: readonly number[]) => number): Prediction {
  const horizon = predictions[0].point.length;
  const pick = (select: (p: Prediction) => number[] | undefined): number[] | undefined => {
    if (predictions.some((p) => select(p) === undefined)) return undefined;
    return Array.from({ length: horizon }, (_, h) => centre(predictions.map((p) => (select(p) as number[])[h])));
  };
  const point = pick((p) => p.point) as number[];
  const lower = pick((p) => p.lower);
  const upper = pick((p) => p.upper);
  return lower && upper ? { point, lower, upper } : { point };
}

/** Mean of a list. */
export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/**
 * Equal-weight mean of forecasts and of bounds, horizon by horizon.
 * @example combineByMean([{ point: [1] }, { point: [5] }, { point: [3] }]).point; // => [3]
 */
export function combineByMean(predictions: readonly Prediction[]): Prediction {
  return combine(predictions, mean);
}

/**
 * @example combineByMedian([{ point: [1] }, { point: [5] }, { point: [2] }]).point; // => [2]
 */
export function combineByMedian(predictions: readonly Prediction[]): Prediction {
  return combine(predictions, median);
}
