/**
 * The planning session on the Office.js adapter over the Excel simulator, step by step, as
 * bench:office and bench:pane measure it: each step's sync counts (reset before it) and its first
 * error, if any.
 */
import { createHighsSolver } from "../src/solver/highs";
import { OfficeWorkbook } from "../src/workbook/office/officeWorkbook";
import { PlanningSession, type StepResult } from "../src/workbook/session";
import type { ExcelSimulator } from "../test/support/excelSimulator";

/** One step's syncs, its largest request and response in bytes, syncs refused for their size, its first error. */
export interface SyncCounts {
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  rejected: number;
  error?: string;
}

/** A session on the adapter (with its byte budget, or none) over the simulator, at a fixed date. */
export function simulatedSession(excel: ExcelSimulator, budgetBytes?: number): PlanningSession {
  return new PlanningSession(new OfficeWorkbook(excel.run, { budgetBytes }), {
    now: () => new Date(Date.UTC(2027, 0, 15)),
    solver: async () => createHighsSolver(),
  });
}

/** Runs one step with the simulator's counts reset; its result (when it returned) and its counts. */
export async function countedStep<R extends Pick<StepResult, "problems">>(
  excel: ExcelSimulator,
  run: () => Promise<R>,
): Promise<{ result?: R; counts: SyncCounts }> {
  excel.resetCounts();
  let result: R | undefined;
  let error: string | undefined;
  try {
    result = await run();
    const errors = result.problems.filter((p) => p.severity === "error");
    if (errors.length > 0) error = errors[0].message.slice(0, 60);
  } catch (e) {
    error = (e as Error).message.slice(0, 60);
  }
  const stats = excel.stats();
  return {
    result,
    counts: {
      syncs: stats.syncs,
      maxRequest: stats.maxRequestBytes,
      maxResponse: stats.maxResponseBytes,
      rejected: stats.rejected,
      error,
    },
  };
}
