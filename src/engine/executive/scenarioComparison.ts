/**
 * Strategy and scenario comparison: one row per option (chase, level, optimal, or a named
 * scenario), the same measures side by side so the meeting can weigh cost against service.
 */
import { financialPlan, FinancialPlanInput, sum } from "./financialPlan";
import { headlineKpis } from "./headlineKpis";
import type { FamilyProjection, ResourceLoad } from "./types";

export interface PlanOption {
  /** "optimal", "chase", "level" or a scenario's name */
  name: string;
  families: readonly FamilyProjection[];
  resources: readonly ResourceLoad[];
  /** the option's total plan cost (the reconciliation's), money */
  totalCost: number;
  /** units made on overtime and subcontracted over the horizon */
  overtimeUnits?: number;
  /** resource hours worked on overtime over the horizon */
  overtimeHours?: number;
  subcontractUnits?: number;
  /** the money view: prices and the units sold under this option */
  financial?: Omit<FinancialPlanInput, "planCosts">;
}

export interface ComparisonRow {
  name: string;
  totalCost: number;
  revenue: number | null;
  /** revenue − total cost; null without prices */
  margin: number | null;
  fillRate: number;
  endingInventory: number;
  peakBacklog: number;
  peakUtilization: number | null;
  overtimeUnits: number;
  overtimeHours: number;
  subcontractUnits: number;
  totalProduction: number;
}

/**
 * @example
 * compareOptions([{ name: "level", families: [f], resources: [], totalCost: 500 }], 12)
 * // => [{ name: "level", totalCost: 500, fillRate: …, revenue: null, … }]
 */
export function compareOptions(options: readonly PlanOption[], periodsPerYear: number): ComparisonRow[] {
  return options.map((option) => {
    const kpis = headlineKpis(option.families, option.resources, periodsPerYear);
    const revenue = option.financial ? financialPlan(option.financial).revenue : null;
    return {
      name: option.name,
      totalCost: option.totalCost,
      revenue,
      margin: revenue === null ? null : revenue - option.totalCost,
      fillRate: kpis.fillRate,
      endingInventory: kpis.endingInventory,
      peakBacklog: kpis.peakBacklog,
      peakUtilization: kpis.peakUtilization?.value ?? null,
      overtimeUnits: option.overtimeUnits ?? 0,
      overtimeHours: option.overtimeHours ?? 0,
      subcontractUnits: option.subcontractUnits ?? 0,
      totalProduction: sum(option.families.map((f) => sum(f.production))),
    };
  });
}
