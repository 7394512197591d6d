/**
 * Starting values for the ETS states, the heuristic of R's `forecast:::initstate`: seasonal
 * states from a classical decomposition, then level (and trend) from a straight line through
 * the first max(10, 2m) seasonally adjusted points.
 */
import { seasonalFigure } from "../decompose";
import { EtsSpec, EtsStates } from "./etsSpec";

/** @example initialEtsStates([10, 12, 14, 16, 18, 20, 22, 24, 26, 28], { error: "A", trend: "A", season: "N" }, 1); // level 8, trend 2 */
export function initialEtsStates(y: readonly number[], spec: EtsSpec, m: number): EtsStates {
  const n = y.length;
  let season: number[] = [];
  let adjusted: number[] = y.slice();
  if (spec.season !== "N") {
    const multiplicative = spec.season === "M";
    season = seasonalFigure(y, m, multiplicative ? "multiplicative" : "additive");
    if (multiplicative) season = season.map((s) => Math.max(s, 0.01));
    adjusted = y.map((v, t) => (multiplicative ? v / season[t % m] : v - season[t % m]));
  }
  const points = Math.min(Math.max(10, 2 * m), n);
  if (spec.trend === "N") {
    let sum = 0;
    for (let t = 0; t < points; t++) sum += adjusted[t];
    return { level: sum / points, trend: 0, season };
  }
  // Least squares through (1, a_1) … (points, a_points); the level is the line at t = 0.
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < points; t++) {
    const x = t + 1;
    sx += x;
    sy += adjusted[t];
    sxx += x * x;
    sxy += x * adjusted[t];
  }
  const denominator = points * sxx - sx * sx;
  const slope = denominator !== 0 ? (points * sxy - sx * sy) / denominator : 0;
  const intercept = (sy - slope * sx) / points;
  return { level: intercept, trend: slope, season };
}
