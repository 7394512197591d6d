/**
 * The SOP custom functions. The JSDoc here generates functions.json (custom-functions-metadata);
 * each function is a thin adapter: coerce arguments, call the engine, return values or a
 * CustomFunctions.Error. No planning logic lives here.
 *
 * Range parameters are `any[][]` and scalars `any`: the adapters check every value themselves so
 * that a wrong value gets a message naming the argument instead of Excel's bare #VALUE!.
 */
import { guard } from "./errors";
import { rccpLoadFromExcel } from "./rccpLoadFunction";
import { forecastSopFromExcel } from "./forecastSopFunction";
import { reconcileFromExcel } from "./reconcileFunction";

/**
 * Rough-cut capacity load: the hours each resource needs in each period to make the plan (bill of capacity, or resource profile with offsets).
 * @customfunction RCCP_LOAD
 * @param plan Planned units: items down, periods across. A single row is one item; a single column is one item with periods down (or items in one period when bill has a row per cell).
 * @param bill Bill of resources: hours per unit, items down, resources across. Blank = 0.
 * @param [capacity] Available hours: resources down, periods across, or one column used for every period. Needed for utilization, overload and remaining.
 * @param [offsets] Lead-time offsets in whole periods, items × resources: the hours for a plan in period t fall in period t − offset. Hours that would fall before the first period are past due: they count in the first period (work to do now).
 * @param [output] "load" (default, hours), "utilization" (load ÷ capacity), "overload" (hours over capacity) or "remaining" (capacity − load).
 * @param [pastDue] TRUE adds a leading column (a leading row for a column plan) with each resource's past-due hours, already counted in the first period. Default FALSE.
 * @returns Resources down × periods across (periods down × resources across for a column plan), with the past-due column first when pastDue is TRUE.
 */
export function rccpLoad(
  plan: any[][],
  bill: any[][],
  capacity?: any[][],
  offsets?: any[][],
  output?: any,
  pastDue?: any,
): number[][] {
  return guard(() => rccpLoadFromExcel(plan, bill, capacity, offsets, output, pastDue));
}

/**
 * Statistical demand forecast: ETS (AICc), Theta, DOTM, CES, ARIMA, Croston/SBA/TSB, baselines, or "auto" (for seasonal data the median of the ETS pool, DOTM, CES and the airline model; otherwise the median of ETS, Theta and damped trend; TSB for intermittent demand).
 * @customfunction FORECAST_SOP
 * @param history Past demand, oldest first. A row or a column is one series; a matrix is one series per row (items down, periods across). Blank cells are gaps.
 * @param horizon Number of periods to forecast (1 to 520).
 * @param [seasonality] As FORECAST.ETS: 1 or omitted = detect (monthly data → 12), 0 = no seasonality, n = season length.
 * @param [method] "auto" (default), "ets-pool", "combination", "ets", "ses", "holt", "damped", "hw-additive", "hw-multiplicative", "theta", "dotm", "ces", "arima", "airline", "croston", "sba", "tsb", "naive", "snaive", "mean", "moving-average", "linear", or an ETS model such as "ETS(M,Ad,M)".
 * @param [level] Probability of the prediction interval, between 0 and 1 (e.g. 0.95). With it, each row returns horizon forecasts, then horizon lower bounds, then horizon upper bounds; a column history returns horizon rows × 3 columns (forecast, lower, upper).
 * @returns Forecasts in the history's orientation: one row per item with horizon columns (a column history gives a column).
 */
export function forecastSop(history: any[][], horizon: any, seasonality?: any, method?: any, level?: any): any[][] {
  return guard(() => forecastSopFromExcel(history, horizon, seasonality, method, level));
}

/**
 * Production, inventory and backlog plan that balances demand with capacity: chase, level, or the minimum-cost optimal plan (a linear program solved exactly by HiGHS).
 * @customfunction RECONCILE
 * @param demand Units demanded: one row (one family, periods across), one column (periods down) or families down × periods across. Blank = 0.
 * @param [capacity] Regular-time units per period: same shape as demand, one cell for all, one per period or one per family. Omit when costs give workforce and unitsPerWorker.
 * @param [opening] Opening inventory (a negative number is an opening backlog): one cell, or one per family. Default 0.
 * @param [strategy] "optimal" (default, minimum total cost), "chase" (production follows demand) or "level" (one constant rate).
 * @param [costs] Two columns of name / value: regularCost, overtimeCost, overtimeCapacity, subcontractCost, subcontractCapacity, holdingCost, backlogCost, materialCost, workforce, unitsPerWorker, workerCost, hireCost, layoffCost, overtimePerWorker, endingInventory, endingBacklog, integerWorkforce, holdingOn ("ending" or "average"); with target also shortfallCost and InventoryTarget ("soft" or "hard").
 * @param [output] "all" (default: rows production, inventory, backlog per family), "production", "regular", "overtime", "subcontract", "inventory", "backlog", "workforce", "cost" (total, one cell) or "costs" (category / amount rows and a total).
 * @param [target] Minimum inventory per period (inventory − backlog), like capacity: same shape as demand, one cell, one per period or one per family. Soft at costs' shortfallCost (default backlogCost) unless costs has InventoryTarget "hard"; the last period is hard.
 * @returns The plan, periods across (periods down for a column of demand).
 */
export function reconcile(
  demand: any[][],
  capacity?: any[][],
  opening?: any[][],
  strategy?: any,
  costs?: any[][],
  output?: any,
  target?: any[][],
): Promise<any[][]> {
  return guard(() => reconcileFromExcel(demand, capacity, opening, strategy, costs, output, target));
}
