/**
 * Turns a planner's history row (with blank cells) into the clean series the methods fit.
 *
 * - Leading and trailing blanks are dropped: the series starts at the first number and the
 *   forecast starts after the last one.
 * - A blank between numbers is a gap, filled by linear interpolation between its neighbours
 *   (a missing month is not a zero month).
 */
import { invalidInput, notAvailable } from "../errors";

export interface PreparedHistory {
  values: number[];
  /** how many interior gaps were filled */
  filledGaps: number;
}

/**
 * @example prepareHistory([null, 10, null, 14, null]).values; // => [10, 12, 14]
 * @throws notAvailable when the history holds no number; invalidInput on a non-finite number.
 */
export function prepareHistory(history: readonly (number | null)[]): PreparedHistory {
  let first = -1;
  let last = -1;
  for (let t = 0; t < history.length; t++) {
    const v = history[t];
    if (v === null || v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw invalidInput("history", `history holds ${String(v)} at position ${t + 1}; a finite number is needed.`);
    if (first < 0) first = t;
    last = t;
  }
  if (first < 0) throw notAvailable("history has no numbers to forecast from.", "history");
  const values: number[] = new Array(last - first + 1);
  let filledGaps = 0;
  let previous = first;
  values[0] = history[first] as number;
  for (let t = first + 1; t <= last; t++) {
    const v = history[t];
    if (v === null || v === undefined) continue;
    const gap = t - previous;
    const from = history[previous] as number;
    for (let k = 1; k < gap; k++) {
      values[previous - first + k] = from + ((v - from) * k) / gap;
      filledGaps++;
    }
    values[t - first] = v;
    previous = t;
  }
  return { values, filledGaps };
}
