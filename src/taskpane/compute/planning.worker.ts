/**
 * The pane's planning worker: the engine's planDemand and reconcilePlans (with HiGHS) off the
 * UI thread. Progress goes back about every 1% of the items; cancelling terminates the worker
 * (the pane starts a fresh one for the next request), so a long HiGHS solve stops at once too.
 */
import { planDemand, reconcilePlans, type DemandPlan, type PlanningData } from "../../engine/cycle";
import { PlanningError } from "../../engine/errors";
import { createHighsSolver } from "../../solver/highs";
import { forecastEach } from "../../workbook/compute";
import type { WorkerReply, WorkerRequest } from "./protocol";

// The worker's global scope, typed by hand: the project compiles against the DOM library.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

// Loaded on the first optimal solve; webpack finds highs.wasm beside the worker's chunks.
const solver = createHighsSolver();

/**
 * The last demand plan and what it was computed from. Every step re-reads the workbook and
 * forecasts again (supply, reconcile and compare all need the demand plan); the forecasts are a
 * pure function of these inputs, so unchanged inputs give the same plan without minutes of
 * recomputing at 5,000 items.
 */
let lastDemand: { key: string; plan: DemandPlan } | undefined;

function demandKey(data: PlanningData): string {
  // All of it: whatever planDemand reads today or tomorrow is in the key; but for the outliers
  // validation found, which are what the history gives again (and would put the history in twice).
  return JSON.stringify({ ...data, historyOutliers: undefined });
}

scope.onmessage = (event) => {
  void answer(event.data);
};

async function answer(request: WorkerRequest): Promise<void> {
  const { id } = request;
  try {
    if (request.kind === "planDemand") {
      const key = demandKey(request.data);
      if (lastDemand?.key === key) {
        scope.postMessage({ id, kind: "result", value: lastDemand.plan });
        return;
      }
      let reported = -1;
      const forecasts = forecastEach(request.data, (done, total) => {
        const step = Math.max(1, Math.floor(total / 100));
        if (done - reported >= step || done === 0) {
          reported = done;
          scope.postMessage({ id, kind: "progress", done, total });
        }
      });
      const value = planDemand(request.data, forecasts);
      scope.postMessage({ id, kind: "progress", done: request.data.items.length, total: request.data.items.length });
      lastDemand = { key, plan: value };
      scope.postMessage({ id, kind: "result", value });
    } else {
      const value = await reconcilePlans(request.data, request.demand, request.strategy, solver);
      scope.postMessage({ id, kind: "result", value });
    }
  } catch (e) {
    const error =
      e instanceof PlanningError
        ? { name: e.name, message: e.message, kind: e.kind, argument: e.argument }
        : { name: e instanceof Error ? e.name : "Error", message: e instanceof Error ? e.message : String(e) };
    scope.postMessage({ id, kind: "error", error });
  }
}
