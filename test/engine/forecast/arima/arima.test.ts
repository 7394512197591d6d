/**
 * ARIMA against R: fixed orders against stats::arima(method = "CSS-ML") through forecast::Arima,
 * and auto.arima's choices on R datasets, from test/reference/arimaReference.R
 * (`Rscript test/reference/arimaReference.R ../shared/data`, R 4.2.2, forecast 8.20), committed
 * as arimaReference.json. The collection sample is in arimaCollections.slow.test.ts.
 */
import { bfgs } from "../../../../src/engine/forecast/bfgs";
import { fitArima } from "../../../../src/engine/forecast/arima/arimaFit";
import { predictArima } from "../../../../src/engine/forecast/arima/arimaPredict";
import { autoArima } from "../../../../src/engine/forecast/arima/autoArima";
import { differencingPolynomial, expandPolynomials } from "../../../../src/engine/forecast/arima/arimaModel";
import {
  kpssStatistic,
  regularDifferences,
  seasonalDifferences,
  seasonalStrength,
} from "../../../../src/engine/forecast/arima/differencing";
import {
  arFromUnconstrained,
  arToUnconstrained,
  invertMa,
  polynomialRoots,
} from "../../../../src/engine/forecast/arima/polynomial";
import { forecastSeries } from "../../../../src/engine/forecast";
import { stl } from "../../../../src/engine/forecast/stl";
import reference from "../../../reference/arimaReference.json";
import { RFittedModel, maxRelativeDifference } from "../rReference";

export interface RArima extends Omit<RFittedModel, "code" | "model" | "par"> {
  id: string;
  order: number[]; // p, d, q, P, D, Q
  period: number;
  constant: boolean;
  coef: Record<string, number>;
  ndiffs: number;
  nsdiffs: number;
  seasonalStrength: number | null;
}
interface RSeries {
  id: string;
  period: number;
  values: number[];
  horizon: number;
}

const SERIES = reference.series as unknown as Record<string, RSeries>;
const FIXED = reference.fixed as unknown as RArima[];
const AUTO = reference.auto as unknown as RArima[];

function orderOf(r: RArima, m: number) {
  const [p, d, q, P, D, Q] = r.order;
  return { p, d, q, P, D, Q, m: P + D + Q > 0 ? m : 1, constant: r.constant };
}

describe("fixed orders against stats::arima (CSS-ML)", () => {
  it.each(FIXED.map((f) => [`${f.id} ${f.order.join(",")}${f.constant ? " + constant" : ""}`, f] as const))(
    "%s: log-likelihood, coefficients, forecasts and bounds",
    (_label, f) => {
      const s = SERIES[f.id];
      const fitted = fitArima(s.values, orderOf(f, s.period));
      // Worst measured: 0.0011 (USAccDeaths, two optimisers stopping at slightly different points).
      expect(Math.abs(fitted.loglik - f.loglik)).toBeLessThan(0.01);
      expect(Math.abs(fitted.aicc - f.aicc)).toBeLessThan(0.02);
      const rCoef = Object.entries(f.coef);
      const ours = [...fitted.coef.ar, ...fitted.coef.ma, ...fitted.coef.sar, ...fitted.coef.sma];
      for (let i = 0; i < ours.length; i++) expect(Math.abs(ours[i] - rCoef[i][1])).toBeLessThan(2e-4);
      const p = predictArima(fitted, s.horizon, { level: 0.95 });
      // Forecasts: worst measured 1.6e-6 relative. Bounds: R adds the state's remaining variance
      // and the diffuse first residuals to σ²; worst measured 1.2e-3 relative (UKDriverDeaths).
      expect(maxRelativeDifference(p.point, f.mean)).toBeLessThan(1e-4);
      expect(maxRelativeDifference(p.upper!, f.upper95)).toBeLessThan(5e-3);
      expect(maxRelativeDifference(p.lower!, f.lower95)).toBeLessThan(5e-3);
      const p80 = predictArima(fitted, s.horizon, { level: 0.8 });
      expect(maxRelativeDifference(p80.upper!, f.upper80)).toBeLessThan(5e-3);
    },
  );

  it("drift: R's drift is the mean of the differenced series (× m with a seasonal difference)", () => {
    const ukgas = FIXED.find((f) => f.id === "UKgas")!;
    const fitted = fitArima(SERIES.UKgas.values, orderOf(ukgas, 4));
    expect(fitted.coef.mean / 4).toBeCloseTo(ukgas.coef.drift, 4);
  });
});

