/**
 * FinancialPlan: the plan in money by family and period, one row per family, period and the
 * horizon's total, then the same for all families (definitions in docs/finance.md). Money in
 * cents, units whole as the engine rounded them; budget columns only when a Budget table exists,
 * InitiativeCost and MarginAfterInitiatives only when the plan has strategic initiatives.
 */
import { FINANCE_LINES, type FamilyFinance, type FinanceLine, type FinancialPlan } from "../../engine/executive";
import type { CellValue, OutputSheet } from "../port";
import { markerTableName } from "../port";

const UNITS = "#,##0";
const MONEY = "#,##0.00";
const PERCENT = "0.0%";

/** Column headers of the lines, as a finance partner reads them. */
export const FINANCE_HEADERS: Record<FinanceLine, string> = {
  unitsShipped: "UnitsShipped",
  revenue: "Revenue",
  material: "Material",
  regularTime: "RegularTime",
  overtime: "Overtime",
  subcontract: "Subcontract",
  workforce: "Workforce",
  hiring: "Hiring",
  layoffs: "Layoffs",
  holding: "Holding",
  backlogPenalty: "BacklogPenalty",
  costOfGoods: "CostOfGoods",
  grossMargin: "GrossMargin",
};

const BUDGET_HEADERS = ["BudgetUnits", "BudgetRevenue", "UnitsGap", "RevenueGap"];
/** The strategic initiatives' costs, below gross margin (docs/finance.md, "Initiatives"). */
const INITIATIVE_HEADERS = ["InitiativeCost", "MarginAfterInitiatives"];

export function financialPlanSheet(financial: FinancialPlan, periods: readonly string[]): OutputSheet {
  const withBudget = financial.hasBudget;
  const headers = [
    "Family",
    "Period",
    ...FINANCE_LINES.map((line) => FINANCE_HEADERS[line]),
    "MarginPct",
    ...(withBudget ? BUDGET_HEADERS : []),
    ...(financial.initiatives ? INITIATIVE_HEADERS : []),
  ];
  const initiativeLine = (family: string) =>
    financial.initiatives
      ? family === financial.total.family
        ? financial.initiatives.total
        : financial.initiatives.families.find((line) => line.family === family)
      : undefined;
  const rows: CellValue[][] = [];
  const whole = (u: number) => Math.round(u);
  const add = (f: FamilyFinance) => {
    const initiatives = initiativeLine(f.family);
    periods.forEach((period, t) => {
      rows.push([
        f.family,
        period,
        ...FINANCE_LINES.map((line) => (line === "unitsShipped" ? whole(f.lines[line][t]) : f.lines[line][t])),
        f.marginRate[t],
        ...(withBudget && f.budget
          ? [
              f.budget.units[t] === null ? null : whole(f.budget.units[t]!),
              f.budget.revenue[t],
              f.budget.unitsGap[t] === null ? null : whole(f.budget.unitsGap[t]!),
              f.budget.revenueGap[t],
            ]
          : []),
        ...(initiatives ? [initiatives.cost[t], initiatives.marginAfter[t]] : []),
      ]);
    });
    rows.push([
      f.family,
      "Total",
      // whole units foot: a total is the sum of the whole cells above it, as money sums its cents
      ...FINANCE_LINES.map((line) =>
        line === "unitsShipped" ? sumGiven(f.lines[line].map(whole), true) : f.totals[line],
      ),
      f.totalMarginRate,
      ...(withBudget && f.budget
        ? [
            sumGiven(f.budget.units, true),
            sumGiven(f.budget.revenue, false),
            f.budget.totalUnitsGap === null
              ? null
              : sumGiven(
                  f.budget.unitsGap.map((g) => (g === null ? null : whole(g))),
                  true,
                ),
            f.budget.totalRevenueGap,
          ]
        : []),
      ...(initiatives ? [initiatives.totalCost, initiatives.totalMarginAfter] : []),
    ]);
  };
  financial.families.forEach(add);
  add(financial.total);
  return {
    name: "FinancialPlan",
    tableName: markerTableName("FinancialPlan"),
    headers,
    rows,
    numberFormats: headers.map((h, c) =>
      c < 2
        ? null
        : h === "MarginPct"
          ? PERCENT
          : h === "UnitsShipped" || h.endsWith("Units") || h === "UnitsGap"
            ? UNITS
            : MONEY,
    ),
    columnWidths: headers.map((h, c) => (c === 0 ? 14 : c === 1 ? 9 : Math.max(11, h.length + 2))),
    landscape: true,
  };
}

function sumGiven(values: readonly (number | null)[], units: boolean): number | null {
  const given = values.filter((v): v is number => v !== null);
  if (given.length === 0) return null;
  const s = given.reduce((a, b) => a + b, 0);
  return units ? Math.round(s) : Math.round(s * 100) / 100;
}
