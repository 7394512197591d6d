/**
 * Forecasts of a fitted ARIMA model: the Kalman filter's state at the last observation carried
 * forward for the differenced series, integrated back through the differencing; bounds normal
 * with the h-step variance σ² Σ_{j<h} ψ_j² of the full model (ψ weights of θ(B)Θ(B^m) over
 * φ(B)Φ(B^m)(1 − B)^d(1 − B^m)^D). R's predict.Arima adds the state's remaining uncertainty
 * at the end of the sample, which is negligible once the filter has settled (invertible MA).
 */
import { Prediction, PredictOptions, normalBounds } from "../prediction";
import { FittedArima } from "./arimaFit";
import {
  difference,
  differencingPolynomial,
  expandPolynomials,
  forecastState,
  kalmanFilter,
  psiWeights,
} from "./arimaModel";

/** @example predictArima(fitArima(y, order), 12, { level: 0.95 }).upper; */
export function predictArima(fitted: FittedArima, horizon: number, options: PredictOptions = {}): Prediction {
  const { order, coef } = fitted;
  const { m } = order;
  const y = fitted.history;
  const w = difference(y, order.d, order.D, m).map((v) => v - coef.mean);
  const { phi, theta } = expandPolynomials(coef, m);
  const state = kalmanFilter(w, phi, theta).state;
  const wForecast = forecastState(state, phi, horizon);
  const delta = differencingPolynomial(order.d, order.D, m);
  const extended = [...y];
  const point: number[] = [];
  for (let h = 0; h < horizon; h++) {
    let value = wForecast[h] + coef.mean;
    for (let k = 0; k < delta.length; k++) value += delta[k] * extended[extended.length - 1 - k];
    extended.push(value);
    point.push(value);
  }
  if (options.level === undefined) return { point };
  const psi = psiWeights(phi, theta, delta, horizon);
  const sd: number[] = [];
  let sum = 0;
  for (let h = 0; h < horizon; h++) {
    sum += psi[h] * psi[h];
    sd.push(Math.sqrt(fitted.sigma2 * sum));
  }
  return normalBounds(point, sd, options.level);
}
