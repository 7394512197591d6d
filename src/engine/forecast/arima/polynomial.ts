/**
 * Lag polynomials of seasonal ARIMA models: products, roots, and the transformations stats::arima
 * applies to keep AR parts stationary (Jones 1980, via partial autocorrelations) and MA parts
 * invertible (roots inside the unit circle reflected outside).
 */

/**
 * Complex roots of 1 + c₁z + … + c_k z^k (coefficients c₁…c_k) by the Durand–Kerner iteration,
 * as [re, im] pairs. Leading zero coefficients are dropped (lower degree).
 * @example polynomialRoots([-3, 2]); // 1 − 3z + 2z² → roots 0.5 and 1
 */
export function polynomialRoots(coefficients: readonly number[]): [number, number][] {
  let k = coefficients.length;
  while (k > 0 && coefficients[k - 1] === 0) k--;
  if (k === 0) return [];
  // monic form: z^k + a_{k-1} z^{k-1} + … + a_0 with a_j = c_j / c_k (c_0 = 1)
  const lead = coefficients[k - 1];
  const a = new Float64Array(k);
  a[0] = 1 / lead;
  for (let j = 1; j < k; j++) a[j] = coefficients[j - 1] / lead;
  const re = new Float64Array(k);
  const im = new Float64Array(k);
  // Start on a circle of the Cauchy bound's radius, at angles that avoid symmetry.
  let radius = 0;
  for (let j = 0; j < k; j++) radius = Math.max(radius, Math.abs(a[j]));
  radius = Math.min(1 + radius, 1e6);
  for (let i = 0; i < k; i++) {
    const angle = (2 * Math.PI * i) / k + 0.4;
    re[i] = radius * Math.cos(angle);
    im[i] = radius * Math.sin(angle);
  }
  for (let iteration = 0; iteration < 500; iteration++) {
    let change = 0;
    for (let i = 0; i < k; i++) {
      // p(z) by Horner
      let pr = 1;
      let pi = 0;
      for (let j = k - 1; j >= 0; j--) {
        const nr = pr * re[i] - pi * im[i] + a[j];
        pi = pr * im[i] + pi * re[i];
        pr = nr;
      }
      // ∏_{j≠i} (z_i − z_j)
      let dr = 1;
      let di = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const xr = re[i] - re[j];
        const xi = im[i] - im[j];
        const nr = dr * xr - di * xi;
        di = dr * xi + di * xr;
        dr = nr;
      }
      const den = dr * dr + di * di;
      if (den === 0) continue;
      const qr = (pr * dr + pi * di) / den;
      const qi = (pi * dr - pr * di) / den;
      re[i] -= qr;
      im[i] -= qi;
      change = Math.max(change, Math.hypot(qr, qi) / Math.max(1, Math.hypot(re[i], im[i])));
    }
    if (change < 1e-14) break;
  }
  const roots: [number, number][] = [];
  for (let i = 0; i < k; i++) roots.push([re[i], im[i]]);
  return roots;
}

/** Smallest root modulus of 1 + c₁z + … + c_k z^k (Infinity for a constant polynomial). */
export function minimumRootModulus(coefficients: readonly number[]): number {
  let smallest = Infinity;
  for (const [re, im] of polynomialRoots(coefficients)) smallest = Math.min(smallest, Math.hypot(re, im));
  return smallest;
}

/** True when every root of 1 − φ₁z − … − φ_p z^p lies outside the unit circle (stats::arima `arCheck`). */
export function isStationary(ar: readonly number[]): boolean {
  return minimumRootModulus(ar.map((v) => -v)) > 1;
}

/**
 * The MA coefficients with every root of 1 + θ₁z + … inside the unit circle replaced by its
 * reciprocal (same autocorrelations, invertible), as stats::arima's `maInvert`.
 * @example invertMa([2]); // => [0.5]
 */
export function invertMa(ma: readonly number[]): number[] {
  let q0 = ma.length;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  if (q0 === 0) return [...ma];
  const roots = polynomialRoots(ma.slice(0, q0));
  if (roots.every(([re, im]) => Math.hypot(re, im) >= 1)) return [...ma];
  if (q0 === 1) return [1 / ma[0], ...new Array<number>(ma.length - 1).fill(0)];
  // Rebuild ∏ (1 − z / r) with the reflected roots; complex pairs stay pairs, so the result is real.
  let xr = [1];
  let xi = [0];
  for (let [re, im] of roots) {
    const mod2 = re * re + im * im;
    if (mod2 < 1) {
      re = re / mod2;
      im = -im / mod2;
    }
    // multiply by (1 − z/r): 1/r = conj(r)/|r|²
    const m2 = re * re + im * im;
    const ir = re / m2;
    const ii = -im / m2;
    const nr = new Array<number>(xr.length + 1).fill(0);
    const ni = new Array<number>(xr.length + 1).fill(0);
    for (let j = 0; j < xr.length; j++) {
      nr[j] += xr[j];
      ni[j] += xi[j];
      nr[j + 1] -= xr[j] * ir - xi[j] * ii;
      ni[j + 1] -= xr[j] * ii + xi[j] * ir;
    }
    xr = nr;
    xi = ni;
  }
  return [...xr.slice(1), ...new Array<number>(ma.length - q0).fill(0)];
}

/**
 * Maps unconstrained values to the coefficients of a stationary AR polynomial: tanh gives
 * partial autocorrelations in (−1, 1), the Durbin–Levinson recursion turns them into AR
 * coefficients (stats::arima `partrans`, Jones 1980).
 */
export function arFromUnconstrained(
  raw: ArrayLike<number>,
  out: Float64Array | number[],
  offset = 0,
  p = raw.length,
): void {
  const work = new Float64Array(p);
  for (let j = 0; j < p; j++) work[j] = out[offset + j] = Math.tanh(raw[offset + j]);
  for (let j = 1; j < p; j++) {
    const a = out[offset + j];
    for (let k = 0; k < j; k++) work[k] -= a * out[offset + j - k - 1];
    for (let k = 0; k < j; k++) out[offset + k] = work[k];
  }
}

/** Inverse of {@link arFromUnconstrained} (stats::arima `invpartrans`); the AR part must be stationary. */
export function arToUnconstrained(ar: readonly number[]): number[] {
  const p = ar.length;
  const current = [...ar];
  const work = new Array<number>(p).fill(0);
  for (let j = p - 1; j > 0; j--) {
    const a = current[j];
    for (let k = 0; k < j; k++) work[k] = (current[k] + a * current[j - k - 1]) / (1 - a * a);
    for (let k = 0; k < j; k++) current[k] = work[k];
  }
  return current.map((v) => Math.atanh(v));
}
