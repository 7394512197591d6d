/**
 * Accuracy in the series' own units (Hyndman & Koehler 2006, "Another look at measures of
 * forecast accuracy", IJF 22(4)). O(n). Errors: invalidInput when lengths differ or a value is
 * not finite; notAvailable for empty input.
 */
import { notAvailable } from "../errors";
import { checkPairs, sumOf } from "./pairs";

/**
 * Mean absolute error: mean |A − F|, in units.
 * @example mae([10, 20], [12, 17]); // => 2.5  (|−2| + |3|) / 2
 */
export function mae(actual: readonly number[], forecast: readonly number[]): number {
  checkPairs(actual, forecast);
  let s = 0;
  for (let t = 0; t < actual.length; t++) s += Math.abs(actual[t] - forecast[t]);
  return s / actual.length;
}

/**
 * Root mean squared error: sqrt(mean (A − F)²), in units.
 * @example rmse([10, 20], [12, 17]); // => 2.5495…  sqrt((4 + 9) / 2)
 */
export function rmse(actual: readonly number[], forecast: readonly number[]): number {
  checkPairs(actual, forecast);
  let s = 0;
  for (let t = 0; t < actual.length; t++) s += (actual[t] - forecast[t]) ** 2;
  return Math.sqrt(s / actual.length);
}

/**
 * Bias as the planners' KPI: Σ (F − A) / Σ A, a fraction (positive = over-forecast).
 * @example bias([10, 20], [12, 17]); // => −0.0333…  (2 − 3) / 30
 * @throws notAvailable when the actuals sum to 0.
 */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  checkPairs(actual, forecast);
  const total = sumOf(actual);
  if (total === 0) throw notAvailable("bias is undefined when the actuals sum to 0; use meanError instead.", "actual");
  return (sumOf(forecast) - total) / total;
}

/**
 * Mean error mean (F − A), in units (positive = over-forecast); defined when bias is not.
 * @example meanError([10, 20], [12, 17]); // => −0.5
 */
export function meanError(actual: readonly number[], forecast: readonly number[]): number {
  checkPairs(actual, forecast);
  return (sumOf(forecast) - sumOf(actual)) / actual.length;
}
