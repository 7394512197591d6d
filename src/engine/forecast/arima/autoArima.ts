/**
 * Automatic ARIMA order selection, forecast::auto.arima's stepwise algorithm (Hyndman &
 * Khandakar 2008, "Automatic time series forecasting: the forecast package for R", JSS 27(3),
 * §3.2) with its defaults:
 * - D from the seasonal strength heuristic, then d from repeated KPSS tests on the seasonally
 *   differenced series (differencing.ts);
 * - a constant (mean, or drift with one difference) allowed when d + D ≤ 1;
 * - orders up to p, q ≤ 5 (≤ m − 1 with a seasonal part), P, Q ≤ 2, each at most a third of
 *   the history; at most 94 models;
 * - start from ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) and the null
 *   model without constant; then move one or two of P, Q (then p, q) by ±1, or toggle the
 *   constant, as long as the AICc falls, in R's order (a better model restarts the moves);
 * - a model is rejected when a root of its AR or MA polynomial is within 1.01 of the unit
 *   circle, or when its CSS starting values are not stationary;
 * - series longer than 150 points search with CSS estimates and an AICc offset (R's
 *   `approximation`), then refit the candidates by exact likelihood in AICc order until one is
 *   admissible.
 * As R's stepwise search (and unlike its exhaustive one) there is no bound on p + q + P + Q.
 * Not done: R's rejection of fits whose Hessian gives negative variances (`checkarima`).
 */
import { notAvailable } from "../../errors";
import { FittedArima, fitArima, hasAdmissibleRoots } from "./arimaFit";
import { ArimaOrder, arimaName, coefficientCount, difference } from "./arimaModel";
import { isConstant, regularDifferences, seasonalDifferences } from "./differencing";

const MAX_MODELS = 94;

interface Candidate {
  order: ArimaOrder;
  ic: number;
  fit?: FittedArima;
}

export interface AutoArimaOptions {
  /**
   * Search with CSS estimates and refit the best by exact likelihood (R's `approximation`):
   * by default for series longer than 150 points or seasons longer than 12, as R.
   */
  approximation?: boolean;
}

