/**
 * Workbook safety on the in-memory adapter, with random workbooks and random step sequences
 * (randomWorkbooks.ts):
 * - no cell outside the owned sheets changes in any step (input tables, the cells beside them,
 *   the planner's own sheets, their order);
 * - the planner's Override and Reason in DemandPlan survive any sequence of re-runs;
 * - a step whose write fails midway (an injected failure in the adapter) leaves the workbook
 *   exactly as it was;
 * - a planner's own sheet that has an owned name is never overwritten, and the step says so.
 */
import fc from "fast-check";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { OWNED_SHEETS, type CellValue } from "../../../src/workbook/port";
import { PlanningSession } from "../../../src/workbook/session";
import { createHighsSolver } from "../../../src/solver/highs";
import { testRuns } from "../../support/runs";
import {
  addPlannerSheet,
  editChoice,
  isOwnedName,
  PlannerEdit,
  plannerContent,
  plannerCell,
  randomWorkbook,
  runStep,
  stepName,
  workbookShape,
} from "./randomWorkbooks";

const now = () => new Date(Date.UTC(2026, 10, 27, 9, 0));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now, solver: async () => createHighsSolver() });

function outsideOwned(wb: MemoryWorkbook): string {
  return JSON.stringify(wb.sheets.filter((sheet) => !isOwnedName(sheet.name)));
}

const blank = (v: CellValue | undefined) => (v === undefined || v === "" ? null : v);

/** Applies an edit to the DemandPlan table (if written) and returns what the planner typed. */
function editDemandPlan(
  wb: MemoryWorkbook,
  choice: { row: number; override: number | null; reason: string | null },
): PlannerEdit | null {
  const values = wb.tableValues("SOP_DemandPlan");
  if (!values || values.length < 2) return null;
  const sheet = wb.findTable("SOP_DemandPlan")!.sheet;
  const headers = values[0].map(String);
  const [item, period, override, reason] = ["Item", "Period", "Override", "Reason"].map((h) => headers.indexOf(h));
  const row = 1 + (choice.row % (values.length - 1));
  sheet.cells[row][override] = choice.override;
  sheet.cells[row][reason] = choice.reason;
  return {
    item: String(values[row][item]),
    period: String(values[row][period]),
    override: choice.override,
    reason: choice.reason,
  };
}

function editsFound(wb: MemoryWorkbook, edits: Map<string, PlannerEdit>): string[] {
  const values = wb.tableValues("SOP_DemandPlan");
  if (!values) return edits.size ? ["DemandPlan is gone"] : [];
  const headers = values[0].map(String);
  const [item, period, override, reason] = ["Item", "Period", "Override", "Reason"].map((h) => headers.indexOf(h));
  const problems: string[] = [];
  for (const edit of edits.values()) {
    const row = values.find((r) => String(r[item]) === edit.item && String(r[period]) === edit.period);
    if (!row) problems.push(`${edit.item} ${edit.period}: row gone`);
    else if (blank(row[override]) !== edit.override || blank(row[reason]) !== edit.reason) {
      problems.push(
        `${edit.item} ${edit.period}: override/reason ${row[override]}/${row[reason]}, planner typed ${edit.override}/${edit.reason}`,
      );
    }
  }
  return problems;
}

jest.setTimeout(240_000);

describe("workbook safety, in-memory adapter, random workbooks", () => {
  it("changes no cell outside the owned sheets and keeps every Override and Reason through any sequence of steps", async () => {
    await fc.assert(
      fc.asyncProperty(
        workbookShape,
        plannerContent,
        fc.array(fc.tuple(stepName, fc.array(editChoice, { maxLength: 3 })), { minLength: 2, maxLength: 5 }),
        async (shape, content, steps) => {
          const wb = randomWorkbook(shape, content);
          const outside = outsideOwned(wb);
          const edits = new Map<string, PlannerEdit>();
          for (const [step, choices] of steps) {
            await runStep(session(wb), step);
            expect(outsideOwned(wb) === outside).toBe(true);
            expect(editsFound(wb, edits)).toEqual([]);
            for (const choice of choices) {
              const edit = editDemandPlan(wb, choice);
              if (edit) edits.set(`${edit.item}|${edit.period}`, edit);
            }
          }
        },
      ),
      { numRuns: testRuns(12, 2) },
    );
  });

  it("leaves the workbook exactly as it was when the write fails midway", async () => {
    let injected = 0;
    const runs = testRuns(25, 8);
    await fc.assert(
      fc.asyncProperty(
        workbookShape,
        plannerContent,
        stepName,
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        async (shape, content, step, failAt, rerun) => {
          const wb = randomWorkbook(shape, content);
          if (rerun) await session(wb).run("level"); // owned sheets already there: a failure must restore them too
          const before = JSON.stringify(wb.sheets);
          const addTable = wb.addTable.bind(wb);
          let calls = 0;
          wb.addTable = (...args: Parameters<MemoryWorkbook["addTable"]>) => {
            if (++calls === failAt) throw new Error("injected failure while writing");
            return addTable(...args);
          };
          const outcome = await runStep(session(wb), step).then(
            () => "finished",
            (e: Error) => e.message,
          );
          wb.addTable = addTable;
          if (outcome === "finished") return; // the step wrote fewer tables than failAt: nothing was injected
          injected++;
          expect(outcome).toBe("injected failure while writing");
          const after = JSON.stringify(wb.sheets);
          // Sheet names first (a short message), then every cell.
          expect(wb.sheets.map((sheet) => sheet.name)).toEqual(
            (JSON.parse(before) as { name: string }[]).map((sheet) => sheet.name),
          );
          expect(after === before).toBe(true);
        },
      ),
      { numRuns: runs },
    );
    expect(injected).toBeGreaterThan(runs / 5); // a failure was injected in enough runs (25 runs: more than 5)
  });

  it("never overwrites a planner's own sheet that has an owned name", async () => {
    await fc.assert(
      fc.asyncProperty(
        workbookShape,
        plannerContent,
        fc.constantFrom(...OWNED_SHEETS),
        fc.constantFrom("same", "lower", "with a table SOP_ elsewhere"),
        fc.array(fc.array(plannerCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        stepName,
        async (shape, content, owned, variant, cells, step) => {
          const wb = randomWorkbook(shape, content);
          const name = variant === "lower" ? owned.toLowerCase() : owned;
          addPlannerSheet(wb, name, cells);
          // A table with the marker's name on another sheet must not make the planner's sheet the add-in's.
          if (variant === "with a table SOP_ elsewhere")
            wb.addTable("Planner notes", `SOP_${owned}`, ["Note"], [["mine"]], { row: 20, column: 0 });
          const before = JSON.stringify(wb.sheet(name));
          const result = await runStep(session(wb), step);
          expect(JSON.stringify(wb.sheet(name))).toBe(before);
          if (!result.ok && result.written.length === 0) return;
          expect(result.written.map((w) => w.toLowerCase())).not.toContain(owned.toLowerCase());
        },
      ),
      { numRuns: testRuns(25, 5) },
    );
  });
});
