import { fitIntermittent, isIntermittent, predictIntermittent } from "../../../src/engine/forecast/intermittent";
import { R_CROSTON } from "./rReference";

describe("intermittent demand", () => {
  it("Croston equals R's forecast::croston (α = 0.1)", () => {
    // croston(y, h = 6)$mean from test/reference/forecastReference.R: 0.983037869598333, 0.790980961600516
    for (const { values, croston } of R_CROSTON) {
      const p = predictIntermittent(fitIntermittent(values, "croston"), 6).point;
      p.forEach((v, h) => expect(v).toBeCloseTo(croston[h], 12));
    }
  });

  it("SBA is Croston × (1 − α/2) = 0.95 × Croston (Syntetos & Boylan 2005)", () => {
    // R 8.20's croston has no SBA option: 0.95 × 0.983037869598333 = 0.933885976118416
    const sba = predictIntermittent(fitIntermittent(R_CROSTON[0].values, "sba"), 1).point[0];
    expect(sba).toBeCloseTo(0.933885976118416, 12);
  });

  it("Croston by hand: sizes 2, 4 and intervals 2, 3 smoothed with α = 0.1", () => {
    // size: 2 → 2 + 0.1(4 − 2) = 2.2; interval: 2 → 2 + 0.1(3 − 2) = 2.1; 2.2 / 2.1 = 1.047619…
    expect(fitIntermittent([0, 2, 0, 0, 4, 0], "croston").rate).toBeCloseTo(2.2 / 2.1, 12);
  });

  it("TSB by hand: probability smoothed every period (β = 0.1), size on demand (α = 0.3)", () => {
    // y = 3, 0, 5: p0 = 1, z0 = 3; t2: p = 1 + 0.1(0 − 1) = 0.9; t3: p = 0.9 + 0.1(1 − 0.9) = 0.91,
    // z = 3 + 0.3(5 − 3) = 3.6; forecast 0.91 × 3.6 = 3.276
    const fitted = fitIntermittent([3, 0, 5], "tsb");
    expect(fitted.probability).toBeCloseTo(0.91, 12);
    expect(fitted.size).toBeCloseTo(3.6, 12);
    expect(predictIntermittent(fitted, 2).point).toEqual([fitted.rate, fitted.rate]);
    expect(fitted.rate).toBeCloseTo(3.276, 12);
  });

  it("TSB with other smoothing constants (α = β = 0.1, the values before 2026-12-01)", () => {
    // y = 3, 0, 5: p as above 0.91; z = 3 + 0.1(5 − 3) = 3.2; forecast 0.91 × 3.2 = 2.912
    const fitted = fitIntermittent([3, 0, 5], "tsb", { alpha: 0.1, beta: 0.1 });
    expect(fitted.size).toBeCloseTo(3.2, 12);
    expect(fitted.rate).toBeCloseTo(2.912, 12);
    // β = 0.5: p = 1 → 0.5 → 0.75; z = 3.2; 0.75 × 3.2 = 2.4
    expect(fitIntermittent([3, 0, 5], "tsb", { alpha: 0.1, beta: 0.5 }).rate).toBeCloseTo(2.4, 12);
  });

  it("TSB decays towards zero when demand stops; Croston does not", () => {
    const y = [4, 0, 3, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(fitIntermittent(y, "tsb").rate).toBeLessThan(fitIntermittent(y.slice(0, 6), "tsb").rate);
    expect(fitIntermittent(y, "croston").rate).toBe(fitIntermittent(y.slice(0, 6), "croston").rate);
  });

  it("an all-zero history forecasts zero, with zero bounds", () => {
    const p = predictIntermittent(fitIntermittent([0, 0, 0, 0], "sba"), 3, { level: 0.9 });
    expect(p.point).toEqual([0, 0, 0]);
    expect(p.lower).toEqual([0, 0, 0]);
    expect(p.upper).toEqual([0, 0, 0]);
  });

  it("simulated bounds bracket the forecast and never go below zero", () => {
    const p = predictIntermittent(fitIntermittent([0, 2, 0, 0, 4, 0, 1, 0, 0, 3], "tsb"), 4, { level: 0.95 });
    for (let h = 0; h < 4; h++) {
      expect(p.lower![h]).toBeGreaterThanOrEqual(0);
      expect(p.lower![h]).toBeLessThanOrEqual(p.point[h]);
      expect(p.upper![h]).toBeGreaterThanOrEqual(p.point[h]);
    }
    // 97.5% quantile of one period's demand: demand in ~half the periods, sizes up to 4 → 4-ish
    expect(p.upper![0]).toBeGreaterThan(2);
  });

  it("calls a history intermittent when a third or more of it is zero", () => {
    expect(isIntermittent([0, 0, 3, 0, 0, 1])).toBe(true);
    expect(isIntermittent([5, 6, 0, 7, 8, 9])).toBe(false);
    expect(isIntermittent([0, -1, 0, 2])).toBe(false);
  });
});
