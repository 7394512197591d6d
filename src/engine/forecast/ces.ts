/**
 * Complex exponential smoothing, CES (Svetunkov, Kourentzes & Ord 2022, "Complex exponential
 * smoothing", Naval Research Logistics 69(8); R package smooth's `ces()` / `auto.ces()`).
 *
 * The complex smoothing parameter a₀ + i·a₁ updates a complex state ℓ_t + i·c_t (level and
 * "information potential") from the observation and the one-step error ε_t = y_t − ℓ_{t−1}:
 *   ℓ_t + i c_t = (a₀ + i a₁)(y_t + i ε_t) + (1 − a₀ + i (1 − a₁))(ℓ_{t−1} + i c_{t−1}),
 * whose real and imaginary parts are the state-space form smooth estimates:
 *   y_t = ℓ_{t−1} + ε_t
 *   ℓ_t = ℓ_{t−1} − (1 − a₁) c_{t−1} + (a₀ − a₁) ε_t
 *   c_t = ℓ_{t−1} + (1 − a₀) c_{t−1} + (a₀ + a₁) ε_t
 * i.e. F = [[1, a₁ − 1], [1, 1 − a₀]], g = (a₀ − a₁, a₀ + a₁), w = (1, 0). Seasonal variants
 * (smooth's `seasonality`):
 *   "none"     the above;
 *   "simple"   the same two states at lag m (ℓ_{t−m}, c_{t−m});
 *   "partial"  the above plus an additive seasonal state s_t = s_{t−m} + b ε_t (y_t = ℓ_{t−1} + s_{t−m} + ε_t);
 *   "full"     the above plus a second complex pair at lag m with b₀ + i b₁ (F, g the same blocks,
 *              w = (1, 0, 1, 0)).
 * Parameters minimise the one-step MSE (smooth's default loss) by Nelder–Mead from smooth's start
 * (a₀, a₁) = (1.1, 1), b = 0.5, (b₀, b₁) = (1.1, 1), inside the stability region: every eigenvalue
 * of the discount matrix D = F − g w' has modulus below 1 (for "none" this is the paper's region
 * (a₀ − 2.5)² + a₁² > 1.25, (a₀ − 0.5)² + (a₁ − 1)² > 0.25, (a₀ − 1.5)² + (a₁ − 0.5)² < 1.5);
 * smooth's test is the same, on the lag-free matrices.
 * Initial states: backcast, as smooth's default (`initial = "backcasting"`): from a start (ℓ the
 * mean of the first 10 points or, seasonal, of the first season; c = ℓ / 1.1; s the additive
 * decomposition's figure; "simple": ℓ the first season itself) the model runs forward over the
 * data, then backward (the same recursion on the reversed series, from the states the forward
 * pass left), and the backward pass's states at the start become the initial states; two such
 * rounds, then the forward pass whose MSE is the loss. Backcast states are not counted as
 * parameters (k = smoothing parameters + the variance).
 * Variant choice: the lowest AICc of the variants the data allow (all four with a season of m ≥ 2
 * and at least two seasons of data; "none" otherwise), as smooth's `auto.ces`; the Gaussian
 * log-likelihood of the MSE, −n/2 (log 2π + 1 + log MSE).
 * Intervals: the linear state-space variance (Hyndman et al. 2008, class 1; smooth's parametric
 * intervals for additive models): σ²(1 + Σ_{j<h} ψ_j²), ψ_j the response of the j-step forecast
 * to a unit one-step error, σ² = SSE / (n − k).
 */
import { notAvailable } from "../errors";
import { seasonalFigure } from "./decompose";
import { rootsWithin } from "./ets/etsAdmissible";
import { nelderMead } from "./nelderMead";
import { Prediction, PredictOptions, normalBounds } from "./prediction";

export type CesSeasonality = "none" | "simple" | "partial" | "full";

export const CES_SEASONALITIES: readonly CesSeasonality[] = ["none", "simple", "partial", "full"];

