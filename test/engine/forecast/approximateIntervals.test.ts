/**
 * Closed-form ("approximate") bounds for ETS models with a multiplicative component, which the
 * combinations use instead of simulation. Compared with R's forecast.ets bounds (its class 2 and
 * 3 variance formulas, Hyndman et al. 2008 ch. 6) on the same models: R's parameters and initial
 * states (test/reference/forecastReference.json, forecastReference.R) run through our recursion.
 */
import { etsFromParameters } from "../../../src/engine/forecast/ets/etsFit";
import { predictEts } from "../../../src/engine/forecast/ets/etsPredict";
import { logNormalBounds } from "../../../src/engine/forecast/prediction";
import { R_SERIES, rModel } from "./rReference";

describe("logNormalBounds", () => {
  it("matches the log-normal of the given mean and relative sd", () => {
    // s² = ln(1 + 0.1²) = 0.00995033; s = 0.0997513; upper = 100·exp(−s²/2 + 1.959964·s)
    // = 100·exp(0.1905290) = 120.9895 (computed by hand in node, see the @example).
    const b = logNormalBounds([100], [0.1], 0.95);
    expect(b.upper![0]).toBeCloseTo(120.9895, 3);
    expect(b.lower![0]).toBeCloseTo(81.8334, 3);
  });

  it("falls back to symmetric bounds for a non-positive point", () => {
    const b = logNormalBounds([-10], [0.2], 0.95);
    expect(b.lower![0]).toBeCloseTo(-10 - 1.959964 * 2, 4);
    expect(b.upper![0]).toBeCloseTo(-10 + 1.959964 * 2, 4);
  });
});

describe("approximate ETS bounds against R's analytic bounds", () => {
  const cases = R_SERIES.flatMap((s) =>
    s.ets_fixed.filter((fit) => fit.model.startsWith("ETS(M")).map((fit) => [`${s.id} ${fit.model}`, s, fit] as const),
  );

  it.each(cases)("%s: the 95%% bounds within 3.5%% (first season) and 6%% (second) of R's", (_name, s, fit) => {
    const { spec, parameters, initial } = rModel(fit, s.period);
    const model = etsFromParameters(s.values, spec, s.period, parameters, initial);
    model.sigma2 = fit.sigma2; // R's σ², so that only the interval formula differs
    const p = predictEts(model, fit.mean.length, { level: 0.95, intervals: "approximate" });
    for (let h = 0; h < fit.mean.length; h++) {
      // Distance relative to the point forecast. The first-order variance and the log-normal
      // shape drift from R's exact class 2/3 moments as the horizon grows; measured worst cases
      // 3.0% (UKgas M,N,M, first season) and 5.6% (UKDriverDeaths M,A,M, second season).
      const tolerance = h < s.period ? 0.035 : 0.06;
      expect(Math.abs(p.upper![h] - fit.upper95[h]) / fit.mean[h]).toBeLessThan(tolerance);
      expect(Math.abs(p.lower![h] - fit.lower95[h]) / fit.mean[h]).toBeLessThan(tolerance);
    }
  });
});
