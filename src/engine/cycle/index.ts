/**
 * The S&OP cycle, pure and host-free: demand plan → supply plan (RCCP) → reconcile (all
 * strategies) → KPIs. `src/workbook` parses tables into `PlanningData` and lays the result out.
 */
import type { LpSolver } from "../reconcile";
import { planDemand, type DemandPlan } from "./demandPlan";
import { reconcilePlans, type ReconcileResult } from "./reconcilePlan";
import { planSupply, type SupplyPlan } from "./supplyPlan";
import type { PlanningData, Strategy } from "./types";

export * from "./types";
export * from "./demandPlan";
export * from "./familySplit";
export * from "./teamInputs";
export * from "./supplyPlan";
export * from "./reconcilePlan";
export * from "./inventoryTargets";

export interface CycleResult {
  demand: DemandPlan;
  supply: SupplyPlan;
  reconcile: ReconcileResult;
}

/**
 * Runs the whole cycle. `strategy` overrides the data's (Settings) strategy.
 * Errors: `PlanningError` from the engines (a series that cannot be forecast, an infeasible
 * chosen strategy).
 *
 * @example
 * const { demand, supply, reconcile } = await runCycle(data, { solver: createHighsSolver(), strategy: "optimal" });
 * reconcile.outcomes.map((o) => o.strategy) // => ["chase", "level", "optimal"]
 */
export async function runCycle(
  data: PlanningData,
  options: { solver?: LpSolver; strategy?: Strategy } = {},
): Promise<CycleResult> {
  const demand = planDemand(data);
  const supply = planSupply(data, demand);
  const reconcile = await reconcilePlans(data, demand, options.strategy ?? data.strategy, options.solver);
  return { demand, supply, reconcile };
}