describe("auto.arima on R datasets", () => {
  // The cheap ones here (the seasonal ones with long searches are in the slow lane).
  const quick = AUTO.filter((a) => ["Nile", "WWWusage", "lh", "LakeHuron", "USAccDeaths"].includes(a.id));
  it.each(quick.map((a) => [a.id, a] as const))("%s: same order, log-likelihood within 0.5", (_id, a) => {
    const s = SERIES[a.id];
    const fitted = autoArima(s.values, s.period);
    const o = fitted.order;
    expect([o.p, o.d, o.q, o.P, o.D, o.Q]).toEqual(a.order);
    expect(o.constant).toBe(a.constant);
    expect(Math.abs(fitted.loglik - a.loglik)).toBeLessThan(0.5);
    const p = predictArima(fitted, s.horizon, { level: 0.95 });
    expect(maxRelativeDifference(p.point, a.mean)).toBeLessThan(1e-3);
  });

  it("nsdiffs: R's seasonal strength (on stl(x, s.window = 11)) and seasonal differences", () => {
    for (const a of AUTO) {
      const s = SERIES[a.id];
      if (a.seasonalStrength === null) continue;
      // Same arithmetic as R's Fortran STL: measured differences below 1e-13.
      expect(Math.abs(seasonalStrength(s.values, s.period) - a.seasonalStrength)).toBeLessThan(1e-9);
      expect([a.id, seasonalDifferences(s.values, s.period)]).toEqual([a.id, a.nsdiffs]);
    }
  });

  it("ndiffs: the same number of differences as R on every reference series", () => {
    for (const a of AUTO) {
      const s = SERIES[a.id];
      let x = s.values;
      if (a.nsdiffs > 0) x = x.slice(s.period).map((v, t) => v - s.values[t]);
      expect([a.id, regularDifferences(x)]).toEqual([a.id, a.ndiffs]);
    }
  });
});

