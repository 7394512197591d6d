/**
 * A forecast worker thread (see forecastPool.ts): for each history it is sent, finds the
 * outliers and the history to forecast (`itemForecastInput`; a family's summed history is
 * forecast as it is, as the engine's `familyForecast` does), then runs the engine's pure
 * `forecastItem`, and posts the results back. A `PlanningError` travels as data (kind, message,
 * argument) and is rebuilt on the main thread; any other error ends the job.
 */
import { parentPort } from "node:worker_threads";
import { forecastItem, itemForecastInput, type ItemForecast } from "../engine/cycle/demandPlan";
import type { PlanningData } from "../engine/cycle/types";
import { PlanningError } from "../engine/errors";
import type { HistoryOutlier } from "../engine/forecast/outliers";

export interface ForecastJob {
  id: number;
  /** the items' histories as the workbook has them (outliers not yet cleansed) */
  histories: (number | null)[][];
  horizon: number;
  settings: PlanningData["forecast"];
  /** per history: the item's own forecast method (Items ForecastMethod), else `settings.method` */
  methods?: (string | undefined)[];
  /** per history: its outliers as validation found them (engine `knownOutliers`); absent: found here */
  outliers?: HistoryOutlier[][];
  /** families' summed histories (engine `familyForecast`): forecast as they are, no outliers looked for */
  families?: boolean;
}

export type ForecastOutcome =
  | ItemForecast
  | { error: { kind: PlanningError["kind"]; message: string; argument?: string } };

export interface ItemResult {
  forecast: ForecastOutcome;
  outliers: HistoryOutlier[];
  /** the cleansed history, when cleansing changed it */
  cleansed?: (number | null)[];
}

export interface ForecastReply {
  id: number;
  results?: ItemResult[];
  /** an unexpected error (a bug): message and stack */
  failure?: { message: string; stack?: string };
}

/** Forecasts one job's items; exported for the single-thread path and tests. */
export function runJob(job: ForecastJob): ForecastReply {
  try {
    const clean = job.settings.cleanOutliers === true;
    const results = job.histories.map((raw, k): ItemResult => {
      const { history, outliers } = job.families
        ? { history: raw, outliers: [] }
        : itemForecastInput(raw, job.settings.seasonality, clean, job.outliers?.[k]);
      let forecast: ForecastOutcome;
      try {
        forecast = forecastItem(history, job.horizon, {
          ...job.settings,
          method: job.methods?.[k] ?? job.settings.method,
        });
      } catch (e) {
        if (!(e instanceof PlanningError)) throw e;
        forecast = { error: { kind: e.kind, message: e.message, argument: e.argument } };
      }
      return history === raw ? { forecast, outliers } : { forecast, outliers, cleansed: history };
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
