/**
 * DOTM against an R transcription of Fiorucci et al. (2016) with R's own optim (Nelder–Mead):
 * test/reference/dotmReference.R (`Rscript test/reference/dotmReference.R`, R 4.2.2), committed as
 * dotmReference.json; the series are R's own `datasets`. forecTheta (which has `dotm`) is not
 * available here, so the reference is an independent implementation of the published equations.
 */
import { fitDotm, predictDotm } from "../../../src/engine/forecast/dotm";
import reference from "../../reference/dotmReference.json";
import { maxRelativeDifference } from "./rReference";

interface Entry {
  id: string;
  period: number;
  values: number[];
  horizon: number;
  par: { ell0: number; alpha: number; theta: number };
  sse: number;
  seasonal: boolean;
  mean: number[];
}

const SERIES = Object.values(reference.series as unknown as Record<string, Entry>);

describe("DOTM against the R transcription", () => {
  it.each(SERIES.map((s) => [s.id, s] as const))("%s: season test and forecasts agree", (_id, s) => {
    const fitted = fitDotm(s.values, s.period);
    expect(fitted.seasonLength > 1).toBe(s.seasonal);
    const point = predictDotm(fitted, s.horizon).point;
    // Two Nelder–Mead implementations stop at slightly different points of a flat optimum
    // (θ is barely identified when the trend is weak: AirPassengers θ 238 in R, larger here):
    // forecasts within 0.2% (worst measured 0.08%, Nile).
    expect(maxRelativeDifference(point, s.mean)).toBeLessThan(0.002);
  });

  it("reaches R's sum of squared errors or lower", () => {
    for (const s of SERIES) {
      const fitted = fitDotm(s.values, s.period);
      // sigma2 · (n − 3) is the unscaled SSE; R's is divided by mean|x|² (x adjusted series).
      const scale = fitted.adjusted.reduce((a, v) => a + Math.abs(v), 0) / fitted.adjusted.length;
      const sse = (fitted.sigma2 * (s.values.length - 3)) / (scale * scale);
      expect(sse).toBeLessThan(s.sse * 1.001 + 1e-9);
    }
  });

  it("keeps θ ≥ 1 and α in [0.1, 0.99], and gives ordered bounds", () => {
    const s = SERIES[0];
    const fitted = fitDotm(s.values, s.period);
    expect(fitted.theta).toBeGreaterThanOrEqual(1);
    expect(fitted.alpha).toBeGreaterThanOrEqual(0.1);
    expect(fitted.alpha).toBeLessThanOrEqual(0.99);
    const p = predictDotm(fitted, 12, { level: 0.95 });
    for (let h = 0; h < 12; h++) {
      expect(p.lower![h]).toBeLessThanOrEqual(p.point[h]);
      expect(p.upper![h]).toBeGreaterThanOrEqual(p.point[h]);
    }
  });

  it("needs four points", () => {
    expect(() => fitDotm([1, 2, 3], 1)).toThrow(/4 points/);
  });
});
