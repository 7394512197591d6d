/**
 * From the cycle's result to the executive pack: which plan tables feed which figure.
 *
 * - families: the chosen strategy's plan (ProductionPlan, InventoryPlan, BacklogPlan), demand =
 *   the family's consensus volume, opening stock from Items;
 * - resources: the written plan's own hours (regular + overtime) against regular capacity, so the
 *   headline utilization, the chart and the overload decisions are the plan's (load beyond
 *   regular + overtime hours is an overload); CapacityLoad also shows the unconstrained load;
 * - financial plan: units shipped priced by the items' mix, cost of goods = UnitCost × units
 *   made + the plan's cost lines by family and period (planCostsByPeriod), the Budget table;
 * - options compared: every strategy that has a plan, then every saved scenario (each run
 *   through the same cycle with the scenario applied); an option's peak utilization is its own
 *   production hours (regular + overtime) ÷ regular capacity;
 * - overrides: DemandPlan's Override against Statistical; bias: the measure step's tracking
 *   signals when an earlier cycle can be measured.
 */
import type { CycleResult, DemandPlan, PlanningData, StrategyOutcome } from "../../engine/cycle";
import { planDemand, reconcilePlans } from "../../engine/cycle";
import { PlanningError } from "../../engine/errors";
import {
  compareOptions,
  ComparisonRow,
  ExecutivePack,
  executivePack,
  FamilyProjection,
  financialPlan,
  FinancialPlan,
  PlanOption,
  ResourceLoad,
  BiasSeries,
} from "../../engine/executive";
import { periodsPerYear } from "../../engine/executive";
import {
  planCostsByPeriod,
  planPastDueHours,
  type LpSolver,
  type MultiFamilyInput,
  type MultiFamilyPlan,
} from "../../engine/reconcile";
import { applyScenario, type ScenarioBook } from "../../engine/scenarios";
import type { ValidationProblem } from "../port";
import type { PreviousCycle } from "../layout/planHistory";

/** The plan by family as the executive step reads it (ProductionPlan, InventoryPlan, BacklogPlan). */
export function families(input: MultiFamilyInput, plan: MultiFamilyPlan): FamilyProjection[] {
  return input.families.map((f, i) => ({
    family: f.name,
    demand: f.demand.slice(),
    production: plan.plans[i].production.slice(),
    inventory: plan.plans[i].inventory.slice(),
    backlog: plan.plans[i].backlog.slice(),
    openingInventory: f.openingInventory ?? 0,
    openingBacklog: f.openingBacklog ?? 0,
    inventoryTarget: plan.plans[i].inventoryTarget.slice(),
  }));
}

/**
 * Each resource's plan hours (regular + overtime) against its regular and overtime capacity, the
 * past-due hours (inside the first period's hours) named apart.
 */
export function productionLoad(input: MultiFamilyInput, plan: MultiFamilyPlan): ResourceLoad[] {
  const pastDue = planPastDueHours(input, plan);
  return input.resources.map((r, k) => ({
    resource: r.name,
    loadHours: plan.resourceHours.regular[k].map((hours, t) => hours + plan.resourceHours.overtime[k][t]),
    capacityHours: r.hours.slice(),
    overtimeCapacityHours: r.hours.map((_, t) => r.overtimeHours?.[t] ?? 0),
    pastDueHours: pastDue[k],
  }));
}

/** The plan in money: shipped units priced by the items' mix, cost of goods from UnitCost and the plan's cost lines. */
export function planFinance(
  data: PlanningData,
  demand: DemandPlan,
  input: MultiFamilyInput,
  plan: MultiFamilyPlan,
): FinancialPlan {
  return financialPlan({
    items: data.items,
    itemDemand: demand.items.map((it) => it.consensus),
    families: families(input, plan),
    costs: planCostsByPeriod(input, plan),
    budget: data.budget,
  });
}

