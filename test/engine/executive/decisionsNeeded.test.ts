import { decisionsNeeded, relativeChange } from "../../../src/engine/executive";

const periodLabels = ["2026-01", "2026-02", "2026-03", "2026-04"];

describe("decisionsNeeded", () => {
  it("merges a resource's contiguous overloaded periods into one decision", () => {
    const decisions = decisionsNeeded({
      periodLabels,
      resources: [{ resource: "Press", loadHours: [90, 130, 110, 80], capacityHours: [100, 100, 100, 100] }],
    });
    expect(decisions).toHaveLength(1);
    // hours short: (130 − 100) + (110 − 100) = 40, periods 2..3
    expect(decisions[0]).toMatchObject({
      kind: "overload",
      subject: "Press",
      firstPeriod: 1,
      lastPeriod: 2,
      value: 40,
    });
    expect(decisions[0].message).toContain("2026-02 to 2026-03");
    expect(decisions[0].message).toContain("peak 130 %");
  });

  it("raises one backlog decision per run of periods, with the peak", () => {
    const decisions = decisionsNeeded({
      periodLabels,
      families: [
        {
          family: "Bikes",
          demand: [1, 1, 1, 1],
          production: [1, 1, 1, 1],
          inventory: [0, 0, 0, 0],
          backlog: [5, 0, 3, 7],
          openingInventory: 0,
          openingBacklog: 0,
        },
      ],
    });
    // runs: period 1 (peak 5) and periods 3..4 (peak 7); the bigger first
    expect(decisions.map((d) => [d.firstPeriod, d.lastPeriod, d.value])).toEqual([
      [2, 3, 7],
      [0, 0, 5],
    ]);
  });

  it("flags forecast bias only outside the ±4 tracking-signal limit", () => {
    const decisions = decisionsNeeded({
      periodLabels,
      bias: [
        { name: "A", trackingSignal: 4 },
        { name: "B", trackingSignal: -4.5 },
        { name: "C", trackingSignal: 6 },
      ],
    });
    // 4 is on the limit, not beyond it; C (6) before B (4.5) by size
    expect(decisions.map((d) => d.subject)).toEqual(["C", "B"]);
    expect(decisions[1].message).toContain("over-forecast");
  });

  it("flags overrides more than 30 % away from the statistical forecast", () => {
    const decisions = decisionsNeeded({
      periodLabels,
      overrides: [{ item: "X", statistical: [100, 100, 100, 0], override: [130, 140, null, 5] }],
    });
    // period 1: +30 % is on the limit (not flagged); period 2: +40 %; period 4: 5 over a 0 forecast
    expect(decisions.map((d) => [d.firstPeriod, d.value])).toEqual([
      [3, Infinity],
      [1, 0.4],
    ]);
  });

  it("orders kinds: overloads, backlog, bias, overrides", () => {
    const decisions = decisionsNeeded({
      periodLabels: ["p1"],
      overrides: [{ item: "X", statistical: [10], override: [20] }],
      bias: [{ name: "X", trackingSignal: 5 }],
      families: [
        {
          family: "F",
          demand: [1],
          production: [0],
          inventory: [0],
          backlog: [1],
          openingInventory: 0,
          openingBacklog: 0,
        },
      ],
      resources: [{ resource: "R", loadHours: [2], capacityHours: [1] }],
    });
    expect(decisions.map((d) => d.kind)).toEqual(["overload", "backlog", "bias", "override"]);
  });

  it("measures an override relative to the statistical forecast", () => {
    // (70 − 100) / 100 = −0.3
    expect(relativeChange(100, 70)).toBeCloseTo(-0.3, 12);
    expect(relativeChange(0, 0)).toBe(0);
  });
});