/** Chooses and fits an ARIMA model for y with season length m, as forecast::auto.arima(y). */
export function autoArima(y: readonly number[], m: number, options: AutoArimaOptions = {}): FittedArima {
  const n = y.length;
  if (n < 3) throw notAvailable("ARIMA needs at least 3 points of history.", "history");
  if (isConstant(y)) return constantModel(y, { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: true }, y[0]);
  let period = m >= 2 ? Math.round(m) : 1;
  let maxP = Math.min(5, Math.floor(n / 3));
  let maxQ = Math.min(5, Math.floor(n / 3));
  let maxSP = Math.min(2, Math.floor(n / 3 / period));
  let maxSQ = Math.min(2, Math.floor(n / 3 / period));
  let D = 0;
  if (period === 1) maxSP = maxSQ = 0;
  else if (n > 2 * period) D = seasonalDifferences(y, period);
  const seasonallyDifferenced = D > 0 ? difference(y, 0, D, period) : [...y];
  const d = regularDifferences(seasonallyDifferenced);
  const dx = difference(seasonallyDifferenced, d, 0, 1);
  if (dx.length === 0) throw notAvailable("ARIMA needs a longer history.", "history");
  if (period > 1 && maxSP === 0 && maxSQ === 0 && D === 0) period = 1;
  const base = { d, D, m: period };
  if (isConstant(dx)) {
    // R's special cases for a differenced series that is constant (a polynomial trend).
    const mean = dx[0];
    if (D > 0 && d === 0) return constantModel(y, { ...base, p: 0, q: 0, P: 0, Q: 0, constant: true }, mean);
    if (d < 2 && D === 0) return constantModel(y, { ...base, p: 0, q: 0, P: 0, Q: 0, constant: true }, mean);
    return constantModel(y, { ...base, p: 0, q: 0, P: 0, Q: 0, constant: false }, 0);
  }
  if (period > 1) {
    if (maxSP > 0) maxP = Math.min(maxP, period - 1);
    if (maxSQ > 0) maxQ = Math.min(maxQ, period - 1);
  }
  const approximation = options.approximation ?? (n > 150 || period > 12);
  // AICc offset for the CSS search: −2 log L − n log σ² of the white-noise model on dx.
  let offset = 0;
  if (approximation) {
    const centre = d + D === 0 ? dx.reduce((a, b) => a + b, 0) / dx.length : 0;
    const s2 = dx.reduce((a, b) => a + (b - centre) ** 2, 0) / dx.length;
    offset = dx.length * (Math.log(2 * Math.PI * s2) + 1) - n * Math.log(s2);
  }
  const allowConstant = d + D <= 1;
  const nStar = dx.length;
  const results: Candidate[] = [];
  const evaluate = (order: ArimaOrder, method: "CSS" | "CSS-ML"): Candidate => {
    let fit: FittedArima;
    try {
      fit = fitArima(y, order, { method });
    } catch {
      return { order, ic: Infinity };
    }
    let ic = fit.aicc;
    if (method === "CSS") {
      const npar = coefficientCount(order) + 1;
      const aic = offset + nStar * Math.log(fit.innovationVariance) + 2 * npar;
      ic = aic + (2 * npar * (npar + 1)) / (nStar - npar - 1);
      if (!(nStar - npar - 1 > 0)) ic = Infinity;
    }
    if (!Number.isFinite(ic) || !hasAdmissibleRoots(fit)) ic = Infinity;
    return { order, ic, fit };
  };
  const method = approximation ? "CSS" : "CSS-ML";
  const tried = (o: ArimaOrder): boolean =>
    results.some(
      (r) =>
        r.order.p === o.p &&
        r.order.q === o.q &&
        r.order.P === o.P &&
        r.order.Q === o.Q &&
        r.order.constant === o.constant,
    );
  let best: Candidate = { order: { ...base, p: 0, q: 0, P: 0, Q: 0, constant: false }, ic: Infinity };
  const consider = (o: ArimaOrder): boolean => {
    const candidate = evaluate(o, method);
    results.push(candidate);
    if (candidate.ic < best.ic) {
      best = candidate;
      return true;
    }
    return false;
  };
  let constant = allowConstant;
  const shortSeries = n < 10;
  let p = Math.min(shortSeries ? 1 : 2, maxP);
  let q = Math.min(shortSeries ? 1 : 2, maxQ);
  let P = Math.min(shortSeries ? 0 : 1, maxSP);
  let Q = Math.min(shortSeries ? 0 : 1, maxSQ);
  const order = (pp: number, qq: number, PP: number, QQ: number, c: boolean): ArimaOrder => ({
    ...base,
    p: pp,
    q: qq,
    P: PP,
    Q: QQ,
    constant: c,
  });
  consider(order(p, q, P, Q, constant));
  if (consider(order(0, 0, 0, 0, constant))) p = q = P = Q = 0;
  if (maxP > 0 || maxSP > 0) {
    const ap = maxP > 0 ? 1 : 0;
    const aP = period > 1 && maxSP > 0 ? 1 : 0;
    if (consider(order(ap, 0, aP, 0, constant))) {
      p = ap;
      P = aP;
      q = Q = 0;
    }
  }
  if (maxQ > 0 || maxSQ > 0) {
    const aq = maxQ > 0 ? 1 : 0;
    const aQ = period > 1 && maxSQ > 0 ? 1 : 0;
    if (consider(order(0, aq, 0, aQ, constant))) {
      p = P = 0;
      q = aq;
      Q = aQ;
    }
  }
  if (constant && consider(order(0, 0, 0, 0, false))) {
    p = q = P = Q = 0;
    // R keeps `constant` TRUE here (its search goes on from the null model with the flag as it was).
  }
  // The neighbourhood, in R's order: seasonal moves first, then non-seasonal, then the constant.
  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  let startCount = 0;
  while (startCount < results.length && results.length < MAX_MODELS) {
    startCount = results.length;
    let improved = false;
    for (const [dp, dq, dP, dQ] of moves) {
      const np = p + dp;
      const nq = q + dq;
      const nP = P + dP;
      const nQ = Q + dQ;
      if (np < 0 || nq < 0 || nP < 0 || nQ < 0 || np > maxP || nq > maxQ || nP > maxSP || nQ > maxSQ) continue;
      const o = order(np, nq, nP, nQ, constant);
      if (tried(o)) continue;
      if (results.length >= MAX_MODELS) break;
      if (consider(o)) {
        p = np;
        q = nq;
        P = nP;
        Q = nQ;
        improved = true;
        break;
      }
    }
    if (improved) continue;
    if (allowConstant) {
      const o = order(p, q, P, Q, !constant);
      if (!tried(o) && results.length < MAX_MODELS && consider(o)) constant = !constant;
    }
  }
  if (approximation) {
    const ranked = results.filter((r) => Number.isFinite(r.ic)).sort((a, b) => a.ic - b.ic);
    for (const candidate of ranked) {
      const refit = evaluate(candidate.order, "CSS-ML");
      if (Number.isFinite(refit.ic)) return refit.fit as FittedArima;
    }
    throw notAvailable("No suitable ARIMA model found.", "history");
  }
  if (!best.fit || !Number.isFinite(best.ic)) throw notAvailable("No suitable ARIMA model found.", "history");
  return best.fit;
}

/** A model with no estimated coefficients: the differenced series is constant. */
function constantModel(y: readonly number[], order: ArimaOrder, mean: number): FittedArima {
  return {
    kind: "arima",
    model: arimaName(order),
    seasonLength: order.P + order.D + order.Q > 0 ? order.m : 1,
    order,
    coef: { ar: [], ma: [], sar: [], sma: [], mean },
    loglik: NaN,
    aic: NaN,
    aicc: NaN,
    sigma2: 0,
    innovationVariance: 0,
    history: [...y],
    method: "CSS-ML",
  };
}
