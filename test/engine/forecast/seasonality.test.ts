import {
  autocorrelations,
  detectSeasonLength,
  isSeasonal,
  resolveSeasonLength,
} from "../../../src/engine/forecast/seasonality";
import { seasonalFigure } from "../../../src/engine/forecast/decompose";
import { R_SERIES } from "./rReference";

describe("seasonality", () => {
  it("autocorrelations match R's acf", () => {
    // R: acf(1:10, plot = FALSE)$acf[2:4] → 0.7, 0.4121212, 0.1484848
    const r = autocorrelations([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3);
    expect(r[0]).toBeCloseTo(0.7, 7);
    expect(r[1]).toBeCloseTo(0.4121212, 7);
    expect(r[2]).toBeCloseTo(0.1484848, 7);
  });

  it("detects 12 on R's monthly classics and 4 on UKgas (quarterly)", () => {
    for (const series of R_SERIES) expect(detectSeasonLength(series.values)).toBe(series.period);
  });

  it("finds no season in a trend with noise-free steps", () => {
    expect(detectSeasonLength(Array.from({ length: 60 }, (_, t) => 100 + 3 * t))).toBe(1);
  });

  it("follows FORECAST.ETS's argument: 0 none, 1 or omitted detect, n given; drops it under two seasons", () => {
    const monthly = R_SERIES.find((s) => s.id === "USAccDeaths")!.values;
    expect(resolveSeasonLength(0, monthly)).toBe(1);
    expect(resolveSeasonLength(1, monthly)).toBe(12);
    expect(resolveSeasonLength(undefined, monthly)).toBe(12);
    expect(resolveSeasonLength(6, monthly)).toBe(6);
    expect(resolveSeasonLength(12, monthly.slice(0, 23))).toBe(1);
    expect(() => resolveSeasonLength(2.5, monthly)).toThrow(/whole number/);
  });

  it("thetaf's test: strong alternation at lag 2 is seasonal", () => {
    // 20 alternating points: r1 ≈ −0.95, r2 ≈ 0.9; standard error sqrt((1 + 2·0.95²)/20) ≈ 0.36;
    // 0.9 / 0.36 ≈ 2.5 > 1.645. With 9 points the same pattern is not significant (≈ 1.46).
    expect(
      isSeasonal(
        Array.from({ length: 20 }, (_, t) => (t % 2 === 0 ? 1 : 5)),
        2,
      ),
    ).toBe(true);
    expect(isSeasonal([1, 5, 1, 5, 1, 5, 1, 5, 1], 2)).toBe(false);
    expect(isSeasonal([1, 5, 1, 5], 2)).toBe(false); // needs n > 2m
  });

  it("classical decomposition figure as R's decompose", () => {
    // x = 1,3,1,3,1,3, m = 2: centred MA = 2 everywhere inside, detrended −1/+1 → figure [−1, 1]
    expect(seasonalFigure([1, 3, 1, 3, 1, 3], 2, "additive")).toEqual([-1, 1]);
    // multiplicative: detrended 0.5, 1.5 → mean 1 → [0.5, 1.5]
    expect(seasonalFigure([1, 3, 1, 3, 1, 3], 2, "multiplicative")).toEqual([0.5, 1.5]);
  });
});
