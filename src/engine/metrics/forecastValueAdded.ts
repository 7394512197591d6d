import { wmape } from "./percentage";
import { checkPairs } from "./pairs";

/**
 * Forecast value added (Gilliland, "The Business Forecasting Deal"): how much a step (the
 * statistical model, a planner's override) reduced error compared with the step before it,
 * usually a naive forecast. Measured with WMAPE (Σ|A − F| / ΣA, a fraction):
 *   FVA = WMAPE(baseline) − WMAPE(candidate).
 * Positive: the candidate adds value; negative: it made the forecast worse. O(n).
 * @example forecastValueAdded([10, 20], [12, 17], [10, 19]); // => 0.1333…  5/30 − 1/30
 * @throws notAvailable when the actuals sum to 0.
 */
export function forecastValueAdded(
  actual: readonly number[],
  baseline: readonly number[],
  candidate: readonly number[],
): number {
  checkPairs(actual, baseline, "baseline");
  checkPairs(actual, candidate, "candidate");
  return wmape(actual, baseline) - wmape(actual, candidate);
}
