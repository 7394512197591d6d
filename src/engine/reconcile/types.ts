/**
 * The shapes a reconciliation takes in and gives back. Quantities are units per period,
 * costs are money per unit (or per worker, per hour) as named; periods are the columns of the
 * planner's table, 0-based here.
 */
import type { LpSolver } from "./linearProgram";

/** The reconciliation strategies, in the order the planner compares them. */
export const STRATEGIES = ["chase", "level", "optimal"] as const;

/** How production meets demand: follow it (chase), a constant rate (level) or the minimum-cost plan (optimal). */
export type Strategy = (typeof STRATEGIES)[number];

/**
 * Cost and capacity parameters of one family (Chopra & Meindl, "Supply Chain Management",
 * ch. 8, the aggregate planning model). Every field is optional in the input; defaults:
 *
 * - `regularCost` 0 per unit made in regular time (with a workforce the wage is `workerCost`);
 * - `overtimeCost`, `overtimeCapacity` (units per period), `overtimePerWorker` (units per worker
 *   per period): overtime exists only when one of these is given; an unset capacity means no
 *   limit, an unset cost means 0;
 * - `subcontractCost` (per unit, all-in), `subcontractCapacity` (units per period): same rule;
 * - `holdingCost` 0 per unit per period, charged on `holdingOn` = "ending" inventory (default)
 *   or "average" ((opening + ending) / 2) inventory;
 * - `backlogCost` per unit per period: backlog is allowed in the optimal plan only when it is
 *   given (chase and level show whatever backlog their rule leaves, costed at 0 if unset);
 * - `materialCost` 0 per unit made in-house (regular or overtime);
 * - `workforce` (opening workers) with `unitsPerWorker` (per period): capacity from workers;
 *   `workerCost` per worker per period, `hireCost`, `layoffCost` per worker (all default 0);
 * - `endingInventory` 0: the minimum inventory at the end (chase also holds it every period);
 * - `endingBacklog` 0: the most backlog allowed at the end;
 * - `integerWorkforce` false: whole workers (the optimal plan becomes a MIP).
 */
export interface CostParameters {
  regularCost: number;
  overtimeCost: number;
  overtimeCapacity: number;
  subcontractCost: number;
  subcontractCapacity: number;
  holdingCost: number;
  backlogCost: number;
  materialCost: number;
  workforce: number;
  unitsPerWorker: number;
  workerCost: number;
  hireCost: number;
  layoffCost: number;
  overtimePerWorker: number;
  endingInventory: number;
  endingBacklog: number;
  integerWorkforce: boolean;
  holdingOn: "ending" | "average";
}

export interface FamilyPlanInput {
  /** units demanded per period */
  demand: number[];
  /** regular-time capacity in units per period; omit when the workforce defines it */
  capacity?: number[];
  openingInventory?: number;
  openingBacklog?: number;
  costs?: Partial<CostParameters>;
  /**
   * the minimum inventory at the end of each period (units; safety stock or a days-of-supply
   * target), compared with the net inventory (ending inventory − ending backlog). The last
   * period's minimum is the larger of this and `endingInventory`.
   */
  inventoryTarget?: number[];
  /**
   * the optimal plan's penalty per unit below `inventoryTarget` per period (a soft target);
   * omitted = the target is hard (no optimal plan goes below it). Chase and level build to the
   * target where capacity allows either way. The penalty steers the optimum only: it is no cost
   * line and not in `totalCost`.
   */
  targetShortfallCost?: number;
}

export interface CostLine {
  category: CostCategory;
  amount: number;
}

export type CostCategory =
  | "regular"
  | "overtime"
  | "subcontract"
  | "material"
  | "holding"
  | "backlog"
  | "workers"
  | "hiring"
  | "layoffs";

export interface ProductionPlan {
  strategy: Strategy;
  /** units available each period: regular + overtime + subcontract */
  production: number[];
  regular: number[];
  overtime: number[];
  subcontract: number[];
  /** ending inventory per period */
  inventory: number[];
  /** ending backlog per period */
  backlog: number[];
  /** the minimum inventory per period (`inventoryTarget`, the last period at least `endingInventory`) */
  inventoryTarget: number[];
  /** units below target per period: max(target − (inventory − backlog), 0) */
  belowTarget: number[];
  /** workers per period, hires and layoffs at the start of each period (workforce models) */
  workforce?: number[];
  hires?: number[];
  layoffs?: number[];
  /** every category, in a fixed order, 0 when unused */
  costs: CostLine[];
  totalCost: number;
  /** share of demand served in the period it was asked for (1 when there is no demand) */
  fillRate: number;
}

export interface ResourceCapacity {
  name: string;
  /** regular hours per period */
  hours: number[];
  /** overtime hours per period (default none) */
  overtimeHours?: number[];
  costPerHour?: number;
  overtimeCostPerHour?: number;
}

export interface BillOfResourcesLine {
  family: number;
  resource: number;
  hoursPerUnit: number;
  /**
   * lead-time offset in whole periods (resource profile): a unit made in period s needs its hours
   * in period s − offset, in the first period when that falls before it (past due, as RCCP_LOAD)
   */
  offset?: number;
}

/**
 * The period whose hours a unit made in `period` uses, with a lead-time offset: past-due hours
 * (before the first period) land in the first period, as `rccpLoad` puts them.
 * `hoursPeriod(1, 2)` → 0.
 */
export function hoursPeriod(period: number, offset = 0): number {
  return Math.max(period - offset, 0);
}

export interface MultiFamilyInput {
  families: (FamilyPlanInput & { name: string })[];
  resources: ResourceCapacity[];
  bill: BillOfResourcesLine[];
}

export interface MultiFamilyPlan {
  strategy: Strategy;
  /** one per family, same order as the input */
  plans: ProductionPlan[];
  /** hours used, resources × periods */
  resourceHours: { regular: number[][]; overtime: number[][] };
  /** cost of resource hours (regular and overtime), on top of the families' own costs */
  resourceCost: number;
  /** families' costs plus resource hours */
  totalCost: number;
}

export type { LpSolver };
