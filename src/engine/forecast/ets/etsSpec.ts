/**
 * The ETS model family of Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential
 * Smoothing: the State Space Approach": Error (A, M) × Trend (N, A, Ad) × Season (N, A, M).
 * Named as R's `forecast::ets` prints them: "ETS(M,Ad,M)".
 */
import { invalidInput } from "../../errors";

export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "Ad";
export type SeasonType = "N" | "A" | "M";

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

/** Smoothing parameters (R's parametrisation: 0 < β < α, 0 < γ < 1 − α, φ in [0.8, 0.98]). */
export interface EtsParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/**
 * Initial states: level, trend and m seasonal states. `season[j]` is the seasonal state of the
 * periods t with t mod m = j (t = 0 is the first point), i.e. R's s_{m−1−j}.
 */
export interface EtsStates {
  level: number;
  trend: number;
  season: number[];
}

/**
 * The model's name as R prints it.
 * @example etsName({ error: "M", trend: "Ad", season: "M" }); // => "ETS(M,Ad,M)"
 */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/** Every model in the family, additive- and multiplicative-error. */
export const ETS_SPECS: readonly EtsSpec[] = (["A", "M"] as const).flatMap((error) =>
  (["N", "A", "Ad"] as const).flatMap((trend) =>
    (["N", "A", "M"] as const).map((season) => ({ error, trend, season })),
  ),
);

/**
 * Parses "ETS(A,Ad,M)", "AAdM" or "A,Ad,M" (case-insensitive).
 * @example parseEtsName("ETS(M,Ad,M)"); // => { error: "M", trend: "Ad", season: "M" }
 * @throws invalidInput for anything else.
 */
export function parseEtsName(name: string): EtsSpec {
  const compact = name
    .trim()
    .toUpperCase()
    .replace(/^ETS/, "")
    .replace(/[\s(),]/g, "");
  const match = /^([AM])(N|AD|A)([NAM])$/.exec(compact);
  if (!match) throw invalidInput("method", `"${name}" is not an ETS model: write it like "ETS(A,Ad,M)".`);
  return {
    error: match[1] as ErrorType,
    trend: (match[2] === "AD" ? "Ad" : match[2]) as TrendType,
    season: match[3] as SeasonType,
  };
}

/**
 * Number of smoothing parameters the spec has (α, β, γ, φ as present).
 * @example smoothingParameterCount(parseEtsName("MAdM")); // => 4
 */
export function smoothingParameterCount(spec: EtsSpec): number {
  return 1 + (spec.trend !== "N" ? 1 : 0) + (spec.season !== "N" ? 1 : 0) + (spec.trend === "Ad" ? 1 : 0);
}

/**
 * Number of estimated parameters of a fitted spec with season length m: its smoothing
 * parameters and initial states (level, trend, the m − 1 free seasonal states).
 * @example etsParameterCount(parseEtsName("AAA"), 4); // => 8
 */
export function etsParameterCount(spec: EtsSpec, m: number): number {
  return smoothingParameterCount(spec) + 1 + (spec.trend !== "N" ? 1 : 0) + (spec.season !== "N" ? m - 1 : 0);
}
