import { planFamilies } from "../../../src/engine/reconcile";
import { rccpLoad } from "../../../src/engine/capacity/rccpLoad";
import { createHighsSolver } from "../../../src/solver/highs";

const highs = createHighsSolver();

// One family, 1 h a unit on "Paint" one period before the units are made (offset 1).
const input = {
  families: [{ name: "Desks", demand: [10, 20, 30], costs: { holdingCost: 1 } }],
  resources: [{ name: "Paint", hours: [100, 100, 100], costPerHour: 2 }],
  bill: [{ family: 0, resource: 0, hoursPerUnit: 1, offset: 1 }],
};

describe("resource profiles in the reconciliation (lead-time offsets)", () => {
  it.each(["chase", "level", "optimal"] as const)(
    "the %s plan's hours are RCCP_LOAD of its production, past due in the first period",
    async (strategy) => {
      const plan = await planFamilies(input, strategy, highs);
      const made = plan.plans.map((p) => p.regular.map((r, t) => r + p.overtime[t]));
      const { load, pastDueLoad } = rccpLoad({
        plan: made,
        bill: [{ item: 0, resource: 0, hoursPerUnit: 1, offset: 1 }],
        resourceCount: 1,
      });
      const hours = plan.resourceHours.regular[0].map((h, t) => h + plan.resourceHours.overtime[0][t]);
      hours.forEach((h, t) => expect(h).toBeCloseTo(load[0][t], 9));
      expect(pastDueLoad[0]).toBeCloseTo(made[0][0], 9);
    },
  );

  it("chase by hand: units made 10, 20, 30 need 10 + 20, 30 and 0 hours", async () => {
    // period 1's 10 units are past due (their hours were due in period 0) and land in period 1
    // with period 2's 20; period 3's 30 units need their hours in period 2; nothing in period 3
    const plan = await planFamilies(input, "chase");
    expect(plan.resourceHours.regular[0]).toEqual([30, 30, 0]);
    expect(plan.resourceCost).toBe(60 * 2);
  });

  it("the optimal plan respects a resource's hours where the offset puts them", async () => {
    // 25 h in period 1 hold the hours of periods 1 and 2 (10 + 20 = 30 > 25): with backlog not
    // allowed and no overtime, period 1 must build less… it cannot, demand is due: infeasible
    const tight = { ...input, resources: [{ name: "Paint", hours: [25, 100, 100] }] };
    await expect(planFamilies(tight, "optimal", highs)).rejects.toThrow(/short/);
    // opening stock of 5 covers period 1's shortfall: 5 + 20 = 25 hours in period 1
    const covered = { ...tight, families: [{ ...input.families[0], openingInventory: 5 }] };
    const plan = await planFamilies(covered, "optimal", highs);
    expect(plan.resourceHours.regular[0]).toEqual([25, 30, 0]);
  });
});
