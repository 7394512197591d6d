/**
 * STL, seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990), as
 * R's `stats::stl(x, s.window)` without robustness iterations (its default `robust = FALSE`:
 * two inner passes, no outer ones). A transcription of the Fortran routines stlstp, stlss,
 * stlfts, stless and est of R's stl.f, with R's defaults for the other windows:
 * t.window = nextodd(⌈1.5 m / (1 − 1.5 / s.window)⌉), l.window = nextodd(m), degrees 0 (seasonal)
 * and 1 (trend, low-pass), jumps ⌈window / 10⌉.
 * @example stl(series, 12, 11).seasonal; // forecast::mstl's window for one season
 */
export interface StlDecomposition {
  trend: Float64Array;
  seasonal: Float64Array;
  remainder: Float64Array;
}

const nextOdd = (x: number): number => {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
};

/**
 * Loess estimate at xs (1-based positions) from y[nleft-1 … nright-1] with tricube weights;
 * degree 0 (weighted mean) or 1 (local line). Returns NaN when every weight is zero.
 */
function estimate(
  y: ArrayLike<number>,
  n: number,
  len: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    w[j - 1] = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      w[j - 1] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      a += w[j - 1];
    }
  }
  if (a <= 0) return NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] /= a;
  if (h > 0 && degree > 0) {
    let centre = 0;
    for (let j = nleft; j <= nright; j++) centre += w[j - 1] * j;
    let b = xs - centre;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1] * (j - centre) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] *= b * (j - centre) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1] * y[j - 1];
  return ys;
}

/** Loess smooth of y (length n) evaluated every `jump` points and interpolated linearly (stless). */
function loessSmooth(
  y: ArrayLike<number>,
  n: number,
  len: number,
  degree: number,
  jump: number,
  out: Float64Array,
  outOffset: number,
): void {
  const w = new Float64Array(n);
  const set = (i: number, v: number): void => {
    out[outOffset + i - 1] = Number.isNaN(v) ? y[i - 1] : v;
  };
  if (n < 2) {
    out[outOffset] = y[0];
    return;
  }
  const step = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  if (len >= n) {
    nleft = 1;
    nright = n;
    for (let i = 1; i <= n; i += step) set(i, estimate(y, n, len, degree, i, nleft, nright, w));
  } else if (step === 1) {
    const half = Math.floor((len + 1) / 2);
    nleft = 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > half && nright !== n) {
        nleft++;
        nright++;
      }
      set(i, estimate(y, n, len, degree, i, nleft, nright, w));
    }
  } else {
    const half = Math.floor((len + 1) / 2);
    for (let i = 1; i <= n; i += step) {
      if (i < half) {
        nleft = 1;
        nright = len;
      } else if (i >= n - half + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - half + 1;
        nright = len + i - half;
      }
      set(i, estimate(y, n, len, degree, i, nleft, nright, w));
    }
  }
  if (step !== 1) {
    for (let i = 1; i <= n - step; i += step) {
      const delta = (out[outOffset + i + step - 1] - out[outOffset + i - 1]) / step;
      for (let j = i + 1; j <= i + step - 1; j++) out[outOffset + j - 1] = out[outOffset + i - 1] + delta * (j - i);
    }
    const k = Math.floor((n - 1) / step) * step + 1;
    if (k !== n) {
      set(n, estimate(y, n, len, degree, n, nleft, nright, w));
      if (k !== n - 1) {
        const delta = (out[outOffset + n - 1] - out[outOffset + k - 1]) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) out[outOffset + j - 1] = out[outOffset + k - 1] + delta * (j - k);
      }
    }
  }
}

/** Moving average of length len: n − len + 1 values (stlma). */
function movingAverage(x: ArrayLike<number>, n: number, len: number): Float64Array {
  const out = new Float64Array(n - len + 1);
  let sum = 0;
  for (let i = 0; i < len; i++) sum += x[i];
  out[0] = sum / len;
  for (let j = 1; j < out.length; j++) {
    sum += x[j + len - 1] - x[j - 1];
    out[j] = sum / len;
  }
  return out;
}

/**
 * @param m season length (≥ 2); the series needs at least two seasons.
 * @param seasonalWindow s.window (odd, ≥ 3; forecast::mstl uses 11 for one season).
 */
export function stl(x: readonly number[], m: number, seasonalWindow: number): StlDecomposition {
  const n = x.length;
  const np = Math.max(2, m);
  let ns = Math.max(3, seasonalWindow);
  if (ns % 2 === 0) ns++;
  let nt = Math.max(3, nextOdd(Math.ceil((1.5 * m) / (1 - 1.5 / seasonalWindow))));
  if (nt % 2 === 0) nt++;
  let nl = Math.max(3, nextOdd(m));
  if (nl % 2 === 0) nl++;
  const sJump = Math.ceil(ns / 10);
  const tJump = Math.ceil(nt / 10);
  const lJump = Math.ceil(nl / 10);
  const trend = new Float64Array(n);
  const seasonal = new Float64Array(n);
  const detrended = new Float64Array(n);
  const cycle = new Float64Array(n + 2 * np);
  const sub = new Float64Array(n);
  const subSmooth = new Float64Array(n + 2);
  const w = new Float64Array(n);
  const low = new Float64Array(n);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) detrended[i] = x[i] - trend[i];
    // Cycle-subseries smoothing, extended one season at each end (stlss).
    for (let j = 1; j <= np; j++) {
      const k = Math.floor((n - j) / np) + 1;
      for (let i = 1; i <= k; i++) sub[i - 1] = detrended[(i - 1) * np + j - 1];
      loessSmooth(sub, k, ns, 0, sJump, subSmooth, 1);
      const first = estimate(sub, k, ns, 0, 0, 1, Math.min(ns, k), w);
      subSmooth[0] = Number.isNaN(first) ? subSmooth[1] : first;
      const last = estimate(sub, k, ns, 0, k + 1, Math.max(1, k - ns + 1), k, w);
      subSmooth[k + 1] = Number.isNaN(last) ? subSmooth[k] : last;
      for (let i = 1; i <= k + 2; i++) cycle[(i - 1) * np + j - 1] = subSmooth[i - 1];
    }
    // Low-pass filter of the cycle-subseries (stlfts), then loess.
    const ma1 = movingAverage(cycle, n + 2 * np, np);
    const ma2 = movingAverage(ma1, n + np + 1, np);
    const ma3 = movingAverage(ma2, n + 2, 3);
    loessSmooth(ma3, n, nl, 1, lJump, low, 0);
    for (let i = 0; i < n; i++) seasonal[i] = cycle[np + i] - low[i];
    for (let i = 0; i < n; i++) detrended[i] = x[i] - seasonal[i];
    loessSmooth(detrended, n, nt, 1, tJump, trend, 0);
  }
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = x[i] - seasonal[i] - trend[i];
  return { trend, seasonal, remainder };
}
