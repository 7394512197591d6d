/**
 * Set-ups on the demo workbook for the measure step's value added by reason and input: a
 * ReasonCodes table, and an earlier cycle the demo can plan before its own (2025-10).
 */
import type { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

/** Adds ReasonCodes: PROMO (Marketing), DEAL (Sales), and CAPEX with a Source that is none (a warning, left out). */
export function withReasonCodes(wb: MemoryWorkbook): MemoryWorkbook {
  wb.addTable(
    "ReasonCodes",
    "ReasonCodes",
    ["Code", "Description", "Source"],
    [
      ["PROMO", "promotion", "Marketing"],
      ["DEAL", "customer deal", "Sales"],
      ["CAPEX", "a budget cut", "Accounting"], // not a source: a warning, left out
    ],
  );
  return wb;
}

/** The demo's own plan start; Sales runs to the month before. */
export const DEMO_PLAN_START = "2026-01";
/** The earlier cycle's plan start: its first three months have actuals in the demo's Sales. */
export const EARLIER_PLAN_START = "2025-10";

/**
 * Makes the demo plan 15 months so that a cycle from 2025-10 has Capacity: the demo's last three
 * months (2027-04..06) are moved to 2025-10..12. Returns a setter of Settings' PlanStart.
 */
export function withEarlierCycle(wb: MemoryWorkbook): (planStart: string) => void {
  const settings = wb.sheet("Settings")!.cells;
  const planStart = settings.find((r) => r[0] === "PlanStart")!;
  if (planStart[1] !== DEMO_PLAN_START) throw new Error(`The demo plans from ${String(planStart[1])} now.`);
  settings.find((r) => r[0] === "Horizon")![1] = 15;
  const serial = (y: number, m: number) => Date.UTC(y, m - 1, 1) / 86_400_000 + 25_569; // Excel serial of the 1st
  for (const row of wb.sheet("Capacity")!.cells)
    for (const [from, to] of [
      [serial(2027, 4), serial(2025, 10)],
      [serial(2027, 5), serial(2025, 11)],
      [serial(2027, 6), serial(2025, 12)],
    ])
      if (row[1] === from) row[1] = to;
  return (period) => {
    planStart[1] = period;
  };
}
