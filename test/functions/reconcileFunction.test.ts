import { CustomFunctionsError } from "../support/customFunctions";
import { reconcile } from "../../src/functions/functions";
import { readCosts } from "../../src/functions/reconcileFunction";

async function excelErrorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { code: e.code, message: e.message };
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected a CustomFunctions.Error, but the call returned");
}

// aggregate-planning.json transportation_method: 1250 × 3, regular 1000 at $5, overtime 200 at
// $7, subcontract 150 at $8, holding $1 → minimum 20,400
const transportationCosts = [
  ["regularCost", 5],
  ["overtimeCost", 7],
  ["overtimeCapacity", 200],
  ["subcontractCost", 8],
  ["subcontractCapacity", 150],
  ["holdingCost", 1],
];

describe("=SOP.RECONCILE", () => {
  describe("with a target (minimum inventory per period)", () => {
    it("chase builds to the target and keeps it (hand calculation)", async () => {
      // demand 10, 10, 10, no opening stock, target 5 every period (one cell): chase makes the
      // demand plus what brings stock to the target: 15, 10, 10 → inventory 5, 5, 5
      const plan = await reconcile([[10, 10, 10]], [[100]], null as never, "chase", null as never, "all", [[5]]);
      expect(plan).toEqual([
        [15, 10, 10],
        [5, 5, 5],
        [0, 0, 0],
      ]);
      // without a target chase makes the demand only
      expect(await reconcile([[10, 10, 10]], [[100]], null as never, "chase", null as never, "production")).toEqual([
        [10, 10, 10],
      ]);
    });

    it("optimal treats it as soft at shortfallCost, or hard with InventoryTarget hard", async () => {
      // demand 10, 10; target 5 in period 1, 0 at the end (the last period is hard). Building the
      // 5 units early costs 5 × holding 1 = 5; leaving them short costs 5 × shortfallCost.
      const costs = (shortfallCost: number) => [
        ["holdingCost", 1],
        ["backlogCost", 4],
        ["shortfallCost", shortfallCost],
      ];
      const target = [[5, 0]];
      // shortfallCost 3: 15 > 5, so build 15 then 5 (inventory 5, then 0)
      expect(await reconcile([[10, 10]], [[15]], null as never, "optimal", costs(3), "all", target)).toEqual([
        [15, 5],
        [5, 0],
        [0, 0],
      ]);
      // shortfallCost 0.5: 2.5 < 5, so stay 5 short and make the demand
      expect(await reconcile([[10, 10]], [[15]], null as never, "optimal", costs(0.5), "all", target)).toEqual([
        [10, 10],
        [0, 0],
        [0, 0],
      ]);
      // hard at shortfallCost 0.5: built whatever it costs
      const hard = [...costs(0.5), ["InventoryTarget", "hard"]];
      expect(await reconcile([[10, 10]], [[15]], null as never, "optimal", hard, "all", target)).toEqual([
        [15, 5],
        [5, 0],
        [0, 0],
      ]);
      // hard with capacity 10 a period: no plan can reach the target; the message names the 5 units short
      const error = await excelErrorOf(reconcile([[10, 10]], [[10]], null as never, "optimal", hard, "all", target));
      expect(error.message).toContain("short 5 units by period 1");
    });

    it("refuses shortfallCost or InventoryTarget without a target, and a target of the wrong shape", async () => {
      const error = await excelErrorOf(
        reconcile([[10, 10]], [[10]], null as never, "chase", [["shortfallCost", 3]], "all"),
      );
      expect(error.message).toContain("shortfallCost and InventoryTarget in costs apply to the target argument");
      const shape = await excelErrorOf(
        reconcile([[10, 10]], [[10]], null as never, "chase", null as never, "all", [[1, 2, 3]]),
      );
      expect(shape.message).toContain("target must match demand");
    });
  });

  it("returns the optimal total cost of the transportation-method oracle in one cell", async () => {
    const result = await reconcile(
      [[1250, 1250, 1250]],
      [[1000]],
      null as never,
      "optimal",
      transportationCosts,
      "cost",
    );
    expect(result).toHaveLength(1);
    expect(Math.abs((result[0][0] as number) - 20400)).toBeLessThan(1e-6);
  });

  it("spills production, inventory and backlog rows by default (optimal strategy)", async () => {
    const result = await reconcile(
      [[1250, 1250, 1250]],
      [[1000, 1000, 1000]],
      null as never,
      null,
      transportationCosts,
      null,
    );
    expect(result).toHaveLength(3);
    // every month's 1250 must be made: no opening stock, no backlog allowed
    result[0].forEach((units: number) => expect(units).toBeCloseTo(1250, 6));
    expect(result[2]).toEqual([0, 0, 0]);
  });

  it("keeps a column's orientation: periods down", async () => {
    // Stevenson level plan (aggregate-planning.json level_with_overtime_average_inventory):
    // 320 a month → ending inventory 20, 20, 20, 0, 0, 0; total 78,600
    const demand = [[300], [320], [320], [340], [320], [320]];
    const costs = [
      ["regular cost", 40],
      ["Overtime_Cost", 50],
      ["overtimeCapacity", 20],
      ["holdingCost", 10],
      ["holdingOn", "average"],
    ];
    const inventory = await reconcile(demand, [[300]], null as never, "level", costs, "inventory");
    expect(inventory).toEqual([[20], [20], [20], [0], [0], [0]]);
    const total = await reconcile(demand, [[300]], null as never, "level", costs, "cost");
    expect(total[0][0]).toBeCloseTo(78600, 6);
  });

  it("plans the chase oracle from the workforce alone and reports workers and costs", async () => {
    // aggregate-planning.json chase_with_hiring_and_layoffs: total 2,169,000
    const costs = [
      ["workforce", 120],
      ["unitsPerWorker", 1],
      ["hireCost", 500],
      ["layoffCost", 1000],
      ["holdingCost", 100],
      ["regularCost", 3000],
      ["endingInventory", 40],
    ];
    const demand = [[120, 100, 100, 100, 130, 150]];
    expect(await reconcile(demand, null as never, [[40]], "chase", costs, "workforce")).toEqual([
      [120, 100, 100, 100, 130, 150],
    ]);
    const lines = await reconcile(demand, null as never, [[40]], "chase", costs, "costs");
    const byName = Object.fromEntries(lines.map(([name, amount]) => [name, amount]));
    // 700 × 3,000; 50 hires × 500; 20 layoffs × 1,000; 240 unit-months × 100
    expect(byName).toMatchObject({ regular: 2100000, hiring: 25000, layoffs: 20000, holding: 24000, total: 2169000 });
  });

  it("reads a negative opening as a backlog to serve first", async () => {
    // hand calculation: 10 owed, demand 5, capacity 20: chase makes 15, nothing left over
    expect(await reconcile([[5]], [[20]], [[-10]], "chase", null as never, "production")).toEqual([[15]]);
  });

  it("plans several families, one per row, with their own capacity", async () => {
    const result = await reconcile(
      [
        [10, 20],
        [5, 5],
      ],
      [[15], [5]],
      null as never,
      "chase",
      [["backlogCost", 1]],
      "backlog",
    );
    // hand calculation: family 1 makes 10, 15 → 5 backlogged in period 2; family 2 keeps up
    expect(result).toEqual([
      [0, 5],
      [0, 0],
    ]);
  });

  it("says which period is short, by how much, as #N/A", async () => {
    const e = await excelErrorOf(reconcile([[100, 100, 500]], [[100]], null as never, "optimal", null as never, null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("short 400 units by period 3");
  });

  it("names the argument of bad input, as #VALUE!", async () => {
    const none = null as never;
    const unknown = await excelErrorOf(reconcile([[1]], [[1]], none, null, [["holding", 1]], null));
    expect(unknown.code).toBe("#VALUE!");
    expect(unknown.message).toContain('unknown name "holding"');
    expect(unknown.message).toContain("holdingCost");
    expect((await excelErrorOf(reconcile([[1, "x"]], [[1]], none, null, none, null))).message).toContain("demand");
    expect((await excelErrorOf(reconcile([[1, 2]], [[1, 2, 3]], none, null, none, null))).message).toContain(
      "capacity",
    );
    expect((await excelErrorOf(reconcile([[1]], [[1]], none, "cheap", none, null))).message).toContain("strategy");
    expect((await excelErrorOf(reconcile([[1]], [[1]], none, "chase", none, "profit"))).message).toContain("output");
    expect((await excelErrorOf(reconcile([[1]], [[1]], none, "chase", none, "workforce"))).message).toContain(
      "workforce",
    );
    expect((await excelErrorOf(reconcile([[1]], none, none, "chase", none, null))).message).toContain("capacity");
    expect((await excelErrorOf(reconcile([[1]], [[1]], none, "chase", [["holdingCost", -2]], null))).message).toContain(
      "holdingCost",
    );
  });

  it("reads costs case- and space-insensitively, skips blank rows, and reads TRUE/FALSE", () => {
    expect(
      readCosts([
        ["Holding Cost", 2],
        ["", ""],
        ["integer_workforce", true],
        ["holdingOn", "Average"],
      ]),
    ).toEqual({ holdingCost: 2, integerWorkforce: true, holdingOn: "average" });
  });
});
