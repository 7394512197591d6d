/**
 * Values from R's forecast package, produced by test/reference/forecastReference.R
 * (`Rscript test/reference/forecastReference.R`, R 4.2.2, forecast 8.20) and committed as
 * test/reference/forecastReference.json. The series are R's own `datasets`.
 */
import { EtsParameters, EtsSpec, EtsStates, parseEtsName } from "../../../src/engine/forecast/ets/etsSpec";
import reference from "../../reference/forecastReference.json";

export interface RFittedModel {
  code?: string;
  model: string;
  par: Record<string, number>;
  loglik: number;
  aicc: number;
  sigma2: number;
  mean: number[];
  lower95: number[];
  upper95: number[];
  lower80: number[];
  upper80: number[];
}

export interface RSeries {
  id: string;
  period: number;
  values: number[];
  horizon: number;
  ets_auto: RFittedModel;
  ets_fixed: RFittedModel[];
  ses: number[];
  holt: number[];
  holt_damped: number[];
  hw_additive: number[];
  hw_multiplicative: number[];
  thetaf: { mean: number[]; lower95: number[]; upper95: number[]; alpha: number };
}

export const R_SERIES: RSeries[] = Object.values(reference.series as unknown as Record<string, RSeries>);
export const R_CROSTON = reference.croston as unknown as { values: number[]; croston: number[] }[];

/**
 * R's ets reports s0..s(m−2) (s0 the most recent) and fixes s(m−1) so the states sum to m
 * (multiplicative) or 0 (additive); our `season[j]` is the state of periods t ≡ j (mod m),
 * i.e. R's s(m−1−j).
 */
export function rModel(fit: RFittedModel, m: number): { spec: EtsSpec; parameters: EtsParameters; initial: EtsStates } {
  const spec = parseEtsName(fit.model);
  const p = fit.par;
  let season: number[] = [];
  if (spec.season !== "N") {
    const given = Array.from({ length: m - 1 }, (_, i) => p[`s${i}`]);
    const last = (spec.season === "M" ? m : 0) - given.reduce((a, b) => a + b, 0);
    const full = [...given, last];
    season = Array.from({ length: m }, (_, j) => full[m - 1 - j]);
  }
  return {
    spec,
    parameters: { alpha: p.alpha, beta: p.beta ?? 0, gamma: p.gamma ?? 0, phi: p.phi ?? 1 },
    initial: { level: p.l, trend: p.b ?? 0, season },
  };
}

/** Largest relative difference between two equally long arrays. */
export function maxRelativeDifference(ours: readonly number[], theirs: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < theirs.length; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[i]) / Math.abs(theirs[i]));
  return worst;
}
