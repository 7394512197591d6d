/**
 * The executive, measure and scenario steps through the planning session on the demo workbook.
 */
import { createHighsSolver } from "../../../src/solver/highs";
import { deliveryPerformance } from "../../../src/engine/measure";
import type { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import type { CellValue } from "../../../src/workbook/port";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now, solver: async () => createHighsSolver() });

function rows(wb: MemoryWorkbook, table: string): Record<string, CellValue>[] {
  const [headers, ...body] = wb.tableValues(table)!;
  return body.map((row) => Object.fromEntries(headers.map((h, c) => [String(h), row[c]])));
}

/** Plan sheets' tables, for before/after comparisons (PlanLog and PlanHistory change every run). */
function planTables(wb: MemoryWorkbook): string {
  return JSON.stringify(
    ["SOP_DemandPlan", "SOP_CapacityLoad", "SOP_ProductionPlan", "SOP_InventoryPlan", "SOP_BacklogPlan"].map((t) =>
      wb.tableValues(t),
    ),
  );
}

/** Gives the Capacity table the earlier half year too (2025-07…12 as 2026-07…12), so a plan can start in 2025-07. */
function extendCapacityBackwards(wb: MemoryWorkbook): void {
  const [headers, ...body] = wb.tableValues("Capacity")!;
  const found = wb.findTable("Capacity")!;
  found.sheet.tables.splice(found.sheet.tables.indexOf(found.table), 1);
  found.sheet.cells = [];
  const period = headers.indexOf("Period");
  const earlier = body
    .filter((row) => Number(row[period]) >= 46204 && Number(row[period]) < 46388) // 2026-07-01 … 2026-12-31 as Excel serials
    .map((row) => row.map((v, c) => (c === period ? Number(v) - 365 : v)));
  wb.addTable(found.sheet.name, "Capacity", headers as string[], [...earlier, ...body]);
}

function setSetting(wb: MemoryWorkbook, name: string, value: CellValue): void {
  const found = wb.findTable("Settings")!;
  const r = found.sheet.cells.findIndex((row) => row[found.table.column] === name);
  found.sheet.cells[r][found.table.column + 1] = value;
}

describe("new products in the demand plan", () => {
  it("gives CH-300 nothing before its launch and half of CH-110's forecast from 2026-04", async () => {
    const wb = demoWorkbook();
    expect((await session(wb).demandPlan()).ok).toBe(true);
    const plan = rows(wb, "SOP_DemandPlan");
    const eco = plan.filter((r) => r.Item === "CH-300");
    const mesh = plan.filter((r) => r.Item === "CH-110");
    expect(eco).toHaveLength(18);
    eco.forEach((row, t) => {
      const expected = String(row.Period) < "2026-04" ? 0 : 0.5 * Number(mesh[t].Statistical);
      expect(Number(row.Statistical)).toBeCloseTo(expected, 5);
      expect(Number(row.Consensus)).toBeCloseTo(Math.max(0, expected), 5);
    });
    expect(String(eco[5].Model)).toContain("like CH-110 × 0.5");
  }, 60_000);
});

describe("scenarios through the session", () => {
  it("promotes a scenario into the plan and reverts to the previous plan exactly", async () => {
    const wb = demoWorkbook();
    await session(wb).run();
    const base = planTables(wb);
    const baseCH100 = rows(wb, "SOP_DemandPlan").find((r) => r.Item === "CH-100" && r.Period === "2026-04")!;

    const book = await session(wb).promoteScenario("Chair promotion, chase");
    expect(book.promoted).toEqual(["Chair promotion, chase"]);
    const promoted = await session(wb).run();
    expect(promoted.scenario).toBe("Chair promotion, chase");
    expect(promoted.reconcile!.chosen).toBe("chase");
    const ch100 = rows(wb, "SOP_DemandPlan").find((r) => r.Item === "CH-100" && r.Period === "2026-04")!;
    // the scenario's override drives Consensus, but the planner's Override column stays as typed (blank)
    expect(ch100.Consensus).toBe(700);
    expect(ch100.Override).toBe(baseCH100.Override);
    expect(planTables(wb)).not.toEqual(base);
    expect(String(wb.sheet("ExecutiveSummary")!.cells.find((r) => String(r[0]).startsWith("Plan:"))![0])).toContain(
      'scenario "Chair promotion, chase" (chase)',
    );

    await session(wb).revertPromotion();
    expect((await session(wb).run()).scenario).toBeNull();
    expect(planTables(wb)).toEqual(base);
  }, 180_000);

  it("refuses to promote a scenario the sheet does not hold", async () => {
    const wb = demoWorkbook();
    await expect(session(wb).promoteScenario("Nope")).rejects.toThrow(/no scenario "Nope"/);
  });
});

