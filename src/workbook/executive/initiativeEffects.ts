/**
 * Each strategic initiative's effect on the plan (docs/meeting.md, "Strategic initiatives"): the
 * plan with every initiative (the plan) against the plan without that one, and against the plan
 * without any. A plan without is the chosen strategy re-planned at family level: the families'
 * demand is their consensus before the initiatives times the multipliers of the initiatives kept,
 * the resources' hours the Capacity table's plus the changes kept; bill hours per unit stay the
 * plan's (the item mix within a family is the plan's). The forecast is not run again, so the cost
 * is one family-level reconcile per initiative that changes demand or capacity, plus one for
 * "without any" when there are two or more; an initiative with costs only needs none.
 */
import type { DemandPlan, PlanningData, ReconcileResult } from "../../engine/cycle";
import { PlanningError } from "../../engine/errors";
import {
  cents,
  compareOptions,
  sum,
  type ComparisonRow,
  type FinancialPlan,
  type InitiativeEffect,
  type InitiativesReport,
} from "../../engine/executive";
import { periodsPerYear } from "../../engine/executive";
import {
  demandMultipliers,
  initiativeCosts,
  initiativePeriods,
  initiativeResources,
  type Initiative,
  type InitiativeExclusion,
} from "../../engine/initiatives";
import { planFamilies, type LpSolver, type MultiFamilyInput, type MultiFamilyPlan } from "../../engine/reconcile";
import { option, planFinance } from "./executivePlan";

interface PlanFigures {
  demand: number[];
  production: number;
  capacityHours: number;
  planHours: number;
  financial: FinancialPlan;
}

function figures(input: MultiFamilyInput, plan: MultiFamilyPlan, financial: FinancialPlan): PlanFigures {
  const periods = input.families[0]?.demand.length ?? 0;
  return {
    demand: Array.from({ length: periods }, (_, t) => sum(input.families.map((f) => f.demand[t]))),
    production: sum(plan.plans.map((p) => sum(p.production))),
    capacityHours: sum(input.resources.map((r) => sum(r.hours))),
    planHours: sum(plan.resourceHours.regular.map(sum)) + sum(plan.resourceHours.overtime.map(sum)),
    financial,
  };
}

/** The effect of leaving `exclude` out, as the plan with minus the plan without. */
function effect(
  name: string,
  chosen: readonly Initiative[],
  periods: readonly string[],
  withPlan: PlanFigures,
  without: PlanFigures | string,
): InitiativeEffect {
  const each = chosen.map((i) => initiativeCosts(i, periods));
  const costs = periods.map((_, t) => sum(each.map((c) => c[t])));
  const running = [...new Set(chosen.flatMap((i) => initiativePeriods(i, periods)))].sort((a, b) => a - b);
  const one = chosen.length === 1 ? chosen[0] : null;
  const other = typeof without === "string" ? null : without;
  const diff = (pick: (p: PlanFigures) => number) => (other ? pick(withPlan) - pick(other) : 0);
  const money = (pick: (f: FinancialPlan) => number) =>
    other ? cents(pick(withPlan.financial) - pick(other.financial)) : 0;
  const grossMargin = money((f) => f.grossMargin);
  const cost = cents(sum(costs));
  return {
    name,
    owner: one?.owner ?? null,
    family: one ? one.family : null,
    resource: one ? one.resource : null,
    periods:
      running.length === 0
        ? ""
        : running.length === 1
          ? periods[running[0]]
          : `${periods[running[0]]} to ${periods[running[running.length - 1]]}`,
    demandChangePct: one?.demandChangePct ?? 0,
    capacityChangeHours: one?.capacityChangeHours ?? 0,
    units: diff((p) => sum(p.demand)),
    production: diff((p) => p.production),
    capacityHours: diff((p) => p.capacityHours),
    planHours: diff((p) => p.planHours),
    revenue: money((f) => f.revenue),
    costOfGoods: money((f) => f.costOfGoods),
    grossMargin,
    cost,
    netMargin: cents(grossMargin - cost),
    byPeriod: {
      units: periods.map((_, t) => (other ? withPlan.demand[t] - other.demand[t] : 0)),
      grossMargin: periods.map((_, t) =>
        other ? cents(withPlan.financial.total.lines.grossMargin[t] - other.financial.total.lines.grossMargin[t]) : 0,
      ),
      cost: costs.map(cents),
    },
    failure: typeof without === "string" ? without : null,
  };
}

