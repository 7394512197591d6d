import { levelRate } from "../../../src/engine/reconcile/level";
import { workersFor } from "../../../src/engine/reconcile/chase";
import { planFamily } from "../../../src/engine/reconcile";
import { expectBalanced } from "./support";

describe("levelRate (water-filling a constant rate under per-period limits)", () => {
  it("shares what a capped period cannot make among the others", () => {
    // hand calculation: 300 over 3 periods = 100 each, but period 1 makes at most 50;
    // the other two share the remaining 250 → 125 each
    expect(levelRate(300, [50, 200, 200])).toEqual([50, 125, 125]);
  });

  it("makes every period's maximum when even that is short, and nothing when nothing is needed", () => {
    expect(levelRate(1000, [100, 200])).toEqual([100, 200]);
    expect(levelRate(-5, [100, 200])).toEqual([0, 0]);
    expect(levelRate(90, [Infinity, Infinity, Infinity])).toEqual([30, 30, 30]);
  });
});

describe("level and chase with a workforce", () => {
  it("sets the level workforce once, in the first period", async () => {
    // hand calculation: demand 100 + 200 + 300 = 600 over 3 → 200 a period; 20 units per worker →
    // 10 workers from period 1 (opening 6: hire 4); ending inventory:
    // period 1: 200 − 100 = 100; period 2: 100 + 200 − 200 = 100; period 3: 100 + 200 − 300 = 0
    const input = { demand: [100, 200, 300], costs: { workforce: 6, unitsPerWorker: 20, hireCost: 10, workerCost: 1 } };
    const plan = await planFamily(input, "level");
    expect(plan.workforce).toEqual([10, 10, 10]);
    expect(plan.hires).toEqual([4, 0, 0]);
    expect(plan.inventory).toEqual([100, 100, 0]);
    // 4 hires × 10 + 30 worker-periods × 1
    expect(plan.totalCost).toBe(70);
    expectBalanced(input, plan);
  });

  it("rounds workers up with integerWorkforce", async () => {
    expect(workersFor(25, 10, true)).toBe(3);
    expect(workersFor(25, 10, false)).toBe(2.5);
    // hand calculation: chase needs 25 units at 10 per worker → 3 whole workers, still making 25
    const plan = await planFamily(
      { demand: [25], costs: { workforce: 0, unitsPerWorker: 10, integerWorkforce: true } },
      "chase",
    );
    expect(plan.workforce).toEqual([3]);
    expect(plan.production).toEqual([25]);
  });
});
