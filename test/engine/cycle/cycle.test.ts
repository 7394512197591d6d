import {
  forecastInputs,
  knownOutliers,
  planDemand,
  planKpis,
  planSupply,
  reconcileInput,
  reconcilePlans,
  type PlanningData,
} from "../../../src/engine/cycle";
import type { MultiFamilyInput, MultiFamilyPlan, ProductionPlan } from "../../../src/engine/reconcile";

/** Two families: F (items A, B) and G (item C); naive forecasts so every number is hand-checkable. */
function data(): PlanningData {
  return {
    bucket: "month",
    historyPeriods: ["2024-01", "2024-02", "2024-03"],
    planPeriods: ["2024-04", "2024-05"],
    items: [
      {
        name: "A",
        family: "F",
        unitCost: null,
        unitPrice: null,
        openingInventory: 10,
        openingBacklog: 0,
        safetyStock: 2,
      },
      {
        name: "B",
        family: "F",
        unitCost: null,
        unitPrice: null,
        openingInventory: 0,
        openingBacklog: 3,
        safetyStock: 1,
      },
      {
        name: "C",
        family: "G",
        unitCost: null,
        unitPrice: null,
        openingInventory: 0,
        openingBacklog: 0,
        safetyStock: 0,
      },
    ],
    families: ["F", "G"],
    history: [
      [10, 20, 30],
      [5, 5, 6],
      [4, null, 8],
    ],
    overrides: [
      [null, 50],
      [null, null],
      [null, null],
    ],
    reasons: [
      [null, "trade show"],
      [null, null],
      [null, null],
    ],
    resources: [{ name: "R0", hours: [20, 100], overtimeHours: [0, 0], costPerHour: null, overtimeCostPerHour: null }],
    bill: [
      { target: { kind: "family", index: 0 }, resource: 0, hoursPerUnit: 0.5, offset: 0 },
      { target: { kind: "item", index: 2 }, resource: 0, hoursPerUnit: 1, offset: 1 },
    ],
    forecast: { method: "naive", level: 0.9 },
    strategy: "chase",
    costs: { holdingCost: 1, backlogCost: 5 },
  };
}

