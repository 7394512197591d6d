import { planFamily } from "../../../src/engine/reconcile";
import { PlanningError } from "../../../src/engine/errors";
import { createHighsSolver } from "../../../src/solver/highs";
import { forwardCoverage } from "../../../src/engine/cycle/inventoryTargets";
import { expectBalanced } from "./support";

const highs = createHighsSolver();

// One family: demand 10 a period, 20 units of regular capacity at $1, holding $1 a unit-period.
const base = {
  demand: [10, 10, 10],
  capacity: [20, 20, 20],
  costs: { regularCost: 1, holdingCost: 1 },
  inventoryTarget: [5, 5, 5],
};

describe("inventory targets in every period", () => {
  it("the optimal plan builds to a soft target whose shortfall costs more than holding", async () => {
    // hand calculation: holding 5 units costs $1 a period, a unit short $10 → build 15, 10, 10;
    // inventory 5, 5, 5; cost 35 units × $1 + 15 unit-periods × $1 = 50 (the penalty is no cost line)
    const input = { ...base, targetShortfallCost: 10 };
    const plan = await planFamily(input, "optimal", highs);
    expect(plan.production).toEqual([15, 10, 10]);
    expect(plan.inventory).toEqual([5, 5, 5]);
    expect(plan.belowTarget).toEqual([0, 0, 0]);
    expect(plan.totalCost).toBeCloseTo(50, 9);
    expectBalanced(input, plan);
  });

  it("lists the shortfall when holding costs more than the penalty", async () => {
    // penalty $0.5 < holding $1: cheapest is to make demand only; 5 short in every period
    const plan = await planFamily({ ...base, targetShortfallCost: 0.5 }, "optimal", highs);
    expect(plan.production).toEqual([10, 10, 10]);
    expect(plan.belowTarget).toEqual([5, 5, 5]);
    expect(plan.inventoryTarget).toEqual([5, 5, 5]);
  });

  it("a hard target binds every period, and says which period is short when capacity cannot reach it", async () => {
    const hard = await planFamily(base, "optimal", highs);
    expect(hard.inventory).toEqual([5, 5, 5]);
    // capacity 10 = demand: the target of 5 cannot be built in period 1
    const short = planFamily({ ...base, capacity: [10, 10, 10] }, "optimal", highs);
    await expect(short).rejects.toThrow(PlanningError);
    await expect(short).rejects.toThrow(/short 5 units by period 1/);
    // soft, the same plan is feasible and lists 5 short in each period
    const soft = await planFamily({ ...base, capacity: [10, 10, 10], targetShortfallCost: 3 }, "optimal", highs);
    expect(soft.belowTarget).toEqual([5, 5, 5]);
  });

  it("compares the target with stock net of backlog", async () => {
    // capacity 5 for demand 10 with backlog allowed at $1: backlog 5, 10, 15 → short target + backlog
    const plan = await planFamily(
      {
        demand: [10, 10, 10],
        capacity: [5, 5, 5],
        costs: { regularCost: 1, backlogCost: 1, endingBacklog: 100 },
        inventoryTarget: [2, 2, 2],
        targetShortfallCost: 100,
      },
      "optimal",
      highs,
    );
    expect(plan.backlog).toEqual([5, 10, 15]);
    expect(plan.inventory).toEqual([0, 0, 0]);
    expect(plan.belowTarget).toEqual([7, 12, 17]);
  });

  it("chase holds each period's target", async () => {
    // hand calculation: need[t] = demand + target[t] − stock: 10 + 5 − 0 = 15, then 10 + 8 − 5 = 13, 10 + 0 − 8 = 2
    const plan = await planFamily({ ...base, inventoryTarget: [5, 8, 0] }, "chase");
    expect(plan.production).toEqual([15, 13, 2]);
    expect(plan.inventory).toEqual([5, 8, 0]);
    expect(plan.belowTarget).toEqual([0, 0, 0]);
  });

  it("level raises its rate to meet every target", async () => {
    // without a target: 30 ÷ 3 = 10. Target 6 in period 1 → rate ≥ (10 + 6) ÷ 1 = 16;
    // period 3's target 5 → (30 + 5) ÷ 3 = 11.67; the rate is 16: stock 6, 12, 18
    const plan = await planFamily({ ...base, inventoryTarget: [6, 0, 5] }, "level");
    expect(plan.production).toEqual([16, 16, 16]);
    expect(plan.inventory).toEqual([6, 12, 18]);
    expect(plan.belowTarget).toEqual([0, 0, 0]);
    // no target: the plain level rate
    expect((await planFamily({ ...base, inventoryTarget: undefined }, "level")).production).toEqual([10, 10, 10]);
  });

  it("a capacity-bound level plan lists the periods it cannot build to target", async () => {
    // rate wanted 16 but capacity 12 → 12 a period: stock 2, 4, 6 against target 6, 0, 5 → short 4 in period 1
    const plan = await planFamily({ ...base, capacity: [12, 12, 12], inventoryTarget: [6, 0, 5] }, "level");
    expect(plan.inventory).toEqual([2, 4, 6]);
    expect(plan.belowTarget).toEqual([4, 0, 0]);
  });
});

describe("forwardCoverage (days of supply on forward demand)", () => {
  it("covers the demand of the days after each period's end, pro rata, repeating the last period", () => {
    // a month is 365 / 12 = 30.4167 days; 45 days = 1.47945 months:
    // period 1: 200 + 0.47945 × 300; period 2: 300 × 1.47945 (300 repeats beyond the horizon)
    const [p1, p2, p3] = forwardCoverage([100, 200, 300], 45, "month");
    expect(p1).toBeCloseTo(200 + 300 * (45 / (365 / 12) - 1), 9);
    expect(p2).toBeCloseTo(300 * (45 / (365 / 12)), 9);
    expect(p3).toBeCloseTo(300 * (45 / (365 / 12)), 9);
    // 14 days on weeks = exactly the next two weeks
    expect(forwardCoverage([1, 2, 3, 4], 14, "week")).toEqual([5, 7, 8, 8]);
    expect(forwardCoverage([1, 2], 0, "week")).toEqual([0, 0]);
  });
});
