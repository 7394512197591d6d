/**
 * Percentage and weighted accuracy (definitions as in the project's KPI oracle).
 * O(n). Errors: invalidInput when lengths differ; notAvailable when undefined (division by 0).
 */
import { notAvailable } from "../errors";
import { checkPairs, sumOf } from "./pairs";

/**
 * Mean absolute percentage error, in percent: 100 · mean |A − F| / |A|.
 * @example mape([10, 20], [12, 17]); // => 17.5  (20% + 15%) / 2
 * @throws notAvailable when an actual is 0.
 */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  checkPairs(actual, forecast);
  let s = 0;
  for (let t = 0; t < actual.length; t++) {
    if (actual[t] === 0)
      throw notAvailable(`MAPE is undefined: the actual in period ${t + 1} is 0 (use WMAPE).`, "actual");
    s += Math.abs((actual[t] - forecast[t]) / actual[t]);
  }
  return (100 * s) / actual.length;
}

/**
 * Weighted MAPE, a fraction: Σ |A − F| / Σ A (forecast accuracy = 1 − WMAPE).
 * @example wmape([10, 20], [12, 17]); // => 0.1666…  5 / 30
 * @throws notAvailable when the actuals sum to 0.
 */
export function wmape(actual: readonly number[], forecast: readonly number[]): number {
  checkPairs(actual, forecast);
  const total = sumOf(actual);
  if (total === 0) throw notAvailable("WMAPE is undefined when the actuals sum to 0.", "actual");
  let s = 0;
  for (let t = 0; t < actual.length; t++) s += Math.abs(actual[t] - forecast[t]);
  return s / total;
}

/**
 * Symmetric MAPE as in the M3 competition, in percent: mean 200 |A − F| / (|A| + |F|);
 * a period where both are 0 counts as 0.
 * @example smape([10, 20], [12, 17]); // => 17.199… (200·2/22 + 200·3/37) / 2
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  checkPairs(actual, forecast);
  let s = 0;
  for (let t = 0; t < actual.length; t++) {
    const denominator = Math.abs(actual[t]) + Math.abs(forecast[t]);
    if (denominator > 0) s += (200 * Math.abs(actual[t] - forecast[t])) / denominator;
  }
  return s / actual.length;
}