/** One plan as a compared option; null when the strategy has no plan. */
export function option(
  name: string,
  data: PlanningData,
  demand: DemandPlan,
  input: MultiFamilyInput,
  outcome: StrategyOutcome,
): PlanOption | null {
  if (!outcome.plan) return null;
  const sum = (rows: number[][]) => rows.reduce((total, row) => total + row.reduce((a, b) => a + b, 0), 0);
  return {
    name,
    families: families(input, outcome.plan),
    resources: productionLoad(input, outcome.plan),
    totalCost: outcome.plan.totalCost,
    overtimeUnits: sum(outcome.plan.plans.map((p) => p.overtime)),
    overtimeHours: sum(outcome.plan.resourceHours.overtime),
    subcontractUnits: sum(outcome.plan.plans.map((p) => p.subcontract)),
    financial: planFinance(data, demand, input, outcome.plan),
  };
}

/** The strategies side by side, the chosen one marked "(plan)". */
export function strategyRows(data: PlanningData, result: Pick<CycleResult, "demand" | "reconcile">): ComparisonRow[] {
  const { reconcile, demand } = result;
  const options = reconcile.outcomes
    .map((o) =>
      option(o.strategy === reconcile.chosen ? `${o.strategy} (plan)` : o.strategy, data, demand, reconcile.input, o),
    )
    .filter((o): o is PlanOption => o !== null);
  return compareOptions(options, periodsPerYear(data.bucket));
}

/**
 * Each saved scenario run through the cycle on the base data; a scenario that cannot be planned
 * is reported as a warning, not a failure of the step.
 */
export async function scenarioRows(
  base: PlanningData,
  book: ScenarioBook,
  solver: LpSolver | undefined,
  problems: ValidationProblem[],
  planDemandFor: (data: PlanningData) => DemandPlan = planDemand,
): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  for (const scenario of book.scenarios) {
    try {
      const data = applyScenario(base, scenario);
      const demand = planDemandFor(data);
      const reconcile = await reconcilePlans(data, demand, data.strategy, solver);
      const chosen = reconcile.outcomes.find((o) => o.strategy === data.strategy)!;
      const built = option(`scenario: ${scenario.name}`, data, demand, reconcile.input, chosen);
      if (built) rows.push(...compareOptions([built], periodsPerYear(data.bucket)));
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      problems.push({
        table: "Scenarios",
        severity: "warning",
        message: `Scenario "${scenario.name}" could not be planned: ${e.message}`,
        hint: "Fix the scenario's rows on the Scenarios sheet.",
      });
    }
  }
  return rows;
}

export interface ExecutiveInputs {
  data: PlanningData;
  result: Pick<CycleResult, "demand" | "reconcile"> & { supply?: CycleResult["supply"] };
  /** the plan's name: the promoted scenario's or the chosen strategy */
  planName: string;
  comparison: ComparisonRow[];
  previous: PreviousCycle | null;
  bias?: BiasSeries[];
}

/** The pack the ExecutiveSummary sheet and the pane's Executive step show. */
export function executivePackOf({
  data,
  result,
  planName,
  comparison,
  previous,
  bias,
}: ExecutiveInputs): ExecutivePack {
  const { reconcile, demand } = result;
  const chosen = reconcile.outcomes.find((o) => o.strategy === reconcile.chosen);
  if (!chosen?.plan)
    throw new PlanningError(
      "notAvailable",
      `The ${reconcile.chosen} plan is missing: ${chosen?.failure ?? "not planned"}.`,
    );
  return executivePack({
    planName,
    periods: data.planPeriods,
    periodsPerYear: periodsPerYear(data.bucket),
    items: data.items,
    itemDemand: demand.items.map((it) => it.consensus),
    families: families(reconcile.input, chosen.plan),
    resources: productionLoad(reconcile.input, chosen.plan),
    costs: planCostsByPeriod(reconcile.input, chosen.plan),
    budget: data.budget,
    comparison,
    previous: previous?.families,
    bias,
    limits: data.alertLimits,
    overrides: demand.items.map((it, i) => ({
      item: it.item,
      statistical: it.statistical,
      override: data.overrides[i],
    })),
  });
}
