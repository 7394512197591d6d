/**
 * Plan vs budget: the financial plan's units shipped and revenue against the Budget table, by
 * family and for all families, over the family-months the budget covers (a plan month without a
 * budget is not compared, so a budget for one year beside an 18-month plan compares that year).
 *
 * - budget = Σ the family's budget over the months it gives one (units and revenue apart: a
 *   month with a revenue budget only counts for revenue);
 * - plan = Σ the family's units shipped (revenue) over the same months (financialPlan);
 * - gap = plan − budget (positive: the plan is above budget); gap % = gap ÷ budget (null when
 *   the budget is 0);
 * - all families = the sum of the family rows (each family over its own budget months).
 *
 * Money stays in cents (the financial plan's cells are cents, so the sums are); O(families ×
 * periods).
 *
 * @example
 * // Chairs budget 1,000 units / 200,000.00 in 2026-01 only; the plan ships 1,100 for 210,000.00
 * planVsBudget(financial)!.rows[0]
 * // => { family: "Chairs", budgetUnits: 1000, planUnits: 1100, unitsGap: 100, unitsGapShare: 0.1,
 * //      budgetRevenue: 200000, planRevenue: 210000, revenueGap: 10000, revenueGapShare: 0.05 }
 */
import { cents, sumGiven, type BudgetGap, type FamilyFinance, type FinancialPlan } from "./financialPlan";

export interface PlanVsBudgetRow {
  /** a family, or "All families" */
  family: string;
  /** null where the budget gives no units (revenue) in any month */
  budgetUnits: number | null;
  planUnits: number | null;
  unitsGap: number | null;
  unitsGapShare: number | null;
  budgetRevenue: number | null;
  planRevenue: number | null;
  revenueGap: number | null;
  revenueGapShare: number | null;
}

export interface PlanVsBudget {
  /** 0-based plan periods of the first and last month with any budget */
  firstPeriod: number;
  lastPeriod: number;
  /** the families with a budget, then "All families" */
  rows: PlanVsBudgetRow[];
}

/** Null when the plan has no Budget table or the budget covers no plan month. */
export function planVsBudget(financial: FinancialPlan): PlanVsBudget | null {
  if (!financial.hasBudget) return null;
  const covered = (b: BudgetGap, t: number) => b.units[t] !== null || b.revenue[t] !== null;
  let first = Infinity;
  let last = -1;
  const rows: PlanVsBudgetRow[] = [];
  for (const f of financial.families) {
    if (!f.budget) continue;
    const months = f.budget.units.map((_, t) => t).filter((t) => covered(f.budget!, t));
    if (months.length === 0) continue;
    first = Math.min(first, months[0]);
    last = Math.max(last, months[months.length - 1]);
    rows.push(familyRow(f, f.budget));
  }
  if (rows.length === 0) return null;
  const total = (pick: (r: PlanVsBudgetRow) => number | null, money: boolean) => sumGiven(rows.map(pick), money);
  rows.push(
    withGaps(
      "All families",
      total((r) => r.budgetUnits, false),
      total((r) => r.planUnits, false),
      total((r) => r.budgetRevenue, true),
      total((r) => r.planRevenue, true),
    ),
  );
  return { firstPeriod: first, lastPeriod: last, rows };
}

function familyRow(f: FamilyFinance, budget: BudgetGap): PlanVsBudgetRow {
  // the plan over the months the budget gives (null where it gives none)
  const over = (budgeted: (number | null)[], plan: number[], money: boolean) => ({
    budget: sumGiven(budgeted, money),
    plan: sumGiven(
      budgeted.map((b, t) => (b === null ? null : plan[t])),
      money,
    ),
  });
  const units = over(budget.units, f.lines.unitsShipped, false);
  const revenue = over(budget.revenue, f.lines.revenue, true);
  return withGaps(f.family, units.budget, units.plan, revenue.budget, revenue.plan);
}

function withGaps(
  family: string,
  budgetUnits: number | null,
  planUnits: number | null,
  budgetRevenue: number | null,
  planRevenue: number | null,
): PlanVsBudgetRow {
  const gap = (plan: number | null, budget: number | null, money: boolean) =>
    plan === null || budget === null ? null : money ? cents(plan - budget) : plan - budget;
  const share = (g: number | null, budget: number | null) => (g === null || !budget ? null : g / budget);
  const unitsGap = gap(planUnits, budgetUnits, false);
  const revenueGap = gap(planRevenue, budgetRevenue, true);
  return {
    family,
    budgetUnits,
    planUnits,
    unitsGap,
    unitsGapShare: share(unitsGap, budgetUnits),
    budgetRevenue,
    planRevenue,
    revenueGap,
    revenueGapShare: share(revenueGap, budgetRevenue),
  };
}
