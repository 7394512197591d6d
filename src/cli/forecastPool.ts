/**
 * Item forecasts on worker threads (`node:worker_threads`): the items are cut into chunks, the
 * chunks handed to one worker per core, and the results put back in item order. Each worker
 * finds the item's outliers and runs the engine's pure `forecastItem` (forecastWorker.ts), so
 * the plan is the same as on one thread (test/cli/forecastPool.slow.test.ts checks this), and the
 * main thread does no per-item work while the workers run. The families' own forecasts (the
 * width of each family's band, engine `familyForecast`) are made there too, first.
 *
 * Keeping both cores busy: the workers can be started before the workbook is read (`warm`), so
 * their start-up overlaps reading; each worker always has a second chunk queued, so it never
 * waits for the main thread between chunks; and chunks are small (about 24 per worker), so the
 * last one finishes soon after the others. Small workbooks stay on the main thread: starting a
 * worker costs more than forecasting a few hundred items.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import {
  familyHistory,
  knownOutliers,
  outlierFlags,
  type ForecastInputs,
  type ItemForecast,
} from "../engine/cycle/demandPlan";
import type { PlanningData } from "../engine/cycle/types";
import { PlanningError } from "../engine/errors";
import type { ForecastJob, ForecastReply, ItemResult } from "./forecastWorker";
import { runJob } from "./forecastWorker";

export interface PoolOptions {
  /** worker threads (default: the available cores, at most 8) */
  threads?: number;
  /** below this many items, forecast on the main thread (default 400) */
  minItems?: number;
  /** items per job (default: about 24 jobs per thread, 10 to 100 items each) */
  chunk?: number;
}

/** The items' forecasts in item order (a `PlanningError` for an item that cannot be forecast), and what they were made from. */
export interface PooledForecasts {
  forecasts: (ItemForecast | PlanningError)[];
  inputs: ForecastInputs;
  /** the families' own forecasts (engine `familyForecast`, in `data.families` order), when made on the workers */
  families?: (ItemForecast | PlanningError)[];
}

/** Chunks queued per worker: one running, one waiting, so a worker never idles between chunks. */
const QUEUED_PER_WORKER = 2;

export class ForecastPool {
  private workers: Worker[] = [];
  readonly threads: number;

  constructor(private readonly options: PoolOptions = {}) {
    this.threads = Math.max(1, Math.min(options.threads ?? availableCores(), 8));
  }

  /** Starts the worker threads now (their start-up then overlaps whatever the main thread does next). */
  warm(): void {
    if (this.threads <= 1) return;
    while (this.workers.length < this.threads) this.workers.push(startWorker());
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  async forecast(data: PlanningData): Promise<PooledForecasts> {
    const n = data.items.length;
    const horizon = data.planPeriods.length;
    const methods = data.items.map((item) => item.forecastMethod ?? data.forecast.method);
    const outliers = knownOutliers(data);
    if (this.threads <= 1 || n < (this.options.minItems ?? 400)) {
      const reply = runJob({ id: 0, histories: data.history, methods, horizon, settings: data.forecast, outliers });
      return assemble(data, methods, [reply]);
    }
    const chunk = this.options.chunk ?? Math.max(10, Math.min(100, Math.ceil(n / (this.threads * 24))));
    // The families' own forecasts (their bands) first, so they are not the last to finish; the
    // main thread would otherwise make them one after another once the items are done.
    const jobs: ForecastJob[] = [];
    const families = data.families.map((family) => familyHistory(data, family));
    for (let start = 0; start < families.length; start += chunk)
      jobs.push({
        id: jobs.length,
        histories: families.slice(start, start + chunk),
        horizon,
        settings: data.forecast,
        families: true,
      });
    const familyJobs = jobs.length;
    for (let start = 0, id = familyJobs; start < n; start += chunk, id++)
      jobs.push({
        id,
        histories: data.history.slice(start, start + chunk),
        methods: methods.slice(start, start + chunk),
        outliers: outliers?.slice(start, start + chunk),
        horizon,
        settings: data.forecast,
      });
    this.warm();
    const replies: ForecastReply[] = new Array(jobs.length);
    const workers = this.workers.slice(0, Math.min(this.threads, jobs.length));
    let next = 0;
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      const cleanup = () =>
        workers.forEach((worker) => {
          worker.removeAllListeners("message");
          worker.removeAllListeners("error");
          worker.removeAllListeners("exit");
        });
      const fail = (e: unknown) => {
        cleanup();
        reject(e);
      };
      for (const worker of workers) {
        const send = () => {
          if (next < jobs.length) worker.postMessage(jobs[next++]);
        };
        worker.on("message", (reply: ForecastReply) => {
          if (reply.failure) return fail(failureError(reply.failure));
          replies[reply.id] = reply;
          if (++done === jobs.length) {
            cleanup();
            return resolve();
          }
          send();
        });
        worker.on("error", fail);
        worker.on("exit", (code) => fail(new Error(`a forecast worker stopped (exit code ${code})`)));
        for (let k = 0; k < QUEUED_PER_WORKER; k++) send();
      }
    });
    return {
      ...assemble(data, methods, replies.slice(familyJobs)),
      families: replies.slice(0, familyJobs).flatMap((reply) => reply.results!.map((result) => outcome(result))),
    };
  }
}

/**
 * The items' forecasts in item order, a `PlanningError` for an item that cannot be forecast;
 * on worker threads when there are enough items (one pool, closed before returning).
 */
export async function forecastItems(data: PlanningData, options: PoolOptions = {}): Promise<PooledForecasts> {
  const pool = new ForecastPool(options);
  try {
    return await pool.forecast(data);
  } finally {
    await pool.close();
  }
}

/** The replies (in job order) put together as `planDemand` takes them. */
function assemble(data: PlanningData, methods: (string | undefined)[], replies: ForecastReply[]): PooledForecasts {
  const clean = data.forecast.cleanOutliers === true;
  const forecasts: (ItemForecast | PlanningError)[] = [];
  const histories: (number | null)[][] = [];
  const outliers: ForecastInputs["outliers"] = [];
  for (const reply of replies) {
    if (reply.failure) throw failureError(reply.failure);
    reply.results!.forEach((result: ItemResult) => {
      const i = forecasts.length;
      forecasts.push(outcome(result));
      histories.push(result.cleansed ?? data.history[i]);
      for (const flag of outlierFlags(data.items[i].name, data.historyPeriods, result.outliers, clean))
        outliers.push(flag);
    });
  }
  return { forecasts, inputs: { histories, methods, outliers } };
}

/** A result's forecast, or the `PlanningError` it carried as data. */
function outcome(result: ItemResult): ItemForecast | PlanningError {
  const made = result.forecast;
  return "error" in made ? new PlanningError(made.error.kind, made.error.message, made.error.argument) : made;
}

function failureError(failure: { message: string; stack?: string }): Error {
  const error = new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return error;
}

function availableCores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/**
 * A worker running forecastWorker: the compiled .js beside this file (the built CLI), or, when
 * this file runs as TypeScript (tests, ts-node scripts), the .ts source through ts-node.
 */
function startWorker(): Worker {
  const compiled = path.join(__dirname, "forecastWorker.js");
  if (fs.existsSync(compiled)) return new Worker(compiled);
  const source = path.join(__dirname, "forecastWorker.ts");
  return new Worker(
    `require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } }); require(${JSON.stringify(source)});`,
    { eval: true },
  );
}
