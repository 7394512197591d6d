/**
 * Workbook safety on the ExcelJS (.xlsx) adapter, with random workbooks (randomWorkbooks.ts,
 * copied to ExcelJS) and random step sequences: the same four properties as the in-memory
 * adapter's, read back through ExcelJS's own model (every cell, format, table, sheet order).
 */
import fc from "fast-check";
import type ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { OWNED_SHEETS } from "../../../src/workbook/port";
import { PlanningSession } from "../../../src/workbook/session";
import { createHighsSolver } from "../../../src/solver/highs";
import { testRuns } from "../../support/runs";
import {
  addPlannerSheet,
  isOwnedName,
  plannerContent,
  plannerCell,
  randomWorkbook,
  runStep,
  stepName,
  workbookShape,
} from "./randomWorkbooks";

const now = () => new Date(Date.UTC(2026, 10, 27, 9, 0));
const session = (wb: XlsxWorkbook) => new PlanningSession(wb, { now, solver: async () => createHighsSolver() });

/** One worksheet as ExcelJS models it (cells, formats, tables, views), by name. */
function sheetModel(ws: ExcelJS.Worksheet): string {
  const { id: _id, ...model } = ws.model as unknown as Record<string, unknown>;
  return JSON.stringify(model);
}

function snapshot(wb: XlsxWorkbook, keep: (name: string) => boolean = () => true): string {
  return JSON.stringify(wb.workbook.worksheets.filter((ws) => keep(ws.name)).map((ws) => [ws.name, sheetModel(ws)]));
}

jest.setTimeout(300_000);

describe("workbook safety, ExcelJS adapter, random workbooks", () => {
  it("changes no cell outside the owned sheets in any step", async () => {
    await fc.assert(
      fc.asyncProperty(
        workbookShape,
        plannerContent,
        fc.array(stepName, { minLength: 1, maxLength: 3 }),
        async (shape, content, steps) => {
          const wb = XlsxWorkbook.fromMemory(randomWorkbook(shape, content));
          const outside = snapshot(wb, (name) => !isOwnedName(name));
          for (const step of steps) {
            await runStep(session(wb), step);
            expect(snapshot(wb, (name) => !isOwnedName(name)) === outside).toBe(true);
          }
        },
      ),
      { numRuns: testRuns(6, 1) },
    );
  });

  it("leaves the workbook exactly as it was when the write fails midway", async () => {
    let injected = 0;
    const runs = testRuns(15, 4);
    await fc.assert(
      fc.asyncProperty(
        workbookShape,
        plannerContent,
        stepName,
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (shape, content, step, failAt, rerun) => {
          const wb = XlsxWorkbook.fromMemory(randomWorkbook(shape, content));
          if (rerun) await session(wb).run("level");
          const names = wb.workbook.worksheets.map((ws) => ws.name);
          const before = snapshot(wb);
          const addWorksheet = wb.workbook.addWorksheet.bind(wb.workbook);
          let calls = 0;
          wb.workbook.addWorksheet = ((...args: Parameters<ExcelJS.Workbook["addWorksheet"]>) => {
            if (++calls === failAt) throw new Error("injected failure while writing");
            return addWorksheet(...args);
          }) as ExcelJS.Workbook["addWorksheet"];
          const outcome = await runStep(session(wb), step).then(
            () => "finished",
            (e: Error) => e.message,
          );
          wb.workbook.addWorksheet = addWorksheet;
          if (outcome === "finished") return;
          injected++;
          expect(outcome).toBe("injected failure while writing");
          expect(wb.workbook.worksheets.map((ws) => ws.name)).toEqual(names);
          expect(snapshot(wb) === before).toBe(true);
        },
      ),
      { numRuns: runs },
    );
    expect(injected).toBeGreaterThan(runs / 5); // a failure was injected in enough runs (15 runs: more than 3)
  });

  it("never overwrites a planner's own sheet that has an owned name", async () => {
    await fc.assert(
      fc.asyncProperty(
        workbookShape,
        plannerContent,
        fc.constantFrom(...OWNED_SHEETS),
        fc.array(fc.array(plannerCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        stepName,
        async (shape, content, owned, cells, step) => {
          const memory = randomWorkbook(shape, content);
          addPlannerSheet(memory, owned, cells);
          const wb = XlsxWorkbook.fromMemory(memory);
          const mine = () => sheetModel(wb.workbook.worksheets.find((ws) => ws.name === owned)!);
          const before = mine();
          const result = await runStep(session(wb), step);
          expect(mine() === before).toBe(true);
          expect(result.written).not.toContain(owned);
        },
      ),
      { numRuns: testRuns(10, 2) },
    );
  });
});
