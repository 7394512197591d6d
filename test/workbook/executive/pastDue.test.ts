/**
 * Past-due load (hours that lead-time offsets put before the first period) reads the same in the
 * three places a planner meets it: =SOP.RCCP_LOAD, the CapacityLoad sheet and the executive pack.
 * One convention everywhere: past-due hours count in the first period's load and utilization
 * (work that can only be done now), and each place also names them apart.
 */
import { excelError } from "../../support/customFunctions";
import { rccpLoad } from "../../../src/functions/functions";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import type { CellValue } from "../../../src/workbook/port";

const now = () => new Date(Date.UTC(2026, 0, 15));

function table(values: CellValue[][]): Record<string, CellValue>[] {
  const [headers, ...rows] = values;
  return rows.map((row) => Object.fromEntries(headers.map((h, c) => [String(h), row[c]])));
}

/**
 * One family F of one item A that sold 100 a month through 2025: the naive forecast is 100 a
 * month for 2026-01..03 and the chase plan makes exactly that. Line: 1 h/unit, no offset, 200 h.
 * Paint: 0.5 h/unit, offset 1 (painted a month before it is finished), 120 h.
 */
function handCase(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addTable("Items", "Items", ["Item", "Family"], [["A", "F"]]);
  const sales: CellValue[][] = [];
  for (let m = 1; m <= 12; m++) sales.push(["A", `2025-${String(m).padStart(2, "0")}`, 100]);
  wb.addTable("Sales", "Sales", ["Item", "Period", "Quantity"], sales);
  wb.addTable(
    "Capacity",
    "Capacity",
    ["Resource", "2026-01", "2026-02", "2026-03"],
    [
      ["Line", 200, 200, 200],
      ["Paint", 120, 120, 120],
    ],
  );
  wb.addTable(
    "BillOfResources",
    "BillOfResources",
    ["Family", "Resource", "HoursPerUnit", "OffsetPeriods"],
    [
      ["F", "Line", 1, 0],
      ["F", "Paint", 0.5, 1],
    ],
  );
  wb.addTable(
    "Settings",
    "Settings",
    ["Name", "Value"],
    [
      ["Horizon", 3],
      ["ForecastMethod", "naive"],
      ["backlogCost", 5],
      ["holdingCost", 1],
    ],
  );
  return wb;
}

describe("past-due load, one convention in the function, CapacityLoad and the executive pack", () => {
  // Hand calculation, Paint (0.5 h/unit, offset 1) on the plan 100, 100, 100:
  //   January's 100 units need their 50 h in December 2025 → 50 h past due;
  //   February's 50 h fall in January, March's in February, nothing in March.
  //   Load counted per period: January 50 past due + 50 = 100 h, February 50 h, March 0 h.
  //   Utilization: 100 ÷ 120 = 0.8333 in January (past due included), 50 ÷ 120 = 0.4167, 0.
  // Line (no offset): 100 h a month, nothing past due, utilization 100 ÷ 200 = 0.5.
  const paintLoad = [100, 50, 0];
  const paintUtilization = [100 / 120, 50 / 120, 0];

  it("=SOP.RCCP_LOAD keeps its shape by default and adds a leading past-due column when asked", () => {
    const plan = [[100, 100, 100]];
    const bill = [[1, 0.5]];
    const offsets = [[0, 1]];
    expect(rccpLoad(plan, bill, null as never, offsets, "load")).toEqual([[100, 100, 100], paintLoad]);
    expect(rccpLoad(plan, bill, null as never, offsets, "load", true)).toEqual([
      [0, 100, 100, 100],
      [50, ...paintLoad],
    ]);
    const utilization = rccpLoad(plan, bill, [[200], [120]], offsets, "utilization", true);
    expect(utilization[0]).toEqual([0, 0.5, 0.5, 0.5]);
    // the leading column is hours whatever the output; the first period includes them
    expect(utilization[1][0]).toBe(50);
    utilization[1].slice(1).forEach((u, t) => expect(u).toBeCloseTo(paintUtilization[t], 12));
    // a column plan (periods down) gets a leading row
    expect(rccpLoad([[100], [100], [100]], bill, null as never, offsets, "load", true)).toEqual([
      [0, 50],
      [100, 100],
      [100, 50],
      [100, 0],
    ]);
    expect(excelError(() => rccpLoad(plan, bill, null as never, offsets, "load", "maybe")).message).toContain(
      "pastDue must be TRUE or FALSE",
    );
  });

  it("CapacityLoad and the executive pack name the same past-due hours and count them in January", async () => {
    const wb = handCase();
    const result = await new PlanningSession(wb, { now }).run("chase");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.data!.planPeriods).toEqual(["2026-01", "2026-02", "2026-03"]);

    const paint = table(wb.tableValues("SOP_CapacityLoad")!).filter((r) => r.Resource === "Paint");
    expect(paint.map((r) => r.LoadHours)).toEqual(paintLoad);
    expect(paint.map((r) => Number(r.PlanRegularHours) + Number(r.PlanOvertimeHours))).toEqual(paintLoad);
    paint.forEach((r, t) => expect(r.PlanUtilization as number).toBeCloseTo(paintUtilization[t], 6));
    paint.forEach((r, t) => expect(r.Utilization as number).toBeCloseTo(paintUtilization[t], 6));
    // named on the first period's row only, for the demand's load and for the plan's
    expect(paint.map((r) => r.PastDueHours)).toEqual([50, null, null]);
    expect(paint.map((r) => r.PlanPastDueHours)).toEqual([50, null, null]);
    const line = table(wb.tableValues("SOP_CapacityLoad")!).filter((r) => r.Resource === "Line");
    expect(line.map((r) => r.PastDueHours)).toEqual([0, null, null]);

    const summary = wb.sheet("ExecutiveSummary")!.cells;
    const decision = summary.find((r) => r[0] === "Past-due load")!;
    expect(decision).toBeDefined();
    expect(decision.slice(1, 5)).toEqual(["Paint", "2026-01", 50, "hours past due"]);
    expect(String(decision[6])).toContain("Paint: 50 h past due — release now or re-plan");
    // no decision for Line: nothing of it is past due
    expect(summary.filter((r) => r[0] === "Past-due load")).toHaveLength(1);
    // the pack's utilization table counts the past-due hours in January, as CapacityLoad does
    const title = summary.findIndex((r) => String(r[0]).startsWith("Utilization by resource"));
    const header = summary[title + 1];
    const january = summary[title + 2];
    expect(january[0]).toBe("2026-01");
    expect(january[header.indexOf("Paint")] as number).toBeCloseTo(paintUtilization[0], 9);
  });
});
