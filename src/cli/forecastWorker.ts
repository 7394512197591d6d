/**
 * A forecast worker thread (see forecastPool.ts): runs the engine's pure `forecastItem` on the
 * histories it is sent and posts the results back. A `PlanningError` travels as data (kind,
 * message, argument) and is rebuilt on the main thread; any other error ends the job.
 */
import { parentPort } from "node:worker_threads";
import { forecastItem, type ItemForecast } from "../engine/cycle/demandPlan";
import type { PlanningData } from "../engine/cycle/types";
import { PlanningError } from "../engine/errors";

export interface ForecastJob {
  id: number;
  histories: (number | null)[][];
  horizon: number;
  settings: PlanningData["forecast"];
  /** per history: the item's own forecast method (Items ForecastMethod), else `settings.method` */
  methods?: (string | undefined)[];
}

export type ForecastOutcome =
  | ItemForecast
  | { error: { kind: PlanningError["kind"]; message: string; argument?: string } };

export interface ForecastReply {
  id: number;
  results?: ForecastOutcome[];
  /** an unexpected error (a bug): message and stack */
  failure?: { message: string; stack?: string };
}

/** Forecasts one job's items; exported for the single-thread path and tests. */
export function runJob(job: ForecastJob): ForecastReply {
  try {
    const results = job.histories.map((history, k): ForecastOutcome => {
      try {
        return forecastItem(history, job.horizon, { ...job.settings, method: job.methods?.[k] ?? job.settings.method });
      } catch (e) {
        if (!(e instanceof PlanningError)) throw e;
        return { error: { kind: e.kind, message: e.message, argument: e.argument } };
      }
    });
    return { id: job.id, results };
  } catch (e) {
    return { id: job.id, failure: { message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack } };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (job: ForecastJob) => port.postMessage(runJob(job)));
}
