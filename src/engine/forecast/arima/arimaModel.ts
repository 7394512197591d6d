/**
 * Seasonal ARIMA(p,d,q)(P,D,Q)m models: the differencing, the multiplied-out lag polynomials,
 * the conditional sum of squares and the exact Gaussian likelihood of the ARMA part by the
 * Kalman filter on Harvey's state-space form, as R's stats::arima (`ARIMA_CSS`, `ARIMA_Like`).
 *
 * The differenced series w = (1 − B)^d (1 − B^m)^D y, minus its mean μ when the model has a
 * constant, is a zero-mean ARMA process. stats::arima instead filters y itself with diffuse
 * states for the differencing (κ = 1e6) and drops those d + mD observations from the likelihood;
 * the two give the same likelihood up to κ's approximation. A constant with one difference is
 * R's drift: μ = drift (d = 1) or m · drift (D = 1).
 */

export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** season length (1 = none; P, D, Q are then 0) */
  m: number;
  /** mean of the differenced series: R's intercept (d + D = 0) or drift (d + D = 1) */
  constant: boolean;
}

export interface ArimaCoefficients {
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  /** mean of the differenced series (0 without a constant) */
  mean: number;
}

/** "ARIMA(2,1,1)(0,1,1)[12] with drift", as R's arima.string. */
export function arimaName(order: ArimaOrder): string {
  let name = `ARIMA(${order.p},${order.d},${order.q})`;
  if (order.m > 1 && order.P + order.D + order.Q > 0) name += `(${order.P},${order.D},${order.Q})[${order.m}]`;
  if (order.constant) name += order.d + order.D === 0 ? " with non-zero mean" : " with drift";
  return name;
}

/** Number of estimated coefficients (AR, MA, seasonal AR and MA, constant). */
export function coefficientCount(order: ArimaOrder): number {
  return order.p + order.q + order.P + order.Q + (order.constant ? 1 : 0);
}

/**
 * AR and MA polynomials multiplied out: φ(B)Φ(B^m) = 1 − Σ phi_k B^k and θ(B)Θ(B^m) = 1 + Σ theta_k B^k
 * (R's `ARIMA_transPars` expansion).
 */
export function expandPolynomials(c: ArimaCoefficients, m: number): { phi: Float64Array; theta: Float64Array } {
  const p = c.ar.length + m * c.sar.length;
  const q = c.ma.length + m * c.sma.length;
  const phi = new Float64Array(p);
  const theta = new Float64Array(q);
  for (let i = 0; i < c.ar.length; i++) phi[i] = c.ar[i];
  for (let i = 0; i < c.ma.length; i++) theta[i] = c.ma[i];
  for (let j = 0; j < c.sar.length; j++) {
    phi[(j + 1) * m - 1] += c.sar[j];
    for (let i = 0; i < c.ar.length; i++) phi[(j + 1) * m + i] -= c.ar[i] * c.sar[j];
  }
  for (let j = 0; j < c.sma.length; j++) {
    theta[(j + 1) * m - 1] += c.sma[j];
    for (let i = 0; i < c.ma.length; i++) theta[(j + 1) * m + i] += c.ma[i] * c.sma[j];
  }
  return { phi, theta };
}

/**
 * The differencing operator (1 − B)^d (1 − B^m)^D written as 1 − Σ delta_k B^k; returns delta.
 * @example differencingPolynomial(1, 0, 1); // => [1]
 */
export function differencingPolynomial(d: number, D: number, m: number): number[] {
  let poly = [1];
  const multiply = (lag: number): void => {
    const next = new Array<number>(poly.length + lag).fill(0);
    for (let i = 0; i < poly.length; i++) {
      next[i] += poly[i];
      next[i + lag] -= poly[i];
    }
    poly = next;
  };
  for (let i = 0; i < d; i++) multiply(1);
  for (let i = 0; i < D; i++) multiply(m);
  return poly.slice(1).map((v) => (v === 0 ? 0 : -v));
}

/** y differenced D times at lag m, then d times at lag 1. */
export function difference(y: readonly number[], d: number, D: number, m: number): number[] {
  let x = [...y];
  for (let i = 0; i < D; i++) x = x.slice(m).map((v, t) => v - x[t]);
  for (let i = 0; i < d; i++) x = x.slice(1).map((v, t) => v - x[t]);
  return x;
}

