/**
 * Mean absolute scaled error (Hyndman & Koehler 2006) with seasonal-naive scaling:
 * mean |A − F| ÷ mean over the in-sample history of |y_t − y_{t−m}|. Below 1: better than the
 * in-sample seasonal naive forecast. O(n + n_in).
 */
import { invalidInput, notAvailable } from "../errors";
import { mae } from "./scaleDependent";

/**
 * @example mase([13], [11], [10, 12, 11, 13], 1); // => 1.2  2 / ((2 + 1 + 2) / 3) = 2 / (5/3)
 * @throws notAvailable when the history has no more than m points or does not vary at lag m.
 */
export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  insample: readonly number[],
  seasonLength: number,
): number {
  if (!Number.isInteger(seasonLength) || seasonLength < 1)
    throw invalidInput("seasonLength", `seasonLength must be a whole number ≥ 1, not ${seasonLength}.`);
  const m = seasonLength;
  if (insample.length <= m) throw notAvailable(`MASE needs more than ${m} in-sample points.`, "insample");
  let s = 0;
  for (let t = m; t < insample.length; t++) s += Math.abs(insample[t] - insample[t - m]);
  const scale = s / (insample.length - m);
  if (!(scale > 0))
    throw notAvailable("MASE is undefined: the in-sample history does not change at the season lag.", "insample");
  return mae(actual, forecast) / scale;
}
