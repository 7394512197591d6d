/**
 * The method registry: every method has the same two verbs, `fit` (history → typed fitted
 * model) and `predict` (fitted model, horizon, level → forecasts and bounds); `forecast` is fit
 * then predict. Fitted models are a discriminated union, so callers can inspect them.
 */
import { invalidInput } from "../errors";
import { FittedAirline, fitAirline, predictAirline } from "./arima/airline";
import { FittedArima } from "./arima/arimaFit";
import { predictArima } from "./arima/arimaPredict";
import { autoArima } from "./arima/autoArima";
import { BaselineMethod, FittedBaseline, fitBaseline, predictBaseline } from "./baselines";
import { CesOptions, FittedCes, fitCes, predictCes } from "./ces";
import { CombinedBounds, combineByMean, combineByMedian, widenBounds, withPoint } from "./combination";
import { FittedDotm, fitDotm, predictDotm } from "./dotm";
import { EtsFitOptions, FittedEts, fitEts } from "./ets/etsFit";
import { predictEts } from "./ets/etsPredict";
import { etsCandidates, selectEts } from "./ets/etsSelect";
import { ETS_SPECS, EtsSpec, etsName, etsParameterCount, parseEtsName } from "./ets/etsSpec";
import { intervalT } from "./fDistribution";
import { FittedIntermittent, IntermittentMethod, fitIntermittent, predictIntermittent } from "./intermittent";
import { intervalZ } from "./normalQuantile";
import { Prediction, PredictOptions } from "./prediction";
import { FittedTheta, fitTheta, predictTheta } from "./theta";

export interface FittedCombination {
  kind: "combination";
  /** median (robust to one wild member) or mean (equal-weight pool) */
  rule: "median" | "mean";
  /** how the bounds combine (combination.ts); the same rule as the points when omitted */
  bounds?: CombinedBounds;
  /** the combined bounds' half-widths are multiplied by this (1 when omitted) */
  widening?: number;
  /**
   * each member's half-widths are first corrected for its sample size (smallSampleFactor):
   * "t" the Student t quantile with n − k degrees of freedom; "t-variance" also σ² over n − k
   * where the member's σ² divides by fewer parameters; none when omitted
   */
  sampleCorrection?: SampleCorrection;
  model: string;
  seasonLength: number;
  members: FittedModel[];
  /** members that join the points but not the bounds (`auto`'s airline model) */
  pointOnly?: FittedModel[];
}

export type SampleCorrection = "t" | "t-variance";

export type FittedModel =
  | FittedEts
  | FittedTheta
  | FittedDotm
  | FittedCes
  | FittedArima
  | FittedAirline
  | FittedIntermittent
  | FittedBaseline
  | FittedCombination;

/** Named methods (besides the ETS model strings such as "ETS(A,Ad,M)"). */
export const NAMED_METHODS = [
  "auto",
  "combination",
  "ets-pool",
  "ets",
  "ses",
  "holt",
  "damped",
  "hw-additive",
  "hw-multiplicative",
  "theta",
  "dotm",
  "ces",
  "arima",
  "airline",
  "croston",
  "sba",
  "tsb",
  "naive",
  "snaive",
  "mean",
  "moving-average",
  "linear",
] as const;

export type NamedMethod = (typeof NAMED_METHODS)[number];

const FIXED_SPECS: Partial<Record<NamedMethod, EtsSpec>> = {
  ses: { error: "A", trend: "N", season: "N" },
  holt: { error: "A", trend: "A", season: "N" },
  "hw-additive": { error: "A", trend: "A", season: "A" },
  "hw-multiplicative": { error: "M", trend: "A", season: "M" },
};

/**
 * How the combinations (`auto`, `combination`, `ets-pool`) fit their ETS members: one Nelder–Mead
 * run with the seasonal states at the decomposition's values (etsFit `estimation: "fast"`). The
 * single-model methods (`ets`, `damped`, named models) estimate every initial state as R does.
 */
const FAST_FIT: EtsFitOptions = { estimation: "fast" };

/** A method request resolved to either a named method or one ETS model. */
export type MethodChoice = { kind: "named"; name: NamedMethod } | { kind: "ets"; spec: EtsSpec };

/**
 * @example parseMethod("Moving Average"); // => { kind: "named", name: "moving-average" }
 * @throws invalidInput for an unknown name (the message lists the known ones).
 */
export function parseMethod(method: string | undefined): MethodChoice {
  if (method === undefined || method.trim() === "") return { kind: "named", name: "auto" };
  const key = method
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const named = NAMED_METHODS.find((m) => m === key || m.replace(/-/g, "") === key.replace(/-/g, ""));
  if (named) return { kind: "named", name: named };
  if (/^ets/i.test(method.trim())) return { kind: "ets", spec: parseEtsName(method) };
  throw invalidInput(
    "method",
    `method "${method}" is unknown; use one of ${NAMED_METHODS.join(", ")} or an ETS model like "ETS(A,Ad,M)".`,
  );
}