/**
 * Conditional sum of squares of the ARMA residuals of w (mean already removed), conditioning on
 * the first p = phi.length values (stats::arima method "CSS"). Returns the residual variance
 * ssq / count (NaN when nothing is left).
 */
export function conditionalVariance(
  w: ArrayLike<number>,
  phi: Float64Array,
  theta: Float64Array,
  residuals?: Float64Array,
): number {
  const n = w.length;
  const p = phi.length;
  const resid = residuals ?? new Float64Array(n);
  // Only the non-zero lags: a seasonal polynomial is mostly zeros (the airline model's θ has 3 of 13).
  const arLags = nonZeroLags(phi);
  const maLags = nonZeroLags(theta);
  let ssq = 0;
  let count = 0;
  for (let t = 0; t < p && t < n; t++) resid[t] = 0;
  for (let t = p; t < n; t++) {
    let e = w[t];
    for (const j of arLags) e -= phi[j] * w[t - j - 1];
    const lags = t - p;
    for (const j of maLags) {
      if (j >= lags) break;
      e -= theta[j] * resid[t - j - 1];
    }
    resid[t] = e;
    ssq += e * e;
    count++;
  }
  return count > 0 ? ssq / count : NaN;
}

function nonZeroLags(coefficients: Float64Array): number[] {
  const lags: number[] = [];
  for (let j = 0; j < coefficients.length; j++) if (coefficients[j] !== 0) lags.push(j);
  return lags;
}

export interface KalmanResult {
  /** Σ v_t² / F_t (innovations scaled by their relative variances) */
  ssq: number;
  /** Σ log F_t */
  sumLog: number;
  /** number of observations in the likelihood */
  count: number;
  /** filtered state at the last observation (for forecasting) */
  state: Float64Array;
}

/**
 * Autocovariances γ(0) … γ(maxLag) of the ARMA process with unit innovation variance: the
 * equations γ(h) − Σ φ_i γ(|h − i|) = Σ_{j≥h} θ_j ψ_{j−h} (θ₀ = 1) for h = 0 … p solved by
 * Gaussian elimination, then the recursion for larger lags (Brockwell & Davis 1991, §3.3).
 */
function autocovariances(phi: Float64Array, theta: Float64Array, psi: readonly number[], maxLag: number): Float64Array {
  const p = phi.length;
  const q = theta.length;
  const rhs = (h: number): number => {
    let v = 0;
    for (let j = h; j <= q; j++) v += (j === 0 ? 1 : theta[j - 1]) * psi[j - h];
    return v;
  };
  const size = p + 1;
  const a = new Float64Array(size * size);
  const b = new Float64Array(size);
  for (let h = 0; h < size; h++) {
    a[h * size + h] += 1;
    for (let i = 1; i <= p; i++) a[h * size + Math.abs(h - i)] -= phi[i - 1];
    b[h] = rhs(h);
  }
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++)
      if (Math.abs(a[row * size + col]) > Math.abs(a[pivot * size + col])) pivot = row;
    if (pivot !== col) {
      for (let k = 0; k < size; k++) {
        const tmp = a[col * size + k];
        a[col * size + k] = a[pivot * size + k];
        a[pivot * size + k] = tmp;
      }
      const tmp = b[col];
      b[col] = b[pivot];
      b[pivot] = tmp;
    }
    const diagonal = a[col * size + col];
    for (let row = col + 1; row < size; row++) {
      const factor = a[row * size + col] / diagonal;
      if (factor === 0) continue;
      for (let k = col; k < size; k++) a[row * size + k] -= factor * a[col * size + k];
      b[row] -= factor * b[col];
    }
  }
  const gamma = new Float64Array(Math.max(maxLag, p) + 1);
  for (let row = size - 1; row >= 0; row--) {
    let v = b[row];
    for (let k = row + 1; k < size; k++) v -= a[row * size + k] * gamma[k];
    gamma[row] = v / a[row * size + row];
  }
  for (let h = p + 1; h <= maxLag; h++) {
    let v = h <= q ? rhs(h) : 0;
    for (let i = 1; i <= p; i++) v += phi[i - 1] * gamma[h - i];
    gamma[h] = v;
  }
  return gamma;
}

