/**
 * A scenario is a named "what if" on the plan's inputs: planner overrides of demand, a
 * reconciliation strategy and capacity changes. Scenarios live in the workbook (the owned
 * `Scenarios` sheet); the plan is the base inputs with the promoted scenario applied.
 */
import type { Strategy } from "../reconcile/types";

export type { Strategy } from "../reconcile/types";

export interface ScenarioOverride {
  item: string;
  /** plan period label (`YYYY-MM` / `YYYY-Www`) */
  period: string;
  /** units, replacing the consensus for that item and period */
  quantity: number;
  reason?: string | null;
}

export interface CapacityChange {
  resource: string;
  /** plan period label; null = every plan period */
  period: string | null;
  /** hours added to regular capacity (negative removes: a shutdown) */
  hours: number;
  /** hours added to overtime capacity */
  overtimeHours?: number;
}

export interface Scenario {
  name: string;
  description?: string | null;
  /** null = keep the plan's strategy */
  strategy: Strategy | null;
  overrides: ScenarioOverride[];
  capacityChanges: CapacityChange[];
}

/** Every scenario of the workbook and the promotion history that says which one is the plan. */
export interface ScenarioBook {
  scenarios: Scenario[];
  /**
   * scenario names in the order they were promoted; the last is the plan. Reverting a
   * promotion drops the last one, so the previous plan comes back. Empty = the base plan.
   */
  promoted: string[];
}

/** The parts of the planning data a scenario changes (structurally the cycle's PlanningData). */
export interface ScenarioTarget {
  items: readonly { name: string }[];
  planPeriods: readonly string[];
  /** items × plan periods, null = none */
  overrides: (number | null)[][];
  reasons: (string | null)[][];
  resources: { name: string; hours: number[]; overtimeHours: number[] }[];
  strategy: Strategy;
}
