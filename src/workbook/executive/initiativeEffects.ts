/**
 * Each strategic initiative's effect on the plan (docs/meeting.md, "Strategic initiatives"): the
 * plan with every initiative (the plan) against the plan without that one, and against the plan
 * without any. A plan without is the chosen strategy re-planned at family level by the plan's
 * own rules (`reconcileInput`: inventory targets, hours per unit by the item mix) from the
 * demand and capacity without: each item's consensus before the initiatives times its family's
 * multiplier of the initiatives kept, the Capacity table's hours plus the changes kept. The
 * forecast is not run again, so the cost is one family-level reconcile per initiative that
 * changes demand or capacity, plus one for "without any" when there are two or more; an
 * initiative with costs only needs none.
 */
import { reconcileInput, type DemandPlan, type PlanningData, type ReconcileResult } from "../../engine/cycle";
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
import { demandMultipliers, initiativeCosts, initiativePeriods, type Initiative } from "../../engine/initiatives";
import { planFamilies, type LpSolver, type MultiFamilyInput, type MultiFamilyPlan } from "../../engine/reconcile";
import { option, planFinance } from "./executivePlan";

/** What a plan's inputs hold: demand per period (all families) and regular capacity hours (all resources, all periods). */
interface PlanInputs {
  demand: number[];
  capacityHours: number;
}

interface PlanFigures {
  production: number;
  planHours: number;
  financial: FinancialPlan;
}

/** A plan without some initiatives: its inputs, and its figures or why it could not be made. */
interface Without {
  inputs: PlanInputs;
  plan: PlanFigures | string;
}

function planInputs(input: MultiFamilyInput): PlanInputs {
  const periods = input.families[0]?.demand.length ?? 0;
  return {
    demand: Array.from({ length: periods }, (_, t) => sum(input.families.map((f) => f.demand[t]))),
    capacityHours: sum(input.resources.map((r) => sum(r.hours))),
  };
}

function figures(plan: MultiFamilyPlan, financial: FinancialPlan): PlanFigures {
  return {
    production: sum(plan.plans.map((p) => sum(p.production))),
    planHours: sum(plan.resourceHours.regular.map(sum)) + sum(plan.resourceHours.overtime.map(sum)),
    financial,
  };
}

/** The effect of leaving `exclude` out, as the plan with minus the plan without. */
function effect(
  name: string,
  chosen: readonly Initiative[],
  periods: readonly string[],
  withInputs: PlanInputs,
  withPlan: PlanFigures,
  without: Without,
  failure: string,
): InitiativeEffect {
  const each = chosen.map((i) => initiativeCosts(i, periods));
  const costs = periods.map((_, t) => sum(each.map((c) => c[t])));
  const running = [...new Set(chosen.flatMap((i) => initiativePeriods(i, periods)))].sort((a, b) => a - b);
  const one = chosen.length === 1 ? chosen[0] : null;
  const other = typeof without.plan === "string" ? null : without.plan;
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
    units: sum(withInputs.demand) - sum(without.inputs.demand),
    production: diff((p) => p.production),
    capacityHours: withInputs.capacityHours - without.inputs.capacityHours,
    planHours: diff((p) => p.planHours),
    revenue: money((f) => f.revenue),
    costOfGoods: money((f) => f.costOfGoods),
    grossMargin,
    cost,
    netMargin: cents(grossMargin - cost),
    byPeriod: {
      units: periods.map((_, t) => withInputs.demand[t] - without.inputs.demand[t]),
      grossMargin: periods.map((_, t) =>
        other ? cents(withPlan.financial.total.lines.grossMargin[t] - other.financial.total.lines.grossMargin[t]) : 0,
      ),
      cost: costs.map(cents),
    },
    failure: typeof without.plan === "string" ? `${failure}: ${without.plan}` : null,
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
  const withInputs = planInputs(input);
  const withPlan = figures(chosen.plan, planFinance(data, demand, input, chosen.plan));
  const familyIndex = new Map(data.families.map((f, i) => [f, i]));
  const itemFamily = demand.items.map((it) => familyIndex.get(it.family)!);
  const before = demand.items.map((it) => it.beforeInitiatives ?? it.consensus);
  const changesPlan = (i: Initiative) =>
    (i.family !== null && i.demandChangePct !== 0) || (i.resource !== null && i.capacityChangeHours !== 0);

  let withoutAll: (Without & { row: ComparisonRow[] }) | null = null;
  const planWithout = async (exclude: number | "all"): Promise<Without & { row: ComparisonRow[] }> => {
    const kept = initiatives.filter((_, j) => exclude !== "all" && exclude !== j);
    const multipliers = demandMultipliers(data.families, periods, kept);
    const itemDemand = before.map((row, i) => row.map((units, t) => units * multipliers[itemFamily[i]][t]));
    const familyDemand = data.families.map(() => new Array<number>(periods.length).fill(0));
    itemDemand.forEach((row, i) => row.forEach((units, t) => (familyDemand[itemFamily[i]][t] += units)));
    const demandWithout: DemandPlan = {
      ...demand,
      items: demand.items.map((it, i) => ({ ...it, consensus: itemDemand[i] })),
      families: demand.families.map((f, k) => ({ ...f, consensus: familyDemand[k] })),
    };
    // The plan's own rules on the demand and capacity without: inventory targets, hours per unit.
    const withoutData: PlanningData = { ...data, initiatives: kept };
    const changed = reconcileInput(withoutData, demandWithout);
    const inputs = planInputs(changed);
    try {
      const plan = await planFamilies(changed, reconcile.chosen, solver);
      const built = option("without initiatives", withoutData, demandWithout, changed, {
        strategy: reconcile.chosen,
        plan,
        kpis: null,
        failure: null,
      });
      return {
        inputs,
        plan: figures(plan, built!.financial!),
        row: compareOptions([built!], periodsPerYear(data.bucket)),
      };
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      return { inputs, plan: e.message, row: [] };
    }
  };

  // An initiative with costs only leaves the plan as it is.
  const same: Without & { row: ComparisonRow[] } = { inputs: withInputs, plan: withPlan, row: [] };
  const effects: InitiativeEffect[] = [];
  for (let k = 0; k < initiatives.length; k++) {
    const initiative = initiatives[k];
    let without: Without & { row: ComparisonRow[] } = same;
    if (changesPlan(initiative)) {
      without = await planWithout(initiatives.length === 1 ? "all" : k);
      // With one initiative, the plan without it is the plan without any.
      if (initiatives.length === 1) withoutAll = without;
    }
    effects.push(
      effect(
        initiative.name,
        [initiative],
        periods,
        withInputs,
        withPlan,
        without,
        "the plan without it could not be made",
      ),
    );
  }
  withoutAll ??= initiatives.some(changesPlan) ? await planWithout("all") : same;
  const all = effect(
    "All initiatives",
    initiatives,
    periods,
    withInputs,
    withPlan,
    withoutAll,
    "the plan without initiatives could not be made",
  );
  return { report: { effects, all }, comparison: withoutAll.row };
}