describe("the measure step", () => {
  it("backtests the forecast on the first cycle and measures OTIF from Deliveries", async () => {
    const wb = demoWorkbook();
    const result = await session(wb).measure();
    expect(result.ok).toBe(true);
    expect(result.written).toEqual(["Measure", "PlanLog"]);
    const report = result.measure!;
    expect(report.source).toEqual({ kind: "backtest", periods: 6 });
    expect(report.accuracy[0]).toMatchObject({ level: "total", name: "Total" });
    expect(report.accuracy[0].periods).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
    // a backtest has no overrides to judge: no override FVA, but the model is compared with naive
    expect(report.accuracy[0].overrideValueAdded).toBeNull();
    expect(report.accuracy[0].statisticalValueAdded).not.toBeNull();
    // OTIF equals the engine on the Deliveries table's rows, every line due before 2026-01-01 (serial 46023)
    const lines = rows(wb, "Deliveries").map((r) => ({
      order: String(r.Order),
      item: String(r.Item),
      due: Number(r.Due),
      delivered: r.Delivered === null ? null : Number(r.Delivered),
      quantity: Number(r.Quantity),
      ordered: Number(r.Ordered),
    }));
    const expected = deliveryPerformance(lines, 46022);
    expect(report.delivery).toEqual(expected);
    expect(report.delivery!.otifRate).toBeLessThan(1);
    const measure = rows(wb, "SOP_Measure");
    expect(measure[0]).toMatchObject({ Level: "total", Name: "Total" });
    expect(measure[0]["WMAPE consensus"]).toBeCloseTo(report.accuracy[0].wmapeConsensus!, 12);
  }, 60_000);

  it("measures an earlier cycle's forecast and production against actuals", async () => {
    const wb = demoWorkbook();
    // the earlier cycle: planned from 2025-07, when Sales ended in 2025-06
    extendCapacityBackwards(wb);
    setSetting(wb, "PlanStart", "2025-07");
    expect((await session(wb).run()).ok).toBe(true);
    const earlier = rows(wb, "SOP_DemandPlan");
    const earlierProduction = rows(wb, "SOP_ProductionPlan").find(
      (r) => r.Family === "Desks" && r.Measure === "Production",
    )!;
    // this cycle: from 2026-01; the earlier plan is archived in PlanHistory
    setSetting(wb, "PlanStart", "2026-01");
    expect((await session(wb).run()).ok).toBe(true);
    // Production actuals: Desks made 10 % less than planned in 2025-07 and 2025-08
    wb.addTable(
      "Production",
      "Production",
      ["Family", "Period", "Quantity"],
      [
        ["Desks", "2025-07", 0.9 * Number(earlierProduction["2025-07"])],
        ["Desks", "2025-08", 0.9 * Number(earlierProduction["2025-08"])],
      ],
    );
    const report = (await session(wb).measure()).measure!;
    expect(report.source).toEqual({ kind: "earlier cycle", planStart: "2025-07" });
    const total = report.accuracy[0];
    expect(total.periods).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
    // the measured consensus is the earlier DemandPlan's, summed over items and the six periods
    const consensus = earlier
      .filter((r) => total.periods.includes(String(r.Period)))
      .reduce((s, r) => s + Number(r.Consensus), 0);
    expect(total.consensus).toBeCloseTo(consensus, 3);
    // adherence of Desks: |−10 %| in both periods → 1 − 0.1 = 0.9; attainment 0.9
    const desks = report.adherence!.find((a) => a.name === "Desks")!;
    expect(desks.adherence).toBeCloseTo(0.9, 9);
    expect(desks.attainment).toBeCloseTo(0.9, 9);
  }, 180_000);
});
