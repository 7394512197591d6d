import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import type { CellValue } from "../../src/workbook/port";
import { addSales, serial, setSetting } from "./support/demoCycles";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now });
describe("PlanHistory: plans of the last cycles, accuracy by lag", () => {
  it("keeps four rolled cycles, and lag-1 and lag-3 WMAPE equal the hand calculation", async () => {
    // Same seed: the 32-month demo's Sales are the first 32 months of the 36-month demo's.
    const wb = demoWorkbook({ historyMonths: 32 });
    const full = demoWorkbook({ historyMonths: 36 });
    setSetting(wb, "ForecastMethod", "naive");
    setSetting(wb, "Horizon", 6);
    // the demo's new product launches in the plan year; here it launches after these cycles (no demand)
    const { sheet: itemsSheet, table: itemsTable } = wb.findTable("Items")!;
    const launch = itemsSheet.cells[itemsTable.row].indexOf("LaunchPeriod");
    itemsSheet.cells.find((r) => r[0] === "CH-300")![launch] = "2026-06";
    const starts = ["2025-09", "2025-10", "2025-11", "2025-12"];
    for (const [k, start] of starts.entries()) {
      if (k > 0) addSales(wb, full, starts[k - 1]);
      setSetting(wb, "PlanStart", start);
      const result = await session(wb).demandPlan();
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(result.written).toContain("PlanHistory");
    }
    // a re-run inside the last cycle replaces its snapshot, it does not add a fifth
    expect((await session(wb).demandPlan()).ok).toBe(true);
    const [headers, ...archived] = wb.tableValues("SOP_PlanHistory")!;
    const col = (h: string) => headers.indexOf(h);
    expect([...new Set(archived.map((r) => r[col("PlanStart")]))]).toEqual(starts);
    addSales(wb, full, "2025-12");
    setSetting(wb, "PlanStart", "2026-01");

    const measured = await session(wb).measure();
    expect(measured.ok).toBe(true);
    const byLag = measured.measure!.byLag!;

    // Hand calculation. Naive forecasts: every period of the cycle starting s is the item's sales
    // in s − 1. Lag 1 pairs each cycle's first period with its actual: Σ|A(s−1) − A(s)| / ΣA(s)
    // over s = 2025-09 … 2025-12. Lag 3 pairs the third period: only the cycles of 2025-09
    // (→ 2025-11) and 2025-10 (→ 2025-12) have actuals: (Σ|A(08) − A(11)| + Σ|A(09) − A(12)|) / Σ(A(11) + A(12)).
    const [salesHeaders, ...sales] = full.tableValues("Sales")!;
    const A = new Map<string, number>();
    for (const r of sales)
      A.set(
        `${r[salesHeaders.indexOf("Item")]}|${r[salesHeaders.indexOf("Period")]}`,
        Number(r[salesHeaders.indexOf("Quantity")]),
      );
    // every item in Items: one without Sales rows (the demo's new product CH-300) reads as 0 sold
    // and is forecast 0 before its launch, so it adds pairs but no error
    const items = wb
      .tableValues("Items")!
      .slice(1)
      .map((r) => String(r[0]));
    const a = (item: string, month: string) => A.get(`${item}|${serial(month)}`) ?? 0;
    const months = ["2025-08", "2025-09", "2025-10", "2025-11", "2025-12"];
    let err1 = 0;
    let act1 = 0;
    let bias1 = 0;
    for (const item of items)
      for (let s = 1; s <= 4; s++) {
        err1 += Math.abs(a(item, months[s - 1]) - a(item, months[s]));
        bias1 += a(item, months[s - 1]) - a(item, months[s]);
        act1 += a(item, months[s]);
      }
    let err3 = 0;
    let act3 = 0;
    for (const item of items)
      for (const [made, target] of [
        ["2025-08", "2025-11"],
        ["2025-09", "2025-12"],
      ]) {
        err3 += Math.abs(a(item, made) - a(item, target));
        act3 += a(item, target);
      }
    const lag1 = byLag.find((l) => l.lag === 1)!;
    const lag3 = byLag.find((l) => l.lag === 3)!;
    expect(lag1.pairs).toBe(items.length * 4);
    expect(lag1.wmape).toBeCloseTo(err1 / act1, 9);
    expect(lag1.bias).toBeCloseTo(bias1 / act1, 9);
    expect(lag3.pairs).toBe(items.length * 2);
    expect(lag3.wmape).toBeCloseTo(err3 / act3, 9);
    // the waterfall of a family has one column per archived cycle
    expect(measured.measure!.waterfall!.find((w) => w.family === "Chairs")!.planStarts).toEqual(starts);
  });
});

