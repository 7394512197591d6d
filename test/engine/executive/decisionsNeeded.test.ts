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

  it("names a resource's past-due hours as their own decision, after overloads", () => {
    const decisions = decisionsNeeded({
      periodLabels,
      resources: [
        // 120 past-due hours inside January's 150 (on 100 regular hours): January is also overloaded by 50
        { resource: "Paint", loadHours: [150, 60, 60, 60], capacityHours: [100, 100, 100, 100], pastDueHours: 120 },
        { resource: "Press", loadHours: [50, 50, 50, 50], capacityHours: [100, 100, 100, 100], pastDueHours: 0 },
      ],
    });
    expect(decisions.map((d) => [d.kind, d.subject, d.firstPeriod, d.lastPeriod, d.value])).toEqual([
      ["overload", "Paint", 0, 0, 50],
      ["pastDue", "Paint", 0, 0, 120],
    ]);
    expect(decisions[1].message).toBe(
      "Paint: 120 h past due — release now or re-plan. Lead-time offsets put these hours before 2026-01; they are counted in 2026-01's load and utilization.",
    );
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

  it("raises alerts at the planner's limits and prints the limit that raised each", () => {
    const input = {
      periodLabels,
      resources: [{ resource: "Press", loadHours: [90, 95, 85, 80], capacityHours: [100, 100, 100, 100] }],
      families: [
        {
          family: "Bikes",
          demand: [1, 1, 1, 1],
          production: [1, 1, 1, 1],
          inventory: [0, 0, 0, 0],
          backlog: [5, 0, 3, 12],
          openingInventory: 0,
          openingBacklog: 0,
        },
      ],
      bias: [{ name: "Bikes", trackingSignal: 3.5 }],
      overrides: [{ item: "B1", statistical: [100, 100, 100, 100], override: [125, null, null, null] }],
    };
    // Default limits (100 %, 0 units, ±4, 30 %): only the backlog runs are decisions.
    expect(decisionsNeeded(input).map((d) => d.kind)).toEqual(["backlog", "backlog"]);
    const tight = decisionsNeeded({
      ...input,
      limits: { utilization: 0.9, backlog: 4, trackingSignal: 3, overrideShare: 0.2 },
    });
    // Press above 90 % of 100 h in Feb only (95 h): 5 h over. Backlog above 4 units: Jan (5) and Apr (12),
    // not Mar (3). |3.5| > 3: biased. Override +25 % > 20 %.
    expect(tight.map((d) => [d.kind, d.firstPeriod, d.lastPeriod, d.value, d.threshold])).toEqual([
      ["overload", 1, 1, 5, 0.9],
      ["backlog", 3, 3, 12, 4],
      ["backlog", 0, 0, 5, 4],
      ["bias", 0, 3, 3.5, 3],
      ["override", 0, 0, 0.25, 0.2],
    ]);
    expect(tight.map((d) => /\(Limit: [^)]*\.\)$/.exec(d.message)?.[0])).toEqual([
      "(Limit: utilization 90 %.)",
      "(Limit: backlog 4 units.)",
      "(Limit: backlog 4 units.)",
      "(Limit: tracking signal ±3.)",
      "(Limit: override 20 %.)",
    ]);
  });

  it("lists every period of a family below its inventory target with the units short, above the planner's limit", () => {
    const family = {
      family: "Chairs",
      demand: [1, 1, 1, 1],
      production: [1, 1, 1, 1],
      inventory: [50, 20, 0, 45],
      backlog: [0, 0, 10, 0],
      openingInventory: 0,
      openingBacklog: 0,
      inventoryTarget: [40, 40, 40, 40],
    };
    // short = target − (inventory − backlog): 0, 20, 50, 0 → one run, 2026-02 to 2026-03, peak 50
    const [decision] = decisionsNeeded({ periodLabels, families: [family] }).filter((d) => d.kind === "inventory");
    expect(decision).toMatchObject({ subject: "Chairs", firstPeriod: 1, lastPeriod: 2, value: 50, threshold: 0 });
    expect(decision.message).toContain("units short 2026-02 20 of 40, 2026-03 50 of 40");
    expect(decision.message).toMatch(/\(Limit: inventory shortfall 0 units\.\)$/);
    // limit 30: only 2026-03 (50) is over it
    const limited = decisionsNeeded({ periodLabels, families: [family], limits: { inventoryShortfall: 30 } });
    expect(limited.filter((d) => d.kind === "inventory").map((d) => [d.firstPeriod, d.lastPeriod, d.value])).toEqual([
      [2, 2, 50],
    ]);
    expect(limited.find((d) => d.kind === "inventory")!.message).toContain("(Limit: inventory shortfall 30 units.)");
    // no target given: no inventory decision
    expect(decisionsNeeded({ periodLabels, families: [{ ...family, inventoryTarget: undefined }] })).toHaveLength(1);
  });
});
