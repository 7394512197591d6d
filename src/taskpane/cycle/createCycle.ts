/**
 * Builds the pane's cycle for the host it runs in: inside Excel, the planning session over the
 * Office.js workbook adapter; in a plain browser, over the in-memory demo workbook, whose sheets
 * the pane shows beside it. `?workbook=empty` starts the demo on an empty workbook, to try the
 * template.
 */
import { createHighsSolver } from "../../solver/highs";
import type { LpSolver } from "../../engine/reconcile";
import { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../workbook/sample/demoWorkbook";
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

export function createCycle(host: PaneHost, search = ""): PaneWiring {
  const now = () => new Date();
  if (host.kind === "excel") {
    const port = new OfficeWorkbook();
    const session = new PlanningSession(port, { now, solver: lpSolver });
    return { cycle: new SessionCycle(port, session, { insertTemplate: insertTemplateIntoExcel, solver: lpSolver }) };
  }
  const empty = new URLSearchParams(search).get("workbook") === "empty";
  const workbook = empty ? new MemoryWorkbook() : demoWorkbook();
  const session = new PlanningSession(workbook, { now, solver: lpSolver });
  return {
    cycle: new SessionCycle(workbook, session, { insertTemplate: async () => copyTemplateTables(demoWorkbook(), workbook), solver: lpSolver }),
    demoSheets: () => workbook.sheets.map((s) => ({ name: s.name, rows: s.cells, numberFormats: s.numberFormats })),
  };
}
