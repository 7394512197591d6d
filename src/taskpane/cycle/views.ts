/**
 * What each step shows: the pane's own types, made from the planning session's results at the
 * edge (cycle/fromSession.ts). Components render these and nothing else, so a change in the
 * workbook layer touches one file, not every step.
 */
import type { PlanVsBudgetRow } from "../../engine/executive/planVsBudget";
import type { ValueAddedRow } from "../../engine/measure/valueAdded";
import type { Strategy } from "../../engine/reconcile/types";

export type { Strategy } from "../../engine/reconcile/types";

export interface CellAddress {
  sheet: string;
  /** 0-based row inside the sheet (header row = 0) */
  row: number;
  /** 0-based column inside the sheet */
  column: number;
}

export interface ProblemView {
  severity: "error" | "warning";
  table: string;
  row?: number;
  column?: string;
  value?: string;
  message: string;
  hint?: string;
  cell?: CellAddress;
}

export interface GatherView {
  /** input tables found, with their data row counts */
  tables: { name: string; rows: number }[];
  /** required tables that are not in the workbook */
  missingTables: string[];
  problems: ProblemView[];
}

export interface ForecastSeriesView {
  /** "family" lines plan volume; "item" lines plan mix */
  level: "family" | "item";
  name: string;
  historyPeriods: string[];
  /** units sold; null is a gap (no figure) */
  history: (number | null)[];
  forecastPeriods: string[];
  forecast: number[];
  /** prediction band (a family's comes from a forecast of its summed history, see engine/cycle/demandPlan) */
  lower?: number[];
  upper?: number[];
  /** forecasting method that won the selection, e.g. "ETS(A,N,A)" */
  method?: string;
}

export interface AccuracyView {
  name: string;
  /** weighted mean absolute percentage error on held-out history, a ratio (0.12 = 12 %) */
  wmape: number;
  /** mean error ÷ mean actual on held-out history, a ratio; positive = over-forecast */
  bias: number;
  /** periods held out */
  holdout: number;
  /** measure step: the consensus forecast's tracking signal at the last period (outside ±4: biased) */
  trackingSignal?: number;
  /** measure step: WMAPE(statistical) − WMAPE(consensus); > 0 when the overrides helped */
  overrideValueAdded?: number | null;
  /** measure step: WMAPE(naive) − WMAPE(statistical); > 0 when the model beats naive */
  modelValueAdded?: number | null;
}

/**
 * Beyond this many items a DemandView carries the families' series only, and an item is charted
 * by its code (PaneCycle.demandSeries): thousands of series are megabytes to copy from a worker
 * and a list nobody scrolls.
 */
export const MAX_LISTED_ITEMS = 500;

export interface DemandView {
  /** families first, then every item when there are at most MAX_LISTED_ITEMS of them */
  series: ForecastSeriesView[];
  /** items forecast, listed in `series` or not (absent: count the item series) */
  itemCount?: number;
  /** accuracy of the statistical forecast on held-out history, total first */
  accuracy: AccuracyView[];
  written: string[];
  /** the plan periods, for typing a family override */
  periods?: string[];
  /** each family's volume per plan period: statistical, the planner's override (null = none), consensus */
  familyVolumes?: FamilyVolumeView[];
}

export interface FamilyVolumeView {
  family: string;
  statistical: number[];
  override: (number | null)[];
  consensus: number[];
}

/** A family volume override typed in the Demand step; override null clears it. */
export interface FamilyOverrideInput {
  family: string;
  period: string;
  override: number | null;
  reason: string | null;
}

export interface OverloadView {
  resource: string;
  period: string;
  loadHours: number;
  capacityHours: number;
}

export interface SupplyView {
  resources: string[];
  periods: string[];
  /** hours, resources × periods */
  loadHours: number[][];
  capacityHours: number[][];
  overloads: OverloadView[];
  /**
   * hours per resource (as `resources`) that lead-time offsets put before the first period: work
   * to release now, already counted in the first period's load (CapacityLoad's PastDueHours)
   */
  pastDueHours: number[];
  written: string[];
}

export interface StrategySummary {
  strategy: Strategy;
  /** why the strategy has no plan (infeasible, no solver); the numbers are then NaN */
  failure?: string;
  totalCost: number;
  overtimeHours: number;
  /** resource hours needed beyond regular + overtime capacity (chase and level can exceed it) */
  hoursBeyondCapacity: number;
  subcontractUnits: number;
  peakBacklog: number;
  endingInventory: number;
  /** share of demand met on time, 0..1 */
  fillRate: number;
  /** every family and period below its inventory target (units short of the target) */
  belowTarget: TargetShortfallView[];
}

