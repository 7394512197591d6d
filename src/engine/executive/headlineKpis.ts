/**
 * The executive summary's headline KPIs of one reconciled plan, all families together.
 *
 * - fill rate = Σ demand served in its own period ÷ Σ demand; served on time follows the
 *   reconciliation's projection (backlog is served first):
 *   onTime[t] = min(demand[t], max(inventory[t−1] + production[t] − backlog[t−1], 0));
 * - ending inventory / ending backlog: the last period's, units; peak backlog: the largest
 *   period total;
 * - days of supply of the ending inventory against the plan's average demand
 *   (annual usage = mean demand per period × periods per year), days;
 * - turns = annual usage ÷ average ending inventory over the horizon (units basis);
 * - peak utilization = the largest load ÷ capacity of any resource-period, with where.
 *
 * Values are null where undefined (no demand, no inventory, no capacity data).
 */
import { invalidInput } from "../errors";
import { sum } from "./financialPlan";
import { DAYS_PER_YEAR } from "./inventoryMeasures";
import type { FamilyProjection, ResourceLoad } from "./types";

export interface HeadlineKpis {
  totalDemand: number;
  totalProduction: number;
  /** 0..1; 1 when there is no demand */
  fillRate: number;
  endingInventory: number;
  averageInventory: number;
  /** days; null without demand */
  daysOfSupply: number | null;
  /** per year; null without inventory */
  inventoryTurns: number | null;
  endingBacklog: number;
  peakBacklog: number;
  /** load ÷ capacity, null without capacity data */
  peakUtilization: { value: number; resource: string; period: number } | null;
  /** resource-periods loaded beyond capacity */
  overloadedResourcePeriods: number;
}

/** Demand served in the period it was asked for, per period (the fill rate's numerator). */
export function servedOnTime(family: FamilyProjection): number[] {
  return family.demand.map((d, t) => {
    const onHand = t === 0 ? family.openingInventory : family.inventory[t - 1];
    const owed = t === 0 ? family.openingBacklog : family.backlog[t - 1];
    return Math.min(d, Math.max(onHand + family.production[t] - owed, 0));
  });
}

/**
 * @example
 * headlineKpis([{ family: "F", demand: [10, 10], production: [8, 12], inventory: [0, 0],
 *   backlog: [2, 0], openingInventory: 0, openingBacklog: 0 }], [], 12)
 * // => fillRate 0.8 (8 + 8 of 20), peakBacklog 2, endingInventory 0, daysOfSupply 0
 * @throws invalidInput when families' series have different lengths.
 */
export function headlineKpis(
  families: readonly FamilyProjection[],
  resources: readonly ResourceLoad[],
  periodsPerYear: number,
): HeadlineKpis {
  const periods = families[0]?.demand.length ?? 0;
  for (const f of families) {
    for (const series of [f.demand, f.production, f.inventory, f.backlog]) {
      if (series.length !== periods)
        throw invalidInput("plan", `family ${f.family} has ${series.length} periods where the plan has ${periods}.`);
    }
  }
  const totalBy = (pick: (f: FamilyProjection) => readonly number[]) =>
    Array.from({ length: periods }, (_, t) => sum(families.map((f) => pick(f)[t])));
  const demand = totalBy((f) => f.demand);
  const inventory = totalBy((f) => f.inventory);
  const backlog = totalBy((f) => f.backlog);
  const totalDemand = sum(demand);
  const onTime = sum(families.map((f) => sum(servedOnTime(f))));
  const endingInventory = periods > 0 ? inventory[periods - 1] : sum(families.map((f) => f.openingInventory));
  const averageInventory = periods > 0 ? sum(inventory) / periods : 0;
  const annualUsage = periods > 0 ? (totalDemand / periods) * periodsPerYear : 0;

  let peak: HeadlineKpis["peakUtilization"] = null;
  let overloaded = 0;
  for (const r of resources) {
    r.loadHours.forEach((load, t) => {
      const capacity = r.capacityHours[t];
      if (load > capacity + 1e-9) overloaded++;
      if (!(capacity > 0)) return;
      const utilization = load / capacity;
      if (!peak || utilization > peak.value) peak = { value: utilization, resource: r.resource, period: t };
    });
  }
  return {
    totalDemand,
    totalProduction: sum(families.map((f) => sum(f.production))),
    fillRate: totalDemand > 0 ? onTime / totalDemand : 1,
    endingInventory,
    averageInventory,
    daysOfSupply: annualUsage > 0 ? endingInventory / (annualUsage / DAYS_PER_YEAR) : null,
    inventoryTurns: averageInventory > 0 ? annualUsage / averageInventory : null,
    endingBacklog: periods > 0 ? backlog[periods - 1] : sum(families.map((f) => f.openingBacklog)),
    peakBacklog: periods > 0 ? Math.max(...backlog) : 0,
    peakUtilization: peak,
    overloadedResourcePeriods: overloaded,
  };
}
