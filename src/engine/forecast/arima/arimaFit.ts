/**
 * Fitting one seasonal ARIMA order as R's stats::arima(method = "CSS-ML") inside
 * forecast::Arima/auto.arima: conditional sum of squares first (BFGS from zero, the constant from
 * the mean of the differenced series), then the exact likelihood by the Kalman filter (BFGS from
 * the CSS estimates, AR parts through the PACF transformation so they stay stationary, MA parts
 * made invertible before and after), as stats::arima does; the CSS estimates must be stationary
 * or the order is rejected ("non-stationary AR part from CSS"). method "CSS" stops after the
 * first step (auto.arima's `approximation` for long series; the airline member).
 */
import { notAvailable } from "../../errors";
import { bfgs } from "../bfgs";
import { aicc } from "../criteria";
import {
  ArimaCoefficients,
  ArimaOrder,
  arimaName,
  coefficientCount,
  conditionalVariance,
  difference,
  expandPolynomials,
  kalmanFilter,
} from "./arimaModel";
import { arFromUnconstrained, arToUnconstrained, invertMa, isStationary, minimumRootModulus } from "./polynomial";

export interface FittedArima {
  kind: "arima";
  model: string;
  seasonLength: number;
  order: ArimaOrder;
  coef: ArimaCoefficients;
  /** Gaussian log-likelihood (exact; for method "CSS" the conditional one) */
  loglik: number;
  aic: number;
  aicc: number;
  /** residual variance as forecast::Arima reports it: Σ residuals² / (n − d − mD − k) with k coefficients */
  sigma2: number;
  /** stats::arima's σ² estimate: the mean squared (scaled) innovation, or the CSS residual variance */
  innovationVariance: number;
  /** the series the model was fitted to */
  history: number[];
  method: "CSS-ML" | "CSS";
}

export interface ArimaFitOptions {
  method?: "CSS-ML" | "CSS";
}

/** Splits a parameter vector (ar, ma, sar, sma, mean: stats::arima's order) into coefficients. */
function unpack(order: ArimaOrder, x: ArrayLike<number>): ArimaCoefficients {
  let k = 0;
  const take = (count: number): number[] => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(x[k++]);
    return out;
  };
  const ar = take(order.p);
  const ma = take(order.q);
  const sar = take(order.P);
  const sma = take(order.Q);
  return { ar, ma, sar, sma, mean: order.constant ? x[k] : 0 };
}

function pack(c: ArimaCoefficients, order: ArimaOrder): number[] {
  return [...c.ar, ...c.ma, ...c.sar, ...c.sma, ...(order.constant ? [c.mean] : [])];
}

function centred(w: readonly number[], mean: number, out: Float64Array): Float64Array {
  for (let i = 0; i < w.length; i++) out[i] = w[i] - mean;
  return out;
}

/** The ARMA part's exact likelihood objective 0.5 (log s² + Σ log F / n), as stats::arima's `armafn`. */
function likelihoodObjective(c: ArimaCoefficients, m: number, w: readonly number[], work: Float64Array): number {
  const { phi, theta } = expandPolynomials(c, m);
  const k = kalmanFilter(centred(w, c.mean, work), phi, theta);
  const s2 = k.ssq / k.count;
  return 0.5 * (Math.log(s2) + k.sumLog / k.count);
}

/**
 * @throws notAvailable when the differenced series is too short or the order cannot be fitted
 * (optimiser failure, non-stationary CSS estimates).
 */
