/**
 * Builds the pane's cycle for the host it runs in: inside Excel, the planning session over the
 * Office.js workbook adapter; in a plain browser, over the in-memory demo workbook, whose sheets
 * the pane shows beside it. `?workbook=empty` starts the demo on an empty workbook, to try the
 * template; `?workbook=broken` on the demo data with two mistakes typed in, to try validation;
 * `?items=5000` on a generated workbook of that many items × 60 months (browser tests, bench:pane).
 *
 * With `createWorker`, forecasting and reconciling run in a Web Worker (the pane stays responsive,
 * shows progress and can cancel); without it (tests, a host without workers) in this thread.
 */
import { createHighsSolver } from "../../solver/highs";
import type { LpSolver } from "../../engine/reconcile";
import { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../workbook/sample/demoWorkbook";
import { generatedWorkbook } from "../../workbook/sample/generatedWorkbook";
import { localCompute, type ComputeService } from "../../workbook/compute";
import { WorkerCompute, type WorkerLike } from "../compute/workerCompute";
import { OfficeWorkbook } from "../../workbook/office/officeWorkbook";
import { PlanningSession } from "../../workbook/session";
import type { SheetSnapshot } from "../demo/SheetGrid";
import { copyTemplateTables } from "../demo/templateCopy";
import type { PaneHost } from "../host/officeHost";
import { insertTemplateIntoExcel } from "../host/insertTemplate";
import type { PaneCycle } from "./paneCycle";
import { SessionCycle } from "./sessionCycle";

export interface PaneWiring {
  cycle: PaneCycle;
  demoSheets?: () => SheetSnapshot[];
}

let solver: LpSolver | undefined;
// HiGHS's WebAssembly loads on the first optimal solve, not with the pane.
const lpSolver = async () => (solver ??= createHighsSolver());

/** The largest generated demo workbook `?items=` opens (a typo must not freeze the browser). */
export const MAX_GENERATED_ITEMS = 20000;

export function createCycle(
  host: PaneHost,
  search = "",
  options: { createWorker?: () => WorkerLike } = {},
): PaneWiring {
  const now = () => new Date();
  const worker = options.createWorker ? new WorkerCompute(options.createWorker) : undefined;
  const compute: ComputeService = worker ?? localCompute(lpSolver);
  if (host.kind === "excel") {
    const port = new OfficeWorkbook();
    const session = new PlanningSession(port, { now, solver: lpSolver, compute });
    return {
      cycle: new SessionCycle(port, session, {
        insertTemplate: insertTemplateIntoExcel,
        solver: lpSolver,
        compute,
        work: worker,
      }),
    };
  }
  const query = new URLSearchParams(search);
  const choice = query.get("workbook");
  const generated = Number(query.get("items"));
  const workbook =
    choice === "empty"
      ? new MemoryWorkbook()
      : Number.isInteger(generated) && generated > 0
        ? generatedWorkbook({ items: Math.min(generated, MAX_GENERATED_ITEMS) })
        : demoWorkbook();
  if (choice === "broken") typeMistakes(workbook);
  const session = new PlanningSession(workbook, { now, solver: lpSolver, compute });
  return {
    cycle: new SessionCycle(workbook, session, {
      insertTemplate: async () => copyTemplateTables(demoWorkbook(), workbook),
      solver: lpSolver,
      compute,
      work: worker,
    }),
    demoSheets: () => workbook.sheets.map((s) => ({ name: s.name, rows: s.cells, numberFormats: s.numberFormats })),
  };
}

/** Two mistakes a planner makes: a negative quantity and a word where a number belongs (Sales rows 5 and 9). */
function typeMistakes(workbook: MemoryWorkbook): void {
  const found = workbook.findTable("Sales");
  if (!found) return;
  const { sheet, table } = found;
  const quantity = (workbook.tableValues("Sales")?.[0] ?? []).indexOf("Quantity");
  sheet.cells[table.row + 5][table.column + quantity] = -12;
  sheet.cells[table.row + 9][table.column + quantity] = "twelve";
}
