/**
 * Random workbooks and random step sequences for the workbook-safety properties: the demo
 * workbook (random seed, history length and horizon) plus a planner's own content the add-in
 * must never touch — a notes sheet with text, numbers and formula-looking text, cells beside
 * the input tables, and sheets whose names differ from an owned name only by case.
 */
import fc from "fast-check";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import type { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { OWNED_SHEETS, type CellValue } from "../../../src/workbook/port";
import type { PlanningSession, StepResult } from "../../../src/workbook/session";

export const plannerCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom<CellValue>("=SUM(A1:A3)", "+cmd|' /C calc'!A0", "<b>note</b>", "שלום", true, false, null),
);

export interface PlannerContent {
  notes: CellValue[][];
  /** a value the planner typed beside the Sales table (column H), per row */
  besideSales: CellValue[];
}

export const plannerContent: fc.Arbitrary<PlannerContent> = fc.record({
  notes: fc.array(fc.array(plannerCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
  besideSales: fc.array(plannerCell, { minLength: 1, maxLength: 5 }),
});

export const workbookShape = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  historyMonths: fc.integer({ min: 24, max: 36 }),
  horizon: fc.integer({ min: 3, max: 8 }),
});

/** A demo workbook with the planner's own content added. */
export function randomWorkbook(
  shape: { seed: number; historyMonths: number; horizon: number },
  content: PlannerContent,
): MemoryWorkbook {
  const wb = demoWorkbook(shape);
  wb.addSheet("Planner notes", content.notes);
  const sales = wb.sheet("Sales")!;
  content.besideSales.forEach((value, r) => {
    while (sales.cells.length <= r) sales.cells.push([]);
    sales.cells[r][7] = value;
  });
  return wb;
}

export type StepName =
  | "demandPlan"
  | "supplyPlan"
  | "reconcile-chase"
  | "reconcile-level"
  | "run-level"
  | "run-optimal"
  | "compareStrategies"
  | "executive"
  | "measure";

export const stepName = fc.constantFrom<StepName>(
  "demandPlan",
  "supplyPlan",
  "reconcile-chase",
  "reconcile-level",
  "run-level",
  "run-optimal",
  "compareStrategies",
  "executive",
  "measure",
);

export function runStep(session: PlanningSession, step: StepName): Promise<StepResult> {
  switch (step) {
    case "demandPlan":
      return session.demandPlan();
    case "supplyPlan":
      return session.supplyPlan();
    case "reconcile-chase":
      return session.reconcile("chase");
    case "reconcile-level":
      return session.reconcile("level");
    case "run-level":
      return session.run("level");
    case "run-optimal":
      return session.run("optimal");
    case "compareStrategies":
      return session.compareStrategies("chase");
    case "executive":
      return session.executive("level");
    case "measure":
      return session.measure();
  }
}

const OWNED = new Set(OWNED_SHEETS.map((name) => name.toLowerCase()));

/** True for a sheet the add-in may write (its name is an owned name, any case). */
export function isOwnedName(name: string): boolean {
  return OWNED.has(name.toLowerCase());
}

/** A planner's edit of the DemandPlan sheet: an override and a reason on one item and period. */
export interface PlannerEdit {
  item: string;
  period: string;
  override: number | null;
  reason: string | null;
}

export const editChoice = fc.record({
  row: fc.nat(),
  override: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(null)),
  reason: fc.oneof(
    fc.constantFrom("promo", '=HYPERLINK("http://x","y")', "<script>alert(1)</script>", "עסקה גדולה", "x".repeat(300)),
    fc.constant(null),
  ),
});

/**
 * Puts the planner's own sheet named `name` in the workbook. The demo workbook already holds some
 * owned sheets (its seeded Scenarios); the planner's sheet replaces any sheet of that name
 * (Excel sheet names are case-insensitive), so the add-in meets a same-named sheet it did not create.
 */
export function addPlannerSheet(wb: MemoryWorkbook, name: string, cells: CellValue[][]): void {
  const lower = name.toLowerCase();
  for (let i = wb.sheets.length - 1; i >= 0; i--) if (wb.sheets[i].name.toLowerCase() === lower) wb.sheets.splice(i, 1);
  wb.addSheet(name, cells);
}