export interface FittedCes {
  kind: "ces";
  model: string;
  seasonality: CesSeasonality;
  /** m for the seasonal variants, 1 for "none" */
  seasonLength: number;
  /** a₀, a₁ then b (partial) or b₀, b₁ (full) */
  parameters: number[];
  /** the last `lag` states of every component (the state buffer's final maxLag slots, slot-major) */
  finalStates: number[];
  mse: number;
  sigma2: number;
  loglik: number;
  aicc: number;
  /** AICc of every variant fitted (Infinity when it could not be fitted) */
  variants: Partial<Record<CesSeasonality, number>>;
}

/** The matrices of one variant: k states, their lags, w, F (row-major k × k) and g. */
export interface CesStructure {
  k: number;
  lags: number[];
  maxLag: number;
  w: number[];
  F: number[];
  g: number[];
}

/** Radius slack of the stability test (an eigenvalue exactly on the unit circle is accepted). */
const STABILITY_TOLERANCE = 1e-7;
const BACKCAST_ROUNDS = 2;
const START: Record<CesSeasonality, number[]> = {
  none: [1.1, 1],
  simple: [1.1, 1],
  partial: [1.1, 1, 0.5],
  full: [1.1, 1, 1.1, 1],
};

/**
 * @example cesStructure("none", [1.2, 0.9], 1).F; // => [1, -0.1, 1, -0.2] (to rounding)
 */
export function cesStructure(seasonality: CesSeasonality, p: ArrayLike<number>, m: number): CesStructure {
  const a0 = p[0];
  const a1 = p[1];
  switch (seasonality) {
    case "none":
    case "simple": {
      const lag = seasonality === "none" ? 1 : m;
      return { k: 2, lags: [lag, lag], maxLag: lag, w: [1, 0], F: [1, a1 - 1, 1, 1 - a0], g: [a0 - a1, a0 + a1] };
    }
    case "partial":
      return {
        k: 3,
        lags: [1, 1, m],
        maxLag: m,
        w: [1, 0, 1],
        F: [1, a1 - 1, 0, 1, 1 - a0, 0, 0, 0, 1],
        g: [a0 - a1, a0 + a1, p[2]],
      };
    case "full": {
      const b0 = p[2];
      const b1 = p[3];
      return {
        k: 4,
        lags: [1, 1, m, m],
        maxLag: m,
        w: [1, 0, 1, 0],
        F: [1, a1 - 1, 0, 0, 1, 1 - a0, 0, 0, 0, 0, 1, b1 - 1, 0, 0, 1, 1 - b0],
        g: [a0 - a1, a0 + a1, b0 - b1, b0 + b1],
      };
    }
  }
}

/**
 * True when every eigenvalue of D = F − g w' lies in |z| ≤ 1 (+ a rounding slack): the
 * characteristic polynomial det(zI − D) by Faddeev–LeVerrier, then the Schur–Cohn test.
 * @example cesStable(cesStructure("none", [1.1, 1], 1)); // => true (eigenvalues 0.9 and −0.1)
 */
export function cesStable(s: CesStructure): boolean {
  const k = s.k;
  const D = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) D[i * k + j] = s.F[i * k + j] - s.g[i] * s.w[j];
  if (!D.every(Number.isFinite)) return false;
  // Faddeev–LeVerrier: M₁ = I, c_{k−1} = −tr(D); M_j = D M_{j−1} + c_{k−j+1} I, c_{k−j} = −tr(D M_j)/j.
  const coefficients = new Float64Array(k + 1); // constant term first; monic
  coefficients[k] = 1;
  let M = new Float64Array(k * k);
  for (let i = 0; i < k; i++) M[i * k + i] = 1;
  for (let j = 1; j <= k; j++) {
    const DM = new Float64Array(k * k);
    for (let r = 0; r < k; r++)
      for (let c = 0; c < k; c++) {
        let sum = 0;
        for (let q = 0; q < k; q++) sum += D[r * k + q] * M[q * k + c];
        DM[r * k + c] = sum;
      }
    let trace = 0;
    for (let i = 0; i < k; i++) trace += DM[i * k + i];
    const c = -trace / j;
    coefficients[k - j] = c;
    for (let i = 0; i < k; i++) DM[i * k + i] += c;
    M = DM;
  }
  return rootsWithin(coefficients, 1 + STABILITY_TOLERANCE);
}

