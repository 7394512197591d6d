import { forecastSeries } from "../../../src/engine/forecast";
import { PlanningError } from "../../../src/engine/errors";
import { seededRandom } from "../../../src/engine/forecast/randomSource";
import { combineByMean, combineByMedian, widenBounds, withPoint } from "../../../src/engine/forecast/combination";
import { FittedModel, fitAuto, predictModel, smallSampleFactor } from "../../../src/engine/forecast/methods";
import { fitBaseline } from "../../../src/engine/forecast/baselines";
import { fitDotm } from "../../../src/engine/forecast/dotm";
import { fitEts } from "../../../src/engine/forecast/ets/etsFit";
import { parseEtsName } from "../../../src/engine/forecast/ets/etsSpec";
import { fitTheta } from "../../../src/engine/forecast/theta";
import { R_SERIES } from "./rReference";

const usAccDeaths = R_SERIES.find((s) => s.id === "USAccDeaths")!.values;

describe("forecastSeries on real planning data", () => {
  it("fills blanks inside the history as gaps, not zeros", () => {
    const withGap: (number | null)[] = usAccDeaths.slice(0, 48);
    withGap[20] = null;
    withGap[21] = null;
    const filled = usAccDeaths.slice(0, 48);
    filled[20] = filled[19] + (filled[22] - filled[19]) / 3;
    filled[21] = filled[19] + (2 * (filled[22] - filled[19])) / 3;
    const a = forecastSeries({ history: withGap, horizon: 6, method: "ets" });
    const b = forecastSeries({ history: filled, horizon: 6, method: "ets" });
    expect(a).toEqual(b);
  });

  it("drops leading and trailing blanks: the forecast starts after the last number", () => {
    const core = usAccDeaths.slice(0, 36);
    const a = forecastSeries({ history: [null, null, ...core, null], horizon: 3, method: "snaive", seasonality: 12 });
    expect(a.point).toEqual(core.slice(24, 27));
  });

  it("uses naive with fewer than three points, and the constant for a constant history", () => {
    expect(forecastSeries({ history: [7], horizon: 2 })).toEqual({ point: [7, 7], model: "Constant", seasonLength: 1 });
    const two = forecastSeries({ history: [5, 9], horizon: 2, method: "theta", level: 0.9 });
    expect(two.model).toBe("Naive");
    expect(two.point).toEqual([9, 9]);
    const flat = forecastSeries({ history: [4, 4, 4, 4, 4, 4], horizon: 3, level: 0.95 });
    expect(flat).toEqual({ point: [4, 4, 4], lower: [4, 4, 4], upper: [4, 4, 4], model: "Constant", seasonLength: 1 });
  });

  it("drops seasonality with fewer than two seasons", () => {
    const f = forecastSeries({ history: usAccDeaths.slice(0, 20), horizon: 4, seasonality: 12, method: "hw-additive" });
    expect(f.seasonLength).toBe(1);
    expect(f.model).toBe("ETS(A,A,N)");
  });

  it("makes multiplicative models additive when the history has zeros or negatives", () => {
    const shifted = usAccDeaths.slice(0, 48).map((v) => v - 8500);
    expect(shifted.some((v) => v < 0)).toBe(true);
    expect(forecastSeries({ history: shifted, horizon: 3, seasonality: 12, method: "ETS(M,A,M)" }).model).toBe(
      "ETS(A,A,A)",
    );
  });

  it("gives the same forecasts, scaled, for huge values", () => {
    const history = usAccDeaths.slice(0, 48);
    const small = forecastSeries({ history, horizon: 6, seasonality: 12, method: "ets" });
    const huge = forecastSeries({ history: history.map((v) => v * 1e12), horizon: 6, seasonality: 12, method: "ets" });
    expect(huge.model).toBe(small.model);
    huge.point.forEach((v, h) => expect(v / 1e12 / small.point[h]).toBeCloseTo(1, 6));
  });

  it("is deterministic, and simulated bounds follow the random source passed in", () => {
    const request = { history: usAccDeaths, horizon: 12, seasonality: 12, method: "ETS(M,N,M)", level: 0.9 };
    expect(forecastSeries(request)).toEqual(forecastSeries(request));
    const other = forecastSeries({ ...request, random: seededRandom(99) });
    expect(other.point).toEqual(forecastSeries(request).point);
    expect(other.upper).not.toEqual(forecastSeries(request).upper);
  });

  it("auto: TSB for intermittent, median of ETS pool, DOTM, CES and the airline model for seasonal, combination otherwise", () => {
    expect(forecastSeries({ history: [0, 3, 0, 0, 2, 0, 0, 0, 4, 0, 1, 0], horizon: 2 }).model).toBe("TSB");
    expect(forecastSeries({ history: usAccDeaths, horizon: 2 }).model).toMatch(
      /^median\(ETS pool\(\d seasonal models\),DOTM,CES\(simple\),ARIMA\(0,1,1\)\(0,1,1\)\[12\] on logs\)$/,
    );
    const trend = Array.from({ length: 30 }, (_, t) => 100 + 2 * t + (t % 3 === 0 ? 3 : -1));
    expect(forecastSeries({ history: trend, horizon: 2, seasonality: 0 }).model).toMatch(
      /^combination\(ETS\(.*\),Theta,ETS\(.,Ad,.\)\)$/,
    );
  });

  it("auto's seasonal forecast is the mean of the middle two of its four members' forecasts", () => {
    const fitted = fitAuto(usAccDeaths, 12);
    expect(fitted.members.map((f) => f.kind)).toEqual(["combination", "dotm", "ces"]);
    expect(fitted.pointOnly!.map((f) => f.kind)).toEqual(["airline"]);
    const members = [...fitted.members, ...fitted.pointOnly!].map((f) => predictModel(f, 6).point);
    const combined = predictModel(fitted, 6).point;
    for (let h = 0; h < 6; h++) {
      const sorted = members.map((p) => p[h]).sort((a, b) => a - b);
      expect(combined[h]).toBeCloseTo((sorted[1] + sorted[2]) / 2, 8);
    }
  });

  // The factors are the ones bench:forecast-rules chose on the training parts (methods.ts
  // autoIntervalWidening, AUTO_SAMPLE_CORRECTION): the Student t correction, 1.15 for monthly data,
  // 1.275 for every other season length.
  it.each([
    ["USAccDeaths", 12, 1.15],
    ["UKgas", 4, 1.275],
  ])(
    "auto's seasonal bounds (%s, season %s): each member's but the airline model's half-widths corrected for its sample size, the envelope, times %s",
    (id, m, factor) => {
      const history = R_SERIES.find((s) => s.id === id)!.values;
      const fitted = fitAuto(history, m);
      expect(fitted.members).toHaveLength(3);
      expect(fitted.pointOnly).toHaveLength(1);
      expect(fitted.bounds).toBe("envelope");
      expect(fitted.widening).toBe(factor);
      expect(fitted.sampleCorrection).toBe("t");
      const options = { level: 0.95, intervals: "approximate" as const };
      // The factors themselves are checked against R's qt in the smallSampleFactor test; here the
      // members: the pool's ETS models and DOTM corrected, CES not (its σ² divides by n − k already).
      expect(fitted.members.map((f) => f.kind)).toEqual(["combination", "dotm", "ces"]);
      expect(smallSampleFactor(fitted.members[1], 0.95, "t")).toBeGreaterThan(1);
      expect(smallSampleFactor(fitted.members[2], 0.95, "t")).toBe(1);
      const corrected = (f: FittedModel) => widenBounds(predictModel(f, 6, options), smallSampleFactor(f, 0.95, "t"));
      // the ETS pool is the mean of its members' bounds, each member corrected first
      const members = fitted.members.map((f) =>
        f.kind === "combination" ? combineByMean(f.members.map(corrected)) : corrected(f),
      );
      const combined = predictModel(fitted, 6, { level: 0.95 });
      for (let h = 0; h < 6; h++) {
        const point = combined.point[h];
        // the envelope: the lowest lower and the highest upper bound of the three members
        const lower = Math.min(...members.map((p) => p.lower![h]), point);
        const upper = Math.max(...members.map((p) => p.upper![h]), point);
        expect(combined.lower![h]).toBeCloseTo(point - factor * (point - lower), 8);
        expect(combined.upper![h]).toBeCloseTo(point + factor * (upper - point), 8);
      }
    },
  );

  it("a combination's trimmed envelope drops the most extreme member on each side", () => {
    // hand calculation: points 9, 10, 11, 12 → median 10.5; lowers 1, 5, 7, 8 → second-lowest 5;
    // uppers 20, 14, 13, 30 → second-highest 20; with two members it is the plain envelope
    const members = [
      { point: [9], lower: [1], upper: [20] },
      { point: [10], lower: [5], upper: [14] },
      { point: [11], lower: [7], upper: [13] },
      { point: [12], lower: [8], upper: [30] },
    ];
    expect(combineByMedian(members, "trimmed-envelope")).toEqual({ point: [10.5], lower: [5], upper: [20] });
    expect(combineByMedian(members.slice(0, 2), "trimmed-envelope")).toEqual({ point: [9.5], lower: [1], upper: [20] });
  });

  it("withPoint keeps the bounds around another point, stretched to contain it", () => {
    expect(withPoint({ point: [10, 10], lower: [8, 8], upper: [13, 13] }, [14, 9])).toEqual({
      point: [14, 9],
      lower: [8, 8],
      upper: [14, 13],
    });
  });

  it("the small-sample factor of a member: R's qt over qnorm with n − k degrees of freedom, times the variance correction", () => {
    // USAccDeaths: n = 72, m = 12. R: z <- qnorm(0.975)
    // ETS(A,A,A): k = α, β, γ + ℓ, b + 11 seasonal states = 16; σ² already over n − k:
    //   qt(0.975, 56) / z = 1.022080372
    expect(smallSampleFactor(fitEts(usAccDeaths, parseEtsName("AAA"), 12), 0.95, "t")).toBeCloseTo(1.022080372, 8);
    expect(smallSampleFactor(fitEts(usAccDeaths, parseEtsName("AAA"), 12), 0.95, "t-variance")).toBeCloseTo(
      1.022080372,
      8,
    );
    // Theta (seasonal): k = α, ℓ₀, drift + 11 figure values = 14, σ² over n − 2:
    //   qt(0.975, 58) / z * sqrt(70 / 58) = 1.121991882
    const theta = fitTheta(usAccDeaths, 12);
    expect(theta.seasonFigure).toHaveLength(12);
    expect(smallSampleFactor(theta, 0.95, "t-variance")).toBeCloseTo(1.121991882, 8);
    // DOTM (seasonal): k = ℓ₀, α, θ + 11 = 14, σ² over n − 3: qt(0.975, 58) / z * sqrt(69 / 58) = 1.113948826
    expect(smallSampleFactor(fitDotm(usAccDeaths, 12), 0.95, "t-variance")).toBeCloseTo(1.113948826, 8);
    // a kind without the correction
    expect(smallSampleFactor(fitBaseline(usAccDeaths, "naive", 12), 0.95, "t-variance")).toBe(1);
  });

  it("widenBounds multiplies each half-width around the point", () => {
    // hand calculation: 10 − 1.5 × (10 − 8) = 7, 10 + 1.5 × (13 − 10) = 14.5
    expect(widenBounds({ point: [10], lower: [8], upper: [13] }, 1.5)).toEqual({
      point: [10],
      lower: [7],
      upper: [14.5],
    });
  });

  it("rejects bad arguments with typed errors naming the argument", () => {
    const check = (request: Parameters<typeof forecastSeries>[0], argument: string) => {
      try {
        forecastSeries(request);
        throw new Error("no error");
      } catch (e) {
        expect(e).toBeInstanceOf(PlanningError);
        expect((e as PlanningError).argument).toBe(argument);
      }
    };
    check({ history: [1, 2, 3], horizon: 0 }, "horizon");
    check({ history: [1, 2, 3], horizon: 2.5 }, "horizon");
    check({ history: [1, 2, 3], horizon: 2, level: 1 }, "level");
    check({ history: [1, 2, 3], horizon: 2, method: "prophet" }, "method");
    check({ history: [1, 2, 3], horizon: 2, seasonality: -1 }, "seasonality");
    check({ history: [null, null], horizon: 2 }, "history");
  });
});
