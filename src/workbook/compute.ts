/**
 * The heavy computing of a planning step, as a service the session is given: forecasting every
 * item (`planDemand`) and reconciling (chase, level and the HiGHS optimal plan). The local one
 * runs the engine in the caller's thread (CLI, tests, custom-function-free hosts); the task pane
 * hands in one that runs the same engine calls in a Web Worker (src/taskpane/compute), so the
 * pane stays responsive and can show progress and cancel. Either way the results are the engine's.
 */
import type { DemandPlan, PlanningData, Strategy, ReconcileResult } from "../engine/cycle";
import { forecastItem, planDemand, reconcilePlans, type ItemForecast } from "../engine/cycle";
import { PlanningError } from "../engine/errors";
import type { LpSolver } from "../engine/reconcile";

/** Progress of a long computation: units done of total (items for the forecasts). */
export type ProgressListener = (done: number, total: number) => void;

export interface ComputeService {
  /** forecasts every item and family (the engine's planDemand) */
  planDemand(data: PlanningData, onProgress?: ProgressListener): Promise<DemandPlan>;
  /** every strategy side by side, `strategy` chosen (the engine's reconcilePlans, with the LP solver) */
  reconcilePlans(data: PlanningData, demand: DemandPlan, strategy: Strategy): Promise<ReconcileResult>;
}

/** The engine in this thread; `solver` loads the LP solver on first use (none: no optimal plan). */
export function localCompute(solver?: () => Promise<LpSolver | undefined>): ComputeService {
  let loading: Promise<LpSolver | undefined> | null = null;
  const loadSolver = () => {
    if (!solver) return Promise.resolve(undefined);
    loading ??= solver().catch((e) => {
      loading = null;
      throw e;
    });
    return loading;
  };
  return {
    async planDemand(data, onProgress) {
      return planDemand(data, forecastEach(data, onProgress));
    },
    async reconcilePlans(data, demand, strategy) {
      return reconcilePlans(data, demand, strategy, await loadSolver());
    },
  };
}

/**
 * Every item's forecast with the engine's `forecastItem`, telling `onProgress` before each item
 * (items done, of total); a `PlanningError` stands in for an item that cannot be forecast, as
 * `planDemand` expects.
 */
export function forecastEach(data: PlanningData, onProgress?: ProgressListener): (ItemForecast | PlanningError)[] {
  const horizon = data.planPeriods.length;
  return data.history.map((history, i) => {
    onProgress?.(i, data.items.length);
    try {
      return forecastItem(history, horizon, data.forecast);
    } catch (e) {
      if (e instanceof PlanningError) return e;
      throw e;
    }
  });
}
