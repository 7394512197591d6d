import { fitBaseline, predictBaseline } from "../../../src/engine/forecast/baselines";

describe("baselines", () => {
  const y = [10, 12, 11, 13, 12, 14, 13, 15];

  it("naive repeats the last value; bounds grow with √h", () => {
    // residuals y_t − y_{t−1}: 2, −1, 2, −1, 2, −1, 2 → σ = sqrt((4·4 + 3·1)/7) = sqrt(19/7)
    const p = predictBaseline(fitBaseline(y, "naive", 1), 2, { level: 0.95 });
    expect(p.point).toEqual([15, 15]);
    const sigma = Math.sqrt(19 / 7);
    expect(p.upper![0]).toBeCloseTo(15 + 1.959963984540054 * sigma, 10);
    expect(p.upper![1]).toBeCloseTo(15 + 1.959963984540054 * sigma * Math.SQRT2, 10);
  });

  it("seasonal naive repeats the last season", () => {
    expect(predictBaseline(fitBaseline(y, "snaive", 4), 6).point).toEqual([12, 14, 13, 15, 12, 14]);
  });

  it("mean and moving average", () => {
    // mean of y = 100 / 8 = 12.5; moving average of the last 3 = (14 + 13 + 15) / 3 = 14
    expect(predictBaseline(fitBaseline(y, "mean", 1), 1).point).toEqual([12.5]);
    expect(predictBaseline(fitBaseline(y, "moving-average", 1), 2).point).toEqual([14, 14]);
  });

  it("linear trend equals Excel's FORECAST.LINEAR over positions 1..n", () => {
    // x̄ = 4.5, ȳ = 12.5, Sxy = Σ(x − x̄)(y − ȳ) = 8.75 + 1.25 + 2.25 − 0.25 − 0.25 + 2.25 + 1.25 + 8.75
    // = 24, Sxx = 42 → slope 24/42; FORECAST.LINEAR(9, y, {1..8}) = 12.5 + 4.5 · 24/42 = 15.0714…
    const p = predictBaseline(fitBaseline(y, "linear", 1), 2).point;
    expect(p[0]).toBeCloseTo(12.5 + (4.5 * 24) / 42, 12);
    expect(p[1]).toBeCloseTo(12.5 + (5.5 * 24) / 42, 12);
  });
});
