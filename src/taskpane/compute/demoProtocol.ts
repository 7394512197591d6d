/** Messages between the pane and the demo worker, which holds the demo workbook and its cycle. */
import type { SheetSnapshot } from "../demo/SheetGrid";

/** PaneCycle methods the demo worker runs (their arguments and results are plain data). */
export const DEMO_METHODS = [
  "gather",
  "insertTemplate",
  "demandPlan",
  "demandSeries",
  "supplyPlan",
  "compareStrategies",
  "choosePlan",
  "executiveSummary",
  "promoteScenario",
  "saveScenario",
  "revertPromotion",
  "approve",
  "rerunCycle",
  "measure",
  "selectCell",
] as const;
export type DemoMethod = (typeof DEMO_METHODS)[number];

export type DemoRequest =
  | { id: number; kind: "open"; search: string }
  | { id: number; kind: "call"; method: DemoMethod; args: unknown[] }
  | { id: number; kind: "cancel" };

/** A sheet as sent to the pane: only the rows the grid shows, unless it did not change. */
export interface SheetUpdate {
  name: string;
  /** false: the pane keeps the rows it has for this sheet */
  changed: boolean;
  snapshot?: SheetSnapshot;
}

export type DemoReply =
  | { id: number; kind: "progress"; done: number; total: number }
  | { id: number; kind: "result"; value: unknown; sheets: SheetUpdate[] }
  | { id: number; kind: "error"; error: { name: string; message: string }; sheets: SheetUpdate[] };
