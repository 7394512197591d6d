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
 * (a₀, a₁) = (1.1, 1), b = 0.5, (b₀, b₁) = (1.1, 1) and from (a₀, a₁) = (1.5, 1) and (1.9, 1.1) with
 * the same seasonal start (the lowest loss of the three runs, every variant; `PAIR_STARTS`), inside the stability region: every eigenvalue
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
import { aicc } from "./criteria";
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
  /** the complex parameter a₀ + i a₁, and b₀ (b for "partial") and b₁ of the seasonal part (0 without) */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  lags: number[];
  maxLag: number;
  w: number[];
  F: number[];
  g: number[];
}

/** Radius slack of the stability test (an eigenvalue exactly on the unit circle is accepted). */
const STABILITY_TOLERANCE = 1e-7;
const BACKCAST_ROUNDS = 2;
/**
 * Starts of the smoothing pair (a₀, a₁): smooth's (1.1, 1) first, then two more. From (1.1, 1) alone
 * Nelder–Mead often stops in a basin near (1, 1) on trending series whose MSE is 2–3× the best of a
 * grid over [0, 2]² (M1 monthly: 24 of the first 60 series > 5% worse with simple seasonality); the
 * fit keeps the lowest loss of the three runs. The seasonal parameters start at smooth's values.
 */
const PAIR_STARTS: readonly (readonly [number, number])[] = [
  [1.1, 1],
  [1.5, 1],
  [1.9, 1.1],
];
const SEASONAL_START: Record<CesSeasonality, number[]> = { none: [], simple: [], partial: [0.5], full: [1.1, 1] };
const startsOf = (seasonality: CesSeasonality): number[][] =>
  PAIR_STARTS.map((pair) => [...pair, ...SEASONAL_START[seasonality]]);

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
      return {
        k: 2,
        a0,
        a1,
        b0: 0,
        b1: 0,
        lags: [lag, lag],
        maxLag: lag,
        w: [1, 0],
        F: [1, a1 - 1, 1, 1 - a0],
        g: [a0 - a1, a0 + a1],
      };
    }
    case "partial":
      return {
        k: 3,
        a0,
        a1,
        b0: p[2],
        b1: 0,
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
        a0,
        a1,
        b0,
        b1,
        lags: [1, 1, m, m],
        maxLag: m,
        w: [1, 0, 1, 0],
        F: [1, a1 - 1, 0, 0, 1, 1 - a0, 0, 0, 0, 0, 1, b1 - 1, 0, 0, 1, 1 - b0],
        g: [a0 - a1, a0 + a1, b0 - b1, b0 + b1],
      };
    }
  }
}

/** Scratch of the stability test (k ≤ 4; it runs at every evaluation of the loss). */
const stableScratch = {
  D: new Float64Array(16),
  M: new Float64Array(16),
  DM: new Float64Array(16),
  coefficients: new Float64Array(5),
};

/**
 * True when every eigenvalue of D = F − g w' lies in |z| ≤ 1 (+ a rounding slack): the
 * characteristic polynomial det(zI − D) by Faddeev–LeVerrier, then the Schur–Cohn test.
 * @example cesStable(cesStructure("none", [1.1, 1], 1)); // => true (eigenvalues 0.9 and −0.1)
 */
export function cesStable(s: CesStructure): boolean {
  const k = s.k;
  const D = stableScratch.D;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) D[i * k + j] = s.F[i * k + j] - s.g[i] * s.w[j];
  for (let i = 0; i < k * k; i++) if (!Number.isFinite(D[i])) return false;
  // Faddeev–LeVerrier: M₁ = I, c_{k−1} = −tr(D); M_j = D M_{j−1} + c_{k−j+1} I, c_{k−j} = −tr(D M_j)/j.
  const coefficients = stableScratch.coefficients.subarray(0, k + 1); // constant term first; monic
  coefficients[k] = 1;
  let M = stableScratch.M;
  let DM = stableScratch.DM;
  M.fill(0);
  for (let i = 0; i < k; i++) M[i * k + i] = 1;
  for (let j = 1; j <= k; j++) {
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
    const swap = M;
    M = DM;
    DM = swap;
  }
  return rootsWithin(coefficients, 1 + STABILITY_TOLERANCE);
}