/**
 * Unconditional covariance of the ARMA state (in units of σ²), the Kalman filter's P₀. In
 * Harvey's form the state is a(1) = y_t and, for j ≥ 2, a(j) = Σ_{i≥j} φ_i y_{t+j−1−i} +
 * Σ_{i≥j−1} θ_i ε_{t+j−1−i}; its covariances follow from the autocovariances γ, the ψ weights
 * (Cov(y_t, ε_{t−k}) = ψ_k) and white noise, using only the non-zero coefficients (seasonal
 * polynomials are sparse). stats::arima computes the same matrix by Gardner et al. (1980).
 */
function stateCovariance(phi: Float64Array, theta: Float64Array, r: number): Float64Array {
  const psi = psiWeights(phi, theta, [], r + 1);
  const gamma = autocovariances(phi, theta, psi, r + 1);
  // each state element as sparse lists: y lags (sy, cy) and ε lags (se, ce)
  const ys: number[][] = [];
  const yc: number[][] = [];
  const es: number[][] = [];
  const ec: number[][] = [];
  for (let j = 1; j <= r; j++) {
    const sy: number[] = [];
    const cy: number[] = [];
    const se: number[] = [];
    const ce: number[] = [];
    if (j === 1) {
      sy.push(0);
      cy.push(1);
    } else {
      for (let i = j; i <= r; i++) {
        const s = i - j + 1;
        if (i <= phi.length && phi[i - 1] !== 0) {
          sy.push(s);
          cy.push(phi[i - 1]);
        }
        if (i - 1 >= 1 && i - 1 <= theta.length && theta[i - 2] !== 0) {
          se.push(s - 1);
          ce.push(theta[i - 2]);
        }
      }
    }
    ys.push(sy);
    yc.push(cy);
    es.push(se);
    ec.push(ce);
  }
  const cov = new Float64Array(r * r);
  for (let j = 0; j < r; j++) {
    for (let k = 0; k <= j; k++) {
      let v = 0;
      for (let a = 0; a < ys[j].length; a++) {
        for (let b = 0; b < ys[k].length; b++) v += yc[j][a] * yc[k][b] * gamma[Math.abs(ys[j][a] - ys[k][b])];
        // Cov(y_{t−s}, ε_{t−u}) = ψ_{u−s} for u ≥ s
        for (let b = 0; b < es[k].length; b++) {
          const lag = es[k][b] - ys[j][a];
          if (lag >= 0) v += yc[j][a] * ec[k][b] * psi[lag];
        }
      }
      for (let a = 0; a < es[j].length; a++) {
        for (let b = 0; b < ys[k].length; b++) {
          const lag = es[j][a] - ys[k][b];
          if (lag >= 0) v += ec[j][a] * yc[k][b] * psi[lag];
        }
        for (let b = 0; b < es[k].length; b++) if (es[j][a] === es[k][b]) v += ec[j][a] * ec[k][b];
      }
      cov[j * r + k] = v;
      cov[k * r + j] = v;
    }
  }
  return cov;
}

/**
 * Exact Gaussian likelihood terms of a zero-mean stationary ARMA series w by the Kalman filter
 * (stats::arima `ARIMA_Like` with no differencing): state dimension r = max(p, q + 1), a₀ = 0,
 * P₀ the unconditional covariance.
 */
