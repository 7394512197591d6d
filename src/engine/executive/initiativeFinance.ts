/**
 * The strategic initiatives' costs in the financial plan (docs/finance.md, "Initiatives"): below
 * gross margin, like the operating expenses they are (a campaign, a line's ramp-up), so gross
 * margin stays the margin of the units and "margin after initiatives" = gross margin − the
 * initiatives' costs. An initiative on a family is that family's cost; an initiative on a
 * resource only (or on nothing) belongs to no family and counts in the all-families total only.
 */
import { initiativeCosts, type Initiative } from "../initiatives";
import { cents, sum, type FinancialPlan } from "./financialPlan";

export interface InitiativeCostLine {
  /** a family, or "All families" */
  family: string;
  /** the initiatives' costs per period, money */
  cost: number[];
  /** gross margin − cost per period */
  marginAfter: number[];
  totalCost: number;
  totalMarginAfter: number;
}

export interface InitiativeFinance {
  families: InitiativeCostLine[];
  total: InitiativeCostLine;
}

/**
 * @example
 * // one family F with gross margin [400, 440]; an initiative on F costing 50 once and 5 a period from period 2
 * initiativeFinance(financial, [campaign], ["2026-01", "2026-02"]).total.marginAfter // => [400, 385]
 */
export function initiativeFinance(
  financial: FinancialPlan,
  initiatives: readonly Initiative[],
  periods: readonly string[],
): InitiativeFinance {
  const line = (family: string, cost: number[], margin: readonly number[]): InitiativeCostLine => {
    const rounded = cost.map(cents);
    const marginAfter = margin.map((m, t) => cents(m - rounded[t]));
    return {
      family,
      cost: rounded,
      marginAfter,
      totalCost: cents(sum(rounded)),
      totalMarginAfter: cents(sum(marginAfter)),
    };
  };
  const costs = initiatives.map((initiative) => initiativeCosts(initiative, periods));
  const costOf = (pick: (initiative: Initiative) => boolean) =>
    periods.map((_, t) => sum(costs.filter((_, k) => pick(initiatives[k])).map((c) => c[t])));
  const families = financial.families.map((f) =>
    line(
      f.family,
      costOf((initiative) => initiative.family === f.family),
      f.lines.grossMargin,
    ),
  );
  // The total is the families' rounded cells plus the costs of no family, so the column foots.
  const unassigned = costOf((initiative) => !financial.families.some((f) => f.family === initiative.family)).map(cents);
  const total = line(
    financial.total.family,
    periods.map((_, t) => sum(families.map((f) => f.cost[t])) + unassigned[t]),
    financial.total.lines.grossMargin,
  );
  return { families, total };
}

/**
 * One initiative's effect on the plan: the plan with every initiative minus the plan without
 * this one (same strategy, family level); for "All initiatives", minus the plan without any.
 */
export interface InitiativeEffect {
  name: string;
  owner: string | null;
  family: string | null;
  resource: string | null;
  /** the plan periods it runs in, as "first to last" (empty when none) */
  periods: string;
  demandChangePct: number;
  capacityChangeHours: number;
  /** consensus units it adds over the horizon (negative: removes) */
  units: number;
  /** units made it adds */
  production: number;
  /** regular capacity hours it adds over the horizon */
  capacityHours: number;
  /** hours the plan works (regular + overtime, all resources) it adds */
  planHours: number;
  /** money it adds, from the financial plans with and without it */
  revenue: number;
  costOfGoods: number;
  grossMargin: number;
  /** its own costs (one-off and per period) */
  cost: number;
  /** grossMargin − cost: what the initiative is worth to the plan */
  netMargin: number;
  /** per plan period: units added, gross margin added, its costs */
  byPeriod: { units: number[]; grossMargin: number[]; cost: number[] };
  /** why the plan without it could not be made (then the differences are 0 and only its costs count) */
  failure: string | null;
}

/** The strategic initiatives plan in the executive pack. */
export interface InitiativesReport {
  effects: InitiativeEffect[];
  /** all initiatives together against the plan without any */
  all: InitiativeEffect;
}
