/**
 * The cycle's numbers are the custom functions' numbers: the sheets the session writes hold
 * what =SOP.FORECAST_SOP, =SOP.RCCP_LOAD and =SOP.RECONCILE return for the same inputs.
 */
import "../support/customFunctions";
import { forecastSop, rccpLoad, reconcile } from "../../src/functions/functions";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import { createHighsSolver } from "../../src/solver/highs";
import type { CellValue } from "../../src/workbook/port";
import { familyRows } from "./support/planTables";

const now = () => new Date(Date.UTC(2026, 0, 15));
const run = async (wb: MemoryWorkbook, strategy?: "chase" | "level" | "optimal") => {
  const result = await new PlanningSession(wb, { now, solver: async () => createHighsSolver() }).run(strategy);
  expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  return result;
};

/** Sheet values are stored rounded to 1e-6 (float noise off); the functions' are not. */
const SHEET_PRECISION = 1e-6;

function expectClose(actual: number[], expected: number[], tolerance = SHEET_PRECISION): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThanOrEqual(tolerance));
}

function column(values: CellValue[][], name: string): number {
  return values[0].indexOf(name);
}

describe("the cycle gives the custom functions' numbers", () => {
  let wb: MemoryWorkbook;
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    wb = demoWorkbook();
    result = await run(wb, "optimal");
  }, 60_000);

  it('DemandPlan\'s Statistical, Lower and Upper are =SOP.FORECAST_SOP(history, 18, 12, "auto", 0.9) for every item', () => {
    const data = result.data!;
    const sheet = wb.tableValues("SOP_DemandPlan")!;
    const [item, stat, lower, upper] = ["Item", "Statistical", "Lower", "Upper"].map((h) => column(sheet, h));
    const horizon = data.planPeriods.length;
    data.items.forEach((it, i) => {
      // The demo's Settings: ForecastMethod auto, Seasonality 12, ConfidenceLevel 0.9.
      expect(data.forecast).toEqual({ method: "auto", seasonality: 12, level: 0.9, cleanOutliers: false });
      // A new product (Items LikeItem, no history) is its like item's forecast × LikeItemFactor
      // from its LaunchPeriod (the demo's CH-300: like CH-110 × 0.5 from 2026-04).
      const spec = data.items[i];
      const like = spec?.likeItem ? data.items.findIndex((x) => x.name === spec.likeItem) : -1;
      const [likeRow] =
        like >= 0 ? (forecastSop([data.history[like]], horizon, 12, "auto", 0.9) as number[][]) : [null];
      const [row] = likeRow
        ? [
            likeRow.map((v, k) =>
              data.planPeriods[k % horizon] >= (spec!.launchPeriod ?? "") ? v * (spec!.likeItemFactor ?? 1) : 0,
            ),
          ]
        : (forecastSop([data.history[i]], horizon, 12, "auto", 0.9) as number[][]);
      const rows = sheet.slice(1).filter((r) => r[item] === it.name);
      expectClose(
        rows.map((r) => r[stat] as number),
        row.slice(0, horizon),
      );
      expectClose(
        rows.map((r) => r[lower] as number),
        row.slice(horizon, 2 * horizon),
      );
      expectClose(
        rows.map((r) => r[upper] as number),
        row.slice(2 * horizon),
      );
    });
  });

  it("CapacityLoad's LoadHours are =SOP.RCCP_LOAD(consensus plan, bill, , offsets)", () => {
    const data = result.data!;
    const demand = wb.tableValues("SOP_DemandPlan")!;
    const consensus = column(demand, "Consensus");
    const byItem = data.items.map((it) =>
      demand
        .slice(1)
        .filter((r) => r[0] === it.name)
        .map((r) => r[consensus] as number),
    );
    const byFamily = data.families.map((family) =>
      data.planPeriods.map((_, t) =>
        data.items.reduce((sum, it, i) => sum + (it.family === family ? byItem[i][t] : 0), 0),
      ),
    );
    // The plan rows the bill refers to: items, then families (the demo's bill mixes both).
    const plan = [...byItem, ...byFamily];
    const bill = plan.map(() => data.resources.map(() => 0));
    const offsets = plan.map(() => data.resources.map(() => 0));
    for (const line of data.bill) {
      const row = line.target.kind === "item" ? line.target.index : data.items.length + line.target.index;
      bill[row][line.resource] = line.hoursPerUnit;
      offsets[row][line.resource] = line.offset;
    }
    const expected = rccpLoad(plan, bill, null as never, offsets, "load");
    const load = wb.tableValues("SOP_CapacityLoad")!;
    // The plan fed to the function is the sheet's Consensus (rounded to 1e-6 units); up to 15
    // rows × ≤ 0.6 h/unit each add that rounding, so compare to 1e-5 hours.
    data.resources.forEach((resource, r) => {
      expectClose(
        load
          .slice(1)
          .filter((row) => row[0] === resource.name)
          .map((row) => row[column(load, "LoadHours")] as number),
        expected[r],
        1e-5,
      );
    });
  });

  it.each(["chase", "level", "optimal"] as const)(
    'ProductionPlan, InventoryPlan and BacklogPlan of one family on one resource are =SOP.RECONCILE(demand, capacity, opening, "%s", costs, "all", target)',
    async (strategy) => {
      // One family, one resource at 1 hour per unit, so hours = units and the shared-resource plan
      // is the single-family plan. Capacity 1,000 h is short in 2024-06 and 2024-07 (demand 1,200).
      const one = new MemoryWorkbook();
      const history = [900, 950, 1000, 1050, 1000, 950];
      one.addTable(
        "Items",
        "Items",
        ["Item", "Family", "OpeningInventory", "SafetyStock"],
        [["W-1", "Widgets", 150, 120]],
      );
      one.addTable(
        "Sales",
        "Sales",
        ["Item", "Period", "Quantity"],
        history.map((q, m) => ["W-1", `2023-${String(m + 7).padStart(2, "0")}`, q]),
      );
      const capacity = [1000, 1000, 1000, 1000, 1000, 1000];
      one.addTable(
        "Capacity",
        "Capacity",
        ["Resource", "Period", "Hours"],
        capacity.map((h, t) => ["Line", `2024-0${t + 1}`, h]),
      );
      one.addTable(
        "BillOfResources",
        "BillOfResources",
        ["ItemOrFamily", "Resource", "HoursPerUnit"],
        [["Widgets", "Line", 1]],
      );
      one.addTable(
        "Settings",
        "Settings",
        ["Name", "Value"],
        [
          ["Horizon", 6],
          ["ForecastMethod", "naive"],
          ["holdingCost", 2],
          ["backlogCost", 9],
          ["subcontractCost", 30],
          // SafetyStock 120 is the family's inventory target in every period: soft at the
          // backlogCost (no shortfallCost given), hard in the last period
          ["PlanStart", "2024-01"],
        ],
      );
      // A planner's overrides make the plan's demand: 900, 1000, 1100, 1200, 1200, 800.
      const demand = [900, 1000, 1100, 1200, 1200, 800];
      await run(one, "chase");
      const sheet = one.sheet("DemandPlan")!;
      demand.forEach((units, t) => (sheet.cells[t + 1][column(sheet.cells, "Override")] = units));
      await run(one, strategy);

      const costs = [
        ["holdingCost", 2],
        ["backlogCost", 9],
        ["subcontractCost", 30],
      ];
      // the workbook's per-period targets (InventoryPlan's Target row), passed as the target range
      const target = familyRows(one.tableValues("SOP_InventoryPlan")!, "Target").get("Widgets")!;
      expect(target).toEqual([120, 120, 120, 120, 120, 120]);
      const expected = (await reconcile([demand], [capacity], [[150]], strategy, costs, "all", [target])) as number[][];
      const production = familyRows(one.tableValues("SOP_ProductionPlan")!);
      expectClose(production.get("Widgets|Demand")!, demand);
      expectClose(production.get("Widgets|Production")!, expected[0]);
      expectClose(familyRows(one.tableValues("SOP_InventoryPlan")!, "Inventory").get("Widgets")!, expected[1]);
      expectClose(familyRows(one.tableValues("SOP_BacklogPlan")!).get("Widgets")!, expected[2]);
    },
  );
});
