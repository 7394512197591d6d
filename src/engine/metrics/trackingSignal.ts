import { checkPairs } from "./pairs";

/**
 * Tracking signal per period: running sum of (A − F) ÷ running mean absolute deviation
 * (MAD_t = mean |A − F| over periods 1..t). Outside ±4 the forecast is biased (APICS).
 * 0 while the MAD is 0. O(n).
 * @example trackingSignal([10, 20, 30], [8, 18, 33]); // => [1, 2, 0.4286]
 *   t1: 2/2 = 1; t2: 4/2 = 2; t3: 1/(7/3) = 0.428571…
 */
export function trackingSignal(actual: readonly number[], forecast: readonly number[]): number[] {
  checkPairs(actual, forecast);
  const out: number[] = new Array(actual.length);
  let runningError = 0;
  let runningAbsolute = 0;
  for (let t = 0; t < actual.length; t++) {
    const e = actual[t] - forecast[t];
    runningError += e;
    runningAbsolute += Math.abs(e);
    const mad = runningAbsolute / (t + 1);
    out[t] = mad > 0 ? runningError / mad : 0;
  }
  return out;
}
