import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import { createHighsSolver } from "../../src/solver/highs";
import type { CellValue } from "../../src/workbook/port";
import { familyRows, worstBalanceError } from "./support/planTables";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now, solver: async () => createHighsSolver() });

function openings(wb: MemoryWorkbook): Map<string, { inventory: number; backlog: number }> {
  const [headers, ...rows] = wb.tableValues("Items")!;
  const at = (h: string) => headers.indexOf(h);
  const out = new Map<string, { inventory: number; backlog: number }>();
  for (const row of rows) {
    const family = String(row[at("Family")]);
    const sum = out.get(family) ?? { inventory: 0, backlog: 0 };
    sum.inventory += Number(row[at("OpeningInventory")] ?? 0);
    sum.backlog += Number(row[at("OpeningBacklog")] ?? 0);
    out.set(family, sum);
  }
  return out;
}

function snapshot(wb: MemoryWorkbook): string {
  return JSON.stringify(wb.sheets);
}

describe("PlanningSession on the demo workbook", () => {
  it.each(["chase", "level", "optimal"] as const)(
    "writes a %s plan whose inventory balance holds in every family and period",
    async (strategy) => {
      const wb = demoWorkbook();
      const result = await session(wb).run(strategy);
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(result.written).toEqual([
        "DemandPlan",
        "FamilyPlan",
        "CapacityLoad",
        "ProductionPlan",
        "InventoryPlan",
        "BacklogPlan",
        "ExecutiveSummary",
        "FinancialPlan",
        "DecisionLog",
        "FamilySOP",
        "PlanHistory",
        "PlanLog",
      ]);
      const worst = worstBalanceError(
        wb.tableValues("SOP_ProductionPlan")!,
        wb.tableValues("SOP_InventoryPlan")!,
        wb.tableValues("SOP_BacklogPlan")!,
        openings(wb),
      );
      expect(worst).toBeLessThan(1e-4);
      expect(wb.calls).toEqual({ readInputs: 1, writeSheets: 1 });
    },
  );

  it("keeps the planner's override and reason on a re-run, and plans with them", async () => {
    const wb = demoWorkbook();
    await session(wb).run();
    const demandSheet = wb.sheet("DemandPlan")!;
    const headers = demandSheet.cells[0];
    const col = (h: string) => headers.indexOf(h);
    const row = demandSheet.cells.findIndex((r) => r[col("Item")] === "DK-SIT" && r[col("Period")] === "2026-03");
    demandSheet.cells[row][col("Override")] = 400;
    demandSheet.cells[row][col("Reason")] = "hospital fit-out order";
    const before = familyRows(wb.tableValues("SOP_ProductionPlan")!).get("Desks|Demand")!;

    const rerun = await session(wb).run();
    expect(rerun.ok).toBe(true);
    const values = wb.tableValues("SOP_DemandPlan")!;
    const kept = values.find((r) => r[col("Item")] === "DK-SIT" && r[col("Period")] === "2026-03")!;
    expect(kept[col("Override")]).toBe(400);
    expect(kept[col("Reason")]).toBe("hospital fit-out order");
    expect(kept[col("Consensus")]).toBe(400);
    // The Desks family's demand in 2026-03 moves by (400 − DK-SIT's statistical forecast).
    const after = familyRows(wb.tableValues("SOP_ProductionPlan")!).get("Desks|Demand")!;
    expect(after[2] - before[2]).toBeCloseTo(400 - Number(kept[col("Statistical")]), 4);
    expect(after[3]).toBeCloseTo(before[3], 9);
    // A column the planner added to DemandPlan is kept too, matched on Item and Period.
    const planned = wb.sheet("DemandPlan")!;
    planned.cells[0].push("Rep comment");
    planned.tables[0].columnCount++;
    const commented = planned.cells.findIndex((r) => r[col("Item")] === "CH-200" && r[col("Period")] === "2026-05");
    planned.cells[commented].push("tender lost");
    // A third run still has it: overrides survive every re-run.
    await session(wb).run("chase");
    const third = wb.tableValues("SOP_DemandPlan")!;
    expect(third.find((r) => r[0] === "DK-SIT" && r[2] === "2026-03")![col("Override")]).toBe(400);
    expect(third[0][third[0].length - 1]).toBe("Rep comment");
    expect(third.find((r) => r[0] === "CH-200" && r[2] === "2026-05")![third[0].length - 1]).toBe("tender lost");
    expect(third.filter((r) => r[third[0].length - 1] !== null)).toHaveLength(2); // the header and that one row
    // PlanLog has one row per run.
    expect(
      wb
        .tableValues("SOP_PlanLog")!
        .slice(1)
        .map((r) => [r[1], r[2]]),
    ).toEqual([
      ["cycle", "optimal"],
      ["cycle", "optimal"],
      ["cycle", "chase"],
    ]);
  });

  it("keeps the previous cycle's plan in PlanHistory when the plan moves to a new period", async () => {
    const wb = demoWorkbook();
    await session(wb).run("chase");
    const firstProduction = familyRows(wb.tableValues("SOP_ProductionPlan")!);
    // Next month: PlanStart moves to 2026-02 (history then has a 2026-01 gap read as 0: a warning).
    const settings = wb.sheet("Settings")!;
    settings.cells.find((r) => r[0] === "PlanStart")![1] = "2026-02";
    settings.cells.find((r) => r[0] === "Horizon")![1] = 17;
    const next = await session(wb).run("chase");
    expect(next.written).toContain("PlanHistory");
    expect(next.written).not.toContain("PreviousPlan");
    const [headers, ...history] = wb.tableValues("SOP_PlanHistory")!;
    const at = (h: string) => headers.indexOf(h);
    // The first cycle's family row: Item blank, Production as its ProductionPlan had it.
    const chairs = history.find(
      (r) =>
        r[at("PlanStart")] === "2026-01" &&
        r[at("Item")] === null &&
        r[at("Family")] === "Chairs" &&
        r[at("Period")] === "2026-01",
    )!;
    expect(chairs[at("Production")]).toBe(firstProduction.get("Chairs|Production")![0]);
    expect(chairs[at("Lag")]).toBe(1);
    expect([...new Set(history.map((r) => r[at("PlanStart")]))]).toEqual(["2026-01", "2026-02"]);
    // "Changes since the last cycle" compares with that archived cycle.
    expect(next.executive!.changes).not.toBeNull();
    // A re-run in the same cycle keeps the earlier cycle's rows as they were.
    const earlier = history.filter((r) => r[at("PlanStart")] === "2026-01");
    await session(wb).run("chase");
    const again = wb.tableValues("SOP_PlanHistory")!.slice(1);
    expect(again.filter((r) => r[at("PlanStart")] === "2026-01")).toEqual(earlier);
  });

  it("lists every problem of a broken workbook and writes nothing", async () => {
    const wb = demoWorkbook();
    const sales = wb.sheet("Sales")!;
    sales.cells[5][3] = "n/a";
    sales.cells[9][3] = -4;
    sales.cells[12][0] = "XX-999";
    wb.sheet("BillOfResources")!.cells[2][1] = "Welding";
    const before = snapshot(wb);
    const result = await session(wb).run();
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => `${p.table}:${p.row}:${p.column}`)).toEqual(
      ["Sales:5:Quantity", "Sales:9:Quantity", "Sales:12:Item", "BillOfResources:2:Resource"],
    );
    expect(snapshot(wb)).toBe(before);
    expect(wb.calls.writeSheets).toBe(0);
  });

  it("stops without writing when a sheet with an owned name was not created by the add-in", async () => {
    const wb = demoWorkbook();
    wb.addSheet("BacklogPlan", [["my own backlog notes"]]);
    const before = snapshot(wb);
    const result = await session(wb).run("chase");
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.severity === "error")!;
    expect(problem.table).toBe("BacklogPlan");
    expect(problem.message).toMatch(/"BacklogPlan" already exists and was not created by S&OP Planner/);
    expect(snapshot(wb)).toBe(before);
  });

  it("plans weekly buckets end to end (ISO week labels, wide capacity)", async () => {
    const wb = new MemoryWorkbook();
    wb.addTable(
      "Items",
      "Items",
      ["Item", "Family"],
      [
        ["A", "F"],
        ["B", "F"],
      ],
    );
    const sales: CellValue[][] = [];
    for (let w = 1; w <= 20; w++)
      sales.push(
        ["A", `2025-W${String(w).padStart(2, "0")}`, 50 + w],
        ["B", `2025-W${String(w).padStart(2, "0")}`, 30],
      );
    wb.addTable("Sales", "Sales", ["Item", "Period", "Quantity"], sales);
    wb.addTable(
      "Capacity",
      "Capacity",
      ["Resource", "2025-W21", "2025-W22", "2025-W23", "2025-W24"],
      [["Line", 100, 100, 100, 100]],
    );
    wb.addTable("BillOfResources", "BillOfResources", ["Family", "Resource", "HoursPerUnit"], [["F", "Line", 1]]);
    wb.addTable(
      "Settings",
      "Settings",
      ["Name", "Value"],
      [
        ["Horizon", 4],
        ["ForecastMethod", "naive"],
        ["backlogCost", 5],
        ["holdingCost", 1],
      ],
    );
    const result = await session(wb).run("chase");
    expect(result.problems).toEqual([]);
    expect(result.data!.planPeriods).toEqual(["2025-W21", "2025-W22", "2025-W23", "2025-W24"]);
    // naive: A's last week 70 and B's 30 → family demand 100 a week, exactly the line's 100 hours.
    expect(familyRows(wb.tableValues("SOP_ProductionPlan")!).get("F|Demand")).toEqual([100, 100, 100, 100]);
    expect(
      wb
        .tableValues("SOP_CapacityLoad")!
        .slice(1)
        .map((r) => r[4]),
    ).toEqual([1, 1, 1, 1]);
  });

  it("runs the steps one by one, each writing its own sheets", async () => {
    const wb = demoWorkbook();
    const s = session(wb);
    const gathered = await s.gather();
    expect(gathered.tables.map((t) => t.name).sort()).toEqual([
      "BillOfResources",
      "Budget",
      "Capacity",
      "Deliveries",
      "Items",
      "Sales",
      "Settings",
    ]);
    expect((await s.demandPlan()).written).toEqual(["DemandPlan", "FamilyPlan", "PlanHistory", "PlanLog"]);
    expect((await s.supplyPlan()).written).toEqual(["CapacityLoad", "PlanLog"]);
    const compared = await s.compareStrategies("level");
    expect(compared.written).toEqual([]);
    expect(compared.reconcile!.outcomes.map((o) => o.strategy)).toEqual(["chase", "level", "optimal"]);
    expect(wb.sheet("ProductionPlan")).toBeUndefined();
    // The reconcile step rewrites CapacityLoad with the plan's hours, and archives the supply plan
    // (family rows) in PlanHistory.
    expect((await s.reconcile("level")).written).toEqual([
      "CapacityLoad",
      "ProductionPlan",
      "InventoryPlan",
      "BacklogPlan",
      "PlanHistory",
      "PlanLog",
    ]);
    expect(
      wb
        .tableValues("SOP_PlanLog")!
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["demand", "supply", "reconcile"]);
    const load = wb.tableValues("SOP_CapacityLoad")!;
    expect(load[0]).toEqual([
      "Resource",
      "Period",
      "LoadHours",
      "CapacityHours",
      "Utilization",
      "OverloadHours",
      "OvertimeCapacityHours",
      "PlanRegularHours",
      "PlanOvertimeHours",
      "PlanUtilization",
      "PastDueHours",
      "PlanPastDueHours",
    ]);
    const cells: CellValue[] = load.slice(1).map((r) => r[4]);
    expect(cells.every((u) => u === null || typeof u === "number")).toBe(true);
  });
});
