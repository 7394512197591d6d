/**
 * Short seasonal histories (two to four years of months): the season is detected, and the default
 * forecast keeps it. Generated series use the project's seeded generator, so every run sees the
 * same numbers; the counts asserted are those measured on them (comments).
 */
import { forecastSeries } from "../../../src/engine/forecast";
import { fUpperTail } from "../../../src/engine/forecast/fDistribution";
import { seededRandom } from "../../../src/engine/forecast/randomSource";
import { detectSeasonLength, seasonalDummyPValue } from "../../../src/engine/forecast/seasonality";
import { describeModel } from "../../../src/engine/cycle/demandPlan";
import { R_SERIES } from "./rReference";

const random = seededRandom(2026);
/** Sum of 12 uniforms minus 6: mean 0, variance 1. */
const gauss = (): number => {
  let u = 0;
  for (let i = 0; i < 12; i++) u += random();
  return u - 6;
};

/** 100 (1 + slope·t)(1 + amplitude · sin(2π(t + phase)/12))(1 + noise · ε). */
function seasonalMonths(n: number, amplitude: number, noise: number): number[] {
  const phase = Math.floor(random() * 12);
  const slope = (random() - 0.5) * 0.02;
  return Array.from(
    { length: n },
    (_, t) =>
      100 * (1 + slope * t) * (1 + amplitude * Math.sin((2 * Math.PI * (t + phase)) / 12)) * (1 + noise * gauss()),
  );
}

describe("F distribution (one-way ANOVA / regression F test)", () => {
  it("upper tail as R's pf", () => {
    // R 4.2.2: pf(2.82, 11, 11, lower.tail = FALSE) = 0.04988468; pf(4.46, 11, 11, lower.tail = FALSE) = 0.01002095;
    // pf(3, 3, 20, lower.tail = FALSE) = 0.05485862; pf(1, 1, 1, lower.tail = FALSE) = 0.5
    expect(fUpperTail(2.82, 11, 11)).toBeCloseTo(0.04988468, 7);
    expect(fUpperTail(4.46, 11, 11)).toBeCloseTo(0.01002095, 7);
    expect(fUpperTail(3, 3, 20)).toBeCloseTo(0.05485862, 7);
    expect(fUpperTail(1, 1, 1)).toBeCloseTo(0.5, 10);
  });

  it("seasonal dummies explain an exact season completely and nothing of a straight line", () => {
    expect(seasonalDummyPValue([10, 20, 10, 20, 10, 20, 10, 20], 2)).toBe(0);
    expect(seasonalDummyPValue([0, 1, 2, 3, 4, 5, 6, 7], 2)).toBe(1); // 0: no logarithms, an exact line
  });
});

describe("short seasonal histories", () => {
  it.each([24, 30, 36])("detects the season of %i generated months with a ±25%% season and 5%% noise", (n) => {
    // 50 series each; measured: 50 of 50 at every length (before: 0 of 50, the lag-12 autocorrelation test alone).
    let found = 0;
    for (let k = 0; k < 50; k++) if (detectSeasonLength(seasonalMonths(n, 0.25, 0.05)) === 12) found++;
    expect(found).toBeGreaterThanOrEqual(48);
  });

  it("rarely sees a season in 24–36 months of a random walk (false alarms ≤ 5%)", () => {
    // 3 × 100 walks; measured 7 of 300 flagged (the 1% F test plus the autocorrelation tests' own
    // false alarms at lags 12, 4, 7).
    let flagged = 0;
    for (const n of [24, 30, 36])
      for (let k = 0; k < 100; k++) {
        let level = 500;
        const walk = Array.from({ length: n }, () => (level += 10 * gauss()));
        if (detectSeasonLength(walk) !== 1) flagged++;
      }
    expect(flagged).toBeLessThanOrEqual(15);
  });

  it("detects 12 on the classic monthly series cut to their first 24, 30 and 36 months", () => {
    // AirPassengers, USAccDeaths, UKDriverDeaths and nottem (R datasets): all seasonal.
    for (const series of R_SERIES.filter((s) => s.period === 12))
      for (const n of [24, 30, 36])
        expect([series.id, n, detectSeasonLength(series.values.slice(0, n))]).toEqual([series.id, n, 12]);
  });

  it("the default call forecasts 30 months of seasonal history with its season", () => {
    // 30 months, ±25% season, 4% noise: the forecast must swing with the season, not stay flat.
    const history = seasonalMonths(30, 0.25, 0.04);
    const result = forecastSeries({ history, horizon: 12 });
    expect(result.seasonLength).toBe(12);
    const swing = (Math.max(...result.point) - Math.min(...result.point)) / (result.point.reduce((a, b) => a + b) / 12);
    expect(swing).toBeGreaterThan(0.3); // the generated season spans 0.5 of the level (±25%)
  });

  it("DemandPlan's Model column names the season used", () => {
    expect(describeModel("ETS(M,A,M)", 12)).toBe("ETS(M,A,M), season 12");
    expect(describeModel("Theta", 1)).toBe("Theta, no season");
  });
});
