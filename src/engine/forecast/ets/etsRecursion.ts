/**
 * The ETS state recursion and its likelihood, written as R's `forecast` C code `etscalc`
 * (one loop, no allocation; the seasonal states live in a ring indexed by t mod m).
 *
 * State update (the same for additive and multiplicative errors):
 *   q = l + φb (trend A/Ad) or l (N);  p = y − s, y / s or y;  l' = q + α(p − q);
 *   b' = φb + (β/α)(l' − l − φb);  s' = s + γ(y − q − s) or s + γ(y / q − s).
 * One-step forecast f = q + s or q · s. Error e = y − f (A) or (y − f)/f (M).
 * Criterion returned (R's `lik`, −2 log-likelihood up to a constant):
 *   n log Σ e² + 2 Σ log |f| (the last term for multiplicative errors only).
 */
import { EtsSpec } from "./etsSpec";

const TOLERANCE = 1e-10;
const HUGE = 1e10;

/** Workspace reused across calls so the optimiser's inner loop allocates nothing. */
export interface EtsWorkspace {
  season: Float64Array;
  /** results of the last run (written here so the optimiser's loop allocates nothing) */
  sumSquaredErrors: number;
  level: number;
  trend: number;
}

/** A workspace for season length m (1 without season). @example etsWorkspace(12).season.length; // => 12 */
export function etsWorkspace(m: number): EtsWorkspace {
  return { season: new Float64Array(Math.max(1, m)), sumSquaredErrors: 0, level: 0, trend: 0 };
}

/**
 * Runs the recursion over y from the initial states and returns the criterion
 * n log Σe² (+ 2 Σ log|f| for multiplicative errors), Infinity when the run breaks down
 * (a multiplicative-error forecast ≤ 0). The final states and Σe² are left in `workspace`,
 * the one-step errors in `errors` when given.
 * @example see test/engine/forecast/ets.test.ts: R's AirPassengers ETS(M,Ad,M) log-likelihood −679.583.
 */
export function runEts(
  y: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  level0: number,
  trend0: number,
  season0: ArrayLike<number>,
  workspace: EtsWorkspace,
  errors?: Float64Array,
): number {
  const n = y.length;
  const season = workspace.season;
  const seasonal = spec.season !== "N";
  const additiveSeason = spec.season === "A";
  const hasTrend = spec.trend !== "N";
  const multiplicativeError = spec.error === "M";
  const damping = spec.trend === "Ad" ? phi : 1;
  const betaRatio = hasTrend ? beta / alpha : 0;
  if (seasonal) for (let j = 0; j < m; j++) season[j] = season0[j];
  let level = level0;
  let trend = hasTrend ? trend0 : 0;
  let sse = 0;
  // Σ log f kept as a running product, logged only when it leaves [1e-100, 1e100]: one
  // Math.log per period would dominate the loop.
  let logForecasts = 0;
  let forecastProduct = 1;
  let slot = 0;
  for (let t = 0; t < n; t++) {
    const observed = y[t];
    const phiB = damping * trend;
    const q = level + phiB;
    let f = q;
    let s = 0;
    if (seasonal) {
      s = season[slot];
      f = additiveSeason ? q + s : q * s;
    }
    let e: number;
    if (multiplicativeError) {
      if (!(f > TOLERANCE)) return Infinity;
      e = (observed - f) / f;
      forecastProduct *= f;
      if (forecastProduct > 1e100 || forecastProduct < 1e-100) {
        logForecasts += Math.log(forecastProduct);
        forecastProduct = 1;
      }
    } else {
      e = observed - f;
    }
    if (errors) errors[t] = e;
    sse += e * e;
    let p: number;
    if (!seasonal) p = observed;
    else if (additiveSeason) p = observed - s;
    else p = Math.abs(s) < TOLERANCE ? HUGE : observed / s;
    const newLevel = q + alpha * (p - q);
    if (hasTrend) trend = phiB + betaRatio * (newLevel - level - phiB);
    if (seasonal) {
      const target = additiveSeason ? observed - q : Math.abs(q) < TOLERANCE ? HUGE : observed / q;
      season[slot] = s + gamma * (target - s);
      slot++;
      if (slot === m) slot = 0;
    }
    level = newLevel;
  }
  workspace.sumSquaredErrors = sse;
  workspace.level = level;
  workspace.trend = trend;
  if (!(sse > 0) || !Number.isFinite(sse)) return sse === 0 ? -Infinity : Infinity;
  return n * Math.log(sse) + (multiplicativeError ? 2 * (logForecasts + Math.log(forecastProduct)) : 0);
}
