/**
 * How many differences auto.arima takes: d by repeated KPSS tests (forecast::ndiffs, level
 * stationarity at 5%), D by the seasonal strength heuristic (forecast::nsdiffs, test "seas":
 * one seasonal difference when the strength F_s > 0.64, measured on the STL decomposition that
 * forecast::mstl makes of a series with one season: stl(x, s.window = 11)).
 */
import { stl } from "../stl";
import { difference } from "./arimaModel";

/** forecast's is.constant: all values equal (to all.equal's relative tolerance 1.5e-8). */
export function isConstant(x: readonly number[]): boolean {
  if (x.length === 0) return true;
  let difference = 0;
  let size = 0;
  for (const v of x) {
    difference += Math.abs(v - x[0]);
    size += Math.abs(x[0]);
  }
  return size > 0 ? difference / size < 1.5e-8 : difference < 1.5e-8 * x.length;
}

/**
 * KPSS statistic for level stationarity (urca::ur.kpss type "mu", Kwiatkowski et al. 1992):
 * η = Σ S_t² / (n² s²(l)), S_t the partial sums of x − x̄, s²(l) the Newey–West long-run variance
 * with Bartlett weights and l = ⌊3√n / 13⌋ lags (ndiffs' choice).
 * @example kpssStatistic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // large: a trend is not level-stationary
 */
export function kpssStatistic(x: readonly number[]): number {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  const e = x.map((v) => v - mean);
  let partial = 0;
  let numerator = 0;
  let s2 = 0;
  for (let t = 0; t < n; t++) {
    partial += e[t];
    numerator += partial * partial;
    s2 += e[t] * e[t];
  }
  numerator /= n * n;
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  let longRun = s2 / n;
  for (let s = 1; s <= lags; s++) {
    let cov = 0;
    for (let t = s; t < n; t++) cov += e[t] * e[t - s];
    longRun += (2 / n) * (1 - s / (lags + 1)) * cov;
  }
  return numerator / longRun;
}

/** KPSS 5% critical value for level stationarity (Kwiatkowski et al. 1992, Table 1). */
const KPSS_LEVEL_5PCT = 0.463;

/** forecast::ndiffs(x) with its defaults: difference while the KPSS test rejects at 5%, at most maxD times. */
export function regularDifferences(x: readonly number[], maxD = 2): number {
  let series: readonly number[] = x;
  let d = 0;
  if (isConstant(series)) return 0;
  let reject = kpssStatistic(series) > KPSS_LEVEL_5PCT;
  while (reject && d < maxD) {
    d++;
    series = difference(series, 1, 0, 1);
    if (isConstant(series)) return d;
    reject = series.length > 1 && kpssStatistic(series) > KPSS_LEVEL_5PCT;
  }
  return d;
}

/**
 * Seasonal strength F_s = max(0, 1 − Var(R) / Var(S + R)) of the STL decomposition x = T + S + R
 * (Wang, Smith & Hyndman 2006; forecast's seas.heuristic on mstl(x), which is stl(x, s.window = 11)).
 */
export function seasonalStrength(x: readonly number[], m: number): number {
  const { seasonal, remainder } = stl(x, m, 11);
  const variance = (v: ArrayLike<number>): number => {
    let mean = 0;
    for (let i = 0; i < v.length; i++) mean += v[i];
    mean /= v.length;
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += (v[i] - mean) ** 2;
    return sum / (v.length - 1);
  };
  const total = variance(remainder.map((r, i) => r + seasonal[i]));
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(1, 1 - variance(remainder) / total));
}

/** forecast::nsdiffs(x) with test "seas" and max.D 1: one seasonal difference when F_s > 0.64. */
export function seasonalDifferences(x: readonly number[], m: number): number {
  if (m < 2 || x.length <= 2 * m || isConstant(x)) return 0;
  return seasonalStrength(x, m) > 0.64 ? 1 : 0;
}
