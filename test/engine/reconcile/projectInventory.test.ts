import { projectInventory } from "../../../src/engine/reconcile/projectInventory";

describe("projectInventory", () => {
  it("carries inventory forward and turns a shortage into backlog", () => {
    // hand calculation: opening 10; period 1: 10 + 20 − 25 = 5 on hand;
    // period 2: 5 + 20 − 30 = −5 → 5 backlogged; period 3: −5 + 20 − 10 = 5 on hand
    const p = projectInventory({ openingInventory: 10, production: [20, 20, 20], demand: [25, 30, 10] });
    expect(p.inventory).toEqual([5, 0, 5]);
    expect(p.backlog).toEqual([0, 5, 0]);
    // on time: period 1 all 25 (30 available); period 2 only 25 of 30; period 3: 20 − 5 owed = 15 ≥ 10
    expect(p.onTime).toEqual([25, 25, 10]);
  });

  it("serves the opening backlog before the period's demand", () => {
    // hand calculation: owed 8, made 10, demand 5: 10 − 8 = 2 reach this period's customers,
    // 3 more are backlogged
    const p = projectInventory({ openingBacklog: 8, production: [10], demand: [5] });
    expect(p.onTime).toEqual([2]);
    expect(p.backlog).toEqual([3]);
    expect(p.inventory).toEqual([0]);
  });

  it("keeps the balance identity I[t] − B[t] = I[t−1] − B[t−1] + P[t] − D[t]", () => {
    const production = [3, 0, 9, 1, 4];
    const demand = [5, 2, 1, 7, 0];
    const p = projectInventory({ openingInventory: 1, openingBacklog: 2, production, demand });
    let previous = 1 - 2;
    for (let t = 0; t < 5; t++) {
      expect(p.inventory[t] - p.backlog[t]).toBeCloseTo(previous + production[t] - demand[t], 12);
      expect(Math.min(p.inventory[t], p.backlog[t])).toBe(0);
      previous = p.inventory[t] - p.backlog[t];
    }
  });

  it("treats solver noise as zero, not as stock", () => {
    const p = projectInventory({ production: [100 + 1e-12], demand: [100] });
    expect(p.inventory).toEqual([0]);
    expect(p.backlog).toEqual([0]);
  });
});
