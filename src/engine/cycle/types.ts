/**
 * The typed, host-free planning data the S&OP cycle runs on (what `src/workbook` parses the
 * input tables into), and the plan it returns (what `src/workbook` lays out as sheets).
 */

import type { BudgetLine } from "../executive/financialPlan";
import type { AlertLimits } from "../executive/decisionsNeeded";
import type { Strategy } from "../reconcile/types";
import type { ReasonCode } from "../measure/reasonCodes";
import type { TeamInputs } from "./teamInputs";
import type { InventoryPolicy } from "./inventoryTargets";
import type { Initiative } from "../initiatives";
import type { HistoryOutlier } from "../forecast/outliers";

export { STRATEGIES, type Strategy } from "../reconcile/types";

export type Bucket = "month" | "week";

export interface PlanItem {
  name: string;
  family: string;
  /** per unit, currency; null when not given */
  unitCost: number | null;
  unitPrice: number | null;
  /** units on hand at the start of the plan */
  openingInventory: number;
  /** units owed to customers at the start of the plan */
  openingBacklog: number;
  /** units */
  safetyStock: number;
  /** new product: the existing item it will sell like (forecast by analogy); null otherwise */
  likeItem?: string | null;
  /** new product: first plan period it sells (`YYYY-MM` / `YYYY-Www`); null = from the start */
  launchPeriod?: string | null;
  /** new product: scale on the like item's forecast, default 1 */
  likeItemFactor?: number | null;
  /** the forecast method for this item (the forecast engine's `FORECAST_METHODS`), overriding the workbook's; null = the workbook's */
  forecastMethod?: string | null;
  /** first plan period with no demand (the item is retired from then on); null = sold throughout */
  discontinuePeriod?: string | null;
}

export interface PlanResource {
  name: string;
  /** regular hours available per plan period */
  hours: number[];
  /** overtime hours available per plan period (0 when not given) */
  overtimeHours: number[];
  /** currency per regular hour; null when not given */
  costPerHour: number | null;
  /** currency per overtime hour; null when not given */
  overtimeCostPerHour: number | null;
}

/** One line of the bill of resources, names resolved to indexes. */
export interface PlanBillLine {
  /** the line is for one item, or for every unit of a family (family-level bill of capacity) */
  target: { kind: "item" | "family"; index: number };
  resource: number;
  hoursPerUnit: number;
  /** lead-time offset in whole periods (resource profile) */
  offset: number;
}

export interface ForecastSettings {
  /** forecasting method name (the forecast engine's `FORECAST_METHODS`); undefined = auto */
  method?: string;
  /** FORECAST.ETS convention: undefined/1 detect, 0 none, n season length */
  seasonality?: number;
  /** prediction interval level, e.g. 0.95 */
  level: number;
  /** forecast from the cleansed history (outliers replaced by their robust fit); the history itself is unchanged */
  cleanOutliers?: boolean;
}

/**
 * The basis a family override is split on: each item's share of the family's statistical forecast
 * in that period, or its share of the family's sales over the last year of history.
 */
export type FamilySplitBasis = "statistical" | "history";

export interface PlanningData {
  bucket: Bucket;
  /** labels of the history periods, oldest first (`YYYY-MM` / `YYYY-Www`) */
  historyPeriods: string[];
  /** labels of the plan horizon's periods */
  planPeriods: string[];
  items: PlanItem[];
  /** family names in first-seen order of the Items table */
  families: string[];
  /** units sold, items × history periods; null is a gap (no figure), not a zero */
  history: (number | null)[][];
  /**
   * the outliers `findOutliers` found in each item's history, when the host found them already
   * (validation does, to warn): used only while `history` is this very array and the seasonality
   * the same (`knownOutliers`), else found again.
   */
  historyOutliers?: { history: (number | null)[][]; seasonality: number | undefined; found: HistoryOutlier[][] };
  /** the planner's overrides, items × plan periods; null = none */
  overrides: (number | null)[][];
  /** the planner's reasons, items × plan periods; null = none */
  reasons: (string | null)[][];
  /** the sales and marketing teams' inputs (DemandPlan SalesInput, MarketingInput); absent = none (engine/cycle/teamInputs) */
  teamInputs?: TeamInputs;
  /** the optional ReasonCodes table: the codes a Reason may name, with their source team */
  reasonCodes?: ReasonCode[];
  /**
   * the planner's family volume overrides, families × plan periods (units; null = none), split to
   * the family's items by `familySplit` (see engine/cycle/familySplit). Absent = none.
   */
  familyOverrides?: (number | null)[][];
  /** the reasons of the family overrides, families × plan periods */
  familyReasons?: (string | null)[][];
  /** how a family override is split to items: "statistical" (default) or "history" (last year's share) */
  familySplit?: FamilySplitBasis;
  /** history periods the family S&OP sheet shows before the plan (Settings FamilySOPHistory; default 6) */
  familySopHistory?: number;
  resources: PlanResource[];
  bill: PlanBillLine[];
  forecast: ForecastSettings;
  strategy: Strategy;
  /** cost parameters by their reconcile names (regularCost, holdingCost, backlogCost, …) */
  costs: Record<string, number | boolean | string>;
  /** inventory targets: soft or hard, safety stock or days of supply (Settings); absent = soft, SafetyStock */
  inventoryPolicy?: InventoryPolicy;
  /** the optional Budget table: units and/or revenue by family and plan period */
  budget?: BudgetLine[];
  /** the planner's alert limits (Settings); any left out take the defaults */
  alertLimits?: Partial<AlertLimits>;
  /** the optional Initiatives table: named plan layers on demand, capacity and cost (engine/initiatives) */
  initiatives?: Initiative[];
}
