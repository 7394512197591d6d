/**
 * The executive pack on the demo workbook, end to end: every number on ExecutiveSummary equals
 * the plan tables written beside it, and the .xlsx carries three native charts that openpyxl
 * reads back and LibreOffice draws (pages kept under test-artifacts/executive/).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { createHighsSolver } from "../../../src/solver/highs";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import type { CellValue, OutputSheet } from "../../../src/workbook/port";
import { familyRows } from "../support/planTables";
import { countColourPixels, renderToPng } from "../../support/renderXlsx";

const ARTIFACTS = path.join(__dirname, "../../../test-artifacts/executive");
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

  it("writes three native charts into the .xlsx that openpyxl reads and LibreOffice draws", async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The demo workbook through the .xlsx adapter, as the CLI writes it
    const xlsx = XlsxWorkbook.fromMemory(demoWorkbook());
    const run = await new PlanningSession(xlsx, { now, solver: async () => createHighsSolver() }).run();
    expect(run.ok).toBe(true);
    const file = path.join(ARTIFACTS, "sop-demo.xlsx");
    fs.writeFileSync(file, await xlsx.toBuffer());
    const script = [
      "import sys, openpyxl",
      "ws = openpyxl.load_workbook(sys.argv[1])['ExecutiveSummary']",
      "for ch in ws._charts:",
      "    print(type(ch).__name__, len(ch.series), ch.series[0].val.numRef.f)",
    ].join("\n");
    const charts = execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }).trim().split("\n");
    expect(charts).toHaveLength(3);
    expect(charts[0]).toMatch(/^BarChart 2 'ExecutiveSummary'!\$B\$\d+:\$B\$\d+$/);
    expect(charts[1]).toMatch(/^LineChart 4 /); // one line per resource: Assembly, Paint, Upholstery, Packing
    expect(charts[2]).toMatch(/^LineChart 2 /);

    // The summary alone (as the executive receives it), rendered to PDF and PNG pages
    const alone = XlsxWorkbook.fromMemory(new MemoryWorkbook());
    const sheet = wb.sheet("ExecutiveSummary")!;
    const output: OutputSheet = {
      name: "ExecutiveSummary",
      tableName: "SOP_ExecutiveSummary",
      headers: sheet.cells[0] as string[],
      rows: [sheet.cells[1]],
      numberFormats: sheet.numberFormats,
      columnWidths: sheet.columnWidths,
      landscape: true,
      sections: sheet.sections,
      charts: sheet.charts,
    };
    await alone.writeSheets([output]);
    const summaryFile = path.join(ARTIFACTS, "executive-summary.xlsx");
    fs.writeFileSync(summaryFile, await alone.toBuffer());
    const pages = renderToPng(summaryFile, path.join(ARTIFACTS, "pages"), 80);
    expect(pages.length).toBeGreaterThan(0);
    // Supply bars and the Paint line are Office orange ED7D31, the Packing line Office gold FFC000:
    // colours only the charts use on this sheet (the table header is blue)
    const [orange, gold] = countColourPixels([pages[0]], ["ED7D31", "FFC000"]);
    expect(orange).toBeGreaterThan(300);
    expect(gold).toBeGreaterThan(50);
  }, 180_000);
});
