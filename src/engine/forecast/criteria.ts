/**
 * The corrected Akaike information criterion every fitted model reports (ETS, ARIMA, CES), as R's
 * forecast package: AICc = −2 log L + 2k + 2k(k + 1) / (n − k − 1), k the estimated parameters
 * (the variance included), n the observations the likelihood used; Infinity when n − k − 1 ≤ 0.
 * @example aicc(100, 3, 20); // => 100 + 6 + 24 / 16 = 107.5
 */
export function aicc(minusTwoLogLikelihood: number, k: number, n: number): number {
  return n - k - 1 > 0 ? minusTwoLogLikelihood + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
}
