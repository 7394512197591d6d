/**
 * Builds the pane's cycle for the host it runs in: inside Excel, the planning session over the
 * Office.js workbook adapter; in a plain browser, over the in-memory demo workbook, whose sheets
 * the pane shows beside it. `?workbook=empty` starts the demo on an empty workbook, to try the
 * template; `?workbook=broken` on the demo data with two mistakes typed in, to try validation.
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
  const choice = new URLSearchParams(search).get("workbook");
  const workbook = choice === "empty" ? new MemoryWorkbook() : demoWorkbook();
  if (choice === "broken") typeMistakes(workbook);
  const session = new PlanningSession(workbook, { now, solver: lpSolver });
  return {
    cycle: new SessionCycle(workbook, session, {
      insertTemplate: async () => copyTemplateTables(demoWorkbook(), workbook),
      solver: lpSolver,
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