/** Every accepted method name: the named methods and each ETS model. */
export const ALL_METHOD_NAMES: readonly string[] = [...NAMED_METHODS, ...ETS_SPECS.map(etsName)];

/**
 * Makes a spec fit the data: seasonality dropped without a season, multiplicative parts made
 * additive when the history has zeros or negatives.
 */
export function adaptSpec(spec: EtsSpec, y: readonly number[], m: number): EtsSpec {
  const positive = y.every((v) => v > 0);
  const seasonOk = m >= 2 && y.length >= 2 * m;
  return {
    error: positive ? spec.error : "A",
    trend: spec.trend,
    season: !seasonOk ? "N" : positive ? spec.season : spec.season === "N" ? "N" : "A",
  };
}

/** Fits a method to a clean series with season length m (1 = none). */
export function fitMethod(choice: MethodChoice, y: readonly number[], m: number): FittedModel {
  if (choice.kind === "ets") return fitEts(y, adaptSpec(choice.spec, y, m), m);
  const name = choice.name;
  switch (name) {
    case "ets":
      return selectEts(y, m).best;
    case "damped":
      return selectEts(y, m, etsCandidates(y, m, { damped: true })).best;
    case "ses":
    case "holt":
    case "hw-additive":
    case "hw-multiplicative":
      return fitEts(y, adaptSpec(FIXED_SPECS[name] as EtsSpec, y, m), m);
    case "theta":
      return fitTheta(y, m);
    case "dotm":
      return fitDotm(y, m);
    case "ces":
      return fitCes(y, m);
    case "arima":
      return autoArima(y, m);
    case "airline":
      return fitAirline(y, m);
    case "croston":
    case "sba":
    case "tsb":
      return fitIntermittent(y, name as IntermittentMethod);
    case "naive":
    case "snaive":
    case "mean":
    case "moving-average":
    case "linear":
      return fitBaseline(y, name as BaselineMethod, m);
    case "ets-pool":
      return fitEtsPool(y, m);
    case "combination":
      return fitCombination(y, m);
    case "auto":
      return fitAuto(y, m);
  }
}

/**
 * Median of ETS (AICc-selected), Theta and the best damped-trend ETS (the damped model comes
 * from the same set of fits); members that fail are left out.
 */
export function fitCombination(y: readonly number[], m: number): FittedCombination {
  const members: FittedModel[] = [];
  const selection = trySelect(() => selectEts(y, m, etsCandidates(y, m), FAST_FIT));
  if (selection) members.push(selection.best);
  const theta = trySelect(() => fitTheta(y, m));
  if (theta) members.push(theta);
  const damped = selection?.fitted.filter((f) => f.spec.trend === "Ad").sort((a, b) => a.aicc - b.aicc)[0];
  if (damped) members.push(damped);
  if (members.length === 0) members.push(fitBaseline(y, "naive", m));
  return {
    kind: "combination",
    rule: "median",
    model: `combination(${members.map((f) => memberLabel(f)).join(",")})`,
    seasonLength: Math.max(...members.map((f) => f.seasonLength)),
    members,
  };
}

/**
 * `auto`'s bounds: each member's half-widths corrected for its sample size (AUTO_SAMPLE_CORRECTION; 1 for CES),
 * the envelope of the members' bounds (lowest lower, highest upper), its half-widths times a factor.
 * Decided on the training parts only, at two rolling origins (the last horizon of each training
 * part held out, and the horizon before it), with the members `auto` has now (pool, DOTM, CES;
 * the airline model gives points only): of the envelope and the trimmed envelope, with or without
 * the correction, and the factors 1 to 1.9 by 0.025, the lowest mean MSIS ratio over the four
 * seasonal collections and both origins among the choices that put all eight coverages inside
 * 92–97%: the envelope, t, 1.275 (score 0.9550; re-run once CES fitted from three starts). The same
 * choice made on each frequency's two collections (monthly 1.15, quarterly 1.275) scores 0.9502 over
 * all eight, beyond the 0.003 noise band, so monthly data (m = 12) get their own factor and every
 * other season length this one (docs/forecasting.md "Intervals"; `npm run bench:forecast-rules`).
 */
export const AUTO_INTERVAL_WIDENING = 1.275;

/** `auto`'s factor for monthly data (m = 12), chosen on the two monthly collections (see above). */
export const AUTO_INTERVAL_WIDENING_MONTHLY = 1.15;

/**
 * The factor on `auto`'s envelope for season length m.
 * @example autoIntervalWidening(12); // => 1.15
 * @example autoIntervalWidening(4); // => 1.275
 */
