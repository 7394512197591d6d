/**
 * Upper tail of Fisher's F distribution, for the one-way analysis of variance that detects a
 * season in short histories. Through the regularised incomplete beta function
 * I_x(a, b) (continued fraction of Numerical Recipes §6.4, Lentz's method) and ln Γ (Lanczos,
 * g = 7, n = 9). Also the Student t quantile of small-sample prediction intervals.
 */

import { intervalZ } from "./normalQuantile";

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. @example Math.exp(logGamma(5)); // ≈ 24 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). @example regularizedBeta(0.5, 2, 2); // => 0.5 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * P(F > f) for F with (d1, d2) degrees of freedom (R: `pf(f, d1, d2, lower.tail = FALSE)`).
 * @example fUpperTail(2.82, 11, 11); // ≈ 0.05  (R: pf(2.82, 11, 11, lower.tail = FALSE) = 0.0500)
 */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/**
 * The two-sided Student t quantile for a central interval of probability `level` with `df`
 * degrees of freedom (R: `qt(0.5 + level / 2, df)`), by bisection on T² ~ F(1, df); the normal
 * z when df is not finite.
 * @example intervalT(0.95, 10); // ≈ 2.2281  (R: qt(0.975, 10) = 2.228139)
 */
export function intervalT(level: number, df: number): number {
  if (!(df < 1e7)) return intervalZ(level);
  const key = `${level} ${df}`;
  const known = T_QUANTILES.get(key);
  if (known !== undefined) return known;
  const value = tQuantileByBisection(level, df);
  if (T_QUANTILES.size < 4096) T_QUANTILES.set(key, value);
  return value;
}

/** intervalT's values already found (a combination asks each member's: a few dozen distinct df). */
const T_QUANTILES = new Map<string, number>();

/**
 * Bisection on the central probability P(|T| < t) = I_{t²/(df + t²)}(1/2, df/2), compared with
 * `level` itself (comparing the tail 1 − level instead loses every digit for tiny levels, where
 * 1 − level rounds to 1). The t quantile is never below the normal one, so z is the lower end.
 */
function tQuantileByBisection(level: number, df: number): number {
  const central = (t: number) => regularizedBeta((t * t) / (df + t * t), 0.5, df / 2);
  let low = intervalZ(level);
  let high = low;
  while (central(high) < level) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-10 * high; i++) {
    const middle = (low + high) / 2;
    if (central(middle) < level) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
