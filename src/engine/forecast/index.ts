/**
 * The demand-planning forecast engine: one call per series.
 *
 * `forecastSeries` prepares the history (gaps filled, blanks trimmed), resolves the season
 * length (FORECAST.ETS convention), picks the method, fits, and predicts with optional bounds.
 * Synchronous, pure and deterministic: simulated intervals use a fixed-seed generator unless
 * the caller passes `random`.
 *
 * Robustness rules (each documented where it applies):
 * - fewer than 3 points: naive (last value), whatever the method;
 * - a constant history: that constant, with zero-width bounds;
 * - fewer than two seasons: seasonality dropped;
 * - zeros or negatives: no multiplicative components;
 * - a method that cannot be fitted (too few points for its parameters) falls back to simple
 *   exponential smoothing, then to naive; `model` says what was used.
 *
 * "auto" (the default), chosen on the training parts of every collection (docs/forecasting.md):
 * - intermittent histories (a third or more zeros, none negative): TSB;
 * - seasonal histories (a season length and two seasons of data): the median of the ETS pool
 *   (the seasonal ETS models, averaged), DOTM, CES with simple seasonality and the airline model;
 * - other histories: "combination", the median of ETS (AICc), Theta and damped-trend ETS.
 */
import { PlanningError, invalidInput } from "../errors";
import { fitBaseline } from "./baselines";
import { fitEts } from "./ets/etsFit";
import { isIntermittent } from "./intermittent";
import {
  ALL_METHOD_NAMES,
  FittedModel,
  MethodChoice,
  adaptSpec,
  fitMethod,
  parseMethod,
  predictModel,
} from "./methods";
import { isValidLevel } from "./prediction";
import { prepareHistory } from "./prepareHistory";
import { RandomSource, seededRandom } from "./randomSource";
import { resolveSeasonLength } from "./seasonality";

/** Every method name accepted (incl. "auto" and each ETS model string such as "ETS(A,Ad,M)"). */
export const FORECAST_METHODS: readonly string[] = ALL_METHOD_NAMES;

export interface ForecastRequest {
  /** history, oldest first; null = gap (blank cell) */
  history: readonly (number | null)[];
  /** periods to forecast, a whole number ≥ 1 */
  horizon: number;
  /** FORECAST.ETS convention: undefined or 1 = detect (monthly → 12), 0 = none, n ≥ 2 = season length */
  seasonality?: number;
  /** default "auto"; see FORECAST_METHODS */
  method?: string;
  /** in (0, 1): when given, lower and upper are filled */
  level?: number;
  /** uniform random source for simulated intervals; a fixed-seed generator by default */
  random?: RandomSource;
}

export interface SeriesForecast {
  point: number[];
  lower?: number[];
  upper?: number[];
  /** what was used, e.g. "ETS(A,Ad,M)", "Theta", "SBA", "combination(ETS(M,A,M),Theta,ETS(M,Ad,M))" */
  model: string;
  /** 1 when non-seasonal */
  seasonLength: number;
}

/** The longest horizon accepted: 10 years of weeks; longer is almost surely a wrong argument. */
export const MAX_HORIZON = 520;

/**
 * Forecasts one series.
 *
 * Units: the history's units. Errors: `invalidInput` for a bad horizon, level, seasonality or
 * method; `notAvailable` when the history holds no number.
 * Reference: Hyndman & Athanasopoulos, FPP3 ch. 8; R `forecast::ets`, `thetaf`, `croston`.
 * @example forecastSeries({ history: [10, 12, 14, 16, 18, 20], horizon: 2, method: "holt" }).point; // ≈ [22, 24]
 */
export function forecastSeries(request: ForecastRequest): SeriesForecast {
  const { horizon, level } = request;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    throw invalidInput("horizon", `horizon must be a whole number from 1 to ${MAX_HORIZON}, not ${horizon}.`);
  }
  if (level !== undefined && !isValidLevel(level))
    throw invalidInput("level", `level must be a probability between 0 and 1 (e.g. 0.95), not ${level}.`);
  const choice = parseMethod(request.method);
  const { values } = prepareHistory(request.history);
  const m = resolveSeasonLength(request.seasonality, values);
  const options = { level, random: request.random ?? seededRandom() };

  const first = values[0];
  if (values.every((v) => v === first)) {
    const point = new Array<number>(horizon).fill(first);
    return level === undefined
      ? { point, model: "Constant", seasonLength: 1 }
      : { point, lower: point.slice(), upper: point.slice(), model: "Constant", seasonLength: 1 };
  }
  const fitted = values.length < 3 ? fitBaseline(values, "naive", 1) : fitWithFallback(choice, values, m);
  const prediction = predictModel(fitted, horizon, options);
  return { ...prediction, model: fitted.model, seasonLength: fitted.seasonLength };
}

/** Fits the chosen method; "auto" applies the rule above; failures fall back to SES, then naive. */
export function fitWithFallback(choice: MethodChoice, values: readonly number[], m: number): FittedModel {
  let resolved = choice;
  if (choice.kind === "named" && choice.name === "auto" && isIntermittent(values))
    resolved = { kind: "named", name: "tsb" };
  try {
    return fitMethod(resolved, values, m);
  } catch (e) {
    if (!(e instanceof PlanningError) || e.kind !== "notAvailable") throw e;
  }
  try {
    return fitEts(values, adaptSpec({ error: "A", trend: "N", season: "N" }, values, 1), 1);
  } catch {
    return fitBaseline(values, "naive", 1);
  }
}

export type { FittedModel };
export { fitMethod, predictModel, parseMethod };
