import { FORECAST_METHODS, forecastSeries } from "../../../src/engine/forecast";
import { fitMethod, parseMethod, predictModel } from "../../../src/engine/forecast/methods";
import { seededRandom } from "../../../src/engine/forecast/randomSource";
import { R_SERIES } from "./rReference";

// The contract every method keeps (statsforecast's model tests): output length = horizon,
// lower ≤ point ≤ upper, a wider level gives bounds at least as wide, the same inputs give
// the same numbers, and forecast = fit then predict.
const monthly = R_SERIES.find((s) => s.id === "USAccDeaths")!.values.slice(0, 48);
const intermittent = [0, 2, 0, 0, 4, 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 2, 0, 5, 0, 0, 1, 0, 0, 3];
const withNegatives = monthly.map((v, t) => v - 9000 + 50 * t);

describe.each(FORECAST_METHODS.map((m) => [m]))("method %s", (method) => {
  for (const [name, history] of [
    ["monthly", monthly],
    ["intermittent", intermittent],
    ["negatives", withNegatives],
  ] as const) {
    it(`keeps the contract on ${name} history`, () => {
      const horizon = 14;
      const narrow = forecastSeries({ history, horizon, seasonality: 12, method, level: 0.8 });
      const wide = forecastSeries({ history, horizon, seasonality: 12, method, level: 0.95 });
      const again = forecastSeries({ history, horizon, seasonality: 12, method, level: 0.8 });
      expect(narrow.point).toHaveLength(horizon);
      expect(narrow.lower).toHaveLength(horizon);
      expect(narrow.upper).toHaveLength(horizon);
      expect(again).toEqual(narrow);
      expect(wide.point).toEqual(narrow.point);
      for (let h = 0; h < horizon; h++) {
        expect(Number.isFinite(narrow.point[h])).toBe(true);
        expect(narrow.lower![h]).toBeLessThanOrEqual(narrow.point[h] + 1e-9);
        expect(narrow.upper![h]).toBeGreaterThanOrEqual(narrow.point[h] - 1e-9);
        expect(wide.lower![h]).toBeLessThanOrEqual(narrow.lower![h] + 1e-9);
        expect(wide.upper![h]).toBeGreaterThanOrEqual(narrow.upper![h] - 1e-9);
      }
      expect(typeof narrow.model).toBe("string");
      expect(narrow.seasonLength).toBeGreaterThanOrEqual(1);
    });
  }

  it("forecast equals fit then predict", () => {
    const choice = parseMethod(method);
    if (choice.kind === "named" && choice.name === "auto") return; // auto resolves first; covered by the others
    const fitted = fitMethod(choice, monthly, 12);
    const direct = predictModel(fitted, 6, { level: 0.9, random: seededRandom() });
    const whole = forecastSeries({ history: monthly, horizon: 6, seasonality: 12, method, level: 0.9 });
    expect(whole.point).toEqual(direct.point);
    expect(whole.lower).toEqual(direct.lower);
    expect(whole.model).toBe(fitted.model);
  });
});

describe("method names", () => {
  it("accepts every listed name in any case and with spaces", () => {
    expect(parseMethod("Moving Average")).toEqual({ kind: "named", name: "moving-average" });
    expect(parseMethod("HW_Multiplicative")).toEqual({ kind: "named", name: "hw-multiplicative" });
    expect(parseMethod("ets(m,ad,m)")).toEqual({ kind: "ets", spec: { error: "M", trend: "Ad", season: "M" } });
    expect(parseMethod(undefined)).toEqual({ kind: "named", name: "auto" });
    expect(() => parseMethod("prophet")).toThrow(/unknown/);
  });

  it("lists auto and the ETS models", () => {
    expect(FORECAST_METHODS).toContain("auto");
    expect(FORECAST_METHODS).toContain("ETS(M,Ad,M)");
    expect(new Set(FORECAST_METHODS).size).toBe(FORECAST_METHODS.length);
  });
});
