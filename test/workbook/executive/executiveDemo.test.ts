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
import { summary as cliSummary } from "../../../src/cli/main";
import { rccpLoad } from "../../../src/engine/capacity/rccpLoad";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));

/** A Capacity Period cell (a date serial or text) as the plan's `YYYY-MM` label. */
function periodLabel(value: CellValue): string {
  if (typeof value === "number") {
    const date = new Date(Date.UTC(1899, 11, 30) + value * 86400000);
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  return String(value).slice(0, 7);
}

function table(values: CellValue[][]): Record<string, CellValue>[] {
  const [headers, ...rows] = values;
  return rows.map((row) => Object.fromEntries(headers.map((h, c) => [String(h), row[c]])));
}

describe("ExecutiveSummary on the demo workbook", () => {
  let wb: MemoryWorkbook;
  let summary: CellValue[][];
  let printed: string;
  let reconcileBill: { family: number; resource: number; hoursPerUnit: number; offset?: number }[];
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

  const periodsOfPlan = () =>
    wb
      .tableValues("SOP_InventoryPlan")![0]
      .map(String)
      .filter((h) => /^\d{4}-\d{2}$/.test(h));
  /** units shipped = demand + backlog before − backlog after, from the plan tables (the demo has no opening backlog) */
  const shippedOf = (family: string): number[] => {
    const demand = familyRows(wb.tableValues("SOP_ProductionPlan")!).get(`${family}|Demand`)!;
    const owed = familyRows(wb.tableValues("SOP_BacklogPlan")!).get(family)!;
    return demand.map((d, t) => d + (t === 0 ? 0 : owed[t - 1]) - owed[t]);
  };

  beforeAll(async () => {
    wb = demoWorkbook();
    const result = await new PlanningSession(wb, { now, solver: async () => createHighsSolver() }).run();
    expect(result.ok).toBe(true);
    printed = cliSummary(result, "out.xlsx");
    reconcileBill = result.reconcile!.input.bill;
    summary = wb.sheet("ExecutiveSummary")!.cells;
  }, 120_000);

  it("shows the headline KPIs the plan tables give", () => {
    const kpi = Object.fromEntries(summary[0].map((h, c) => [String(h), summary[1][c] as number]));
    const inventory = familyRows(wb.tableValues("SOP_InventoryPlan")!, "Inventory").get("All families")!;
    const backlog = familyRows(wb.tableValues("SOP_BacklogPlan")!).get("All families")!;
    // units as a planner reads them: whole
    expect(kpi["Ending inventory"]).toBe(Math.round(inventory[inventory.length - 1]));
    expect(kpi["Ending backlog"]).toBe(Math.round(backlog[backlog.length - 1]));
    expect(kpi["Peak backlog"]).toBe(Math.round(Math.max(...backlog)));
    // peak utilization = the plan's hours ÷ regular hours, from CapacityLoad's plan columns and the Capacity table
    const load = table(wb.tableValues("SOP_CapacityLoad")!);
    const capacity = table(wb.tableValues("Capacity")!);
    const capacityOf = (resource: unknown, period: unknown) =>
      capacity.find((c) => c.Resource === resource && periodLabel(c.Period) === period)!;
    const planUtilization = load.map(
      (r) =>
        (Number(r.PlanRegularHours) + Number(r.PlanOvertimeHours)) / Number(capacityOf(r.Resource, r.Period).Hours),
    );
    expect(kpi["Peak utilization"]).toBeCloseTo(Math.max(...planUtilization), 4);
    // the plan's hours never exceed regular + overtime hours
    for (const r of load) {
      const c = capacityOf(r.Resource, r.Period);
      expect(Number(r.PlanRegularHours)).toBeLessThanOrEqual(Number(c.Hours) + 1e-6);
      expect(Number(r.PlanOvertimeHours)).toBeLessThanOrEqual(Number(c.OvertimeHours) + 1e-6);
    }

    // revenue = units shipped × the family's unit price (Items' UnitPrice weighted by consensus);
    // shipped = demand + backlog before − backlog after
    const items = table(wb.tableValues("Items")!);
    const consensus = new Map<string, number>();
    for (const r of table(wb.tableValues("SOP_DemandPlan")!))
      if (r.Consensus !== null)
        consensus.set(String(r.Item), (consensus.get(String(r.Item)) ?? 0) + Number(r.Consensus));
    const mix = (family: string, column: string) => {
      const members = items.filter((r) => r.Family === family);
      const volume = members.reduce((s, r) => s + (consensus.get(String(r.Item)) ?? 0), 0);
      return members.reduce((s, r) => s + (consensus.get(String(r.Item)) ?? 0) * Number(r[column] ?? 0), 0) / volume;
    };
    const plan = familyRows(wb.tableValues("SOP_ProductionPlan")!);
    const stockRows = familyRows(wb.tableValues("SOP_InventoryPlan")!, "Inventory");
    const owedRows = familyRows(wb.tableValues("SOP_BacklogPlan")!);
    const families = [...new Set(items.map((r) => String(r.Family)))];
    const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
    let revenue = 0;
    let material = 0;
    for (const family of families) {
      const opening = items.filter((r) => r.Family === family).reduce((s, r) => s + Number(r.OpeningBacklog ?? 0), 0);
      const owedF = owedRows.get(family)!;
      const shipped = plan.get(`${family}|Demand`)!.map((d, t) => d + (t === 0 ? opening : owedF[t - 1]) - owedF[t]);
      revenue += total(shipped) * mix(family, "UnitPrice");
      material += total(plan.get(`${family}|Production`)!) * mix(family, "UnitCost");
    }
    expect(kpi.Revenue).toBeCloseTo(revenue, 0);
    // cost of goods = UnitCost × units made + the plan's hours at the Capacity table's rates
    // + Settings' holding, backlog and subcontract costs on the plan tables
    const settings = new Map(table(wb.tableValues("Settings")!).map((r) => [r.Name, Number(r.Value)]));
    let hoursCost = 0;
    for (const r of load) {
      const c = capacityOf(r.Resource, r.Period);
      hoursCost +=
        Number(r.PlanRegularHours) * Number(c.CostPerHour) +
        Number(r.PlanOvertimeHours) * Number(c.OvertimeCostPerHour);
    }
    const costOfGoods =
      material +
      hoursCost +
      (settings.get("holdingCost") ?? 0) * total(stockRows.get("All families")!) +
      (settings.get("backlogCost") ?? 0) * total(owedRows.get("All families")!) +
      (settings.get("subcontractCost") ?? 0) * total(plan.get("All families|Subcontract")!);
    expect(kpi["Cost of goods"]).toBeCloseTo(costOfGoods, 0);
    expect(kpi["Gross margin"]).toBeCloseTo(revenue - costOfGoods, 0);
    expect(kpi["Margin %"]).toBeCloseTo((revenue - costOfGoods) / revenue, 6);
    // the FinancialPlan sheet's total row says the same
    const financial = table(wb.tableValues("SOP_FinancialPlan")!);
    const all = financial.find((r) => r.Family === "All families" && r.Period === "Total")!;
    expect(Number(all.CostOfGoods)).toBeCloseTo(kpi["Cost of goods"], 2);
    expect(Number(all.Revenue)).toBeCloseTo(kpi.Revenue, 2);

    // days of supply and turns from the plan tables: annual usage = mean consensus × 12
    const demandAll = plan.get("All families|Demand")!;
    const stockAll = stockRows.get("All families")!;
    const annualUsage = (total(demandAll) / demandAll.length) * 12;
    expect(kpi["Days of supply"]).toBeCloseTo(stockAll[stockAll.length - 1] / (annualUsage / 365), 4);
    expect(kpi["Inventory turns"]).toBeCloseTo(annualUsage / (total(stockAll) / stockAll.length), 4);

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
    const stock = familyRows(wb.tableValues("SOP_InventoryPlan")!, "Inventory");
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

  it("keeps every family at or above its inventory target every month, or lists the shortfall as a decision", () => {
    // target = Σ the family's items' SafetyStock (Items; the demo sets no SafetyStockDays);
    // below target = target − (InventoryPlan − BacklogPlan), whole units as the message prints them
    const items = table(wb.tableValues("Items")!);
    const stock = familyRows(wb.tableValues("SOP_InventoryPlan")!, "Inventory");
    const owed = familyRows(wb.tableValues("SOP_BacklogPlan")!);
    const periods = wb
      .tableValues("SOP_InventoryPlan")![0]
      .map(String)
      .filter((h) => /^\d{4}-\d{2}$/.test(h));
    const decisions = sectionRows("Decisions needed").filter((r) => r[0] === "Below inventory target");
    let listed = 0;
    for (const family of new Set(items.map((r) => String(r.Family)))) {
      const target = items.filter((r) => r.Family === family).reduce((s, r) => s + Number(r.SafetyStock ?? 0), 0);
      expect(target).toBeGreaterThan(0);
      stock.get(family)!.forEach((inventory, t) => {
        const short = target - (inventory - owed.get(family)![t]);
        const mention = `${periods[t]} ${Math.round(short).toLocaleString("en-US")} of ${target.toLocaleString("en-US")}`;
        const message = decisions.find((r) => r[1] === family && String(r[6]).includes(`${periods[t]} `));
        if (short > 0.5) {
          expect(message).toBeDefined();
          expect(String(message![6])).toContain(mention);
          listed++;
        } else expect(message === undefined || !String(message[6]).includes(mention)).toBe(true);
      });
    }
    // the plan ends every family at its target (the last period's target is hard)
    for (const family of new Set(items.map((r) => String(r.Family)))) {
      const target = items.filter((r) => r.Family === family).reduce((s, r) => s + Number(r.SafetyStock ?? 0), 0);
      expect(stock.get(family)!.at(-1)!).toBeGreaterThanOrEqual(target - 1e-6);
    }
    // InventoryPlan shows the target and the shortfall beside the inventory, same definitions
    const all = familyRows(wb.tableValues("SOP_InventoryPlan")!);
    for (const family of new Set(items.map((r) => String(r.Family)))) {
      const target = items.filter((r) => r.Family === family).reduce((s, r) => s + Number(r.SafetyStock ?? 0), 0);
      expect(all.get(`${family}|Target`)).toEqual(periods.map(() => target));
      all
        .get(`${family}|Shortfall`)!
        .forEach((short, t) =>
          expect(short).toBeCloseTo(Math.max(target - (stock.get(family)![t] - owed.get(family)![t]), 0), 5),
        );
    }
    // each decision's size is its largest shortfall, whole
    for (const r of decisions) expect(Number.isInteger(r[3])).toBe(true);
    expect(decisions.length).toBeGreaterThan(0);
    expect(listed).toBeGreaterThan(0);
  });

  it("sets the Budget beside the plan: gap = plan − budget by family and month, totals foot", () => {
    // the demo's Budget: 2026-01 to 2026-12, every family, Units and Revenue (the plan runs to 2027-06)
    const budget = table(wb.tableValues("Budget")!);
    expect(budget).toHaveLength(3 * 12);
    const financial = table(wb.tableValues("SOP_FinancialPlan")!);
    const row = (family: string, period: string) => financial.find((r) => r.Family === family && r.Period === period)!;
    for (const b of budget) {
      const r = row(String(b.Family), periodLabel(b.Period));
      expect([r.BudgetUnits, r.BudgetRevenue]).toEqual([b.Units, b.Revenue]);
      expect(r.UnitsGap).toBe(Number(r.UnitsShipped) - Number(b.Units));
      expect(Number(r.RevenueGap)).toBeCloseTo(Number(r.Revenue) - Number(b.Revenue), 2);
    }
    // no budget, no gap
    expect(row("Storage", "2027-01").UnitsGap).toBeNull();
    // the all-families gap of a month is the sum of its families' exact gaps (units shipped from
    // the plan tables' demand and backlog − budget units), shown whole; the Total row foots its whole cells
    const all = row("All families", "Total");
    const gaps = financial.filter((r) => r.Family !== "All families" && r.Period !== "Total" && r.UnitsGap !== null);
    expect(gaps).toHaveLength(36);
    const months = periodsOfPlan();
    const allMonths = months.map((m) => row("All families", m));
    months.forEach((month, t) => {
      const lines = budget.filter((b) => periodLabel(b.Period) === month);
      if (lines.length === 0) return expect(allMonths[t].UnitsGap).toBeNull();
      const exact = lines.reduce((s, b) => s + shippedOf(String(b.Family))[t] - Number(b.Units), 0);
      expect(Math.abs(Number(allMonths[t].UnitsGap) - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
    });
    expect(all.UnitsGap).toBe(allMonths.reduce((s, r) => s + Number(r.UnitsGap ?? 0), 0));
    expect(Number(all.RevenueGap)).toBeCloseTo(
      gaps.reduce((s, r) => s + Number(r.RevenueGap), 0),
      2,
    );
  });

  it("shows revenue and units against budget on the ExecutiveSummary, by family and in total, recomputed from FinancialPlan and Budget", () => {
    const title = summary.find((r) => String(r[0]).startsWith("Plan vs budget"))![0];
    // the basis is named: the months, the sheet and the table it compares
    expect(title).toBe(
      "Plan vs budget, 2026-01 to 2026-12: the FinancialPlan's units shipped and revenue against the Budget table, over the family-months the budget covers; gap = plan − budget",
    );
    const rows = sectionRows("Plan vs budget");
    const financial = table(wb.tableValues("SOP_FinancialPlan")!);
    const budget = table(wb.tableValues("Budget")!);
    const families = ["Chairs", "Desks", "Storage"];
    expect(rows.map((r) => r[0])).toEqual([...families, "All families"]);
    const expected = families.map((family) => {
      const months = budget.filter((b) => b.Family === family);
      const plan = months.map((b) => financial.find((r) => r.Family === family && r.Period === periodLabel(b.Period))!);
      const add = (values: CellValue[]) => values.reduce<number>((s, v) => s + Number(v), 0);
      const shipped = shippedOf(family);
      return {
        budgetUnits: add(months.map((b) => b.Units)),
        planUnits: add(months.map((b) => shipped[periodsOfPlan().indexOf(periodLabel(b.Period))])),
        budgetRevenue: add(months.map((b) => b.Revenue)),
        planRevenue: add(plan.map((r) => r.Revenue)),
      };
    });
    const all = {
      budgetUnits: expected.reduce((s, e) => s + e.budgetUnits, 0),
      planUnits: expected.reduce((s, e) => s + e.planUnits, 0),
      budgetRevenue: expected.reduce((s, e) => s + e.budgetRevenue, 0),
      planRevenue: expected.reduce((s, e) => s + e.planRevenue, 0),
    };
    [...expected, all].forEach((e, k) => {
      const [, budgetUnits, planUnits, unitsGap, unitsGapShare, budgetRevenue, planRevenue, revenueGap, revenueShare] =
        rows[k] as number[];
      // units whole as the sheet shows them (UnitsShipped is stored to 1e-6)
      expect(budgetUnits).toBe(e.budgetUnits);
      expect(planUnits).toBe(Math.round(e.planUnits));
      expect(Math.abs(unitsGap - (e.planUnits - e.budgetUnits))).toBeLessThanOrEqual(0.5);
      expect(unitsGapShare).toBeCloseTo((e.planUnits - e.budgetUnits) / e.budgetUnits, 6);
      expect(budgetRevenue).toBeCloseTo(e.budgetRevenue, 2);
      expect(planRevenue).toBeCloseTo(e.planRevenue, 2);
      expect(revenueGap).toBeCloseTo(e.planRevenue - e.budgetRevenue, 2);
      expect(revenueShare).toBeCloseTo((e.planRevenue - e.budgetRevenue) / e.budgetRevenue, 9);
    });
    // the CLI summary (npm run demo) prints the all-families row with its months and basis
    const [, budgetUnits, planUnits, unitsGap, , budgetRevenue, planRevenue, revenueGap] = rows[3] as number[];
    const n = (v: number) => Math.round(v).toLocaleString("en-US");
    expect(printed).toContain(
      `Plan vs budget, 2026-01 to 2026-12 (FinancialPlan vs the Budget table): revenue ${n(planRevenue)} vs ${n(budgetRevenue)} (+${n(revenueGap)}, +`,
    );
    expect(printed).toContain(`units shipped ${n(planUnits)} vs ${n(budgetUnits)} (+${n(unitsGap)}, +`);
  });

  it("prints amounts as a planner reads them: no float noise in the pack's text or the CLI summary", () => {
    // text: any number with a decimal point has at most two decimals (money in cents, units whole)
    const texts = [...summary.flat().filter((c): c is string => typeof c === "string"), printed];
    for (const text of texts) expect(text).not.toMatch(/\d\.\d{3,}/);
    // the CLI summary's money and units are whole with thousands separators (e.g. "1,323,347")
    expect(printed).toMatch(
      /revenue \d{1,3}(,\d{3})*, cost of goods \d{1,3}(,\d{3})*, gross margin -?\d{1,3}(,\d{3})*\./,
    );
    // decisions: the size cell is the whole number the message prints
    for (const row of sectionRows("Decisions needed").filter((r) => /overload|backlog|inventory/i.test(String(r[0])))) {
      expect(Number.isInteger(row[3])).toBe(true);
      expect(String(row[6])).toContain(Number(row[3]).toLocaleString("en-US"));
    }
  });

  it("CapacityLoad's plan hours are RCCP_LOAD of ProductionPlan (the demo's Paint lines have a 1-month offset)", () => {
    // units made in house = ProductionPlan's Regular + Overtime rows; the family bill with its
    // offsets (BillOfResources' OffsetPeriods) as the reconciliation built it
    expect(reconcileBill.some((line) => (line.offset ?? 0) > 0)).toBe(true);
    const made = familyRows(wb.tableValues("SOP_ProductionPlan")!);
    const families = ["Chairs", "Desks", "Storage"];
    const plan = families.map((f) => made.get(`${f}|Regular`)!.map((u, t) => u + made.get(`${f}|Overtime`)![t]));
    const resources = ["Assembly", "Paint", "Upholstery", "Packing"];
    const { load, pastDueLoad } = rccpLoad({
      plan,
      bill: reconcileBill.map((l) => ({
        item: l.family,
        resource: l.resource,
        hoursPerUnit: l.hoursPerUnit,
        offset: l.offset,
      })),
      resourceCount: resources.length,
    });
    const capacity = table(wb.tableValues("SOP_CapacityLoad")!);
    resources.forEach((resource, r) => {
      const rows = capacity.filter((row) => row.Resource === resource);
      rows.forEach((row, t) =>
        // sheet values are stored to 1e-6; the sum of ~40 such products stays within 1e-3 hours
        expect(Number(row.PlanRegularHours) + Number(row.PlanOvertimeHours)).toBeCloseTo(load[r][t], 3),
      );
      // past due: named on the first row, inside its hours; the pack raises it as a decision
      expect(Number(rows[0].PlanPastDueHours)).toBeCloseTo(pastDueLoad[r], 3);
      expect(rows.slice(1).every((row) => row.PlanPastDueHours === null)).toBe(true);
      const decision = sectionRows("Decisions needed").find((d) => d[0] === "Past-due load" && d[1] === resource);
      if (pastDueLoad[r] >= 0.5) {
        expect(decision![3]).toBe(Math.round(pastDueLoad[r]));
        expect(String(decision![6])).toContain(
          `${resource}: ${Math.round(pastDueLoad[r]).toLocaleString("en-US")} h past due — release now or re-plan`,
        );
      } else expect(decision).toBeUndefined();
    });
    // the demo's Desks and Storage are painted a month ahead, so Paint has past-due hours
    expect(pastDueLoad[resources.indexOf("Paint")]).toBeGreaterThan(0);
  });

  it("shows the plan's overtime in units and hours: ProductionPlan's hours rows add up to CapacityLoad's plan hours", () => {
    // ProductionPlan's RegularHours and OvertimeHours rows share each resource's plan hours among
    // the families (docs/finance.md), so per period Σ families = Σ resources of CapacityLoad
    const made = familyRows(wb.tableValues("SOP_ProductionPlan")!);
    const load = table(wb.tableValues("SOP_CapacityLoad")!);
    const periods = periodsOfPlan();
    const families = ["Chairs", "Desks", "Storage"];
    let overtimeHours = 0;
    periods.forEach((period, t) => {
      const rows = load.filter((r) => r.Period === period);
      const regular = rows.reduce((s, r) => s + Number(r.PlanRegularHours), 0);
      const overtime = rows.reduce((s, r) => s + Number(r.PlanOvertimeHours), 0);
      expect(families.reduce((s, f) => s + made.get(`${f}|RegularHours`)![t], 0)).toBeCloseTo(regular, 3);
      expect(families.reduce((s, f) => s + made.get(`${f}|OvertimeHours`)![t], 0)).toBeCloseTo(overtime, 3);
      // a month with overtime hours has overtime units, and a family's overtime units are among its units made
      const units = families.reduce((s, f) => s + made.get(`${f}|Overtime`)![t], 0);
      if (overtime > 1e-3) expect(units).toBeGreaterThan(0);
      else expect(units).toBeCloseTo(0, 6);
      for (const f of families) {
        const inHouse = made.get(`${f}|Regular`)![t] + made.get(`${f}|Overtime`)![t];
        expect(made.get(`${f}|Production`)![t]).toBeCloseTo(inHouse + made.get(`${f}|Subcontract`)![t], 4);
      }
      overtimeHours += overtime;
    });
    // the demo's optimal plan works overtime (the crunch of the summer shutdown and the autumn peak)
    expect(overtimeHours).toBeGreaterThan(0);
  });

  it("draws demand vs supply and the projection from the plan tables", () => {
    const made = familyRows(wb.tableValues("SOP_ProductionPlan")!);
    const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
    for (const [family, demand, supply] of sectionRows("Demand vs supply by family")) {
      expect(demand as number).toBeCloseTo(total(made.get(`${family}|Demand`)!), 3);
      expect(supply as number).toBeCloseTo(total(made.get(`${family}|Production`)!), 3);
    }
    const projection = sectionRows("Inventory and backlog projection");
    const inventory = familyRows(wb.tableValues("SOP_InventoryPlan")!, "Inventory").get("All families")!;
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
        const expected = load.find((r) => r.Resource === header[c] && r.Period === row[0])!.PlanUtilization;
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
    expect(options[2][5] as number).toBeCloseTo(Number(log[log.length - 1].FillRate), 5);
    // the plan's gross margin = the headline's (one definition)
    const kpi = Object.fromEntries(summary[0].map((h, c) => [String(h), summary[1][c] as number]));
    expect(options[2][4] as number).toBeCloseTo(kpi["Gross margin"], 2);
  });
});
