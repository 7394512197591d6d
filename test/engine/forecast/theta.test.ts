import { fitTheta, predictTheta } from "../../../src/engine/forecast/theta";
import { R_SERIES, maxRelativeDifference } from "./rReference";

describe("Theta as R's forecast::thetaf", () => {
  // Expected: thetaf(x, h = 2m, level = 95) from test/reference/forecastReference.R.
  for (const series of R_SERIES) {
    it(`${series.id}: forecasts and 95% bounds within 0.1% of R`, () => {
      const fitted = fitTheta(series.values, series.period);
      const p = predictTheta(fitted, series.horizon, { level: 0.95 });
      // Same SES estimates up to the optimiser's convergence (measured worst 4e-5 relative).
      expect(maxRelativeDifference(p.point, series.thetaf.mean)).toBeLessThan(1e-3);
      expect(maxRelativeDifference(p.lower as number[], series.thetaf.lower95)).toBeLessThan(1e-3);
      expect(maxRelativeDifference(p.upper as number[], series.thetaf.upper95)).toBeLessThan(1e-3);
    });
  }

  it("adds half the straight-line slope to SES when there is no season", () => {
    // y = 2t exactly (t = 0..9): SES with α → 1 tracks the last value 18; slope 2, drift 1;
    // forecast h: 18 + 1·(h − 1 + (1 − (1 − α)^n)/α) ≈ 18 + h for α ≈ 1 → 19, 20, 21.
    const y = Array.from({ length: 10 }, (_, t) => 2 * t);
    const p = predictTheta(fitTheta(y, 1), 3).point;
    expect(p[0]).toBeCloseTo(19, 1);
    expect(p[1]).toBeCloseTo(20, 1);
    expect(p[2]).toBeCloseTo(21, 1);
  });
});