export function autoIntervalWidening(m: number): number {
  return m === 12 ? AUTO_INTERVAL_WIDENING_MONTHLY : AUTO_INTERVAL_WIDENING;
}

/** How `auto`'s members' half-widths are corrected for sample size (smallSampleFactor). */
export const AUTO_SAMPLE_CORRECTION: SampleCorrection = "t";

/**
 * The ETS fits inside `auto` (the pool's, and the AICc choice bench/forecastRules.ts scores as a
 * candidate): R's candidate set without the multiplicative-error, additive-season models (left out
 * of the pool too: on the training parts the rule scores the same without them, docs/forecasting.md,
 * and they are a fifth of the fitting work), each by the fast fit.
 */
export function autoEtsSelection(y: readonly number[], m: number, seasonalOnly = false): ReturnType<typeof selectEts> {
  const specs = etsCandidates(y, m).filter(
    (spec) => !(spec.error === "M" && spec.season === "A") && !(seasonalOnly && spec.season === "N"),
  );
  return selectEts(y, m, specs, FAST_FIT);
}

/**
 * The CES member of `auto`: smooth's "simple" seasonal CES alone (the complex pair at lag m), the
 * variant that scored best as a member on the training parts and the cheapest (docs/forecasting.md "CES").
 */
const AUTO_CES: CesOptions = { variants: ["simple"] };

/**
 * `auto` for a history with a season (m ≥ 2 and two seasons of data): the median, horizon by
 * horizon, of four forecasts (the mean of the middle two): the ETS pool (below), DOTM, CES with
 * simple seasonality and the airline model ARIMA(0,1,1)(0,1,1)m; only the pool's seasonal ETS
 * models are fitted (the AICc-selected ETS model left the median when CES came in). Bounds: the
 * pool's ETS models' and DOTM's half-widths corrected for their sample size (AUTO_SAMPLE_CORRECTION;
 * smallSampleFactor has no case for CES and leaves its bounds as they are), then the envelope of the
 * pool's, DOTM's and CES's bounds (lowest lower, highest upper; the airline model gives points
 * only), widened by autoIntervalWidening(m). All chosen on the
 * training parts of every collection at two rolling origins (docs/forecasting.md). Without a
 * season: the median `combination`.
 */
export function fitAuto(y: readonly number[], m: number): FittedCombination {
  if (!(m >= 2 && y.length >= 2 * m)) return fitCombination(y, m);
  // Only the pool's (seasonal) models: the AICc choice among all of them is no longer a member.
  const selection = trySelect(() => autoEtsSelection(y, m, true));
  if (!selection) return fitCombination(y, m);
  const dotm = trySelect(() => fitDotm(y, m, { shortSeasonTest: true }));
  const airline = trySelect(() => fitAirline(y, m));
  const ces = trySelect(() => fitCes(y, m, AUTO_CES));
  const fitted = selection.fitted.filter((f) => Number.isFinite(f.aicc));
  const pooled = fitted.filter((f) => f.spec.season !== "N");
  const members: FittedModel[] = [];
  if (pooled.length > 0)
    members.push({
      kind: "combination",
      rule: "mean",
      model: `ETS pool(${pooled.length} seasonal models)`,
      seasonLength: m,
      members: pooled,
    });
  if (dotm) members.push(dotm);
  if (ces) members.push(ces);
  // The airline model joins the points only: its bounds (ψ weights of two differences, on logs)
  // are wide, and with them in the envelope the training parts' MSIS grew on every collection.
  const pointOnly = airline ? [airline] : [];
  const all = [...members, ...pointOnly];
  return {
    kind: "combination",
    rule: "median",
    bounds: "envelope",
    widening: autoIntervalWidening(m),
    sampleCorrection: AUTO_SAMPLE_CORRECTION,
    model: `median(${all.map((f) => memberLabel(f)).join(",")})`,
    seasonLength: Math.max(...all.map((f) => f.seasonLength)),
    members,
    pointOnly,
  };
}

/**
 * Equal-weight pool of the seasonal ETS models A,N,A; A,A,A; A,Ad,A and, for positive data,
 * M,N,M; M,A,M; M,Ad,M: the forecast is their mean, the bounds the mean of their bounds
 * (quantile averaging, Lichtendahl, Grushka-Cockayne & Winkler 2013). Pooling instead of
 * picking one model by AICc follows Kolassa (2011) and Kourentzes, Barrow & Petropoulos (2019).
 * The multiplicative-error, additive-season models are left out: they often break down
 * (a one-step forecast ≤ 0: 394 failed fits on tourism monthly) and leaving them out cost
 * nothing there (MASE 1.428 without, 1.430 with) while saving a third of the time.
 * Without a season it is the plain combination.
 */
