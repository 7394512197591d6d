/**
 * The airline model, ARIMA(0,1,1)(0,1,1)m (Box & Jenkins 1970, §9.2, fitted there to the
 * airline passenger series): one regular and one seasonal difference, one MA term for each.
 * On the logarithms when every value is positive (as Box & Jenkins; R's `lambda = 0`), on the
 * values otherwise; without a season (m < 2, fewer than two seasons of data, or fewer than four
 * points left after both differences) ARIMA(0,1,1).
 *
 * Fitted by conditional sum of squares (stats::arima `method = "CSS"`, BFGS from zero): two
 * coefficients and no order search, so it costs a small fraction of `arima` (auto.arima).
 * Forecasts and bounds are arimaPredict's (Kalman state, ψ weights), taken back through exp()
 * on the log scale: the point is the median of the forecast distribution, as R's
 * forecast(Arima(x, order = c(0,1,1), seasonal = c(0,1,1), method = "CSS", lambda = 0)) without
 * `biasadj`. Cost: O(n) per objective evaluation, a few dozen evaluations.
 * @example predictAirline(fitAirline(airPassengers, 12), 1).point; // ≈ [450.2] (R: 450.1551)
 */
import { notAvailable } from "../../errors";
import { Prediction, PredictOptions } from "../prediction";
import { FittedArima, fitArima } from "./arimaFit";
import { ArimaOrder } from "./arimaModel";
import { predictArima } from "./arimaPredict";

export interface FittedAirline {
  kind: "airline";
  model: string;
  seasonLength: number;
  /** fitted to log(y) (every value positive) */
  logScale: boolean;
  arima: FittedArima;
}

/**
 * @throws notAvailable when the history is too short for the differences and two coefficients.
 */
export function fitAirline(y: readonly number[], m: number): FittedAirline {
  // The seasonal model needs four points after both differences; with fewer the season is dropped
  // (not the model: a history of 8 quarters gets ARIMA(0,1,1), not a fallback to SES).
  const seasonal = m >= 2 && y.length >= 2 * m && y.length - 1 - m >= 4;
  const order: ArimaOrder = seasonal
    ? { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, m, constant: false }
    : { p: 0, d: 1, q: 1, P: 0, D: 0, Q: 0, m: 1, constant: false };
  const differenced = y.length - 1 - (seasonal ? m : 0);
  if (differenced < 4) throw notAvailable("The airline model needs a longer history.", "history");
  const logScale = y.every((v) => v > 0);
  const arima = fitArima(logScale ? y.map(Math.log) : y, order, { method: "CSS" });
  return {
    kind: "airline",
    model: `${arima.model}${logScale ? " on logs" : ""}`,
    seasonLength: arima.seasonLength,
    logScale,
    arima,
  };
}

/** @example predictAirline(fitAirline(y, 12), 12, { level: 0.95 }).upper; */
export function predictAirline(fitted: FittedAirline, horizon: number, options: PredictOptions = {}): Prediction {
  const onScale = predictArima(fitted.arima, horizon, options);
  if (!fitted.logScale) return onScale;
  return {
    point: onScale.point.map(Math.exp),
    ...(onScale.lower && { lower: onScale.lower.map(Math.exp) }),
    ...(onScale.upper && { upper: onScale.upper.map(Math.exp) }),
  };
}
