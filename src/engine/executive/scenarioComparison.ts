/**
 * Strategy and scenario comparison: one row per option (chase, level, optimal, or a named
 * scenario), the same measures side by side so the meeting can weigh cost against service.
 */
import { type FinancialPlan, sum } from "./financialPlan";
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
  /** the option's financial plan (financialPlan of its families and cost lines) */
  financial?: FinancialPlan;
}

export interface ComparisonRow {
  name: string;
  totalCost: number;
  revenue: number | null;
  /** the financial plan's cost of goods (material + the plan's cost); null without a financial plan */
  costOfGoods: number | null;
  /** gross margin = revenue − cost of goods; null without a financial plan */
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
    return {
      name: option.name,
      totalCost: option.totalCost,
      revenue: option.financial?.revenue ?? null,
      costOfGoods: option.financial?.costOfGoods ?? null,
      margin: option.financial?.grossMargin ?? null,
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
