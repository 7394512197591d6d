/**
 * Production plan adherence: how closely what was made followed what was planned, per family
 * (or item) over the periods that have actuals.
 *
 *   adherence = 1 − Σ |actual − plan| ÷ Σ plan   (can fall below 0 for a plan missed badly)
 *   attainment = Σ actual ÷ Σ plan               (volume made against volume planned)
 *
 * Over- and under-production both count against adherence: a plan followed means neither.
 * Reference: APICS Dictionary ("schedule adherence"); Wallace & Stahl, "Sales & Operations
 * Planning: The How-To Handbook", performance measures (production plan performance).
 */
import { invalidInput, notAvailable } from "../errors";

export interface AdherenceSeries {
  name: string;
  /** planned units per period */
  plan: readonly number[];
  /** units made per period; null = no actual for that period (not measured) */
  actual: readonly (number | null)[];
}

export interface AdherenceResult {
  name: string;
  /** periods with an actual */
  periods: number;
  planned: number;
  made: number;
  /** 1 − Σ|actual − plan| ÷ Σ plan; null when nothing was planned */
  adherence: number | null;
  /** Σ actual ÷ Σ plan; null when nothing was planned */
  attainment: number | null;
}

/**
 * @example
 * planAdherence([{ name: "F", plan: [100, 100], actual: [90, 120] }])
 * // => [{ name: "F", periods: 2, planned: 200, made: 210, adherence: 0.85, attainment: 1.05 }, total row]
 * The last row is the total over all series ("Total").
 * @throws invalidInput when plan and actual lengths differ; notAvailable when no period has an actual.
 */
export function planAdherence(series: readonly AdherenceSeries[]): AdherenceResult[] {
  let totalPlanned = 0;
  let totalMade = 0;
  let totalDeviation = 0;
  let totalPeriods = 0;
  const rows = series.map((s) => {
    if (s.actual.length !== s.plan.length)
      throw invalidInput("Production", `${s.name} has ${s.actual.length} actual periods for ${s.plan.length} planned.`);
    let planned = 0;
    let made = 0;
    let deviation = 0;
    let periods = 0;
    s.actual.forEach((a, t) => {
      if (a === null) return;
      periods++;
      planned += s.plan[t];
      made += a;
      deviation += Math.abs(a - s.plan[t]);
    });
    totalPlanned += planned;
    totalMade += made;
    totalDeviation += deviation;
    totalPeriods += periods;
    return result(s.name, periods, planned, made, deviation);
  });
  if (totalPeriods === 0) throw notAvailable("no period of the plan has production actuals yet.", "Production");
  return [...rows, result("Total", totalPeriods, totalPlanned, totalMade, totalDeviation)];
}

function result(name: string, periods: number, planned: number, made: number, deviation: number): AdherenceResult {
  return {
    name,
    periods,
    planned,
    made,
    adherence: planned > 0 ? 1 - deviation / planned : null,
    attainment: planned > 0 ? made / planned : null,
  };
}