export interface TargetShortfallView {
  family: string;
  period: string;
  target: number;
  shortfall: number;
}

export interface ProjectionView {
  periods: string[];
  demand: number[];
  production: number[];
  inventory: number[];
  backlog: number[];
}

export interface ReconcileView {
  strategies: StrategySummary[];
  /** the plan written, once the planner picked one */
  chosen?: { strategy: Strategy; projection: ProjectionView; written: string[] };
}

export interface KpiView {
  label: string;
  value: number;
  format: "units" | "hours" | "money" | "ratio" | "count" | "days" | "turns";
}

/** A strategy or scenario side by side with the others (the ExecutiveSummary's "Options compared"). */
export interface OptionView {
  name: string;
  totalCost: number;
  revenue: number | null;
  margin: number | null;
  fillRate: number;
  peakBacklog: number;
  peakUtilization: number | null;
}

export interface ChangeView {
  family: string;
  measure: string;
  previous: number;
  current: number;
  change: number;
}

export interface ExecutiveView {
  strategy: Strategy;
  kpis: KpiView[];
  decisions: string[];
  /** the plan's name: the strategy, or the promoted scenario */
  planName?: string;
  options?: OptionView[];
  /** changes since the last cycle; empty on the first cycle */
  changes?: ChangeView[];
  /** the plan against the Budget table (the pack's plan vs budget, as the ExecutiveSummary sheet prints it) */
  budget?: PlanVsBudgetView;
  written?: string[];
  /** the scenarios saved in the workbook (Scenarios sheet); `promoted` marks the one that is the plan */
  scenarios?: { name: string; promoted: boolean }[];
  /** a promotion can be undone (the previous plan comes back) */
  canRevert?: boolean;
  /** the sign-off: the pack's statement, and whether the plan changed since the last approval */
  approval?: { statement: string; approved: boolean; changedSince: boolean };
  /**
   * an approval refused because the plan is stale (an input changed since the plan sheets were
   * written; nothing was written): the message, the changed inputs as a planner reads them, and
   * who asked, so "Approve anyway" signs off the same name and role
   */
  staleApproval?: { message: string; changed: string[]; by: string; role: string | null };
  /**
   * The sign-off just made, as the session checked it: the inputs that had changed (signed off
   * stale, "Approve anyway"; empty when the plan was fresh after all) and whether staleness could
   * be checked (false for a plan written before input checksums were recorded).
   */
  signedOff?: { changed: string[]; checked: boolean };
  /** one family S&OP block per family (the FamilySOP sheet) */
  familySop?: FamilySopView[];
  /** the Assumptions table, as the pack prints it */
  assumptions?: { area: string | null; assumption: string; owner: string | null; impact: string | null }[];
}

/** The FinancialPlan's units shipped and revenue against the Budget table, over the family-months it covers. */
export interface PlanVsBudgetView {
  /** false: the workbook has no Budget table (or an empty one) */
  hasBudget: boolean;
  /** the first and last plan period the budget covers; absent when it covers none */
  from?: string;
  to?: string;
  /** the families with a budget, then "All families"; gap = plan − budget, gap share = gap ÷ budget */
  rows: PlanVsBudgetRow[];
}

/** One family's S&OP block: lines over the history periods then the plan periods (fill rate as a ratio). */
export interface FamilySopView {
  family: string;
  historyPeriods: string[];
  planPeriods: string[];
  lines: { measure: string; line: string; values: (number | null)[] }[];
}

export interface MeasureView {
  /** forecast accuracy per family, total first */
  accuracy: AccuracyView[];
  holdout: number;
  /** what was measured: an earlier cycle's forecast, or a backtest */
  source?: string;
  adherence?: { name: string; adherence: number | null; attainment: number | null }[];
  delivery?: { lines: number; onTime: number; inFull: number; otif: number };
  /**
   * forecast value added by reason code, by source and by team input (the engine's rows, as the
   * Measure sheet prints them); empty when no earlier cycle's forecast had a reason or an input
   */
  valueAdded?: ValueAddedRow[];
  /** consensus accuracy by lag from PlanHistory (lag 1 and 3) */
  byLag?: { lag: number; pairs: number; wmape: number | null; bias: number | null }[];
  /** per family: its consensus volume per period (rows) as each archived cycle planned it (columns) */
  waterfall?: { family: string; planStarts: string[]; periods: string[]; volume: (number | null)[][] }[];
  notes?: string[];
  written?: string[];
}

export interface StepResults {
  gather: GatherView;
  demand: DemandView;
  supply: SupplyView;
  reconcile: ReconcileView;
  executive: ExecutiveView;
  measure: MeasureView;
}
