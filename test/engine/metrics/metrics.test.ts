import {
  bias,
  forecastValueAdded,
  mae,
  mape,
  mase,
  meanError,
  rmse,
  smape,
  trackingSignal,
  wmape,
} from "../../../src/engine/metrics";
import { PlanningError } from "../../../src/engine/errors";

// Definitions restated from ../shared/oracles/kpis.json "accuracy_definitions":
//   WMAPE = Σ|A − F| / ΣA; forecast accuracy = 1 − WMAPE; bias = Σ(F − A) / ΣA (positive =
//   over-forecast); tracking signal = running Σ(A − F) / MAD, review outside ±4;
//   FVA = error of the naive (previous-step) forecast − error of this step's forecast;
//   sMAPE (M3) = mean 200|A − F| / (|A| + |F|) in percent;
//   MASE = mean|A − F| / mean in-sample |y_t − y_{t−m}|.
const actual = [100, 120, 80, 150];
const forecast = [110, 100, 90, 140];
// errors A − F: −10, 20, −10, 10; |e|: 10, 20, 10, 10 (Σ 50); ΣA = 450; ΣF = 440

describe("accuracy metrics (hand calculations)", () => {
  it("MAE = 50 / 4 = 12.5 and RMSE = sqrt((100 + 400 + 100 + 100) / 4) = sqrt(175)", () => {
    expect(mae(actual, forecast)).toBe(12.5);
    expect(rmse(actual, forecast)).toBeCloseTo(Math.sqrt(175), 12);
  });

  it("MAPE = 100 · (10/100 + 20/120 + 10/80 + 10/150) / 4 = 11.4583…%", () => {
    expect(mape(actual, forecast)).toBeCloseTo((100 * (0.1 + 20 / 120 + 0.125 + 10 / 150)) / 4, 12);
  });

  it("WMAPE = 50 / 450 = 0.1111… (accuracy 0.8889)", () => {
    expect(wmape(actual, forecast)).toBeCloseTo(50 / 450, 12);
    expect(1 - wmape(actual, forecast)).toBeCloseTo(400 / 450, 12);
  });

  it("sMAPE (M3) = mean of 200·10/210, 200·20/220, 200·10/170, 200·10/290", () => {
    const expected = (2000 / 210 + 4000 / 220 + 2000 / 170 + 2000 / 290) / 4;
    expect(smape(actual, forecast)).toBeCloseTo(expected, 12);
    expect(smape([0, 5], [0, 5])).toBe(0);
  });

  it("bias = (440 − 450) / 450 = −0.0222 (under-forecast), mean error = −10 / 4", () => {
    expect(bias(actual, forecast)).toBeCloseTo(-10 / 450, 12);
    expect(meanError(actual, forecast)).toBe(-2.5);
  });

  it("MASE with seasonal-naive scaling", () => {
    // in-sample 10, 14, 12, 16, 11, 15 with m = 2: |12 − 10|, |16 − 14|, |11 − 12|, |15 − 16| → 2, 2, 1, 1,
    // mean 1.5; MAE of (13 vs 12, 17 vs 15) = (1 + 2)/2 = 1.5 → MASE 1
    expect(mase([13, 17], [12, 15], [10, 14, 12, 16, 11, 15], 2)).toBe(1);
    // m = 1: in-sample diffs 4, 2, 4, 5, 4 → mean 3.8; MASE = 1.5 / 3.8
    expect(mase([13, 17], [12, 15], [10, 14, 12, 16, 11, 15], 1)).toBeCloseTo(1.5 / 3.8, 12);
  });

  it("MASE matches R's accuracy() on AirPassengers' training window (classic_ets_reference.json)", () => {
    // ../shared/data/classic_ets_reference.json: AirPassengers train (1949–58), test 1959–60,
    // snaive forecast = last training year; R's MASE for snaive 2.493519.
    const train = [
      112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114,
      140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209, 191,
      172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293, 259,
      229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 318, 374, 413, 405,
      355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318, 362, 348, 363, 435, 491,
      505, 404, 359, 310, 337,
    ];
    const test = [
      360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390,
      432,
    ];
    const snaive = [...train.slice(-12), ...train.slice(-12)];
    expect(mase(test, snaive, train, 12)).toBeCloseTo(2.493519, 5);
  });

  it("tracking signal: running Σ(A − F) ÷ running MAD", () => {
    // t1: −10 / 10 = −1; t2: 10 / 15 = 0.6667; t3: 0 / (40/3) = 0; t4: 10 / 12.5 = 0.8
    const ts = trackingSignal(actual, forecast);
    expect(ts[0]).toBeCloseTo(-1, 12);
    expect(ts[1]).toBeCloseTo(10 / 15, 12);
    expect(ts[2]).toBeCloseTo(0, 12);
    expect(ts[3]).toBeCloseTo(0.8, 12);
    // a forecast that is always 10 low: Σ grows by 10 each period, MAD stays 10 → 1, 2, 3, 4, 5
    expect(trackingSignal([20, 20, 20, 20, 20], [10, 10, 10, 10, 10])).toEqual([1, 2, 3, 4, 5]);
  });

  it("forecast value added: WMAPE(baseline) − WMAPE(candidate)", () => {
    // naive baseline 100 each period: |e| 0, 20, 20, 50 → 90/450 = 0.2; candidate 50/450 → FVA = 40/450
    expect(forecastValueAdded(actual, [100, 100, 100, 100], forecast)).toBeCloseTo(40 / 450, 12);
    // an override that makes things worse has negative FVA
    expect(forecastValueAdded(actual, forecast, [100, 100, 100, 100])).toBeCloseTo(-40 / 450, 12);
  });

  it("refuses undefined cases with typed errors", () => {
    expect(() => mape([0, 1], [1, 1])).toThrow(PlanningError);
    expect(() => wmape([0, 0], [1, 1])).toThrow(/sum to 0/);
    expect(() => mae([1, 2], [1])).toThrow(/2/);
    expect(() => mase([1], [1], [5, 5, 5], 1)).toThrow(/does not change/);
    expect(() => mae([], [])).toThrow(PlanningError);
  });
});
