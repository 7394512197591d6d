/**
 * Engine properties of the forecast (src/engine/forecast) on random histories, for every method
 * name the engine accepts (FORECAST_METHODS: the named methods and every ETS model string):
 * - a constant history forecasts that constant, with zero-width bounds (engine's documented
 *   robustness rule), whatever the gaps, horizon, seasonality or level;
 * - prediction bounds nest: a higher level never gives a narrower interval
 *   (for level a < b: lower_b ≤ lower_a and upper_a ≤ upper_b, every horizon), and they hold
 *   the point forecast.
 */
import fc from "fast-check";
import { FORECAST_METHODS, forecastSeries } from "../../../src/engine/forecast";
import { testRuns } from "../../support/runs";

const method = fc.constantFrom(...FORECAST_METHODS);
const seasonality = fc.constantFrom<number | undefined>(undefined, 0, 1, 4, 12);

/** A history with level, trend, season and noise; intermittent (zeros) now and then. */
const history = fc
  .record({
    periods: fc.integer({ min: 3, max: 40 }),
    level: fc.double({ min: 1, max: 5000, noNaN: true }),
    trend: fc.double({ min: -3, max: 3, noNaN: true }),
    season: fc.constantFrom(0, 4, 12),
    intermittent: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ periods, level, trend, season, intermittent, seed }) => {
    let state = seed >>> 0;
    const uniform = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    return Array.from({ length: periods }, (_, t) => {
      if (intermittent && uniform() < 0.5) return 0;
      const seasonal = season ? 1 + 0.3 * Math.sin((2 * Math.PI * t) / season) : 1;
      return Math.max(0, Math.round((level + trend * t) * seasonal * (0.8 + 0.4 * uniform()) * 100) / 100);
    });
  });

describe("forecast properties on random histories", () => {
  it("forecasts a constant history as that constant, with zero-width bounds, for every method", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 24 }),
        method,
        seasonality,
        fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { nil: undefined }),
        (constant, present, horizon, name, season, level) => {
          // Blanks (null) anywhere, but at least one number: gaps between equal values stay equal.
          const values: (number | null)[] = present.map((keep) => (keep ? constant : null));
          if (!values.some((v) => v !== null)) values[0] = constant;
          const result = forecastSeries({ history: values, horizon, method: name, seasonality: season, level });
          expect(result.point).toEqual(new Array(horizon).fill(constant));
          if (level !== undefined) {
            expect(result.lower).toEqual(result.point);
            expect(result.upper).toEqual(result.point);
          }
        },
      ),
      { numRuns: testRuns(300, 30) },
    );
  });

  it("nests prediction bounds as the level grows, around the point forecast, for every method", () => {
    fc.assert(
      fc.property(
        history,
        method,
        seasonality,
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0.05, max: 0.98, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (values, name, season, horizon, narrow, step) => {
          const wide = Math.min(0.999, narrow + step);
          const a = forecastSeries({ history: values, horizon, method: name, seasonality: season, level: narrow });
          const b = forecastSeries({ history: values, horizon, method: name, seasonality: season, level: wide });
          expect(b.point).toEqual(a.point);
          for (let h = 0; h < horizon; h++) {
            // Rounding slack: a relative 1e-9 of the magnitude.
            const slack = 1e-9 * Math.max(1, Math.abs(a.point[h]));
            const [lowA, upA, lowB, upB] = [a.lower![h], a.upper![h], b.lower![h], b.upper![h]];
            expect(lowA).toBeLessThanOrEqual(a.point[h] + slack);
            expect(upA).toBeGreaterThanOrEqual(a.point[h] - slack);
            expect(lowB).toBeLessThanOrEqual(lowA + slack);
            expect(upB).toBeGreaterThanOrEqual(upA - slack);
          }
        },
      ),
      { numRuns: testRuns(300, 30) },
    );
  });
});
