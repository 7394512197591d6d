/**
 * Workbook safety on the .xlsx (package) adapter, with random workbooks (randomWorkbooks.ts,
 * saved as .xlsx) and random step sequences: the same properties as the in-memory adapter's,
 * checked on the package itself (every part of the planner's sheets byte for byte, every cell,
 * the sheet order; the whole file when a write fails).
 */
import fc from "fast-check";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { OWNED_SHEETS, type WorkbookPort } from "../../../src/workbook/port";
import { parts, sheetPart } from "../support/packageSurgery";
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

/** The planner's sheets (names not owned): names in order, cells, and their worksheet parts' bytes. */
async function snapshot(wb: XlsxWorkbook, keep: (name: string) => boolean = () => true): Promise<string> {
  const bytes = await wb.toBuffer();
  const files = parts(bytes);
  return JSON.stringify(
    wb
      .sheetNames()
      .filter(keep)
      .map((name) => [name, wb.sheetValues(name), Buffer.from(files[sheetPart(bytes, name)]).toString("base64")]),
  );
}

/** The port with a failure injected into the `failAt`-th sheet of the write (its rows throw when read). */
function failingAt(wb: XlsxWorkbook, failAt: number): WorkbookPort {
  return {
    readInputs: () => wb.readInputs(),
    writeSheets: (sheets) => {
      if (failAt <= sheets.length)
        Object.defineProperty(sheets[failAt - 1], "rows", {
          get() {
            throw new Error("injected failure while writing");
          },
        });
      return wb.writeSheets(sheets);
    },
  };
}

jest.setTimeout(300_000);

describe("workbook safety, .xlsx adapter, random workbooks", () => {
  it("changes no cell outside the owned sheets in any step", async () => {
    await fc.assert(
      fc.asyncProperty(
        workbookShape,
        plannerContent,
        fc.array(stepName, { minLength: 1, maxLength: 3 }),
        async (shape, content, steps) => {
          const wb = XlsxWorkbook.fromMemory(randomWorkbook(shape, content));
          const outside = await snapshot(wb, (name) => !isOwnedName(name));
          for (const step of steps) {
            await runStep(session(wb), step);
            expect((await snapshot(wb, (name) => !isOwnedName(name))) === outside).toBe(true);
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
          const names = wb.sheetNames();
          const before = Buffer.from(await wb.toBuffer());
          const outcome = await runStep(
            new PlanningSession(failingAt(wb, failAt), { now, solver: async () => createHighsSolver() }),
            step,
          ).then(
            () => "finished",
            (e: Error) => e.message,
          );
          if (outcome === "finished") return;
          injected++;
          expect(outcome).toBe("injected failure while writing");
          expect(wb.sheetNames()).toEqual(names);
          expect(Buffer.from(await wb.toBuffer()).equals(before)).toBe(true);
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
          const mine = () => snapshot(wb, (name) => name === owned);
          const before = await mine();
          const result = await runStep(session(wb), step);
          expect((await mine()) === before).toBe(true);
          expect(result.written).not.toContain(owned);
        },
      ),
      { numRuns: testRuns(10, 2) },
    );
  });
});