/** Scratch for the prior states of one step (k ≤ 4). */
const prior = new Float64Array(4);

/** One step: prior states from slot ∓ lag (direction 1 forward, −1 backward), fitted w·p, error (when y given), new states into slot. */
function step(s: CesStructure, buffer: Float64Array, slot: number, direction: 1 | -1, y: number | undefined): number {
  const { k, lags, w, F, g } = s;
  let fitted = 0;
  for (let i = 0; i < k; i++) {
    const p = buffer[(slot - direction * lags[i]) * k + i];
    prior[i] = p;
    fitted += w[i] * p;
  }
  const error = y === undefined ? 0 : y - fitted;
  for (let i = 0; i < k; i++) {
    let v = g[i] * error;
    for (let j = 0; j < k; j++) v += F[i * k + j] * prior[j];
    buffer[slot * k + i] = v;
  }
  return y === undefined ? fitted : error;
}

/**
 * The forward pass over y: slot maxLag + t holds the states after observation t (slots
 * 0 … maxLag − 1 the initial states). Returns the sum of squared one-step errors; `errors`, when
 * given, receives them.
 */
export function cesForward(y: ArrayLike<number>, s: CesStructure, buffer: Float64Array, errors?: number[]): number {
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = step(s, buffer, s.maxLag + t, 1, y[t]);
    if (errors) errors[t] = e;
    sse += e * e;
  }
  return sse;
}

/**
 * The backcast after a forward pass: the tail (maxLag slots past the data) from the model's own
 * forecasts, then the recursion backwards over the data, then the initial slots from the states
 * after it (no error).
 */
function backcast(y: ArrayLike<number>, s: CesStructure, buffer: Float64Array): void {
  const n = y.length;
  const L = s.maxLag;
  for (let slot = L + n; slot < n + 2 * L; slot++) step(s, buffer, slot, 1, undefined);
  for (let t = n - 1; t >= 0; t--) step(s, buffer, L + t, -1, y[t]);
  for (let slot = L - 1; slot >= 0; slot--) step(s, buffer, slot, -1, undefined);
}

/** The starting initial states (before backcasting), written to slots 0 … maxLag − 1. */
function startStates(y: readonly number[], seasonality: CesSeasonality, s: CesStructure, buffer: Float64Array): void {
  const { k, maxLag: L } = s;
  const meanOf = (count: number): number => {
    let sum = 0;
    for (let t = 0; t < count; t++) sum += y[t];
    return sum / count;
  };
  const level = seasonality === "none" ? meanOf(Math.min(10, y.length)) : meanOf(L);
  const figure = seasonality === "partial" || seasonality === "full" ? seasonalFigure(y, L, "additive") : [];
  for (let j = 0; j < L; j++) {
    const slot = j * k;
    const l = seasonality === "simple" ? y[j] : level;
    buffer[slot] = l;
    buffer[slot + 1] = l / 1.1;
    if (k >= 3) buffer[slot + 2] = figure[j];
    if (k === 4) buffer[slot + 3] = figure[j] / 1.1;
  }
}

/** Backcasts the initial states and returns the final forward pass's SSE (the buffer holds its states). */
function backcastFit(
  y: readonly number[],
  seasonality: CesSeasonality,
  s: CesStructure,
  buffer: Float64Array,
  errors?: number[],
): number {
  startStates(y, seasonality, s, buffer);
  for (let round = 0; round < BACKCAST_ROUNDS; round++) {
    cesForward(y, s, buffer);
    backcast(y, s, buffer);
  }
  return cesForward(y, s, buffer, errors);
}

/** The number of points a variant needs (a season needs two seasons of data). */
function variantAllowed(seasonality: CesSeasonality, n: number, m: number): boolean {
  if (seasonality === "none") return n >= 5;
  return m >= 2 && n >= 2 * m && n > START[seasonality].length + 2;
}

/**
 * Fits one variant.
 * @throws notAvailable when the data are too short for it or no stable parameters fit.
 */