/**
 * The initiatives report and the "without initiatives" row of the options compared; undefined
 * when the data has no initiatives or the chosen strategy has no plan.
 */
export async function initiativeEffects(
  data: PlanningData,
  demand: DemandPlan,
  reconcile: ReconcileResult,
  solver: LpSolver | undefined,
): Promise<{ report: InitiativesReport; comparison: ComparisonRow[] } | undefined> {
  const initiatives = data.initiatives ?? [];
  const chosen = reconcile.outcomes.find((o) => o.strategy === reconcile.chosen);
  if (initiatives.length === 0 || !chosen?.plan) return undefined;
  const { input } = reconcile;
  const periods = data.planPeriods;
  const withPlan = figures(input, chosen.plan, planFinance(data, demand, input, chosen.plan));
  const familyIndex = new Map(data.families.map((f, i) => [f, i]));
  const itemFamily = demand.items.map((it) => familyIndex.get(it.family)!);
  const before = demand.items.map((it) => it.beforeInitiatives ?? it.consensus);
  const changesPlan = (i: Initiative) =>
    (i.family !== null && i.demandChangePct !== 0) || (i.resource !== null && i.capacityChangeHours !== 0);

  let withoutAll: { figures: PlanFigures; row: ComparisonRow[] } | string | null = null;
  const planWithout = async (
    exclude: InitiativeExclusion,
  ): Promise<{ figures: PlanFigures; row: ComparisonRow[] } | string> => {
    const multipliers = demandMultipliers(data.families, periods, initiatives, exclude);
    const itemDemand = before.map((row, i) => row.map((units, t) => units * multipliers[itemFamily[i]][t]));
    const familyDemand = data.families.map(() => new Array<number>(periods.length).fill(0));
    itemDemand.forEach((row, i) => row.forEach((units, t) => (familyDemand[itemFamily[i]][t] += units)));
    const hours = initiativeResources(data.resources, periods, initiatives, exclude);
    const changed: MultiFamilyInput = {
      ...input,
      families: input.families.map((f, k) => ({ ...f, demand: familyDemand[k] })),
      resources: input.resources.map((r, k) => ({ ...r, hours: hours[k].hours.slice(0, periods.length) })),
    };
    try {
      const plan = await planFamilies(changed, reconcile.chosen, solver);
      const demandWithout: DemandPlan = {
        ...demand,
        items: demand.items.map((it, i) => ({ ...it, consensus: itemDemand[i] })),
      };
      const built = option("without initiatives", data, demandWithout, changed, {
        strategy: reconcile.chosen,
        plan,
        kpis: null,
        failure: null,
      });
      return {
        figures: figures(changed, plan, built!.financial!),
        row: compareOptions([built!], periodsPerYear(data.bucket)),
      };
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      return e.message;
    }
  };

  const effects: InitiativeEffect[] = [];
  for (let k = 0; k < initiatives.length; k++) {
    const initiative = initiatives[k];
    let without: PlanFigures | string = withPlan;
    if (changesPlan(initiative)) {
      const planned = await planWithout(initiatives.length === 1 ? "all" : k);
      if (initiatives.length === 1) withoutAll = planned;
      without = typeof planned === "string" ? `the plan without it could not be made: ${planned}` : planned.figures;
    }
    effects.push(effect(initiative.name, [initiative], periods, withPlan, without));
  }
  if (withoutAll === null)
    withoutAll = initiatives.some(changesPlan) ? await planWithout("all") : { figures: withPlan, row: [] };
  const all = effect(
    "All initiatives",
    initiatives,
    periods,
    withPlan,
    typeof withoutAll === "string"
      ? `the plan without initiatives could not be made: ${withoutAll}`
      : withoutAll.figures,
  );
  return {
    report: { effects, all },
    comparison: typeof withoutAll === "string" ? [] : withoutAll.row,
  };
}
