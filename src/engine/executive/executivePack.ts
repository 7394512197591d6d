/**
 * Everything the executive summary shows, computed in one place from the plan tables: the
 * financial plan and the plan against budget, headline KPIs, options compared, decisions needed, changes since the last
 * cycle, and the three chart series (demand vs supply by family, utilization by resource,
 * inventory and backlog projection). The layout only places these numbers; it computes none.
 */
import { changesSinceLastCycle, ChangesSinceLastCycle, FamilySeriesByPeriod } from "./changesSinceLastCycle";
import type { FamilySopBlock } from "./familySop";
import { AlertLimits, BiasSeries, Decision, decisionsNeeded, OverrideSeries } from "./decisionsNeeded";
import { BudgetLine, FamilyCostsByPeriod, FinancialPlan, financialPlan, PricedItem, sum } from "./financialPlan";
import { HeadlineKpis, headlineKpis } from "./headlineKpis";
import { PlanVsBudget, planVsBudget } from "./planVsBudget";
import { ComparisonRow } from "./scenarioComparison";
import type { DecisionLogEntry } from "./decisionLog";
import type { InitiativesReport } from "./initiativeFinance";
import type { FamilyProjection, ResourceLoad } from "./types";

export interface ExecutivePackInput {
  /** the plan's name: its strategy, or the promoted scenario's name */
  planName: string;
  periods: string[];
  periodsPerYear: number;
  items: readonly PricedItem[];
  /** consensus demand, items × periods (the units sold in the financial plan) */
  itemDemand: readonly (readonly number[])[];
  families: readonly FamilyProjection[];
  resources: readonly ResourceLoad[];
  /** the chosen plan's cost lines by family and period (planCostsByPeriod) */
  costs?: readonly FamilyCostsByPeriod[];
  /** the optional Budget table */
  budget?: readonly BudgetLine[];
  /** strategies and scenarios compared (see compareOptions) */
  comparison: readonly ComparisonRow[];
  /** the previous cycle's plan by family; absent on the first cycle */
  previous?: readonly FamilySeriesByPeriod[];
  bias?: readonly BiasSeries[];
  overrides?: readonly OverrideSeries[];
  /** the planner's alert limits (Settings) */
  limits?: Partial<AlertLimits>;
}

export interface ExecutivePack {
  planName: string;
  periods: string[];
  financial: FinancialPlan;
  /** units shipped and revenue against the Budget table over the months it covers; null without one */
  budget: PlanVsBudget | null;
  kpis: HeadlineKpis;
  comparison: ComparisonRow[];
  decisions: Decision[];
  changes: ChangesSinceLastCycle | null;
  /** horizon totals per family, units */
  demandVsSupply: { family: string; demand: number; supply: number }[];
  /** load ÷ capacity per resource and period (null where there is no capacity) */
  utilization: { resource: string; values: (number | null)[] }[];
  /** all families per period, units */
  projection: { period: string; demand: number; production: number; inventory: number; backlog: number }[];
  /** the decision log with this run's decisions merged in (the workbook's DecisionLog), when kept */
  decisionLog?: DecisionLogEntry[];
  /** the last sign-off of the plan and whether the plan still matches it */
  approval?: ApprovalStatus;
  /** the strategic initiatives plan: each initiative's effect on units, capacity and margin */
  initiatives?: InitiativesReport;
  /** one family S&OP block per family (the FamilySOP sheet), when the workbook step computes it */
  familySop?: FamilySopBlock[];
  /** what the plan rests on (the optional Assumptions table) */
  assumptions?: PlanAssumption[];
}

/** One row of the Assumptions table. */
export interface PlanAssumption {
  area: string | null;
  assumption: string;
  owner: string | null;
  impact: string | null;
}

/** The last approval stamped in PlanLog, and whether this plan is the one approved. */
export interface ApprovalStatus {
  by: string;
  role: string | null;
  /** ISO time of the approval */
  at: string;
  /** the plan's checksum at approval */
  checksum: string;
  /** true when this run's plan differs from the approved one */
  changedSince: boolean;
}

/**
 * @example
 * executivePack({ planName: "optimal", periods: ["2026-01"], periodsPerYear: 12, items, itemDemand,
 *   families, resources, comparison: [] }).kpis.fillRate // => the plan's fill rate
 */
export function executivePack(input: ExecutivePackInput): ExecutivePack {
  const { families, resources, periods } = input;
  const financial = financialPlan({
    items: input.items,
    itemDemand: input.itemDemand,
    families,
    costs: input.costs,
    budget: input.budget,
  });
  const kpis = headlineKpis(families, resources, input.periodsPerYear);
  const decisions = decisionsNeeded({
    periodLabels: periods,
    families,
    resources,
    bias: input.bias,
    overrides: input.overrides,
    limits: input.limits,
  });
  const current: FamilySeriesByPeriod[] = families.map((f) => ({
    family: f.family,
    demand: Object.fromEntries(periods.map((p, t) => [p, f.demand[t]])),
    production: Object.fromEntries(periods.map((p, t) => [p, f.production[t]])),
  }));
  return {
    planName: input.planName,
    periods: periods.slice(),
    financial,
    budget: planVsBudget(financial),
    kpis,
    comparison: input.comparison.slice(),
    decisions,
    changes: input.previous && input.previous.length > 0 ? changesSinceLastCycle(input.previous, current) : null,
    demandVsSupply: families.map((f) => ({ family: f.family, demand: sum(f.demand), supply: sum(f.production) })),
    utilization: resources.map((r) => ({
      resource: r.resource,
      values: r.loadHours.map((load, t) => (r.capacityHours[t] > 0 ? load / r.capacityHours[t] : null)),
    })),
    projection: periods.map((period, t) => ({
      period,
      demand: sum(families.map((f) => f.demand[t])),
      production: sum(families.map((f) => f.production[t])),
      inventory: sum(families.map((f) => f.inventory[t])),
      backlog: sum(families.map((f) => f.backlog[t])),
    })),
  };
}