export function fitCesVariant(y: readonly number[], m: number, seasonality: CesSeasonality): FittedCes {
  const n = y.length;
  if (!variantAllowed(seasonality, n, m))
    throw notAvailable(`CES (${seasonality}) needs more history (${n} points).`, "history");
  const start = START[seasonality];
  const shape = cesStructure(seasonality, start, m);
  const buffer = new Float64Array((n + 2 * shape.maxLag) * shape.k);
  const objective = (x: Float64Array): number => {
    for (let i = 0; i < x.length; i++) if (!(x[i] >= 0 && x[i] <= 2)) return Infinity;
    const s = cesStructure(seasonality, x, m);
    if (!cesStable(s)) return Infinity;
    return backcastFit(y, seasonality, s, buffer) / n;
  };
  // R optim's Nelder–Mead: every first step 10% of the largest start value, relative tolerance
  // 1e-8, 500 evaluations.
  const size = 0.1 * Math.max(...start.map(Math.abs));
  const best = nelderMead(objective, start, { steps: start.map(() => size), tolerance: 1e-8, maxEvaluations: 500 });
  if (!Number.isFinite(best.value)) throw notAvailable("CES could not be fitted to this history.", "history");
  const parameters = Array.from(best.point);
  const s = cesStructure(seasonality, parameters, m);
  const sse = backcastFit(y, seasonality, s, buffer);
  const mse = sse / n;
  const k = parameters.length + 1;
  const loglik = -0.5 * n * (Math.log(2 * Math.PI) + 1 + Math.log(mse));
  const aicc = n - k - 1 > 0 ? -2 * loglik + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  const L = s.maxLag;
  return {
    kind: "ces",
    model: `CES(${seasonality})`,
    seasonality,
    seasonLength: seasonality === "none" ? 1 : m,
    parameters,
    finalStates: Array.from(buffer.subarray(n * s.k, (n + L) * s.k)),
    mse,
    sigma2: sse / Math.max(1, n - k),
    loglik,
    aicc,
    variants: { [seasonality]: aicc },
  };
}

/**
 * CES as smooth's `auto.ces`: every variant the data allow, the lowest AICc.
 * @example fitCes([10, 12, 11, 13, 12, 14, 13, 15], 1).seasonality; // => "none"
 * @throws notAvailable with fewer than 5 points.
 */
export function fitCes(y: readonly number[], m: number): FittedCes {
  const variants: Partial<Record<CesSeasonality, number>> = {};
  let best: FittedCes | undefined;
  for (const seasonality of CES_SEASONALITIES) {
    if (!variantAllowed(seasonality, y.length, m)) continue;
    try {
      const fitted = fitCesVariant(y, m, seasonality);
      variants[seasonality] = fitted.aicc;
      if (!best || fitted.aicc < best.aicc) best = fitted;
    } catch {
      variants[seasonality] = Infinity;
    }
  }
  if (!best) throw notAvailable("CES needs at least 5 points of history.", "history");
  return { ...best, variants };
}

/** @example predictCes(fitCes([1, 2, 3, 4, 5, 6, 7, 8], 1), 2).point.length; // => 2 */
export function predictCes(fitted: FittedCes, horizon: number, options: PredictOptions = {}): Prediction {
  const s = cesStructure(fitted.seasonality, fitted.parameters, fitted.seasonLength);
  const { k, maxLag: L } = s;
  const buffer = new Float64Array((L + horizon) * k);
  buffer.set(fitted.finalStates);
  const point = new Array<number>(horizon);
  for (let h = 0; h < horizon; h++) point[h] = step(s, buffer, L + h, 1, undefined);
  if (options.level === undefined) return { point };
  // ψ weights: the states after a unit error at step 1 (g), carried forward with no more errors.
  const impulse = new Float64Array((L + horizon) * k);
  for (let i = 0; i < k; i++) impulse[L * k + i] = s.g[i];
  const sd = new Array<number>(horizon);
  let sum = 1;
  sd[0] = Math.sqrt(fitted.sigma2);
  for (let h = 1; h < horizon; h++) {
    const psi = step(s, impulse, L + h, 1, undefined);
    sum += psi * psi;
    sd[h] = Math.sqrt(fitted.sigma2 * sum);
  }
  return normalBounds(point, sd, options.level);
}
