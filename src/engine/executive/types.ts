/**
 * The shapes the executive step reads: one reconciled plan per family, periods as the plan's
 * columns (0-based), quantities in units per period.
 */

/** One family's projection, as the reconciliation wrote it (ProductionPlan, InventoryPlan, BacklogPlan). */
export interface FamilyProjection {
  family: string;
  /** consensus demand, units per period */
  demand: number[];
  /** units made (regular + overtime + subcontract) per period */
  production: number[];
  /** ending inventory per period, units */
  inventory: number[];
  /** ending backlog per period, units */
  backlog: number[];
  /** units on hand before the first period */
  openingInventory: number;
  /** units owed before the first period */
  openingBacklog: number;
  /** the minimum inventory per period (safety stock or days of supply), units; absent = none */
  inventoryTarget?: number[];
}

/** Load against capacity of one resource (CapacityLoad). */
export interface ResourceLoad {
  resource: string;
  /** hours per period */
  loadHours: number[];
  /** regular hours available per period */
  capacityHours: number[];
  /**
   * overtime hours available per period: a load within regular + overtime hours is a plan the
   * resource can work, so only load beyond both is an overload decision (absent = none)
   */
  overtimeCapacityHours?: number[];
  /**
   * hours whose lead-time offsets put them before the first period (past due), already counted
   * in loadHours[0]: work to release now (absent = none)
   */
  pastDueHours?: number;
}

/** How a KPI value reads; the layouts turn this into a number format. */
export type KpiFormat = "money" | "units" | "hours" | "ratio" | "days" | "turns" | "count";