export function fitEtsPool(y: readonly number[], m: number): FittedCombination {
  const specs = etsCandidates(y, m).filter(
    (spec) => spec.season !== "N" && !(spec.error === "M" && spec.season === "A"),
  );
  if (specs.length === 0) return fitCombination(y, m);
  const fitted = trySelect(() => selectEts(y, m, specs, FAST_FIT).fitted.filter((f) => Number.isFinite(f.aicc)));
  if (!fitted || fitted.length === 0) return fitCombination(y, m);
  return {
    kind: "combination",
    rule: "mean",
    model: `ETS pool(${fitted.length} seasonal models)`,
    seasonLength: m,
    members: fitted,
  };
}

function memberLabel(fitted: FittedModel): string {
  return fitted.model;
}

function trySelect<T>(fit: () => T): T | undefined {
  try {
    return fit();
  } catch {
    return undefined;
  }
}

/** Forecasts `horizon` periods from a fitted model, with bounds when `options.level` is given. */
export function predictModel(fitted: FittedModel, horizon: number, options: PredictOptions = {}): Prediction {
  switch (fitted.kind) {
    case "ets":
      return predictEts(fitted, horizon, options);
    case "theta":
      return predictTheta(fitted, horizon, options);
    case "dotm":
      return predictDotm(fitted, horizon, options);
    case "ces":
      return predictCes(fitted, horizon, options);
    case "arima":
      return predictArima(fitted, horizon, options);
    case "airline":
      return predictAirline(fitted, horizon, options);
    case "intermittent":
      return predictIntermittent(fitted, horizon, options);
    case "baseline":
      return predictBaseline(fitted, horizon, options);
    case "combination": {
      // Members' bounds in closed form: a combination's bound is a mean or median of its members'
      // bounds, and simulating every multiplicative member cost as much as fitting them all.
      const shared: PredictOptions = { ...options, intervals: "approximate" };
      const predictions = fitted.members.map((member) =>
        predictMember(member, horizon, shared, options.level !== undefined ? fitted.sampleCorrection : undefined),
      );
      const combine = fitted.rule === "median" ? combineByMedian : combineByMean;
      let combined = combine(predictions, fitted.bounds);
      if (fitted.pointOnly && fitted.pointOnly.length > 0) {
        const pointsOnly = fitted.pointOnly.map((member) =>
          predictModel(member, horizon, { ...shared, level: undefined }),
        );
        const point = combine([...predictions, ...pointsOnly].map((p) => ({ point: p.point }))).point;
        combined = withPoint(combined, point);
      }
      return widenBounds(combined, fitted.widening ?? 1);
    }
  }
}

/** A combination's member predicted, its half-widths corrected for its sample size when asked. */
function predictMember(
  member: FittedModel,
  horizon: number,
  options: PredictOptions,
  correction: SampleCorrection | undefined,
): Prediction {
  if (correction === undefined) return predictModel(member, horizon, options);
  if (member.kind === "combination") return predictModel({ ...member, sampleCorrection: correction }, horizon, options);
  return widenBounds(
    predictModel(member, horizon, options),
    smallSampleFactor(member, options.level as number, correction),
  );
}

/**
 * The small-sample correction of a member's normal half-widths (Hyndman et al. 2008 §6.1; De
 * Livera et al. 2011): the Student t quantile with n − k degrees of freedom over the normal z, k
 * the member's estimated parameters; with "t-variance" also √((n − k₀) / (n − k)) where its σ²
 * divides by n − k₀ with k₀ < k (Theta's σ² counts α and ℓ₀, not the drift and the seasonal
 * figure; DOTM's counts ℓ₀, α, θ, not the figure). ETS's σ² already divides by n − k. 1 for
 * the other kinds.
 * @example smallSampleFactor(fitDotm(y, 1), 0.95, "t"); // qt(0.975, n − 3) / qnorm(0.975)
 */
export function smallSampleFactor(fitted: FittedModel, level: number, correction: SampleCorrection): number {
  let n: number;
  let k: number;
  let varianceDivisor: number;
  switch (fitted.kind) {
    case "ets":
      n = fitted.observations;
      k = etsParameterCount(fitted.spec, fitted.seasonLength);
      varianceDivisor = n - k;
      break;
    case "theta":
      n = fitted.observations;
      k = 3 + (fitted.seasonFigure.length > 0 ? fitted.seasonLength - 1 : 0);
      varianceDivisor = n - 2;
      break;
    case "dotm":
      n = fitted.adjusted.length;
      k = 3 + (fitted.seasonFigure.length > 0 ? fitted.seasonLength - 1 : 0);
      varianceDivisor = n - 3;
      break;
    default:
      return 1;
  }
  const df = n - k;
  if (!(df >= 1)) return 1;
  const t = intervalT(level, df) / intervalZ(level);
  return correction === "t-variance" && varianceDivisor > df ? t * Math.sqrt(varianceDivisor / df) : t;
}