describe("building blocks", () => {
  it("KPSS statistic of a straight line: Σ S_t² / (n² s²(l)) by hand", () => {
    // x = 1..4: e = -1.5,-0.5,0.5,1.5; S = -1.5,-2,-1.5,0; ΣS² = 8.5; n² = 16; l = ⌊3·2/13⌋ = 0;
    // s² = Σe²/n = 5/4; η = (8.5/16)/(5/4) = 0.425 (urca::ur.kpss(1:4, type = "mu", use.lag = 0) agrees).
    expect(kpssStatistic([1, 2, 3, 4])).toBeCloseTo(0.425, 12);
    // Rscript -e 'urca::ur.kpss(as.numeric(Nile), type = "mu", use.lag = 2)@teststat' → 1.315226
    expect(kpssStatistic(SERIES.Nile.values)).toBeCloseTo(1.315226, 5);
  });

  it("polynomial roots, MA inversion and the PACF transformation", () => {
    // 1 − 3z + 2z² = (1 − z)(1 − 2z): roots 1 and 0.5
    const roots = polynomialRoots([-3, 2])
      .map(([re]) => re)
      .sort();
    expect(roots[0]).toBeCloseTo(0.5, 12);
    expect(roots[1]).toBeCloseTo(1, 12);
    expect(invertMa([2])).toEqual([0.5]);
    // (1 + 2z)(1 + 3z) = 1 + 5z + 6z² → inverted roots give (1 + z/2)(1 + z/3) = 1 + 5/6 z + 1/6 z²
    const inverted = invertMa([5, 6]);
    expect(inverted[0]).toBeCloseTo(5 / 6, 10);
    expect(inverted[1]).toBeCloseTo(1 / 6, 10);
    const ar = [0.5, -0.3, 0.2];
    const back = new Array<number>(3);
    arFromUnconstrained(arToUnconstrained(ar), back);
    for (let i = 0; i < 3; i++) expect(back[i]).toBeCloseTo(ar[i], 12);
  });

  it("expands seasonal polynomials and differencing as R", () => {
    // (1 − 0.5B)(1 − 0.4B⁴) = 1 − 0.5B − 0.4B⁴ + 0.2B⁵ → phi = [0.5, 0, 0, 0.4, −0.2]
    const { phi, theta } = expandPolynomials({ ar: [0.5], ma: [0.3], sar: [0.4], sma: [-0.6], mean: 0 }, 4);
    expect(Array.from(phi)).toEqual([0.5, 0, 0, 0.4, -0.2]);
    // (1 + 0.3B)(1 − 0.6B⁴) = 1 + 0.3B − 0.6B⁴ − 0.18B⁵
    expect(Array.from(theta).map((v) => +v.toFixed(12))).toEqual([0.3, 0, 0, -0.6, -0.18]);
    // (1 − B)(1 − B⁴) = 1 − B − B⁴ + B⁵ → delta = [1, 0, 0, 1, −1]
    expect(differencingPolynomial(1, 1, 4)).toEqual([1, 0, 0, 1, -1]);
  });

  it("BFGS finds the minimum of Rosenbrock's function", () => {
    const r = bfgs((x) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxIterations: 500 });
    expect(r.point[0]).toBeCloseTo(1, 2);
    expect(r.point[1]).toBeCloseTo(1, 2);
  });
});

describe("the arima method", () => {
  it("=SOP.FORECAST_SOP's engine call names the chosen model and gives ordered bounds", () => {
    const s = SERIES.WWWusage;
    const result = forecastSeries({ history: s.values, horizon: 10, method: "arima", level: 0.95, seasonality: 0 });
    expect(result.model).toBe("ARIMA(1,1,1)");
    expect(result.seasonLength).toBe(1);
    for (let h = 0; h < 10; h++) {
      expect(result.lower![h]).toBeLessThan(result.point[h]);
      expect(result.upper![h]).toBeGreaterThan(result.point[h]);
    }
  });

  it("a constant differenced series (a straight line) forecasts the line", () => {
    const line = Array.from({ length: 20 }, (_, t) => 5 + 2 * t);
    const fitted = autoArima(line, 1);
    expect(fitted.model).toBe("ARIMA(0,1,0) with drift");
    expect(predictArima(fitted, 3).point).toEqual([45, 47, 49]);
  });
});

/** Rscript -e 'round(stl(AirPassengers, s.window = 11)$time.series[1:3, ], 6)' (R 4.2.2) */
const R_STL = {
  seasonal: [-16.977074, -17.177633, 7.520942],
  trend: [123.145057, 123.725069, 124.305082],
  remainder: [5.832017, 11.452564, 0.173976],
};

describe("STL", () => {
  it("reproduces R's stl(AirPassengers, s.window = 11) components", () => {
    const { seasonal, trend, remainder } = stl(SERIES.AirPassengers.values, 12, 11);
    expect(Array.from(seasonal.slice(0, 3)).map((v) => +v.toFixed(6))).toEqual(R_STL.seasonal);
    expect(Array.from(trend.slice(0, 3)).map((v) => +v.toFixed(6))).toEqual(R_STL.trend);
    expect(Array.from(remainder.slice(0, 3)).map((v) => +v.toFixed(6))).toEqual(R_STL.remainder);
  });
});
