/**
 * FamilySOP: every number on the sheet recomputed here from the tables it comes from — Sales,
 * Production and Items (actuals), PlanHistory (what the plan said for a past month), and the plan
 * sheets written with it (ProductionPlan, InventoryPlan, BacklogPlan) — with the definitions of
 * docs/volume-mix.md written out again, not the engine's code.
 */
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import type { CellValue } from "../../src/workbook/port";
import { addSales, serial, setSetting } from "./support/demoCycles";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now });

type Row = Record<string, CellValue>;
function rows(wb: MemoryWorkbook, table: string): Row[] {
  const [headers, ...body] = wb.tableValues(table)!;
  return body.map((row) => Object.fromEntries(headers.map((h, c) => [String(h), row[c]])));
}

describe("FamilySOP: one page per family, plan vs actual then the plan", () => {
  it("every number equals the plan and actual tables", async () => {
    // Four cycles 2025-09 … 2025-12 archived in PlanHistory, then this cycle from 2026-01.
    const wb = demoWorkbook({ historyMonths: 32 });
    const full = demoWorkbook({ historyMonths: 36 });
    setSetting(wb, "ForecastMethod", "naive");
    setSetting(wb, "Horizon", 6);
    const starts = ["2025-09", "2025-10", "2025-11", "2025-12"];
    for (const [k, start] of starts.entries()) {
      if (k > 0) addSales(wb, full, starts[k - 1]);
      setSetting(wb, "PlanStart", start);
      expect((await session(wb).run("chase")).ok).toBe(true);
    }
    addSales(wb, full, "2025-12");
    setSetting(wb, "PlanStart", "2026-01");
    // Production actuals 2025-09 … 2025-12: each family made 95 % of what the cycle of that month planned.
    const history = rows(wb, "SOP_PlanHistory");
    const made: CellValue[][] = [];
    for (const r of history)
      if (r.Item === null && r.PlanStart === r.Period && typeof r.Production === "number")
        made.push([r.Family, r.Period, Math.round(0.95 * r.Production)]);
    expect(made).toHaveLength(3 * 4);
    wb.addTable("Production", "Production", ["Family", "Period", "Quantity"], made);
    const result = await session(wb).run("chase");
    expect(result.ok).toBe(true);
    expect(result.written).toContain("FamilySOP");

    const [headers, ...sheet] = wb.tableValues("SOP_FamilySOP")!;
    const shown = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]; // FamilySOPHistory default 6
    const plan = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
    expect(headers).toEqual(["Family", "Measure", "Line", ...shown, ...plan]);

    // --- the tables, read independently ---
    const archived = rows(wb, "SOP_PlanHistory");
    const items = rows(wb, "Items");
    const sales = rows(wb, "Sales");
    const productionPlan = rows(wb, "SOP_ProductionPlan");
    const inventoryPlan = rows(wb, "SOP_InventoryPlan");
    const backlogPlan = rows(wb, "SOP_BacklogPlan");
    const families = ["Chairs", "Desks", "Storage"];
    // what the plan said for a past month: the newest archived cycle that started at or before it
    const plannedThen = (family: string, period: string, column: string, itemRows: boolean) => {
      const candidates = archived.filter(
        (r) =>
          r.Family === family &&
          r.Period === period &&
          (itemRows ? r.Item !== null : r.Item === null) &&
          String(r.PlanStart) <= period &&
          typeof r[column] === "number",
      );
      if (candidates.length === 0) return null;
      const start = candidates.map((r) => String(r.PlanStart)).sort()[candidates.length - 1];
      return candidates.filter((r) => r.PlanStart === start).reduce((s, r) => s + Number(r[column]), 0);
    };
    const sold = (family: string, period: string) =>
      sales
        .filter((r) => r.Family === family && r.Period === serial(period))
        .reduce((s, r) => s + Number(r.Quantity), 0);
    const madeIn = (family: string, period: string) => {
      const row = made.find((r) => r[0] === family && r[1] === period);
      return row ? Number(row[2]) : null;
    };
    const planRow = (table: Row[], family: string, measure?: string) =>
      table.find((r) => r.Family === family && (measure === undefined || r.Measure === measure))!;

    let compared = 0;
    const expectLine = (family: string, measure: string, line: string, values: (number | null)[]) => {
      const found = sheet.find((r) => r[0] === family && r[1] === measure && r[2] === line);
      expect(found).toBeDefined();
      values.forEach((v, c) => {
        const cell = found![3 + c];
        if (v === null)
          expect([family, measure, line, headers[3 + c], cell]).toEqual([family, measure, line, headers[3 + c], null]);
        else {
          expect(typeof cell).toBe("number");
          expect(cell as number).toBeCloseTo(v, 4);
          compared++;
        }
      });
    };
    const blanks = plan.map(() => null);
    const diff = (a: (number | null)[], p: (number | null)[]) =>
      a.map((x, t) => (x === null || p[t] === null ? null : x - p[t]!));
    const cumulative = (d: (number | null)[]) => {
      let total = 0;
      return d.map((x) => (x === null ? null : (total += x)));
    };

    for (const family of families) {
      const mine = items.filter((r) => r.Family === family);
      const openInv = mine.reduce((s, r) => s + Number(r.OpeningInventory ?? 0), 0);
      const openBack = mine.reduce((s, r) => s + Number(r.OpeningBacklog ?? 0), 0);
      // history
      const demandPlan = shown.map((p) => plannedThen(family, p, "Consensus", true));
      const demandActual = shown.map((p) => sold(family, p));
      const productionPlanThen = shown.map((p) => plannedThen(family, p, "Production", false));
      const productionActual = shown.map((p) => madeIn(family, p));
      // positions walked back from the opening position (end of 2025-12)
      const net: (number | null)[] = new Array(shown.length + 1).fill(null);
      net[shown.length] = openInv - openBack;
      for (let t = shown.length - 1; t >= 0; t--)
        net[t] =
          net[t + 1] === null || productionActual[t] === null
            ? null
            : net[t + 1]! - productionActual[t]! + demandActual[t];
      const invActual = net
        .slice(1)
        .map((n, t) => (n === null ? null : t === shown.length - 1 ? openInv : Math.max(n, 0)));
      const backActual = net
        .slice(1)
        .map((n, t) => (n === null ? null : t === shown.length - 1 ? openBack : Math.max(-n, 0)));
      const invPlanThen = shown.map((p) => plannedThen(family, p, "Inventory", false));
      const backPlanThen = shown.map((p) => plannedThen(family, p, "Backlog", false));
      // the plan
      const pd = plan.map((p) => Number(planRow(productionPlan, family, "Demand")[p]));
      const pp = plan.map((p) => Number(planRow(productionPlan, family, "Production")[p]));
      const pi = plan.map((p) => Number(planRow(inventoryPlan, family)[p]));
      const pb = plan.map((p) => Number(planRow(backlogPlan, family)[p]));

      expectLine(family, "Demand", "Plan", [...demandPlan, ...pd]);
      expectLine(family, "Demand", "Actual", [...demandActual, ...blanks]);
      expectLine(family, "Demand", "Difference", [...diff(demandActual, demandPlan), ...blanks]);
      expectLine(family, "Demand", "Cumulative difference", [...cumulative(diff(demandActual, demandPlan)), ...blanks]);
      expectLine(family, "Production", "Plan", [...productionPlanThen, ...pp]);
      expectLine(family, "Production", "Actual", [...productionActual, ...blanks]);
      expectLine(family, "Production", "Difference", [...diff(productionActual, productionPlanThen), ...blanks]);
      expectLine(family, "Production", "Cumulative difference", [
        ...cumulative(diff(productionActual, productionPlanThen)),
        ...blanks,
      ]);
      expectLine(family, "Inventory", "Plan", [...invPlanThen, ...pi]);
      expectLine(family, "Inventory", "Actual", [...invActual, ...blanks]);
      expectLine(family, "Inventory", "Difference", [...diff(invActual, invPlanThen), ...blanks]);
      expectLine(family, "Backlog", "Plan", [...backPlanThen, ...pb]);
      expectLine(family, "Backlog", "Actual", [...backActual, ...blanks]);
      expectLine(family, "Backlog", "Difference", [...diff(backActual, backPlanThen), ...blanks]);
      // fill rate (%): served = min(demand, max(inventory before + made − backlog before, 0))
      const served = (d: number, onHand: number, m: number, owed: number) =>
        Math.min(d, Math.max(onHand + m - owed, 0));
      const fillHistory = shown.map((_, t) => {
        const before = net[t];
        if (before === null || productionActual[t] === null || !(demandActual[t] > 0)) return null;
        return (
          (100 * served(demandActual[t], Math.max(before, 0), productionActual[t]!, Math.max(-before, 0))) /
          demandActual[t]
        );
      });
      const fillPlan = plan.map((_, t) => {
        if (!(pd[t] > 0)) return null;
        const onHand = t === 0 ? openInv : pi[t - 1];
        const owed = t === 0 ? openBack : pb[t - 1];
        return (100 * served(pd[t], onHand, pp[t], owed)) / pd[t];
      });
      expectLine(family, "Fill rate %", "Actual, then plan", [...fillHistory, ...fillPlan]);
      // days of supply = inventory ÷ (demand × 12 ÷ 365)
      const dos = (inv: number | null, d: number) => (inv === null || !(d > 0) ? null : inv / ((d * 12) / 365));
      expectLine(family, "Days of supply", "Actual, then plan", [
        ...shown.map((_, t) => dos(invActual[t], demandActual[t])),
        ...plan.map((_, t) => dos(pi[t], pd[t])),
      ]);
    }
    // 16 lines a family, one printed page each
    expect(sheet).toHaveLength(3 * 16);
    expect(wb.sheet("FamilySOP")!.pageBreaks).toEqual([16, 32]);
    // Numbers compared (the rest are blanks checked as blanks), per family: history — demand plan 4
    // (2025-09 … 12 have an archived cycle), actual 6, difference 4, cumulative 4; production 4 × 4
    // (actuals 09 … 12); inventory and backlog plan 4, actual 5 (positions known back to the end of
    // 08), difference 4; fill rate 4; days of supply 5 — 69; plan months: 6 × 6 lines — 36.
    expect(compared).toBe(3 * (69 + 36));

    // Settings FamilySOPHistory chooses how many past months are shown.
    setSetting(wb, "FamilySOPHistory", 3);
    expect((await session(wb).executive("chase")).ok).toBe(true);
    expect(wb.tableValues("SOP_FamilySOP")![0]).toEqual(["Family", "Measure", "Line", ...shown.slice(3), ...plan]);
  });
});
