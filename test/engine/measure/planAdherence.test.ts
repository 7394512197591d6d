import { planAdherence } from "../../../src/engine/measure";

describe("planAdherence", () => {
  it("scores production against the plan over the periods with actuals", () => {
    const rows = planAdherence([
      { name: "F", plan: [100, 100, 100], actual: [90, 120, null] },
      { name: "G", plan: [50, 50, 50], actual: [50, 40, null] },
    ]);
    // F: planned 200, made 210, |−10| + |20| = 30 → adherence 1 − 30/200 = 0.85, attainment 1.05
    expect(rows[0]).toEqual({ name: "F", periods: 2, planned: 200, made: 210, adherence: 0.85, attainment: 1.05 });
    // G: planned 100, made 90, deviation 10 → 0.9 and 0.9
    expect(rows[1]).toMatchObject({ adherence: 0.9, attainment: 0.9 });
    // total: planned 300, made 300, deviation 40 → 1 − 40/300; attainment 1 (over- and under-production cancel in volume, not in adherence)
    expect(rows[2].name).toBe("Total");
    expect(rows[2].adherence).toBeCloseTo(1 - 40 / 300, 12);
    expect(rows[2].attainment).toBe(1);
  });

  it("needs at least one period with actuals", () => {
    expect(() => planAdherence([{ name: "F", plan: [1], actual: [null] }])).toThrow(/no period/);
  });
});
