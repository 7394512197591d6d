import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import type { CellValue } from "../../src/workbook/port";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now });

/** The demo workbook with a fast forecast method (the split does not depend on the method). */
function workbook(): MemoryWorkbook {
  const wb = demoWorkbook();
  const cells = wb.sheet("Settings")!.cells;
  cells.find((r) => r[0] === "ForecastMethod")![1] = "snaive";
  return wb;
}

function table(wb: MemoryWorkbook, name: string) {
  const [headers, ...rows] = wb.tableValues(`SOP_${name}`)!;
  const col = (h: string) => headers.indexOf(h);
  return { headers, rows, col };
}

function demandRows(wb: MemoryWorkbook, family: string, period: string): CellValue[][] {
  const { rows, col } = table(wb, "DemandPlan");
  return rows.filter((r) => r[col("Family")] === family && r[col("Period")] === period);
}

/** Types a value into the owned sheet's cell (row matched on two key columns), as a planner would. */
function type(wb: MemoryWorkbook, sheet: string, keys: Record<string, string>, values: Record<string, CellValue>) {
  const cells = wb.sheet(sheet)!.cells;
  const headers = cells[0];
  const row = cells.findIndex((r) => Object.entries(keys).every(([h, v]) => r[headers.indexOf(h)] === v));
  expect(row).toBeGreaterThan(0);
  for (const [h, v] of Object.entries(values)) cells[row][headers.indexOf(h)] = v;
}

/** Appends a Name/Value row to the Settings table. */
function addSetting(wb: MemoryWorkbook, name: string, value: CellValue) {
  const { sheet, table: settings } = wb.findTable("Settings")!;
  const row = settings.row + settings.rowCount;
  sheet.cells[row] = [];
  sheet.cells[row][settings.column] = name;
  sheet.cells[row][settings.column + 1] = value;
  settings.rowCount++;
}

describe("family volume overrides (FamilyPlan)", () => {
  it("splits 1.08 × the family's statistical volume to its items by share, with an item override pinned, and keeps both on a re-run", async () => {
    const wb = workbook();
    expect((await session(wb).demandPlan()).written).toContain("FamilyPlan");
    const family = table(wb, "FamilyPlan");
    const chairs = family.rows.find(
      (r) => r[family.col("Family")] === "Chairs" && r[family.col("Period")] === "2026-04",
    )!;
    const statistical = Number(chairs[family.col("Statistical")]);
    const target = Math.round(1.08 * statistical);
    type(
      wb,
      "FamilyPlan",
      { Family: "Chairs", Period: "2026-04" },
      { Override: target, Reason: "Chairs +8 % from April" },
    );
    type(wb, "DemandPlan", { Item: "CH-100", Period: "2026-04" }, { Override: 500, Reason: "tender" });

    for (let run = 0; run < 2; run++) {
      const result = await session(wb).demandPlan();
      expect(result.ok).toBe(true);
      const { col } = table(wb, "DemandPlan");
      const rows = demandRows(wb, "Chairs", "2026-04");
      const consensus = rows.reduce((sum, r) => sum + Number(r[col("Consensus")]), 0);
      // the items sum to the family override
      expect(consensus).toBeCloseTo(target, 4);
      const pinned = rows.find((r) => r[col("Item")] === "CH-100")!;
      expect(pinned[col("Consensus")]).toBe(500);
      expect(pinned[col("Source")]).toBe("item override");
      // the others share target − 500 in proportion to their statistical forecasts
      const free = rows.filter((r) => r[col("Item")] !== "CH-100");
      const freeStatistical = free.reduce((sum, r) => sum + Math.max(0, Number(r[col("Statistical")])), 0);
      for (const r of free) {
        expect(r[col("Source")]).toBe("family override");
        expect(Number(r[col("Consensus")])).toBeCloseTo(
          ((target - 500) * Math.max(0, Number(r[col("Statistical")]))) / freeStatistical,
          4,
        );
      }
      // the override and its reason are kept on FamilyPlan, the family's consensus is the override
      const kept = table(wb, "FamilyPlan");
      const line = kept.rows.find((r) => r[kept.col("Family")] === "Chairs" && r[kept.col("Period")] === "2026-04")!;
      expect(line[kept.col("Override")]).toBe(target);
      expect(line[kept.col("Reason")]).toBe("Chairs +8 % from April");
      expect(Number(line[kept.col("Consensus")])).toBeCloseTo(target, 4);
      // other periods stay statistical
      const may = demandRows(wb, "Chairs", "2026-05");
      expect(may.every((r) => r[col("Source")] === "statistical")).toBe(true);
    }
  });

  it("splits by each item's share of the last 12 months' sales with Settings FamilySplit = history", async () => {
    const wb = workbook();
    addSetting(wb, "FamilySplit", "history");
    await session(wb).demandPlan();
    type(wb, "FamilyPlan", { Family: "Chairs", Period: "2026-04" }, { Override: 3000 });
    expect((await session(wb).demandPlan()).ok).toBe(true);
    // the last 12 months of Sales (2025-01 … 2025-12) per chair item, summed from the Sales table
    const [headers, ...sales] = wb.tableValues("Sales")!;
    const at = (h: string) => headers.indexOf(h);
    const lastYear = new Map<string, number>();
    const firstSerial = 45658; // 2025-01-01 (1900 date system)
    for (const r of sales)
      if (r[at("Family")] === "Chairs" && Number(r[at("Period")]) >= firstSerial)
        lastYear.set(String(r[at("Item")]), (lastYear.get(String(r[at("Item")])) ?? 0) + Number(r[at("Quantity")]));
    const total = [...lastYear.values()].reduce((a, b) => a + b, 0);
    const { col } = table(wb, "DemandPlan");
    for (const r of demandRows(wb, "Chairs", "2026-04")) {
      const share = (lastYear.get(String(r[col("Item")])) ?? 0) / total;
      expect(Number(r[col("Consensus")])).toBeCloseTo(3000 * share, 4);
    }
  });

  it("sets a family override typed in the pane, and clears it", async () => {
    const wb = workbook();
    await session(wb).demandPlan();
    const set = await session(wb).familyOverride({
      family: "Desks",
      period: "2026-03",
      override: 900,
      reason: "fit-out",
    });
    expect(set.ok).toBe(true);
    const { col } = table(wb, "DemandPlan");
    const desks = demandRows(wb, "Desks", "2026-03");
    expect(desks.reduce((sum, r) => sum + Number(r[col("Consensus")]), 0)).toBeCloseTo(900, 4);
    const cleared = await session(wb).familyOverride({
      family: "Desks",
      period: "2026-03",
      override: null,
      reason: null,
    });
    expect(cleared.ok).toBe(true);
    expect(demandRows(wb, "Desks", "2026-03").every((r) => r[col("Source")] === "statistical")).toBe(true);
    const wrong = await session(wb).familyOverride({ family: "Sofas", period: "2026-03", override: 1 });
    expect(wrong.ok).toBe(false);
    expect(wrong.problems.some((p) => p.table === "FamilyPlan" && /Sofas/.test(p.message))).toBe(true);
  });
});