/**
 * Runs the recursion over slots first, first + direction, … last (direction 1 forward: prior
 * states from slot − lag; −1 backward: from slot + lag). With y, slot maxLag + t takes observation t
 * and `out` receives the errors; without y the errors are 0 and `out` receives the fitted values
 * (forecasts). Returns the sum of squared errors. Written out per block of F (the general
 * w·p, F p + g ε with k ≤ 4 states) because the optimiser calls it some 2,000 times a fit.
 */
function sweep(
  s: CesStructure,
  buffer: Float64Array,
  first: number,
  last: number,
  direction: 1 | -1,
  y?: ArrayLike<number>,
  out?: number[],
): number {
  const { k, maxLag: L, a0, a1, b0, b1 } = s;
  const lagLevel = s.lags[0] * direction;
  const lagSeason = (k > 2 ? s.lags[2] : 0) * direction;
  let sse = 0;
  if (k === 2 && !out) {
    // "none" and "simple" (the members of `auto`): the same recursion with no seasonal block.
    const f12 = a1 - 1;
    const f22 = 1 - a0;
    const g1 = a0 - a1;
    const g2 = a0 + a1;
    for (let slot = first; direction > 0 ? slot <= last : slot >= last; slot += direction) {
      const r = 2 * (slot - lagLevel);
      const pl = buffer[r];
      const pc = buffer[r + 1];
      const e = y ? y[slot - L] - pl : 0;
      sse += e * e;
      buffer[2 * slot] = pl + f12 * pc + g1 * e;
      buffer[2 * slot + 1] = pl + f22 * pc + g2 * e;
    }
    return sse;
  }
  for (let slot = first; direction > 0 ? slot <= last : slot >= last; slot += direction) {
    const r = (slot - lagLevel) * k;
    const pl = buffer[r];
    const pc = buffer[r + 1];
    let fitted = pl;
    let ps1 = 0;
    let ps2 = 0;
    if (k > 2) {
      const q = (slot - lagSeason) * k;
      ps1 = buffer[q + 2];
      fitted += ps1;
      if (k === 4) ps2 = buffer[q + 3];
    }
    const e = y ? y[slot - L] - fitted : 0;
    sse += e * e;
    if (out) out[out.length] = y ? e : fitted;
    const o = slot * k;
    buffer[o] = pl + (a1 - 1) * pc + (a0 - a1) * e;
    buffer[o + 1] = pl + (1 - a0) * pc + (a0 + a1) * e;
    if (k === 3) buffer[o + 2] = ps1 + b0 * e;
    else if (k === 4) {
      buffer[o + 2] = ps1 + (b1 - 1) * ps2 + (b0 - b1) * e;
      buffer[o + 3] = ps1 + (1 - b0) * ps2 + (b0 + b1) * e;
    }
  }
  return sse;
}

/**
 * The forward pass over y: slot maxLag + t holds the states after observation t (slots
 * 0 … maxLag − 1 the initial states). Returns the sum of squared one-step errors; `errors`, when
 * given, receives them.
 */
export function cesForward(y: ArrayLike<number>, s: CesStructure, buffer: Float64Array, errors?: number[]): number {
  if (errors) errors.length = 0;
  return sweep(s, buffer, s.maxLag, s.maxLag + y.length - 1, 1, y, errors);
}

/**
 * The backcast after a forward pass: the tail (maxLag slots past the data) from the model's own
 * forecasts, then the recursion backwards over the data, then the initial slots from the states
 * after it (no error).
 */
