/**
 * Item forecasts on worker threads (`node:worker_threads`): the items are cut into chunks, the
 * chunks handed to one worker per core as each finishes its previous one, and the results put
 * back in item order. Each worker runs the engine's pure `forecastItem`, so the plan is the same
 * as on one thread (test/cli/forecastPool.slow.test.ts checks this). Small workbooks stay on the main
 * thread: starting a worker costs more than forecasting a few hundred items.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { forecastInputs, type ItemForecast } from "../engine/cycle/demandPlan";
import type { PlanningData } from "../engine/cycle/types";
import { PlanningError } from "../engine/errors";
import type { ForecastJob, ForecastOutcome, ForecastReply } from "./forecastWorker";
import { runJob } from "./forecastWorker";

export interface PoolOptions {
  /** worker threads (default: the available cores, at most 8) */
  threads?: number;
  /** below this many items, forecast on the main thread (default 400) */
  minItems?: number;
  /** items per job (default: about 8 jobs per thread, 25 to 250 items each) */
  chunk?: number;
}

/** The items' forecasts in item order, a `PlanningError` for an item that cannot be forecast. */
export async function forecastItems(
  data: PlanningData,
  options: PoolOptions = {},
): Promise<(ItemForecast | PlanningError)[]> {
  const n = data.items.length;
  const threads = Math.max(1, Math.min(options.threads ?? availableCores(), 8));
  const horizon = data.planPeriods.length;
  // cleansed histories and per-item methods, as planDemand forecasts them
  const { histories, methods } = forecastInputs(data);
  if (threads <= 1 || n < (options.minItems ?? 400)) {
    const reply = runJob({ id: 0, histories, methods, horizon, settings: data.forecast });
    return fromReply(reply);
  }
  const chunk = options.chunk ?? Math.max(25, Math.min(250, Math.ceil(n / (threads * 8))));
  const jobs: ForecastJob[] = [];
  for (let start = 0, id = 0; start < n; start += chunk, id++)
    jobs.push({
      id,
      histories: histories.slice(start, start + chunk),
      methods: methods.slice(start, start + chunk),
      horizon,
      settings: data.forecast,
    });
  const results: (ItemForecast | PlanningError)[][] = new Array(jobs.length);
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => startWorker());
  try {
    let next = 0;
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return resolve();
              worker.postMessage(jobs[next++]);
            };
            worker.on("message", (reply: ForecastReply) => {
              try {
                results[reply.id] = fromReply(reply);
              } catch (e) {
                return reject(e);
              }
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (next < jobs.length || code !== 0) reject(new Error(`a forecast worker stopped (exit code ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}

function fromReply(reply: ForecastReply): (ItemForecast | PlanningError)[] {
  if (reply.failure) {
    const error = new Error(reply.failure.message);
    if (reply.failure.stack) error.stack = reply.failure.stack;
    throw error;
  }
  return reply.results!.map((r: ForecastOutcome) =>
    "error" in r ? new PlanningError(r.error.kind, r.error.message, r.error.argument) : r,
  );
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
