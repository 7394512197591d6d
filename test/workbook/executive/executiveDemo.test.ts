/**
 * The executive pack on the demo workbook, end to end: every number on ExecutiveSummary equals
 * the plan tables written beside it. That the .xlsx carries three native charts that openpyxl
 * reads back and LibreOffice draws is executiveDemoRender.slow.test.ts.
 */
import { createHighsSolver } from "../../../src/solver/highs";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import type { CellValue } from "../../../src/workbook/port";
import { familyRows } from "../support/planTables";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));

function table(values: CellValue[][]): Record<string, CellValue>[] {
  const [headers, ...rows] = values;
  return rows.map((row) => Object.fromEntries(headers.map((h, c) => [String(h), row[c]])));
}

describe("ExecutiveSummary on the demo workbook", () => {
  let wb: MemoryWorkbook;
  let summary: CellValue[][];
  const sectionRows = (title: string): CellValue[][] => {
    const start = summary.findIndex((row) => typeof row[0] === "string" && (row[0] as string).startsWith(title));
    expect(start).toBeGreaterThan(0);
    const rows: CellValue[][] = [];
    for (
      let r = start + 2;
      r < summary.length && summary[r]?.some((v) => v !== null && v !== undefined && v !== "");
      r++
    )
      rows.push(summary[r]);
    return rows;
  };

  beforeAll(async () => {
    wb = demoWorkbook();
    const result = await new PlanningSession(wb, { now, solver: async () => createHighsSolver() }).run();
    expect(result.ok).toBe(true);
    summary = wb.sheet("ExecutiveSummary")!.cells;
  }, 120_000);

  it("shows the headline KPIs the plan tables give", () => {
    const kpi = Object.fromEntries(summary[0].map((h, c) => [String(h), summary[1][c] as number]));
    const inventory = familyRows(wb.tableValues("SOP_InventoryPlan")!).get("All families")!;
    const backlog = familyRows(wb.tableValues("SOP_BacklogPlan")!).get("All families")!;
    expect(kpi["Ending inventory"]).toBeCloseTo(inventory[inventory.length - 1], 4);
    expect(kpi["Ending backlog"]).toBeCloseTo(backlog[backlog.length - 1], 4);
    expect(kpi["Peak backlog"]).toBeCloseTo(Math.max(...backlog), 4);
    // peak utilization = the largest Utilization on CapacityLoad
    const load = table(wb.tableValues("SOP_CapacityLoad")!);
    expect(kpi["Peak utilization"]).toBeCloseTo(Math.max(...load.map((r) => Number(r.Utilization ?? 0))), 4);
    // revenue = Σ DemandPlan Consensus × Items UnitPrice
    const price = new Map(table(wb.tableValues("Items")!).map((r) => [r.Item, Number(r.UnitPrice ?? 0)]));
    const revenue = table(wb.tableValues("SOP_DemandPlan")!).reduce(
      (sum, r) => sum + Number(r.Consensus ?? 0) * (price.get(r.Item) ?? 0),
      0,
    );
    expect(kpi.Revenue).toBeCloseTo(revenue, 0);
    // fill rate from the plan tables: demand served in its own period, backlog first
    const made = familyRows(wb.tableValues("SOP_ProductionPlan")!);
    const openings = new Map<string, { inventory: number; backlog: number }>();
    for (const r of table(wb.tableValues("Items")!)) {
      const o = openings.get(String(r.Family)) ?? { inventory: 0, backlog: 0 };
      o.inventory += Number(r.OpeningInventory ?? 0);
      o.backlog += Number(r.OpeningBacklog ?? 0);
      openings.set(String(r.Family), o);
    }
    let served = 0;
    let asked = 0;
    const stock = familyRows(wb.tableValues("SOP_InventoryPlan")!);
    const owed = familyRows(wb.tableValues("SOP_BacklogPlan")!);
    for (const [family, open] of openings) {
      const d = made.get(`${family}|Demand`)!;
      const p = made.get(`${family}|Production`)!;
      d.forEach((demand, t) => {
        const onHand = t === 0 ? open.inventory : stock.get(family)![t - 1];
        const due = t === 0 ? open.backlog : owed.get(family)![t - 1];
        served += Math.min(demand, Math.max(onHand + p[t] - due, 0));
        asked += demand;
      });
    }
    expect(kpi["Fill rate"]).toBeCloseTo(served / asked, 4);
  });

  it("draws demand vs supply and the projection from the plan tables", () => {
    const made = familyRows(wb.tableValues("SOP_ProductionPlan")!);
    const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
    for (const [family, demand, supply] of sectionRows("Demand vs supply by family")) {
      expect(demand as number).toBeCloseTo(total(made.get(`${family}|Demand`)!), 3);
      expect(supply as number).toBeCloseTo(total(made.get(`${family}|Production`)!), 3);
    }
    const projection = sectionRows("Inventory and backlog projection");
    const inventory = familyRows(wb.tableValues("SOP_InventoryPlan")!).get("All families")!;
    const backlog = familyRows(wb.tableValues("SOP_BacklogPlan")!).get("All families")!;
    expect(projection).toHaveLength(inventory.length);
    projection.forEach((row, t) => {
      expect(row[1] as number).toBeCloseTo(made.get("All families|Demand")![t], 3);
      expect(row[2] as number).toBeCloseTo(made.get("All families|Production")![t], 3);
      expect(row[3] as number).toBeCloseTo(inventory[t], 3);
      expect(row[4] as number).toBeCloseTo(backlog[t], 3);
    });
    const load = table(wb.tableValues("SOP_CapacityLoad")!);
    const utilization = sectionRows("Utilization by resource");
    const header = summary[summary.findIndex((r) => String(r[0]).startsWith("Utilization by resource")) + 1];
    for (const row of utilization) {
      for (let c = 1; c < header.length && header[c]; c++) {
        const expected = load.find((r) => r.Resource === header[c] && r.Period === row[0])!.Utilization;
        if (expected === null) expect(row[c]).toBeNull();
        else expect(row[c] as number).toBeCloseTo(Number(expected), 4);
      }
    }
  });

  it("compares the three strategies and the saved scenarios with the plan's KPIs", () => {
    const options = sectionRows("Options compared");
    expect(options.map((r) => r[0])).toEqual([
      "chase",
      "level",
      "optimal (plan)",
      "scenario: Second paint shift",
      "scenario: Chair promotion, chase",
    ]);
    const log = table(wb.tableValues("SOP_PlanLog")!);
    // the plan's total cost and fill rate match the PlanLog row of this run
    expect(options[2][1] as number).toBeCloseTo(Number(log[log.length - 1].TotalCost), 0);
    expect(options[2][4] as number).toBeCloseTo(Number(log[log.length - 1].FillRate), 5);
  });
});
