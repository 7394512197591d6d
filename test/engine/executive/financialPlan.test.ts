import { financialPlan } from "../../../src/engine/executive";
import { PlanningError } from "../../../src/engine/errors";

describe("financialPlan", () => {
  const items = [
    { name: "A1", family: "A", unitPrice: 10, unitCost: 6 },
    { name: "A2", family: "A", unitPrice: 20, unitCost: 15 },
    { name: "B1", family: "B", unitPrice: null, unitCost: 4 },
  ];
  const units = [
    [5, 5],
    [1, 2],
    [10, 0],
  ];

  it("prices the unit plan per family and period", () => {
    const plan = financialPlan({ items, units });
    // family A revenue: period 1 = 5×10 + 1×20 = 70; period 2 = 5×10 + 2×20 = 90
    expect(plan.families[0].revenue).toEqual([70, 90]);
    // family A cost of goods: period 1 = 5×6 + 1×15 = 45; period 2 = 5×6 + 2×15 = 60
    expect(plan.families[0].costOfGoods).toEqual([45, 60]);
    // family B has no price: revenue 0; cost of goods 10×4 = 40
    expect(plan.families[1].revenue).toEqual([0, 0]);
    expect(plan.families[1].totalCostOfGoods).toBe(40);
    expect(plan.revenue).toBe(160);
    expect(plan.costOfGoods).toBe(145);
    expect(plan.itemsWithoutPrice).toEqual(["B1"]);
  });

  it("uses the standard cost when the plan reports no cost", () => {
    const plan = financialPlan({ items, units });
    expect(plan.costBasis).toBe("unitCost");
    // margin = 160 − 145 = 15; rate = 15 / 160 = 0.09375
    expect(plan.margin).toBe(15);
    expect(plan.marginRate).toBeCloseTo(0.09375, 12);
  });

  it("uses the reconciled plan's cost lines when the plan reports a cost", () => {
    const plan = financialPlan({
      items,
      units,
      planCosts: [
        { category: "regular", amount: 100 },
        { category: "overtime", amount: 20 },
      ],
    });
    expect(plan.costBasis).toBe("plan");
    // cost = 100 + 20 = 120; margin = 160 − 120 = 40
    expect(plan.cost).toBe(120);
    expect(plan.margin).toBe(40);
  });

  it("refuses units that do not match the items", () => {
    expect(() => financialPlan({ items, units: [[1]] })).toThrow(PlanningError);
  });
});
