/**
 * Automatic ETS: fits every admissible model and keeps the lowest AICc (R `forecast::ets(y)`
 * with its defaults: no multiplicative trend; additive errors with multiplicative seasonality
 * excluded as numerically unstable; multiplicative components only for positive data;
 * seasonal models only with a season length and two seasons of history).
 *
 * Every candidate's AICc is kept, and a candidate that cannot be fitted is skipped; when none
 * fits, the caller falls back to a simpler method.
 */
import { notAvailable } from "../../errors";
import { EtsFitOptions, FittedEts, fitEts } from "./etsFit";
import { ETS_SPECS, EtsSpec, etsName } from "./etsSpec";

export interface EtsCandidateScore {
  model: string;
  aicc: number;
}

export interface EtsSelection {
  best: FittedEts;
  candidates: EtsCandidateScore[];
  /** every model that could be fitted, in candidate order */
  fitted: FittedEts[];
}

/** The candidate models R's default `ets()` searches for this series. */
export function etsCandidates(y: readonly number[], m: number, options: { damped?: boolean } = {}): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const seasonalAllowed = m >= 2 && y.length >= 2 * m;
  return ETS_SPECS.filter((spec) => {
    if (options.damped !== undefined && (spec.trend === "Ad") !== options.damped) return false;
    if (spec.season !== "N" && !seasonalAllowed) return false;
    if (!positive && (spec.error === "M" || spec.season === "M")) return false;
    if (spec.error === "A" && spec.season === "M") return false;
    return true;
  });
}

/**
 * @example selectEts(airPassengersTrain, 12).best.model; // => "ETS(M,Ad,M)" (R picks the same)
 * @throws notAvailable when no candidate can be fitted.
 */
export function selectEts(
  y: readonly number[],
  m: number,
  specs: readonly EtsSpec[] = etsCandidates(y, m),
  options: EtsFitOptions = {},
): EtsSelection {
  let best: FittedEts | undefined;
  const candidates: EtsCandidateScore[] = [];
  const fittedModels: FittedEts[] = [];
  for (const spec of specs) {
    try {
      const fitted = fitEts(y, spec, m, options);
      candidates.push({ model: fitted.model, aicc: fitted.aicc });
      fittedModels.push(fitted);
      if (Number.isFinite(fitted.aicc) && (!best || fitted.aicc < best.aicc)) best = fitted;
    } catch {
      candidates.push({ model: etsName(spec), aicc: Infinity });
    }
  }
  if (!best) throw notAvailable("no ETS model could be fitted to this history.", "history");
  return { best, candidates, fitted: fittedModels };
}
