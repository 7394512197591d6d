/** Entry point: start the pane in #root (see startPane for the start-up rules). */
import type { WorkerLike } from "./compute/workerCompute";
import type { DemoWorkerLike } from "./cycle/remoteCycle";
import { startPane } from "./startPane";

// `?worker=off` computes in the pane's thread: bench:pane's baseline only.
const workers = typeof Worker !== "undefined" && new URLSearchParams(window.location.search).get("worker") !== "off";

void startPane(document.getElementById("root") as HTMLElement, {
  search: window.location.search,
  createWorker: workers ? planningWorker : undefined,
  createDemoWorker: workers ? demoWorker : undefined,
});

function planningWorker(): WorkerLike {
  // webpack bundles the worker only from this exact form: new Worker(new URL(path, import.meta.url)).
  return new Worker(
    // @ts-expect-error import.meta needs ES modules: tsc checks with module commonjs, webpack builds with esnext.
    new URL("./compute/planning.worker.ts", import.meta.url),
  ) as unknown as WorkerLike;
}

function demoWorker(): DemoWorkerLike {
  return new Worker(
    // @ts-expect-error import.meta needs ES modules: tsc checks with module commonjs, webpack builds with esnext.
    new URL("./compute/demo.worker.ts", import.meta.url),
  ) as unknown as DemoWorkerLike;
}
