import { excelError } from "../support/customFunctions";
import { forecastSop } from "../../src/functions/functions";
import { forecastSeries } from "../../src/engine/forecast";

// USAccDeaths 1973–1976 (R datasets), monthly.
const history = [
  9007, 8106, 8928, 9137, 10017, 10826, 11317, 10744, 9713, 9938, 9161, 8927, 7750, 6981, 8038, 8422, 8714, 9512, 10120,
  9823, 8743, 9129, 8710, 8680, 8162, 7306, 8124, 7870, 9387, 9556, 10093, 9620, 8285, 8466, 8160, 8034, 7717, 7461,
  7767, 7925, 8623, 8945, 10078, 9179, 8037, 8488, 7874, 8647,
];

describe("=SOP.FORECAST_SOP", () => {
  it("a row gives a row of horizon forecasts, equal to the engine's", () => {
    const result = forecastSop([history], 6);
    expect(result).toHaveLength(1);
    expect(result[0]).toEqual(forecastSeries({ history, horizon: 6 }).point);
  });

  it("a column gives a column", () => {
    const result = forecastSop(
      history.map((v) => [v]),
      3,
      12,
      "snaive",
    );
    expect(result).toEqual([[7717], [7461], [7767]]);
  });

  it("a matrix gives one row per item", () => {
    const items = [history, history.map((v) => v * 2), history.map((v) => v + 100)];
    const result = forecastSop(items, 4, 12, "snaive");
    expect(result).toEqual([
      [7717, 7461, 7767, 7925],
      [15434, 14922, 15534, 15850],
      [7817, 7561, 7867, 8025],
    ]);
  });

  it("with level, rows hold forecasts, then lower bounds, then upper bounds", () => {
    const [row] = forecastSop([history], 3, 12, "ets", 0.9);
    const engine = forecastSeries({ history, horizon: 3, seasonality: 12, method: "ets", level: 0.9 });
    expect(row).toEqual([...engine.point, ...engine.lower!, ...engine.upper!]);
  });

  it("with level, a column gives horizon rows × (forecast, lower, upper)", () => {
    const result = forecastSop(
      history.map((v) => [v]),
      2,
      12,
      "naive",
      0.8,
    );
    const engine = forecastSeries({ history, horizon: 2, seasonality: 12, method: "naive", level: 0.8 });
    expect(result).toEqual([
      [engine.point[0], engine.lower![0], engine.upper![0]],
      [engine.point[1], engine.lower![1], engine.upper![1]],
    ]);
  });

  it("treats blanks as gaps and gives blank cells for an item with no history", () => {
    const withBlanks = [
      [...history.slice(0, 10), null, "", ...history.slice(12)],
      [null, "", null, ...new Array(45).fill(null)],
    ];
    const result = forecastSop(withBlanks, 2, 12, "snaive");
    expect(result[0]).toEqual([7717, 7461]);
    expect(result[1]).toEqual(["", ""]);
  });

  it("omitted optional arguments arrive as null or undefined and mean the defaults", () => {
    expect(forecastSop([history], 2, null, null, null)).toEqual(forecastSop([history], 2));
    expect(forecastSop([history], 2, [[null]], [[""]], undefined)).toEqual(forecastSop([history], 2));
  });

  it("bad arguments give #VALUE! or #N/A with a message naming the argument", () => {
    expect(excelError(() => forecastSop([history], 0))).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/^horizon/),
    });
    expect(excelError(() => forecastSop([history], 3.5)).message).toMatch(/horizon must be a whole number/);
    expect(excelError(() => forecastSop([history], null)).message).toMatch(/horizon is required/);
    expect(excelError(() => forecastSop([history], 2, -1)).message).toMatch(/^seasonality/);
    expect(excelError(() => forecastSop([history], 2, 12, "prophet")).message).toMatch(/method "prophet" is unknown/);
    expect(excelError(() => forecastSop([history], 2, 12, 5)).message).toMatch(/^method must be a name/);
    expect(excelError(() => forecastSop([history], 2, 12, "auto", 95)).message).toMatch(/^level must be less than 1/);
    expect(excelError(() => forecastSop([[1, "abc", 3]], 2)).message).toMatch(/history holds text "abc"/);
    expect(excelError(() => forecastSop([[1, "#N/A", 3]], 2)).message).toMatch(/history holds "#N\/A"/);
  });

  it("forecasts a 200 × 60 matrix in one call (bench/forecast.ts times 1,000 × 60)", () => {
    const items = Array.from({ length: 200 }, (_, i) =>
      history
        .slice(0, 48)
        .concat(history.slice(36, 48))
        .map((v) => v * (1 + i / 1000)),
    );
    const result = forecastSop(items, 12);
    expect(result).toHaveLength(200);
    expect(
      result.every((row) => row.length === 12 && row.every((v) => typeof v === "number" && Number.isFinite(v))),
    ).toBe(true);
  });
});
