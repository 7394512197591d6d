/**
 * Builds the pane's cycle for the host it runs in: inside Excel, the planning session over the
 * Office.js workbook adapter; in a plain browser, over the in-memory demo workbook, whose sheets
 * the pane shows beside it.
 */
import type { SheetSnapshot } from "../demo/SheetGrid";
import type { PaneHost } from "../host/officeHost";
import type { PaneCycle } from "./paneCycle";

export interface PaneWiring {
  cycle: PaneCycle;
  demoSheets?: () => SheetSnapshot[];
}

export async function createCycle(_host: PaneHost): Promise<PaneWiring> {
  throw new Error("The planning session has not been wired into the pane yet.");
}
