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

/**
 * How a combination's bounds come from its members' bounds: "centre" the same mean or median as
 * the points; "envelope" the lowest lower and the highest upper bound (wider: members' intervals
 * leave out model uncertainty, which their disagreement measures); "trimmed-envelope" the
 * second-lowest lower and second-highest upper bound (exterior trimming of the most extreme
 * member on each side, Jose, Grushka-Cockayne & Lichtendahl 2014; the envelope with fewer than
 * three members). The envelopes are never narrower than the point.
 */
export type CombinedBounds = "centre" | "envelope" | "trimmed-envelope";

/** The second-smallest of a list (the smallest when it has fewer than three values). */
function secondLowest(values: readonly number[]): number {
  if (values.length < 3) return Math.min(...values);
  let lowest = Infinity;
  let second = Infinity;
  for (const v of values)
    if (v < lowest) {
      second = lowest;
      lowest = v;
    } else if (v < second) second = v;
  return second;
}

function combine(
  predictions: readonly Prediction[],
  centre: (values: readonly number[]) => number,
  bounds: CombinedBounds = "centre",
): Prediction {
  const horizon = predictions[0].point.length;
  const pick = (
    select: (p: Prediction) => number[] | undefined,
    rule: (values: readonly number[]) => number,
  ): number[] | undefined => {
    if (predictions.some((p) => select(p) === undefined)) return undefined;
    return Array.from({ length: horizon }, (_, h) => rule(predictions.map((p) => (select(p) as number[])[h])));
  };
  const point = pick((p) => p.point, centre) as number[];
  const envelope = bounds !== "centre";
  const outer =
    bounds === "trimmed-envelope"
      ? { lower: secondLowest, upper: (v: readonly number[]) => -secondLowest(v.map((x) => -x)) }
      : { lower: (v: readonly number[]) => Math.min(...v), upper: (v: readonly number[]) => Math.max(...v) };
  const lower = pick((p) => p.lower, envelope ? outer.lower : centre);
  const upper = pick((p) => p.upper, envelope ? outer.upper : centre);
  if (!lower || !upper) return { point };
  if (envelope)
    for (let h = 0; h < horizon; h++) {
      lower[h] = Math.min(lower[h], point[h]);
      upper[h] = Math.max(upper[h], point[h]);
    }
  return { point, lower, upper };
}

/**
 * Widens bounds around the point by `factor` (each half-width times `factor`), e.g. the
 * calibration of `auto`'s envelope (methods.ts AUTO_INTERVAL_WIDENING).
 * @example widenBounds({ point: [10], lower: [8], upper: [13] }, 1.5); // => { point: [10], lower: [7], upper: [14.5] }
 */
export function widenBounds(prediction: Prediction, factor: number): Prediction {
  const { point, lower, upper } = prediction;
  if (!lower || !upper || factor === 1) return prediction;
  return {
    point,
    lower: lower.map((l, h) => point[h] - factor * (point[h] - l)),
    upper: upper.map((u, h) => point[h] + factor * (u - point[h])),
  };
}

/**
 * The same bounds around another point, stretched to contain it: a combination whose point has
 * members that give no bounds (methods.ts `pointOnly`).
 * @example withPoint({ point: [10], lower: [8], upper: [13] }, [14]); // => { point: [14], lower: [8], upper: [14] }
 */
export function withPoint(prediction: Prediction, point: number[]): Prediction {
  const { lower, upper } = prediction;
  if (!lower || !upper) return { point };
  return {
    point,
    lower: lower.map((l, h) => Math.min(l, point[h])),
    upper: upper.map((u, h) => Math.max(u, point[h])),
  };
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
export function combineByMean(predictions: readonly Prediction[], bounds: CombinedBounds = "centre"): Prediction {
  return combine(predictions, mean, bounds);
}

/**
 * @example combineByMedian([{ point: [1] }, { point: [5] }, { point: [2] }]).point; // => [2]
 */
export function combineByMedian(predictions: readonly Prediction[], bounds: CombinedBounds = "centre"): Prediction {
  return combine(predictions, median, bounds);
}