describe("PlanHistory replaces PreviousPlan", () => {
  it("imports an old PreviousPlan sheet as the first archived cycle and leaves that sheet alone", async () => {
    const wb = demoWorkbook();
    // An old version's PreviousPlan (long rows), of a cycle that started 2025-12: CH-100's forecast
    // and the Chairs family's production, as that version wrote them.
    const old: CellValue[][] = [
      ["DemandPlan", "CH-100", "Statistical", "2026-01", 300, "2025-12", "2025-12-10T08:00:00Z"],
      ["DemandPlan", "CH-100", "Consensus", "2026-01", 320, "2025-12", "2025-12-10T08:00:00Z"],
      ["ProductionPlan", "Chairs", "Demand", "2026-01", 999, "2025-12", "2025-12-10T08:00:00Z"],
      ["ProductionPlan", "Chairs", "Production", "2026-01", 1100, "2025-12", "2025-12-10T08:00:00Z"],
      ["ProductionPlan", "All families", "Production", "2026-01", 5000, "2025-12", "2025-12-10T08:00:00Z"],
      ["InventoryPlan", "Chairs", "Inventory", "2026-01", 40, "2025-12", "2025-12-10T08:00:00Z"],
      ["CapacityLoad", "Assembly", "LoadHours", "2026-01", 77, "2025-12", "2025-12-10T08:00:00Z"],
    ];
    wb.addTable(
      "PreviousPlan",
      "SOP_PreviousPlan",
      ["Sheet", "Key", "Measure", "Period", "Value", "PlanStart", "PlannedAt"],
      old,
    );
    const before = JSON.stringify(wb.sheet("PreviousPlan"));
    const result = await session(wb).run("chase");
    expect(result.ok).toBe(true);
    expect(result.written).not.toContain("PreviousPlan");
    expect(JSON.stringify(wb.sheet("PreviousPlan"))).toBe(before);
    const [headers, ...history] = wb.tableValues("SOP_PlanHistory")!;
    const imported = history
      .filter((r) => r[headers.indexOf("PlanStart")] === "2025-12")
      .map((r) => Object.fromEntries(headers.map((h, c) => [String(h), r[c]])));
    // One item row (both measures on it) and one family row (Production and Inventory on it); the
    // total row, ProductionPlan's Demand (the items' sum) and CapacityLoad are not archived.
    expect(imported).toEqual([
      expect.objectContaining({
        Item: "CH-100",
        Family: "Chairs",
        Period: "2026-01",
        Lag: 2,
        Statistical: 300,
        Consensus: 320,
      }),
      expect.objectContaining({
        Item: null,
        Family: "Chairs",
        Period: "2026-01",
        Lag: 2,
        Production: 1100,
        Inventory: 40,
      }),
    ]);
    // The executive step compares with it: Chairs' demand in 2026-01 was CH-100's 320 then.
    const chairsDemand = result.executive!.changes!.rows.find((r) => r.family === "Chairs" && r.measure === "demand")!;
    expect(result.executive!.changes!.periods).toEqual(["2026-01"]);
    expect(chairsDemand.previous).toBe(320);
    const chairsProduction = result.executive!.changes!.rows.find(
      (r) => r.family === "Chairs" && r.measure === "production",
    )!;
    expect(chairsProduction.previous).toBe(1100);
  });

  it("keeps only the newest 12 plan starts", async () => {
    const wb = demoWorkbook();
    const headers = ["PlanStart", "Item", "Family", "Period", "Lag", "Statistical", "Consensus", "PlannedAt"];
    // 12 archived cycles 2025-01 … 2025-12, one row each (an older 8-column PlanHistory still reads)
    const months = Array.from({ length: 12 }, (_, k) => `2025-${String(k + 1).padStart(2, "0")}`);
    wb.addTable(
      "PlanHistory",
      "SOP_PlanHistory",
      headers,
      months.map((m) => [m, "CH-100", "Chairs", m, 1, 10, 10, null]),
    );
    expect((await session(wb).demandPlan()).ok).toBe(true);
    const [h, ...rows] = wb.tableValues("SOP_PlanHistory")!;
    // the demo plans from 2026-01: 13 starts, the oldest (2025-01) goes
    expect([...new Set(rows.map((r) => r[h.indexOf("PlanStart")]))]).toEqual([...months.slice(1), "2026-01"]);
  });
});
