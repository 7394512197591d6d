/**
 * The demo worker: in a plain browser, the demo workbook and the whole planning cycle live here,
 * off the UI thread, as Excel's workbook lives outside the pane; the pane (RemoteCycle) sends
 * the steps and renders the views and the sheets it gets back. Forecasting and HiGHS run in a
 * nested planning worker, exactly as inside Excel, so Cancel stops them without losing the demo
 * workbook.
 */
import { createCycle } from "../cycle/createCycle";
import type { PaneCycle } from "../cycle/paneCycle";
import type { SheetSnapshot } from "../demo/SheetGrid";
import { DEMO_GRID_ROWS } from "../demo/gridRows";
import type { WorkerLike } from "./workerCompute";
import type { DemoReply, DemoRequest, SheetUpdate } from "./demoProtocol";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DemoRequest>) => void) | null;
  postMessage(message: DemoReply): void;
};

let cycle: PaneCycle | undefined;
let sheets: (() => SheetSnapshot[]) | undefined;
/** the rows array last sent per sheet: a sheet whose array is the same has not been written */
const sent = new Map<string, unknown>();

function planningWorker(): WorkerLike {
  return new Worker(
    // @ts-expect-error import.meta needs ES modules: tsc checks with module commonjs, webpack builds with esnext.
    new URL("./planning.worker.ts", import.meta.url),
  ) as unknown as WorkerLike;
}

function sheetUpdates(): SheetUpdate[] {
  const updates = (sheets?.() ?? []).map((sheet): SheetUpdate => {
    if (sent.get(sheet.name) === sheet.rows) return { name: sheet.name, changed: false };
    sent.set(sheet.name, sheet.rows);
    // The grid shows the header and the first rows; the count says how many there are.
    return {
      name: sheet.name,
      changed: true,
      snapshot: { ...sheet, rows: sheet.rows.slice(0, DEMO_GRID_ROWS + 1), totalRows: sheet.rows.length - 1 },
    };
  });
  return updates;
}

scope.onmessage = (event) => {
  void answer(event.data);
};

async function answer(request: DemoRequest): Promise<void> {
  const { id } = request;
  try {
    if (request.kind === "cancel") {
      cycle?.work?.cancel();
      return;
    }
    if (request.kind === "open") {
      const wiring = createCycle({ kind: "browser", theme: "light" }, request.search, {
        createWorker: typeof Worker === "undefined" ? undefined : planningWorker,
      });
      cycle = wiring.cycle;
      sheets = wiring.demoSheets;
      sent.clear();
      scope.postMessage({ id, kind: "result", value: null, sheets: sheetUpdates() });
      return;
    }
    if (!cycle) throw new Error("The demo workbook is not open.");
    const method = cycle[request.method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (!method) throw new Error(`${request.method} is not available here.`);
    const unsubscribe = cycle.work?.onProgress((done, total) =>
      scope.postMessage({ id, kind: "progress", done, total }),
    );
    try {
      const value = await method.apply(cycle, request.args);
      scope.postMessage({ id, kind: "result", value, sheets: sheetUpdates() });
    } finally {
      unsubscribe?.();
    }
  } catch (e) {
    scope.postMessage({
      id,
      kind: "error",
      error: { name: e instanceof Error ? e.name : "Error", message: e instanceof Error ? e.message : String(e) },
      sheets: sheetUpdates(),
    });
  }
}