describe("the S&OP cycle", () => {
  it("makes consensus = override where given, else the statistical forecast, and sums families with their mix", () => {
    const demand = planDemand(data());
    // naive forecast = last value: A 30, B 6, C 8; A's override 50 in the 2nd period.
    expect(demand.items.map((it) => it.statistical)).toEqual([
      [30, 30],
      [6, 6],
      [8, 8],
    ]);
    expect(demand.items.map((it) => it.consensus)).toEqual([
      [30, 50],
      [6, 6],
      [8, 8],
    ]);
    expect(demand.families.map((f) => f.consensus)).toEqual([
      [36, 56],
      [8, 8],
    ]);
    expect(demand.families[0].statistical).toEqual([36, 36]);
    // mix: A 30/36 and 50/56, B 6/36 and 6/56, C alone in G: 1.
    expect(demand.mix[0][0]).toBeCloseTo(30 / 36, 12);
    expect(demand.mix[0][1]).toBeCloseTo(50 / 56, 12);
    expect(demand.mix[1][1]).toBeCloseTo(6 / 56, 12);
    expect(demand.mix[2]).toEqual([1, 1]);
    expect(demand.items[0].lower).toHaveLength(2);
  });

  it("gives each family volume a prediction band from a forecast of the family's own summed history", () => {
    const demand = planDemand(data());
    const [f, g] = demand.families;
    // G has one item (C), so its summed history is C's own (gap included) and its band is C's band.
    expect(g.lower).toEqual(demand.items[2].lower);
    expect(g.upper).toEqual(demand.items[2].upper);
    // F = A + B: history 15, 25, 36; naive → 36 = 30 + 6, the summed statistical forecast, so the band
    // is the naive band of 15, 25, 36 itself. Its width is below the sum of A's and B's widths:
    // item errors partly cancel in the family total (A's steps +10, +10; B's 0, +1; F's +10, +11).
    const width = (lower: number[] | null, upper: number[] | null) => upper!.map((u, t) => u - lower![t]);
    const familyWidth = width(f.lower, f.upper);
    const itemWidths = [0, 1].map((i) => width(demand.items[i].lower, demand.items[i].upper));
    familyWidth.forEach((w, t) => {
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThanOrEqual(itemWidths[0][t] + itemWidths[1][t] + 1e-9);
    });
    f.statistical.forEach((point, t) => expect(f.lower![t]).toBeLessThan(point));
    // the band widens with the horizon, as a naive forecast's does (σ√h)
    expect(familyWidth[1]).toBeGreaterThan(familyWidth[0]);
  });

  it("forecasts a new product by analogy: its like item's forecast × factor from its launch period", () => {
    const d = data();
    d.items.push({
      name: "D",
      family: "G",
      unitCost: null,
      unitPrice: null,
      openingInventory: 0,
      openingBacklog: 0,
      safetyStock: 0,
      likeItem: "C",
      launchPeriod: "2024-05",
      likeItemFactor: 0.5,
    });
    d.history.push([0, 0, 0]);
    d.overrides.push([null, null]);
    d.reasons.push([null, null]);
    const demand = planDemand(d);
    // C's naive forecast is 8 in both periods; D launches in the 2nd plan period at half of C.
    expect(demand.items[3].statistical).toEqual([0, 4]);
    expect(demand.items[3].model).toBe("like C × 0.5");
    expect(demand.families[1].consensus).toEqual([8, 12]);
  });

  it("loads resources from family and item bill lines, with offsets and past-due load", () => {
    const d = data();
    const supply = planSupply(d, planDemand(d));
    // F: 0.5 h × [36, 56] = [18, 28]. C: 1 h, offset 1: period 2's 8 units load period 1, and
    // period 1's 8 units would fall before the plan → past due, added to period 1: [16, 0].
    expect(supply.resources[0].load).toEqual([34, 28]);
    expect(supply.resources[0].pastDue).toBe(8);
    expect(supply.resources[0].utilization).toEqual([34 / 20, 28 / 100]);
    expect(supply.resources[0].overload).toEqual([14, 0]);
    expect(supply.resources[0].overloadedPeriods).toEqual([0]);
  });

  it("builds the reconciliation input: family volumes, summed openings, safety stock as every period's target, mix-weighted hours", () => {
    const d = data();
    d.bill.push({ target: { kind: "item", index: 0 }, resource: 0, hoursPerUnit: 0.2, offset: 0 });
    const input = reconcileInput(d, planDemand(d));
    expect(
      input.families.map((f) => [f.name, f.demand, f.openingInventory, f.openingBacklog, f.inventoryTarget]),
    ).toEqual([
      ["F", [36, 56], 10, 3, [3, 3]],
      ["G", [8, 8], 0, 0, [0, 0]],
    ]);
    // the last period's target is hard (the ending inventory)
    expect(input.families.map((f) => f.costs!.endingInventory)).toEqual([3, 0]);
    // soft targets priced like backlog (Settings backlogCost 5, no shortfallCost)
    expect(input.families.map((f) => f.targetShortfallCost)).toEqual([5, 5]);
    expect(
      reconcileInput({ ...d, inventoryPolicy: { mode: "hard" } }, planDemand(d)).families[0].targetShortfallCost,
    ).toBe(undefined);
    // F on R0: 0.5 (family line) + 0.2 × A's share of F's volume over the horizon (80 / 92).
    const f = input.bill.find((line) => line.family === 0)!;
    expect(f.hoursPerUnit).toBeCloseTo(0.5 + (0.2 * 80) / 92, 12);
    expect(input.bill.find((line) => line.family === 1)!.hoursPerUnit).toBe(1);
    expect(input.families[0].costs).toMatchObject({ holdingCost: 1, backlogCost: 5 });
  });

  it("plans every strategy, reporting the one without a solver instead of failing", async () => {
    const d = data();
    const result = await reconcilePlans(d, planDemand(d), "chase");
    expect(result.outcomes.map((o) => [o.strategy, o.failure === null])).toEqual([
      ["chase", true],
      ["level", true],
      ["optimal", false],
    ]);
    const chase = result.outcomes[0].plan!;
    // Chase, family F: opening 10 on hand, 3 owed, target 3 at the end of each period:
    // period 1 needs 36 + 3 − 10 + 3 = 32; period 2 needs 56.
    expect(chase.plans[0].production).toEqual([32, 56]);
    expect(result.outcomes[0].kpis!.demand).toBe(36 + 56 + 8 + 8);
  });

  it("weighs fill rate by demand and counts hours beyond regular plus overtime capacity", () => {
    const plan = (fillRate: number, production: number[], inventory: number[], backlog: number[]): ProductionPlan => ({
      strategy: "chase",
      production,
      regular: production,
      overtime: [0, 0],
      subcontract: [0, 0],
      inventory,
      backlog,
      inventoryTarget: [0, 0],
      belowTarget: [0, 0],
      costs: [],
      totalCost: 10,
      fillRate,
    });
    const input: MultiFamilyInput = {
      families: [
        { name: "F", demand: [100, 200] },
        { name: "G", demand: [50, 50] },
      ],
      resources: [{ name: "R", hours: [100, 100], overtimeHours: [20, 20] }],
      bill: [],
    };
    const result: MultiFamilyPlan = {
      strategy: "chase",
      plans: [plan(1, [100, 200], [0, 0], [0, 0]), plan(0.5, [25, 50], [0, 0], [25, 25])],
      resourceHours: { regular: [[100, 100]], overtime: [[30, 10]] },
      resourceCost: 0,
      totalCost: 20,
    };
    const kpis = planKpis("chase", input, result);
    // fill rate (1 × 300 + 0.5 × 100) / 400 = 0.875; hours beyond: max(0, 30 − 20) + max(0, 10 − 20) = 10.
    expect(kpis.fillRate).toBeCloseTo(0.875, 12);
    expect(kpis.hoursBeyondCapacity).toBeCloseTo(10, 6);
    expect(kpis.overtimeHours).toBe(40);
    expect(kpis.endingBacklog).toBe(25);
    expect(kpis.production).toBe(375);
    expect(kpis.demand).toBe(400);
  });
});

describe("outliers found by validation (PlanningData.historyOutliers)", () => {
  // A marker outlier no history of three values would give (findOutliers needs a longer history):
  // if it shows up, the outliers given were used instead of being found again.
  const marker = { index: 1, value: 20, fitted: 15 };

  it("are used for the history they were found in, with the same seasonality", () => {
    const input = data();
    input.historyOutliers = {
      history: input.history,
      seasonality: input.forecast.seasonality,
      found: [[marker], [], []],
    };
    expect(forecastInputs(input).outliers).toEqual([
      { item: "A", period: "2024-02", value: 20, fitted: 15, cleaned: false },
    ]);
    expect(knownOutliers(input)).toBe(input.historyOutliers.found);
  });

  it("are found again for another history or another seasonality", () => {
    const input = data();
    const found = [[marker], [], []];
    input.historyOutliers = {
      history: input.history.map((h) => h.slice()),
      seasonality: input.forecast.seasonality,
      found,
    };
    expect(knownOutliers(input)).toBeUndefined();
    expect(forecastInputs(input).outliers).toEqual([]); // findOutliers on three values finds none
    input.historyOutliers = { history: input.history, seasonality: 4, found };
    expect(knownOutliers(input)).toBeUndefined();
  });
});