export function kalmanFilter(w: ArrayLike<number>, phi: Float64Array, theta: Float64Array): KalmanResult {
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const rVector = new Float64Array(r + 1);
  rVector[0] = 1;
  for (let i = 0; i < q; i++) rVector[i + 1] = theta[i];
  const phiFull = new Float64Array(r + 1);
  phiFull.set(phi);
  // Covariances as lower triangles with stride r + 1 and a zero last row, so that
  // (T P T')_ij = φ_i φ_j P_00 + φ_i P_{j+1,0} + φ_j P_{i+1,0} + P_{i+1,j+1} needs no bounds tests.
  const stride = r + 1;
  const start = stateCovariance(phi, theta, r);
  const P = new Float64Array(stride * stride);
  const Pnew = new Float64Array(stride * stride);
  for (let i = 0; i < r; i++) for (let j = 0; j <= i; j++) Pnew[i * stride + j] = start[i * r + j];
  const a = new Float64Array(r + 1);
  const anew = new Float64Array(r + 1);
  let ssq = 0;
  let sumLog = 0;
  let count = 0;
  const n = w.length;
  let t = 0;
  for (; t < n; t++) {
    const a0 = a[0];
    for (let i = 0; i < r; i++) anew[i] = a[i + 1] + phiFull[i] * a0;
    if (t > 0) {
      const p00 = P[0];
      for (let i = 0; i < r; i++) {
        const phiI = phiFull[i];
        const rowI = i * stride;
        const nextRow = (i + 1) * stride;
        const pI0 = P[nextRow];
        const rI = rVector[i];
        for (let j = 0; j <= i; j++) {
          const phiJ = phiFull[j];
          Pnew[rowI + j] =
            rI * rVector[j] + phiI * (phiJ * p00 + P[(j + 1) * stride]) + phiJ * pI0 + P[nextRow + j + 1];
        }
      }
    }
    const gain = Pnew[0];
    const resid = w[t] - anew[0];
    if (gain < 1e4) {
      count++;
      ssq += (resid * resid) / gain;
      sumLog += Math.log(gain);
    }
    let trace = 0;
    const scaled = resid / gain;
    for (let i = 0; i < r; i++) {
      const kI = Pnew[i * stride];
      a[i] = anew[i] + kI * scaled;
      const kOverGain = kI / gain;
      const rowI = i * stride;
      for (let j = 0; j <= i; j++) P[rowI + j] = Pnew[rowI + j] - kOverGain * Pnew[j * stride];
      trace += P[rowI + i];
    }
    // Once the state is known (P ≈ 0, in units of σ²) every later step has Pnew = R R', gain 1
    // and Kalman gain R: the filter becomes the plain ARMA residual recursion, O(r) per step.
    if (t > 0 && Math.abs(trace) < 1e-12) {
      t++;
      break;
    }
  }
  for (; t < n; t++) {
    const a0 = a[0];
    for (let i = 0; i < r; i++) anew[i] = a[i + 1] + phiFull[i] * a0;
    const resid = w[t] - anew[0];
    count++;
    ssq += resid * resid;
    for (let i = 0; i < r; i++) a[i] = anew[i] + rVector[i] * resid;
  }
  return { ssq, sumLog, count, state: a.slice(0, r) };
}

/** Continues the ARMA state forward: the forecasts of w (zero mean) for h = 1 … horizon. */
export function forecastState(state: Float64Array, phi: Float64Array, horizon: number): number[] {
  const r = state.length;
  const p = phi.length;
  let a = Float64Array.from(state);
  let next = new Float64Array(r);
  const out: number[] = [];
  for (let h = 0; h < horizon; h++) {
    for (let i = 0; i < r; i++) next[i] = (i + 1 < r ? a[i + 1] : 0) + (i < p ? phi[i] * a[0] : 0);
    out.push(next[0]);
    const swap = a;
    a = next;
    next = swap;
  }
  return out;
}

/**
 * ψ weights of θ(B) / (φ(B) δ(B)), the full model with its differencing: y_{n+h} − ŷ_{n+h} =
 * Σ_{j<h} ψ_j ε_{n+h−j}, so the h-step variance is σ² Σ_{j<h} ψ_j².
 */
export function psiWeights(phi: Float64Array, theta: Float64Array, delta: readonly number[], count: number): number[] {
  // full AR polynomial 1 − Σ a_k B^k = (1 − Σ phi_k B^k)(1 − Σ delta_k B^k)
  const full = new Array<number>(phi.length + delta.length).fill(0);
  for (let i = 0; i < phi.length; i++) full[i] += phi[i];
  for (let i = 0; i < delta.length; i++) full[i] += delta[i];
  for (let i = 0; i < phi.length; i++) for (let j = 0; j < delta.length; j++) full[i + j + 1] -= phi[i] * delta[j];
  const psi = new Array<number>(count).fill(0);
  psi[0] = 1;
  for (let j = 1; j < count; j++) {
    let v = j <= theta.length ? theta[j - 1] : 0;
    for (let i = 1; i <= Math.min(j, full.length); i++) v += full[i - 1] * psi[j - i];
    psi[j] = v;
  }
  return psi;
}
