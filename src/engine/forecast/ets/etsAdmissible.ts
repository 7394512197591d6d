/**
 * The admissible (forecastable) region of ETS smoothing parameters, as R's
 * `forecast:::admissible(alpha, beta, gamma, phi, m)` (Hyndman, Akram & Archibald 2008; Hyndman
 * et al. 2008, ch. 10): the parameters for which the model's forecasts do not depend on the
 * distant past. R's `ets()` with its default `bounds = "both"` rejects parameters outside it as
 * well as outside the "usual" bounds (0 < β < α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98).
 *
 * For seasonal models the last test is that every root of the characteristic polynomial
 *   P(z) = φ(1 − α − γ) + (α + β − αφ + γ − 1) z + (α + β − αφ)(z² + … + z^{m−1}) + (α + β − φ) z^m + z^{m+1}
 * lies in the closed unit disc (R: max |polyroot(P)| ≤ 1 + 1e−10). R finds the roots; here the
 * Schur–Cohn test on P(rz), r = 1 + ROOT_TOLERANCE, answers the same question without them in
 * O(m²) operations (an exact root at z = 1 — every model without trend has one — lies inside the
 * slightly larger disc). Inside R's usual bounds it matters for monthly trend models: on R's own
 * sample of such parameters (test/reference/admissibleReference.json) 173 of 300 are rejected.
 */

/**
 * Radius slack of the root test. R's is 1e−10 on computed roots; this is a little looser so the
 * exact unit root of the models without trend is never lost to rounding in the Schur–Cohn steps.
 */
const ROOT_TOLERANCE = 1e-7;

/** Scratch space, grown on demand (the optimiser calls this at every evaluation). */
let scratch = new Float64Array(16);
let scratchNext = new Float64Array(16);

/**
 * True when every root of Σ coefficients[k] z^k lies in |z| < radius (Schur–Cohn: |a₀| < |aₙ|,
 * then the same test on (aₙ p(z) − a₀ p*(z)) / z, whose degree is one lower). The leading
 * coefficient must be non-zero.
 * @example rootsWithin([-0.25, 0, 1], 1); // => true  (roots ±0.5)
 */
export function rootsWithin(coefficients: ArrayLike<number>, radius: number): boolean {
  let n = coefficients.length - 1;
  if (scratch.length < n + 1) {
    scratch = new Float64Array(2 * (n + 1));
    scratchNext = new Float64Array(2 * (n + 1));
  }
  let a = scratch;
  let b = scratchNext;
  let power = 1;
  for (let k = 0; k <= n; k++) {
    a[k] = coefficients[k] * power;
    power *= radius;
  }
  while (n > 0) {
    const first = a[0];
    const last = a[n];
    if (!(Math.abs(first) < Math.abs(last))) return false;
    // b_k = aₙ a_{k+1} − a₀ a_{n−1−k}, scaled so the new leading coefficient is 1
    const lead = last * last - first * first;
    for (let k = 0; k < n; k++) b[k] = (last * a[k + 1] - first * a[n - 1 - k]) / lead;
    const swap = a;
    a = b;
    b = swap;
    n--;
  }
  return true;
}

/** Coefficients of the characteristic polynomial, constant term first (R's `P`). */
let polynomial = new Float64Array(14);

/**
 * R's `admissible()`. Pass β = undefined for models without trend, γ = undefined without season
 * and φ = 1 without damping (R's NULL arguments).
 * @example etsAdmissible(0.5, 0.1, 0.1, 1, 12); // => true
 * @example etsAdmissible(0.9, 0.8, 0.05, 1, 12); // => false (a characteristic root outside the unit circle)
 */
export function etsAdmissible(
  alpha: number,
  beta: number | undefined,
  gamma: number | undefined,
  phi: number,
  m: number,
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (gamma === undefined) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (beta !== undefined && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m <= 1) return true;
  const b = beta ?? 0;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (b < -(1 - phi) * (gamma / m + alpha)) return false;
  if (polynomial.length < m + 2) polynomial = new Float64Array(m + 2);
  const p = polynomial.subarray(0, m + 2);
  p[0] = phi * (1 - alpha - gamma);
  p[1] = alpha + b - alpha * phi + gamma - 1;
  for (let k = 2; k < m; k++) p[k] = alpha + b - alpha * phi;
  p[m] = alpha + b - phi;
  p[m + 1] = 1;
  return rootsWithin(p, 1 + ROOT_TOLERANCE);
}