function backcast(y: ArrayLike<number>, s: CesStructure, buffer: Float64Array): void {
  const n = y.length;
  const L = s.maxLag;
  sweep(s, buffer, L + n, n + 2 * L - 1, 1);
  sweep(s, buffer, L + n - 1, L, -1, y);
  sweep(s, buffer, L - 1, 0, -1);
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

/**
 * The loss the fit minimises (one-step MSE after backcasting) at given parameters; Infinity outside
 * [0, 2] or the stability region.
 * @example cesLoss([1, 2, 3, 4, 5, 6, 7, 8], 1, "none", [1.1, 1]) > 0; // => true
 */
export function cesLoss(
  y: readonly number[],
  m: number,
  seasonality: CesSeasonality,
  parameters: ArrayLike<number>,
): number {
  const s = cesStructure(seasonality, parameters, m);
  return lossAt(y, m, seasonality, parameters, new Float64Array((y.length + 2 * s.maxLag) * s.k));
}

function lossAt(
  y: readonly number[],
  m: number,
  seasonality: CesSeasonality,
  x: ArrayLike<number>,
  buffer: Float64Array,
): number {
  for (let i = 0; i < x.length; i++) if (!(x[i] >= 0 && x[i] <= 2)) return Infinity;
  const s = cesStructure(seasonality, x, m);
  if (!cesStable(s)) return Infinity;
  return backcastFit(y, seasonality, s, buffer) / y.length;
}

/** The number of points a variant needs (a season needs two seasons of data). */
function variantAllowed(seasonality: CesSeasonality, n: number, m: number): boolean {
  if (seasonality === "none") return n >= 5;
  return m >= 2 && n >= 2 * m && n > 2 + SEASONAL_START[seasonality].length + 2;
}

/**
 * Fits one variant.
 * @throws notAvailable when the data are too short for it or no stable parameters fit.
 */
export function fitCesVariant(y: readonly number[], m: number, seasonality: CesSeasonality): FittedCes {
  const n = y.length;
  if (!variantAllowed(seasonality, n, m))
    throw notAvailable(`CES (${seasonality}) needs more history (${n} points).`, "history");
  const starts = startsOf(seasonality);
  const shape = cesStructure(seasonality, starts[0], m);
  const buffer = new Float64Array((n + 2 * shape.maxLag) * shape.k);
  const objective = (x: ArrayLike<number>): number => lossAt(y, m, seasonality, x, buffer);
  // R optim's Nelder–Mead from each start: every first step 10% of the start's largest value,
  // relative tolerance 1e-8, 500 evaluations; the lowest loss wins (the first start on ties).
  let best = { point: Float64Array.from(starts[0]), value: Infinity };
  for (const start of starts) {
    const size = 0.1 * Math.max(...start.map(Math.abs));
    const run = nelderMead(objective, start, { steps: start.map(() => size), tolerance: 1e-8, maxEvaluations: 500 });
    if (run.value < best.value) best = run;
  }
  if (!Number.isFinite(best.value)) throw notAvailable("CES could not be fitted to this history.", "history");
  const parameters = Array.from(best.point);
  const s = cesStructure(seasonality, parameters, m);
  const sse = backcastFit(y, seasonality, s, buffer);
  const mse = sse / n;
  const k = parameters.length + 1;
  const loglik = -0.5 * n * (Math.log(2 * Math.PI) + 1 + Math.log(mse));
  const criterion = aicc(-2 * loglik, k, n);
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
    aicc: criterion,
    variants: { [seasonality]: criterion },
  };
}

export interface CesOptions {
  /** the variants to choose among (all four when omitted; "none" is always allowed as a fallback only if listed) */
  variants?: readonly CesSeasonality[];
}

/**
 * CES as smooth's `auto.ces`: every variant the data allow, the lowest AICc.
 * @example fitCes([10, 12, 11, 13, 12, 14, 13, 15], 1).seasonality; // => "none"
 * @throws notAvailable with fewer than 5 points.
 */
export function fitCes(y: readonly number[], m: number, options: CesOptions = {}): FittedCes {
  const variants: Partial<Record<CesSeasonality, number>> = {};
  let best: FittedCes | undefined;
  for (const seasonality of options.variants ?? CES_SEASONALITIES) {
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
  const point: number[] = [];
  sweep(s, buffer, L, L + horizon - 1, 1, undefined, point);
  if (options.level === undefined) return { point };
  // ψ weights: the states after a unit error at step 1 (g), carried forward with no more errors.
  const impulse = new Float64Array((L + horizon) * k);
  for (let i = 0; i < k; i++) impulse[L * k + i] = s.g[i];
  const psi: number[] = [];
  if (horizon > 1) sweep(s, impulse, L + 1, L + horizon - 1, 1, undefined, psi);
  const sd = new Array<number>(horizon);
  let sum = 1;
  sd[0] = Math.sqrt(fitted.sigma2);
  for (let h = 1; h < horizon; h++) {
    sum += psi[h - 1] * psi[h - 1];
    sd[h] = Math.sqrt(fitted.sigma2 * sum);
  }
  return normalBounds(point, sd, options.level);
}
