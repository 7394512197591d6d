/**
 * The standard Theta method as R's `forecast::thetaf` (Assimakopoulos & Nikolopoulos 2000;
 * Hyndman & Billah 2003): when the lag-m autocorrelation is significant (90%), divide out a
 * classical multiplicative seasonal figure; forecast the adjusted series by simple exponential
 * smoothing (α and the initial level by maximum likelihood) plus half the slope of a straight
 * line through it, b/2 · (h − 1 + (1 − (1 − α)^n)/α); put the season back.
 * Intervals as thetaf: σ √(1 + (h − 1) α²) around the point, σ² from the SES fit.
 */
import { seasonalFigure } from "./decompose";
import { FittedEts, fitEts } from "./ets/etsFit";
import { predictEts } from "./ets/etsPredict";
import { Prediction, PredictOptions, normalBounds } from "./prediction";
import { SHORT_SEASON_P_VALUE, isSeasonal, seasonalDummyPValue } from "./seasonality";

export interface FittedTheta {
  kind: "theta";
  model: "Theta";
  seasonLength: number;
  ses: FittedEts;
  /** half the least-squares slope of the (adjusted) series */
  drift: number;
  /** seasonal figure by t mod m, empty when not seasonal */
  seasonFigure: number[];
  observations: number;
}

export interface ThetaOptions {
  /**
   * Also accept the short-history season test (seasonal dummies, 1%) on two to four seasons of
   * history, where thetaf's autocorrelation test rarely passes (`auto` uses this; the plain
   * "theta" method is thetaf's test alone).
   */
  shortSeasonTest?: boolean;
}

/**
 * thetaf's seasonal adjustment, shared by Theta and DOTM: when the season test passes (and the
 * data are non-negative, not constant, longer than two seasons), the classical multiplicative
 * figure (by t mod m) and the series divided by it; otherwise an empty figure and the series.
 * @example thetaSeasonalAdjustment([1, 2, 3, 4, 5], 12).figure; // => [] (too short for a season)
 */
export function thetaSeasonalAdjustment(
  y: readonly number[],
  m: number,
  options: ThetaOptions = {},
): { figure: number[]; adjusted: number[] } {
  const n = y.length;
  const constant = y.every((v) => v === y[0]);
  if (m > 1 && !constant && n > 2 * m && y.every((v) => v >= 0)) {
    const seasonal =
      isSeasonal(y, m) ||
      (options.shortSeasonTest === true && n <= 4 * m && seasonalDummyPValue(y, m) < SHORT_SEASON_P_VALUE);
    if (seasonal) {
      const figure = seasonalFigure(y, m, "multiplicative");
      if (figure.every((f) => Math.abs(f) >= 1e-4)) return { figure, adjusted: y.map((v, t) => v / figure[t % m]) };
    }
  }
  return { figure: [], adjusted: y.slice() };
}

/** @example fitTheta(airPassengersTrain, 12).seasonLength; // => 12 (seasonality test passes) */
export function fitTheta(y: readonly number[], m: number, options: ThetaOptions = {}): FittedTheta {
  const n = y.length;
  const { figure, adjusted } = thetaSeasonalAdjustment(y, m, options);
  // A tight stop: one two-parameter fit is cheap, and thetaf's bounds depend on it.
  const ses = fitEts(adjusted, { error: "A", trend: "N", season: "N" }, 1, { tolerance: 1e-6 });
  // Least-squares slope of adjusted against 0..n−1.
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (const v of adjusted) meanY += v;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - meanT) * (adjusted[t] - meanY);
    sxx += (t - meanT) ** 2;
  }
  const drift = sxx > 0 ? sxy / sxx / 2 : 0;
  return {
    kind: "theta",
    model: "Theta",
    seasonLength: figure.length > 0 ? m : 1,
    ses,
    drift,
    seasonFigure: figure,
    observations: n,
  };
}

/** @example predictTheta(fitTheta([1, 2, 3, 4, 5, 6], 1), 2).point; // a rising line */
export function predictTheta(fitted: FittedTheta, horizon: number, options: PredictOptions = {}): Prediction {
  const alpha = Math.max(1e-10, fitted.ses.parameters.alpha);
  const n = fitted.observations;
  const level = predictEts(fitted.ses, horizon).point;
  const offset = (1 - Math.pow(1 - alpha, n)) / alpha;
  const m = fitted.seasonLength;
  const factor = (h: number): number => (fitted.seasonFigure.length > 0 ? fitted.seasonFigure[(n + h) % m] : 1);
  const point = level.map((l, h) => (l + fitted.drift * (h + offset)) * factor(h));
  const sigma = Math.sqrt(fitted.ses.sigma2);
  const sd = point.map((_, h) => sigma * Math.sqrt(1 + h * alpha * alpha));
  return normalBounds(point, sd, options.level);
}
