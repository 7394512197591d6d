/** Entry point: start the pane in #root (see startPane for the start-up rules). */
import type { WorkerLike } from "./compute/workerCompute";
import type { DemoWorkerLike } from "./cycle/remoteCycle";
import { startPane } from "./startPane";

void startPane(document.getElementById("root") as HTMLElement, {
  search: window.location.search,
  // webpack 5 bundles the worker from this URL expression (a chunk of its own, same origin).
  createWorker: typeof Worker === "undefined" ? undefined : planningWorker,
  createDemoWorker: typeof Worker === "undefined" ? undefined : demoWorker,
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
