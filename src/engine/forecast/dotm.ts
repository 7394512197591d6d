/**
 * The dynamic optimised Theta model, DOTM (Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler
 * 2016, "Models for optimising the theta method and their relationship to state space models",
 * IJF 32(4), eq. 3.4–3.7; R package forecTheta's `dotm`).
 *
 * The series is seasonally adjusted as thetaf does (`thetaSeasonalAdjustment`). Then, for
 * t = 1 … n (1-based), with the running mean Ȳ_t and the least-squares line A_t + B_t·t through
 * Y_1 … Y_t updated in O(1):
 *   μ_{t+1} = ℓ_t + (1 − 1/θ) [A_t (1 − α)^t + B_t (1 − (1 − α)^{t+1}) / α]
 *   ℓ_t = α Y_t + (1 − α) ℓ_{t−1},   Ȳ_t = ((t − 1) Ȳ_{t−1} + Y_t) / t
 *   B_t = ((t − 2) B_{t−1} + 6 (Y_t − Ȳ_{t−1}) / t) / (t + 1),   A_t = Ȳ_t − B_t (t + 1) / 2
 * with A_1 = Y_1, B_1 = 0, μ_1 = Y_1. The parameters ℓ_0, α ∈ [0.1, 0.99] and θ ≥ 1 minimise
 * the sum of squared one-step errors from t = 3 (Nelder–Mead from ℓ_0 = Y_1/2, α = 0.5, θ = 2,
 * as forecTheta). Forecasts run the recursion on with each forecast taken as the observation.
 * Intervals: normal, σ √(1 + (h − 1) α²) as thetaf's (σ² the one-step error variance); forecTheta
 * simulates 200 paths instead.
 */
import { notAvailable } from "../errors";
import { nelderMead } from "./nelderMead";
import { Prediction, PredictOptions, normalBounds } from "./prediction";
import { ThetaOptions, thetaSeasonalAdjustment } from "./theta";

export interface FittedDotm {
  kind: "dotm";
  model: "DOTM";
  seasonLength: number;
  level0: number;
  alpha: number;
  theta: number;
  /** the seasonally adjusted series the model was fitted to */
  adjusted: number[];
  /** seasonal figure by t mod m, empty when not seasonal */
  seasonFigure: number[];
  /** variance of the one-step errors from t = 3 on */
  sigma2: number;
}

const ALPHA_LOWER = 0.1;
const ALPHA_UPPER = 0.99;

/**
 * Runs the recursion over y (and `horizon` more steps on its own forecasts, written to
 * `forecasts`); returns the sum of squared one-step errors from the third point.
 */
function runDotm(y: ArrayLike<number>, level0: number, alpha: number, theta: number, forecasts?: number[]): number {
  const n = y.length;
  const weight = 1 - 1 / theta;
  const decay = 1 - alpha;
  let level = alpha * y[0] + decay * level0;
  let meanY = y[0];
  let a = y[0];
  let b = 0;
  let power = decay; // (1 − α)^i at step i
  let sse = 0;
  const steps = n + (forecasts ? forecasts.length : 0);
  for (let i = 1; i < steps; i++) {
    // i is the 1-based index of the last observation used; predict Y_{i+1}.
    const mu = level + weight * (a * power + (b * (1 - power * decay)) / alpha);
    let observed: number;
    if (i < n) {
      observed = y[i];
      if (i >= 2) sse += (observed - mu) * (observed - mu);
    } else {
      observed = mu;
      (forecasts as number[])[i - n] = mu;
    }
    level = alpha * observed + decay * level;
    const previousMean = meanY;
    meanY = (i * meanY + observed) / (i + 1);
    b = ((i - 1) * b + (6 * (observed - previousMean)) / (i + 1)) / (i + 2);
    a = meanY - (b * (i + 2)) / 2;
    power *= decay;
  }
  return sse;
}

/**
 * @example fitDotm([10, 12, 14, 16, 18, 20, 22, 24], 1).theta; // ≥ 1
 * @throws notAvailable with fewer than 4 points.
 */
export function fitDotm(y: readonly number[], m: number, options: ThetaOptions = {}): FittedDotm {
  const n = y.length;
  if (n < 4) throw notAvailable("DOTM needs at least 4 points of history.", "history");
  const { figure, adjusted } = thetaSeasonalAdjustment(y, m, options);
  let scale = 0;
  for (const v of adjusted) scale += Math.abs(v);
  scale = scale > 0 ? scale / n : 1;
  const scaled = Float64Array.from(adjusted, (v) => v / scale);
  const objective = (x: Float64Array): number => {
    const alpha = x[1];
    const theta = x[2];
    if (!(alpha >= ALPHA_LOWER && alpha <= ALPHA_UPPER && theta >= 1)) return Infinity;
    return runDotm(scaled, x[0], alpha, theta);
  };
  const start = [scaled[0] / 2, 0.5, 2];
  // R optim's Nelder–Mead: relative tolerance 1e-8, 500 iterations; steps 10% of each value.
  const best = nelderMead(objective, start, {
    steps: start.map((v) => (v !== 0 ? 0.1 * Math.abs(v) : 0.1)),
    tolerance: 1e-8,
    maxEvaluations: 500,
  });
  if (!Number.isFinite(best.value)) throw notAvailable("DOTM could not be fitted to this history.", "history");
  const [level0, alpha, theta] = best.point;
  return {
    kind: "dotm",
    model: "DOTM",
    seasonLength: figure.length > 0 ? m : 1,
    level0: level0 * scale,
    alpha,
    theta,
    adjusted,
    seasonFigure: figure,
    sigma2: n > 3 ? (best.value * scale * scale) / (n - 3) : 0,
  };
}

/** @example predictDotm(fitDotm([1, 2, 3, 4, 5, 6], 1), 2).point; // a rising line */
export function predictDotm(fitted: FittedDotm, horizon: number, options: PredictOptions = {}): Prediction {
  const forecasts = new Array<number>(horizon);
  runDotm(fitted.adjusted, fitted.level0, fitted.alpha, fitted.theta, forecasts);
  const n = fitted.adjusted.length;
  const m = fitted.seasonLength;
  const seasonal = fitted.seasonFigure.length > 0;
  const point = forecasts.map((f, h) => (seasonal ? f * fitted.seasonFigure[(n + h) % m] : f));
  const sigma = Math.sqrt(fitted.sigma2);
  const sd = point.map((p, h) => {
    const factor = seasonal ? fitted.seasonFigure[(n + h) % m] : 1;
    return sigma * factor * Math.sqrt(1 + h * fitted.alpha * fitted.alpha);
  });
  return normalBounds(point, sd, options.level);
}