export function fitArima(y: readonly number[], order: ArimaOrder, options: ArimaFitOptions = {}): FittedArima {
  const method = options.method ?? "CSS-ML";
  const { m } = order;
  const w = difference(y, order.d, order.D, m);
  const k = coefficientCount(order);
  if (w.length <= order.p + m * order.P + 1 || w.length < 3)
    throw notAvailable(`${arimaName(order)} needs a longer history.`, "history");
  const work = new Float64Array(w.length);
  // Initial values: zeros, the constant from least squares on the differenced series (its
  // standard error ×10 is its scale, as stats::arima's parscale).
  let wMean = 0;
  for (const v of w) wMean += v;
  wMean /= w.length;
  let wVar = 0;
  for (const v of w) wVar += (v - wMean) ** 2;
  const se = Math.sqrt(wVar / Math.max(1, w.length - 1) / w.length);
  const init = new Array<number>(k).fill(0);
  const scale = new Array<number>(k).fill(1);
  if (order.constant) {
    init[k - 1] = wMean;
    scale[k - 1] = se > 0 ? 10 * se : 1;
  }
  const cssObjective = (x: Float64Array): number => {
    const c = unpack(order, x);
    const { phi, theta } = expandPolynomials(c, m);
    return 0.5 * Math.log(conditionalVariance(centred(w, c.mean, work), phi, theta));
  };
  let start = init;
  try {
    const css = bfgs(cssObjective, init, { scale });
    if (css.converged) start = Array.from(css.point);
  } catch (error) {
    throw notAvailable(`${arimaName(order)} could not be fitted (${(error as Error).message}).`, "history");
  }
  let coef = unpack(order, start);
  const nUsed = w.length;
  let loglik: number;
  let ssqResiduals: number;
  let innovationVariance: number;
  if (method === "CSS") {
    const { phi, theta } = expandPolynomials(coef, m);
    const variance = conditionalVariance(centred(w, coef.mean, work), phi, theta);
    const conditioned = nUsed - phi.length;
    loglik = -0.5 * nUsed * (Math.log(2 * Math.PI * variance) + 1);
    ssqResiduals = variance * conditioned;
    innovationVariance = variance;
  } else {
    if (!isStationary(coef.ar) || !isStationary(coef.sar))
      throw notAvailable(`${arimaName(order)}: non-stationary AR part from CSS.`, "history");
    // Transformed start: AR parts as unconstrained PACF values, MA parts invertible.
    coef = { ...coef, ma: invertMa(coef.ma), sma: invertMa(coef.sma) };
    const transformed = pack({ ...coef, ar: arToUnconstrained(coef.ar), sar: arToUnconstrained(coef.sar) }, order);
    const untransform = (x: ArrayLike<number>): ArimaCoefficients => {
      const c = unpack(order, x);
      const ar = new Array<number>(order.p);
      const sar = new Array<number>(order.P);
      arFromUnconstrained(c.ar, ar);
      arFromUnconstrained(c.sar, sar);
      return { ...c, ar, sar };
    };
    const mlObjective = (x: Float64Array): number => likelihoodObjective(untransform(x), m, w, work);
    let ml;
    try {
      ml = bfgs(mlObjective, transformed, { scale });
    } catch (error) {
      throw notAvailable(`${arimaName(order)} could not be fitted (${(error as Error).message}).`, "history");
    }
    coef = untransform(ml.point);
    coef = { ...coef, ma: invertMa(coef.ma), sma: invertMa(coef.sma) };
    const { phi, theta } = expandPolynomials(coef, m);
    const filtered = kalmanFilter(centred(w, coef.mean, work), phi, theta);
    const s2 = filtered.ssq / filtered.count;
    loglik = -0.5 * (filtered.count * Math.log(2 * Math.PI * s2) + filtered.sumLog + filtered.count);
    ssqResiduals = filtered.ssq;
    innovationVariance = s2;
  }
  if (!Number.isFinite(loglik)) throw notAvailable(`${arimaName(order)} could not be fitted.`, "history");
  const npar = k + 1;
  const aic = -2 * loglik + 2 * npar;
  return {
    kind: "arima",
    model: arimaName(order),
    seasonLength: order.P + order.D + order.Q > 0 ? order.m : 1,
    order,
    coef,
    loglik,
    aic,
    aicc: aicc(-2 * loglik, npar, nUsed),
    sigma2: ssqResiduals / (nUsed - npar + 1),
    innovationVariance,
    history: [...y],
    method,
  };
}

/**
 * auto.arima's admissibility test (forecast's `myarima`): every root of the multiplied-out AR
 * and MA polynomials at least 1.01 from the origin.
 */
export function hasAdmissibleRoots(fitted: FittedArima): boolean {
  const { phi, theta } = expandPolynomials(fitted.coef, fitted.order.m);
  const trim = (v: Float64Array, sign: number): number[] => {
    let last = v.length;
    while (last > 0 && Math.abs(v[last - 1]) <= 1e-8) last--;
    return Array.from(v.subarray(0, last), (x) => sign * x);
  };
  return minimumRootModulus(trim(phi, -1)) >= 1.01 && minimumRootModulus(trim(theta, 1)) >= 1.01;
}
