/**
 * Regression: `sop-planner plan` crashed with "RangeError: Maximum call stack size exceeded" on a
 * 5,000-item × 60-month workbook (npm run test:load): the first and last Sales periods were
 * found with Math.min(...records), which spreads 300,000 arguments onto the call stack.
 * Slow lane (`npm run test:slow`): building and validating 300,000 rows takes seconds.
 */
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import type { CellValue } from "../../../src/workbook/port";
import { PlanningSession } from "../../../src/workbook/session";

describe("a Sales table of 300,000 rows", () => {
  it("is read and validated without overflowing the stack", async () => {
    const wb = new MemoryWorkbook();
    const items = Array.from({ length: 5000 }, (_, i) => `IT-${i + 1}`);
    const sales: CellValue[][] = [];
    for (let m = 0; m < 60; m++) {
      const period = `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
      for (const item of items) sales.push([item, period, 10 + (m % 7)]);
    }
    wb.addTable("Sales", "Sales", ["Item", "Period", "Quantity"], sales);
    wb.addTable(
      "Items",
      "Items",
      ["Item", "Family"],
      items.map((item, i) => [item, `F${i % 50}`]),
    );
    wb.addTable("Capacity", "Capacity", ["Resource", "Period", "Hours"], [["Line", "2026-01", 1000]]);
    wb.addTable(
      "BillOfResources",
      "BillOfResources",
      ["ItemOrFamily", "Resource", "HoursPerUnit"],
      [["F0", "Line", 1]],
    );
    wb.addTable("Settings", "Settings", ["Name", "Value"], [["Horizon", 1]]);
    const gathered = await new PlanningSession(wb, { now: () => new Date(Date.UTC(2026, 0, 1)) }).gather();
    // 60 months 2021-01 … 2025-12 of history; the plan starts the month after (2026-01).
    expect(gathered.data?.planPeriods).toEqual(["2026-01"]);
    expect(gathered.data?.items).toHaveLength(5000);
  }, 60_000);
});
