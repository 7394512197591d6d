/**
 * Strategic initiatives: named plan layers on top of the consensus (the S&OP output beside the
 * sales, production, inventory, backlog, new-product and financial plans). An initiative runs
 * from its start to its end period and may
 *
 * - change a family's demand by a percentage: every item of the family has its consensus (the
 *   statistical forecast, an item override or a family override's split, whichever made it)
 *   multiplied by 1 + Σ pct ÷ 100 over the initiatives on that family and period: percentages
 *   of overlapping initiatives add, they do not compound, and the result is never below 0;
 * - change a resource's regular hours by a number of hours per period (negative: a shutdown);
 * - cost money: a one-off cost in its start period and a cost in every period it runs.
 *
 * Only the plan periods between start and end count; an initiative that started before the plan
 * has no one-off cost in it. `exclude` leaves one initiative out (the plan without it), or all
 * ("all": the plan without initiatives): the executive pack compares those plans.
 *
 * Reference: Wallace & Stahl, "Sales & Operations Planning: The How-To Handbook" (the demand
 * plan's assumptions and the "what's changed" of the pre-S&OP meeting); Oracle Demantra and
 * SAP IBP keep promotions and initiatives as separate demand layers for the same reason.
 */
import { invalidInput } from "./errors";
import type { PlanResource } from "./cycle/types";

export interface Initiative {
  name: string;
  owner: string | null;
  /** first period it runs (plan period label `YYYY-MM` / `YYYY-Www`); null = from the plan start */
  start: string | null;
  /** last period it runs, inclusive; null = to the end of the horizon */
  end: string | null;
  /** the family whose demand it changes; null = none */
  family: string | null;
  /** the resource whose hours it changes; null = none */
  resource: string | null;
  /** demand change in percent of the consensus (10 = +10 %); 0 = none */
  demandChangePct: number;
  /** regular hours added per period (negative removes); 0 = none */
  capacityChangeHours: number;
  /** money, booked in the start period */
  oneOffCost: number;
  /** money per period it runs */
  periodCost: number;
}

/** Which initiatives to leave out: none (the plan), one by index, or all of them. */
export type InitiativeExclusion = number | "all" | null;

/** Whether initiative `k` is in the plan asked for. */
function included(k: number, exclude: InitiativeExclusion): boolean {
  return exclude === null ? true : exclude === "all" ? false : exclude !== k;
}

/** The 0-based plan periods an initiative runs in (labels compare as text: `YYYY-MM`, `YYYY-Www`). */
export function initiativePeriods(initiative: Initiative, planPeriods: readonly string[]): number[] {
  const out: number[] = [];
  planPeriods.forEach((period, t) => {
    if (initiative.start !== null && period < initiative.start) return;
    if (initiative.end !== null && period > initiative.end) return;
    out.push(t);
  });
  return out;
}

/**
 * The demand multiplier per family and plan period: 1 + Σ demandChangePct ÷ 100 over the
 * initiatives included on that family and period, never below 0.
 *
 * @example
 * // one initiative +10 % on "Desks" from the 2nd of 3 periods
 * demandMultipliers(["Desks"], ["2026-01", "2026-02", "2026-03"], [desksPlus10]) // => [[1, 1.1, 1.1]]
 */
export function demandMultipliers(
  families: readonly string[],
  planPeriods: readonly string[],
  initiatives: readonly Initiative[],
  exclude: InitiativeExclusion = null,
): number[][] {
  const index = new Map(families.map((f, i) => [f, i]));
  const pct = families.map(() => new Array<number>(planPeriods.length).fill(0));
  initiatives.forEach((initiative, k) => {
    if (!included(k, exclude) || initiative.family === null || initiative.demandChangePct === 0) return;
    const f = index.get(initiative.family);
    if (f === undefined)
      throw invalidInput(
        "Initiatives",
        `Initiative "${initiative.name}" is for family "${initiative.family}", which is not in Items.`,
      );
    for (const t of initiativePeriods(initiative, planPeriods)) pct[f][t] += initiative.demandChangePct;
  });
  return pct.map((row) => row.map((p) => Math.max(0, 1 + p / 100)));
}

/**
 * The resources with the included initiatives' hours added to their regular hours.
 * @throws invalidInput naming the initiative when a resource is unknown or left with negative hours.
 */
export function initiativeResources(
  resources: readonly PlanResource[],
  planPeriods: readonly string[],
  initiatives: readonly Initiative[] | undefined,
  exclude: InitiativeExclusion = null,
): PlanResource[] {
  const changes = (initiatives ?? []).filter(
    (initiative, k) => included(k, exclude) && initiative.resource !== null && initiative.capacityChangeHours !== 0,
  );
  if (changes.length === 0) return resources as PlanResource[];
  const out = resources.map((r) => ({ ...r, hours: r.hours.slice() }));
  const index = new Map(out.map((r, i) => [r.name, i]));
  for (const initiative of changes) {
    const r = index.get(initiative.resource!);
    if (r === undefined)
      throw invalidInput(
        "Initiatives",
        `Initiative "${initiative.name}" changes resource "${initiative.resource}", which is not in Capacity.`,
      );
    for (const t of initiativePeriods(initiative, planPeriods)) {
      if (t >= out[r].hours.length) continue;
      out[r].hours[t] += initiative.capacityChangeHours;
      if (out[r].hours[t] < 0)
        throw invalidInput(
          "Initiatives",
          `Initiative "${initiative.name}" leaves ${out[r].name} with ${out[r].hours[t]} hours in ${planPeriods[t]}; a resource cannot have fewer than 0 hours.`,
        );
    }
  }
  return out;
}

/**
 * An initiative's cost per plan period: its one-off cost in its start period (when the start is
 * a plan period) plus its period cost in every period it runs.
 *
 * @example
 * // start 2026-02, end 2026-03, one-off 500, 100 a period, plan 2026-01..2026-04
 * initiativeCosts(campaign, ["2026-01", "2026-02", "2026-03", "2026-04"]) // => [0, 600, 100, 0]
 */
export function initiativeCosts(initiative: Initiative, planPeriods: readonly string[]): number[] {
  const costs = new Array<number>(planPeriods.length).fill(0);
  const running = initiativePeriods(initiative, planPeriods);
  for (const t of running) costs[t] += initiative.periodCost;
  const startsAt = initiative.start === null ? 0 : planPeriods.indexOf(initiative.start);
  if (startsAt >= 0 && running.length > 0) costs[startsAt] += initiative.oneOffCost;
  return costs;
}
