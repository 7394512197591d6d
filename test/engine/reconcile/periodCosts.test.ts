import { planCostsByPeriod, planFamilies, type MultiFamilyInput } from "../../../src/engine/reconcile";

describe("planCostsByPeriod", () => {
  // A (1 h/unit) and B (2 h/unit) share a line of 20 regular hours at $3 and overtime at $4.50;
  // both pay $1 per unit in regular time. Chase makes A 10, 20 and B 5, 5.
  const input: MultiFamilyInput = {
    families: [
      { name: "A", demand: [10, 20], costs: { regularCost: 1 } },
      { name: "B", demand: [5, 5], costs: { regularCost: 1 } },
    ],
    resources: [{ name: "line", hours: [20, 20], overtimeHours: [20, 20], costPerHour: 3, overtimeCostPerHour: 4.5 }],
    bill: [
      { family: 0, resource: 0, hoursPerUnit: 1 },
      { family: 1, resource: 0, hoursPerUnit: 2 },
    ],
  };

  it("shares the resources' hours by each family's hours and adds up to the plan's cost", async () => {
    const plan = await planFamilies(input, "chase");
    const [a, b] = planCostsByPeriod(input, plan);
    // period 1: load 10 + 10 = 20 h regular ($60): A half → 10 × $1 + $30 = 40; B 5 + 30 = 35
    // period 2: load 20 + 10 = 30 h: 20 regular ($60), 10 overtime ($45); A two thirds → 20 + 40 = 60
    //           and overtime 30; B 5 + 20 = 25 and overtime 15
    expect(a.regularTime[0]).toBeCloseTo(40, 9);
    expect(b.regularTime[0]).toBeCloseTo(35, 9);
    expect(a.regularTime[1]).toBeCloseTo(60, 9);
    expect(a.overtime[1]).toBeCloseTo(30, 9);
    expect(b.regularTime[1]).toBeCloseTo(25, 9);
    expect(b.overtime[1]).toBeCloseTo(15, 9);
    // the plan's own total: 40 units × $1 + 40 h × $3 + 10 h × $4.50 = 205
    const total = [a, b].reduce(
      (s, f) => s + [...f.regularTime, ...f.overtime, ...f.holding, ...f.backlog].reduce((x, y) => x + y, 0),
      0,
    );
    expect(plan.totalCost).toBeCloseTo(205, 9);
    expect(total).toBeCloseTo(plan.totalCost, 9);
  });
});
