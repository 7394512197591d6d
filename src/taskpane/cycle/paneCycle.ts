/**
 * What the pane asks of the planning cycle. One implementation runs the workbook's
 * PlanningSession over a WorkbookPort (Office.js inside Excel, the in-memory demo workbook in a
 * browser); tests hand in their own.
 */
import type {
  CellAddress,
  DemandView,
  ExecutiveView,
  FamilyOverrideInput,
  ForecastSeriesView,
  GatherView,
  MeasureView,
  ReconcileView,
  Strategy,
  SupplyView,
} from "./views";
import type { BackgroundWork } from "../compute/workerCompute";

export interface PaneCycle {
  /** reads the input tables and validates them */
  gather(): Promise<GatherView>;
  /** inserts the template tables with sample data (offered when tables are missing) */
  insertTemplate(): Promise<void>;
  /** forecasts every item and family and writes DemandPlan */
  demandPlan(): Promise<DemandView>;
  /** an item's series from the last demand plan (a DemandView over MAX_LISTED_ITEMS items lists families only); null: no such item */
  demandSeries?(item: string): Promise<ForecastSeriesView | null>;
  /** sets (or clears) a family volume override, re-plans demand and writes FamilyPlan and DemandPlan */
  familyOverride?(edit: FamilyOverrideInput): Promise<DemandView>;
  /** RCCP on the consensus demand; writes CapacityLoad */
  supplyPlan(): Promise<SupplyView>;
  /** computes chase, level and optimal side by side; writes nothing */
  compareStrategies(): Promise<ReconcileView>;
  /** writes the chosen strategy as ProductionPlan, InventoryPlan and BacklogPlan */
  choosePlan(strategy: Strategy): Promise<ReconcileView>;
  executiveSummary(): Promise<ExecutiveView>;
  /** makes a saved scenario the plan and re-plans with it (every plan sheet and ExecutiveSummary) */
  promoteScenario?(name: string): Promise<ExecutiveView>;
  /** saves DemandPlan's overrides and a strategy (null = the plan's) as a named scenario; the summary then compares it */
  saveScenario?(name: string, strategy: Strategy | null): Promise<ExecutiveView>;
  /**
   * signs the plan off (PlanLog: who, role, when, the plan's checksum) and summarizes it again; a
   * stale plan is not signed off unless `allowStale`: the view comes back with `staleApproval`
   */
  approve?(by: string, role: string | null, allowStale?: boolean): Promise<ExecutiveView>;
  /** runs the whole cycle again (every plan sheet rewritten from the inputs as they are now) and summarizes it */
  rerunCycle?(): Promise<ExecutiveView>;
  /** undoes the last promotion and re-plans: the previous plan comes back */
  revertPromotion?(): Promise<ExecutiveView>;
  measure(): Promise<MeasureView>;
  /** progress and cancel of the forecasting and reconciling, when they run in a worker */
  work?: BackgroundWork;
  /** selects a cell in the workbook (a validation problem's cell); no-op where the host cannot */
  selectCell(cell: CellAddress): Promise<void>;
}
