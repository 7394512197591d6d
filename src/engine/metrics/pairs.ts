/** Shared argument checks for the accuracy metrics. */
import { invalidInput, notAvailable } from "../errors";

/** Checks that actual and forecast are non-empty, finite and of the same length. */
export function checkPairs(actual: readonly number[], forecast: readonly number[], name = "forecast"): void {
  if (actual.length === 0) throw notAvailable("there are no actuals to measure against.", "actual");
  if (forecast.length !== actual.length) {
    throw invalidInput(
      name,
      `${name} has ${forecast.length} periods but actual has ${actual.length}; give one per period.`,
    );
  }
  for (let t = 0; t < actual.length; t++) {
    if (!Number.isFinite(actual[t])) throw invalidInput("actual", `actual period ${t + 1} is not a finite number.`);
    if (!Number.isFinite(forecast[t])) throw invalidInput(name, `${name} period ${t + 1} is not a finite number.`);
  }
}

/** Σ values. @example sumOf([1, 2, 3]); // => 6 */
export function sumOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
