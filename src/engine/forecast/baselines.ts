/**
 * Baseline methods every forecast should beat (Hyndman & Athanasopoulos, FPP3 §5.2):
 * naive (last value), seasonal naive (same period last season), mean, moving average of the
 * last k points, and the least-squares straight line (Excel `FORECAST.LINEAR`).
 * Intervals are the textbook normal ones from the in-sample residuals.
 */
import { Prediction, PredictOptions, normalBounds } from "./prediction";

export type BaselineMethod = "naive" | "snaive" | "mean" | "moving-average" | "linear";

export interface FittedBaseline {
  kind: "baseline";
  method: BaselineMethod;
  model: string;
  seasonLength: number;
  /** what predict needs: the last season (snaive), last value, mean, or intercept and slope */
  values: number[];
  /** residual standard deviation of the method's in-sample one-step (or fitted) errors */
  sigma: number;
  observations: number;
  /** window length (moving average) */
  window: number;
}

/** Default moving-average window: one season, or 3 without season (capped at the history). */
export function movingAverageWindow(n: number, m: number): number {
  return Math.max(1, Math.min(n, m > 1 ? m : 3));
}

function rootMeanSquare(errors: readonly number[], degreesLost = 0): number {
  if (errors.length - degreesLost <= 0) return 0;
  let s = 0;
  for (const e of errors) s += e * e;
  return Math.sqrt(s / (errors.length - degreesLost));
}

/** @example fitBaseline([1, 2, 3], "naive", 1).values; // => [3] */
export function fitBaseline(y: readonly number[], method: BaselineMethod, m: number): FittedBaseline {
  const n = y.length;
  const base = { kind: "baseline" as const, method, observations: n, window: 1 };
  switch (method) {
    case "naive": {
      const errors = y.slice(1).map((v, t) => v - y[t]);
      return { ...base, model: "Naive", seasonLength: 1, values: [y[n - 1]], sigma: rootMeanSquare(errors) };
    }
    case "snaive": {
      const season = n >= m ? m : 1;
      const errors = y.slice(season).map((v, t) => v - y[t]);
      return {
        ...base,
        model: season > 1 ? "Seasonal naive" : "Naive",
        seasonLength: season,
        values: y.slice(n - season),
        sigma: rootMeanSquare(errors),
      };
    }
    case "mean": {
      const mean = y.reduce((a, b) => a + b, 0) / n;
      return {
        ...base,
        model: "Mean",
        seasonLength: 1,
        values: [mean],
        sigma: rootMeanSquare(
          y.map((v) => v - mean),
          1,
        ),
      };
    }
    case "moving-average": {
      const window = movingAverageWindow(n, m);
      const errors: number[] = [];
      for (let t = window; t < n; t++) {
        let s = 0;
        for (let k = t - window; k < t; k++) s += y[k];
        errors.push(y[t] - s / window);
      }
      const last = y.slice(n - window).reduce((a, b) => a + b, 0) / window;
      return {
        ...base,
        model: `Moving average (${window})`,
        seasonLength: 1,
        values: [last],
        sigma: rootMeanSquare(errors),
        window,
      };
    }
    case "linear": {
      // x = 1..n as FORECAST.LINEAR over the row position.
      const meanX = (n + 1) / 2;
      const meanY = y.reduce((a, b) => a + b, 0) / n;
      let sxy = 0;
      let sxx = 0;
      for (let t = 0; t < n; t++) {
        sxy += (t + 1 - meanX) * (y[t] - meanY);
        sxx += (t + 1 - meanX) ** 2;
      }
      const slope = sxx > 0 ? sxy / sxx : 0;
      const intercept = meanY - slope * meanX;
      const errors = y.map((v, t) => v - (intercept + slope * (t + 1)));
      return {
        ...base,
        model: "Linear trend",
        seasonLength: 1,
        values: [intercept, slope, meanX, sxx],
        sigma: rootMeanSquare(errors, Math.min(2, n - 1)),
      };
    }
  }
}

/** @example predictBaseline(fitBaseline([1, 2, 3], "linear", 1), 2).point; // => [4, 5] */
export function predictBaseline(fitted: FittedBaseline, horizon: number, options: PredictOptions = {}): Prediction {
  const { values, sigma, observations: n } = fitted;
  const point: number[] = new Array(horizon);
  const sd: number[] = new Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    switch (fitted.method) {
      case "naive":
        point[h - 1] = values[0];
        sd[h - 1] = sigma * Math.sqrt(h);
        break;
      case "snaive": {
        const m = fitted.seasonLength;
        point[h - 1] = values[(h - 1) % m];
        sd[h - 1] = sigma * Math.sqrt(Math.floor((h - 1) / m) + 1);
        break;
      }
      case "mean":
        point[h - 1] = values[0];
        sd[h - 1] = sigma * Math.sqrt(1 + 1 / n);
        break;
      case "moving-average":
        point[h - 1] = values[0];
        sd[h - 1] = sigma * Math.sqrt(1 + (h - 1) / fitted.window);
        break;
      case "linear": {
        const [intercept, slope, meanX, sxx] = values;
        const x = n + h;
        point[h - 1] = intercept + slope * x;
        sd[h - 1] = sigma * Math.sqrt(1 + 1 / n + (sxx > 0 ? (x - meanX) ** 2 / sxx : 0));
        break;
      }
    }
  }
  return normalBounds(point, sd, options.level);
}
