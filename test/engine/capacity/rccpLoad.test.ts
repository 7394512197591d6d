import { rccpLoad } from "../../../src/engine/capacity/rccpLoad";
import { capacityMeasure, overloadedPeriods } from "../../../src/engine/capacity/capacityMeasures";
import { cpof } from "../../../src/engine/capacity/cpof";
import { PlanningError } from "../../../src/engine/errors";

describe("rccpLoad", () => {
  // Oracle: ../shared/oracles/rccp.json "bill_of_capacity_walnut_hill" (Vollmann et al., Walnut Hill):
  // plan 450, 300, 625, 890 units; circuit board 0.2 h/unit, assembly 0.3 h/unit; capacity 130 and 160 h.
  const walnutHill = {
    plan: [[450, 300, 625, 890]],
    bill: [
      { item: 0, resource: 0, hoursPerUnit: 0.2 },
      { item: 0, resource: 1, hoursPerUnit: 0.3 },
    ],
    resourceCount: 2,
  };

  it("reproduces the Walnut Hill bill-of-capacity load", () => {
    const { load, pastDueLoad } = rccpLoad(walnutHill);
    const expected = [
      [90, 60, 125, 178],
      [135, 90, 187.5, 267],
    ];
    load.forEach((row, r) => row.forEach((hours, t) => expect(hours).toBeCloseTo(expected[r][t], 9)));
    expect(pastDueLoad).toEqual([0, 0]);
  });

  it("flags the Walnut Hill overloaded periods (circuit board 4; assembly 3 and 4, 1-based)", () => {
    const { load } = rccpLoad(walnutHill);
    expect(overloadedPeriods(load[0], [130, 130, 130, 130]).map((t) => t + 1)).toEqual([4]);
    expect(overloadedPeriods(load[1], [160, 160, 160, 160]).map((t) => t + 1)).toEqual([3, 4]);
  });

  it("sums items on a shared resource", () => {
    // hand calculation: 2 items on one resource, 1 h and 0.5 h per unit:
    // period 1: 10×1 + 4×0.5 = 12; period 2: 20×1 + 8×0.5 = 24
    const { load } = rccpLoad({
      plan: [
        [10, 20],
        [4, 8],
      ],
      bill: [
        { item: 0, resource: 0, hoursPerUnit: 1 },
        { item: 1, resource: 0, hoursPerUnit: 0.5 },
      ],
      resourceCount: 1,
    });
    expect(load).toEqual([[12, 24]]);
  });

  it("shifts load earlier by the resource-profile offset", () => {
    // hand calculation: plan 0, 10, 20, 30; 2 h/unit; offset 1 → the hours for period t land in t − 1:
    // period 1: 10×2 = 20, period 2: 20×2 = 40, period 3: 30×2 = 60, period 4: nothing later = 0
    const { load, pastDueLoad } = rccpLoad({
      plan: [[0, 10, 20, 30]],
      bill: [{ item: 0, resource: 0, hoursPerUnit: 2, offset: 1 }],
      resourceCount: 1,
    });
    expect(load).toEqual([[20, 40, 60, 0]]);
    expect(pastDueLoad).toEqual([0]);
  });

  it("puts load that falls before the first period into the first period as past due", () => {
    // hand calculation: plan 5, 10, 20; 1 h/unit; offset 2:
    // period 1 gets period 3's 20 h on time + periods 1 and 2's 5 + 10 = 15 h past due = 35 h
    const { load, pastDueLoad } = rccpLoad({
      plan: [[5, 10, 20]],
      bill: [{ item: 0, resource: 0, hoursPerUnit: 1, offset: 2 }],
      resourceCount: 1,
    });
    expect(load).toEqual([[35, 0, 0]]);
    expect(pastDueLoad).toEqual([15]);
    // total hours are conserved: 5 + 10 + 20 = 35
    expect(load[0].reduce((a, b) => a + b, 0)).toBe(35);
  });

  it("keeps an offset longer than the horizon as past due", () => {
    const { load, pastDueLoad } = rccpLoad({
      plan: [[1, 2]],
      bill: [{ item: 0, resource: 0, hoursPerUnit: 3, offset: 5 }],
      resourceCount: 1,
    });
    expect(load).toEqual([[9, 0]]); // (1 + 2) × 3
    expect(pastDueLoad).toEqual([9]);
  });

  it("rejects negative hours and fractional offsets with typed errors", () => {
    expect(() =>
      rccpLoad({ plan: [[1]], bill: [{ item: 0, resource: 0, hoursPerUnit: -1 }], resourceCount: 1 }),
    ).toThrow(PlanningError);
    expect(() =>
      rccpLoad({ plan: [[1]], bill: [{ item: 0, resource: 0, hoursPerUnit: 1, offset: 0.5 }], resourceCount: 1 }),
    ).toThrow(/whole periods/);
  });
});

describe("capacityMeasure", () => {
  const load = [[90, 60, 125, 178]];
  const capacity = [[130, 130, 130, 130]];

  it("computes utilization, overload and remaining (Walnut Hill circuit boards)", () => {
    // 90/130, 60/130, 125/130, 178/130
    expect(capacityMeasure("utilization", load, capacity)[0].map((u) => +u.toFixed(6))).toEqual([
      0.692308, 0.461538, 0.961538, 1.369231,
    ]);
    expect(capacityMeasure("overload", load, capacity)).toEqual([[0, 0, 0, 48]]);
    expect(capacityMeasure("remaining", load, capacity)).toEqual([[40, 70, 5, -48]]);
  });

  it("says utilization is undefined when capacity is 0 and there is load", () => {
    expect(() => capacityMeasure("utilization", [[0, 5]], [[0, 0]])).toThrow(
      /capacity is 0 for resource 1 in period 2/,
    );
    expect(capacityMeasure("utilization", [[0]], [[0]])).toEqual([[0]]);
  });
});

describe("cpof", () => {
  it("reproduces the CPOF oracle: 450 hours split 270 / 180", () => {
    // Oracle: ../shared/oracles/rccp.json "cpof_overall_factors": A 100 × 2 h, B 50 × 3 h, C 25 × 4 h = 450 h; shares 0.6 / 0.4
    const result = cpof([[100], [50], [25]], [2, 3, 4], [0.6, 0.4]);
    expect(result.totalHours).toEqual([450]);
    expect(result.hoursByWorkCentre[0][0]).toBeCloseTo(270, 9);
    expect(result.hoursByWorkCentre[1][0]).toBeCloseTo(180, 9);
  });

  it("rejects shares that do not add up to 1", () => {
    expect(() => cpof([[1]], [1], [0.5, 0.4])).toThrow(/add up to 1/);
  });
});
