import { financialPlan, planVsBudget, type FamilyProjection } from "../../../src/engine/executive";
import { PlanningError } from "../../../src/engine/errors";

describe("financialPlan", () => {
  // Family F = items A (price 10, cost 6, consensus 5, 5) and B (price 20.5, cost 12.25, consensus 1, 3).
  const items = [
    { name: "A", family: "F", unitPrice: 10, unitCost: 6 },
    { name: "B", family: "F", unitPrice: 20.5, unitCost: 12.25 },
  ];
  const itemDemand = [
    [5, 5],
    [1, 3],
  ];
  // Plan: opening inventory 2, opening backlog 1, made 4 then 10 against demand 6, 8:
  // period 1: 2 + 4 − 1 = 5 on hand for 6 → backlog 1, inventory 0;
  // period 2: 0 + 10 − 1 = 9 for 8 → inventory 1, backlog 0.
  const family: FamilyProjection = {
    family: "F",
    demand: [6, 8],
    production: [4, 10],
    inventory: [0, 1],
    backlog: [1, 0],
    openingInventory: 2,
    openingBacklog: 1,
  };
  const costs = [
    {
      family: "F",
      regularTime: [20.1, 124 / 3],
      overtime: [0, 12.5],
      subcontract: [0, 0],
      material: [0, 0],
      workforce: [0, 0],
      hiring: [0, 0],
      layoffs: [0, 0],
      holding: [0, 2.5],
      backlog: [8, 0],
    },
  ];

  it("prices units shipped and costs units made, to the cent (hand calculation)", () => {
    const plan = financialPlan({ items, itemDemand, families: [family], costs });
    const f = plan.families[0];
    // unit price = (10 × 10 + 4 × 20.5) / 14 = 182 / 14 = 13; unit cost = (10 × 6 + 4 × 12.25) / 14 = 109 / 14
    expect(f.unitPrice).toBe(13);
    expect(f.unitCost).toBeCloseTo(109 / 14, 12);
    // shipped = demand + backlog before − backlog after: 6 + 1 − 1 = 6; 8 + 1 − 0 = 9
    expect(f.lines.unitsShipped).toEqual([6, 9]);
    // revenue 6 × 13 = 78, 9 × 13 = 117
    expect(f.lines.revenue).toEqual([78, 117]);
    // material 4 × 109/14 = 31.142… → 31.14; 10 × 109/14 = 77.857… → 77.86
    expect(f.lines.material).toEqual([31.14, 77.86]);
    // regular time 20.10 and 41.333… → 41.33
    expect(f.lines.regularTime).toEqual([20.1, 41.33]);
    // cost of goods: 31.14 + 20.10 + 8 (backlog) = 59.24; 77.86 + 41.33 + 12.50 + 2.50 = 134.19
    expect(f.lines.costOfGoods).toEqual([59.24, 134.19]);
    // gross margin 78 − 59.24 = 18.76; 117 − 134.19 = −17.19
    expect(f.lines.grossMargin).toEqual([18.76, -17.19]);
    expect(plan.revenue).toBe(195);
    expect(plan.costOfGoods).toBe(193.43);
    expect(plan.grossMargin).toBe(1.57);
    expect(plan.marginRate).toBeCloseTo(1.57 / 195, 12);
    // the plan's own cost = cost of goods − material = 193.43 − 109.00
    expect(plan.planCost).toBe(84.43);
    expect(plan.total.lines.revenue).toEqual([78, 117]);
  });

  it("gives the gap to budget by family and period", () => {
    const budget = [
      { family: "F", period: 0, units: 5, revenue: 70 },
      { family: "F", period: 1, units: null, revenue: 120 },
    ];
    const plan = financialPlan({ items, itemDemand, families: [family], costs, budget });
    const gap = plan.families[0].budget!;
    // units: 6 shipped − 5 budget = 1; period 2 has no units budget
    expect(gap.unitsGap).toEqual([1, null]);
    // revenue: 78 − 70 = 8; 117 − 120 = −3; total 5
    expect(gap.revenueGap).toEqual([8, -3]);
    expect(gap.totalRevenueGap).toBe(5);
    expect(plan.total.budget!.totalRevenueGap).toBe(5);
  });

  it("compares the plan with budget over the months the budget covers (plan vs budget)", () => {
    // F as above; G: one item C (price 4), demand and production 10, 10, no backlog.
    const g: FamilyProjection = {
      family: "G",
      demand: [10, 10],
      production: [10, 10],
      inventory: [0, 0],
      backlog: [0, 0],
      openingInventory: 0,
      openingBacklog: 0,
    };
    const budget = [
      { family: "F", period: 0, units: 5, revenue: 70 },
      { family: "F", period: 1, units: null, revenue: 120 },
      { family: "G", period: 1, units: 12, revenue: 50.5 },
    ];
    const plan = financialPlan({
      items: [...items, { name: "C", family: "G", unitPrice: 4, unitCost: 1 }],
      itemDemand: [...itemDemand, [10, 10]],
      families: [family, g],
      costs,
      budget,
    });
    const compared = planVsBudget(plan)!;
    expect([compared.firstPeriod, compared.lastPeriod]).toEqual([0, 1]);
    // F: units over period 1 only: plan 6 vs 5 → +1 (+20 %); revenue over both: 78 + 117 = 195 vs 190 → +5
    // G: period 2 only: units 10 vs 12 → −2 (−16.7 %); revenue 10 × 4 = 40 vs 50.50 → −10.50
    // All families: units 16 vs 17 → −1; revenue 235 vs 240.50 → −5.50
    expect(compared.rows).toEqual([
      {
        family: "F",
        budgetUnits: 5,
        planUnits: 6,
        unitsGap: 1,
        unitsGapShare: 0.2,
        budgetRevenue: 190,
        planRevenue: 195,
        revenueGap: 5,
        revenueGapShare: 5 / 190,
      },
      {
        family: "G",
        budgetUnits: 12,
        planUnits: 10,
        unitsGap: -2,
        unitsGapShare: -2 / 12,
        budgetRevenue: 50.5,
        planRevenue: 40,
        revenueGap: -10.5,
        revenueGapShare: -10.5 / 50.5,
      },
      {
        family: "All families",
        budgetUnits: 17,
        planUnits: 16,
        unitsGap: -1,
        unitsGapShare: -1 / 17,
        budgetRevenue: 240.5,
        planRevenue: 235,
        revenueGap: -5.5,
        revenueGapShare: -5.5 / 240.5,
      },
    ]);
    expect(planVsBudget(financialPlan({ items, itemDemand, families: [family], costs }))).toBeNull();
  });

  it("counts items without a price as 0 and lists them", () => {
    const plan = financialPlan({
      items: [{ name: "A", family: "F", unitPrice: null, unitCost: 6 }],
      itemDemand: [[6, 8]],
      families: [family],
    });
    expect(plan.revenue).toBe(0);
    expect(plan.marginRate).toBeNull();
    expect(plan.itemsWithoutPrice).toEqual(["A"]);
    // material only: 14 units made × 6 = 84
    expect(plan.costOfGoods).toBe(84);
  });

  it("refuses units that do not match the items", () => {
    expect(() => financialPlan({ items, itemDemand: [[1, 1]], families: [family] })).toThrow(PlanningError);
  });
});
