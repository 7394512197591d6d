import { actualPositions, familySop } from "../../../src/engine/executive/familySop";

describe("actualPositions", () => {
  it("walks the position back from the closing one with sales and production", () => {
    // net end = 10; before the last period 10 − 8 + 6 = 8; before the first 8 − 4 + 5 = 9
    expect(actualPositions({ inventory: 10, backlog: 0 }, [5, 6], [4, 8])).toEqual({
      inventory: [9, 8, 10],
      backlog: [0, 0, 0],
    });
  });

  it("turns a negative net position into backlog, and stops where a production actual is missing", () => {
    // net end = 0 − 5 = −5; before: −5 − 10 + 12 = −3 → backlog 3; before period 0: production unknown
    expect(actualPositions({ inventory: 0, backlog: 5 }, [7, 12], [null, 10])).toEqual({
      inventory: [null, 0, 0],
      backlog: [null, 3, 5],
    });
  });
});

describe("familySop", () => {
  it("lays out plan, actual, differences, fill rate and days of supply (the doc comment's example)", () => {
    const block = familySop({
      family: "F",
      periodsPerYear: 12,
      historyPeriods: ["2025-11", "2025-12"],
      planned: { demand: [90, 100], production: [100, 100], inventory: [15, 20], backlog: [0, 0] },
      actual: { demand: [95, 110], production: [100, 90] },
      closing: { inventory: 10, backlog: 0 },
      plan: { periods: ["2026-01"], demand: [100], production: [120], inventory: [30], backlog: [0] },
    });
    const line = (measure: string, name: string) =>
      block.lines.find((l) => l.measure === measure && l.line === name)!.values;
    expect(line("Demand", "Plan")).toEqual([90, 100, 100]);
    expect(line("Demand", "Actual")).toEqual([95, 110, null]);
    expect(line("Demand", "Difference")).toEqual([5, 10, null]);
    expect(line("Demand", "Cumulative difference")).toEqual([5, 15, null]);
    expect(line("Production", "Difference")).toEqual([0, -10, null]);
    // inventory: end of 2025-12 = 10 (closing); end of 11: 10 − 90 + 110 = 30; end of 10: 30 − 100 + 95 = 25
    expect(line("Inventory", "Actual")).toEqual([30, 10, null]);
    expect(line("Inventory", "Difference")).toEqual([15, -10, null]);
    expect(block.lines.some((l) => l.measure === "Inventory" && l.line === "Cumulative difference")).toBe(false);
    // fill rate: 11: min(95, 25 + 100) / 95 = 1; 12: min(110, 30 + 90) / 110 = 1; plan: min(100, 10 + 120) / 100 = 1
    expect(line("Fill rate", "Actual, then plan")).toEqual([1, 1, 1]);
    // days of supply = inventory ÷ (demand × 12 ÷ 365): 30 ÷ (95·12/365), 10 ÷ (110·12/365), 30 ÷ (100·12/365)
    const dos = line("Days of supply", "Actual, then plan");
    expect(dos[0]).toBeCloseTo(30 / ((95 * 12) / 365), 9);
    expect(dos[1]).toBeCloseTo(10 / ((110 * 12) / 365), 9);
    expect(dos[2]).toBeCloseTo(30 / ((100 * 12) / 365), 9);
  });

  it("gives a fill rate below 1 when the position cannot serve the month", () => {
    // history: one month, sold 50, made 10, closing backlog 20 → net before = −20 − 10 + 50 = 20 (inventory 20)
    // served = min(50, max(20 + 10 − 0, 0)) = 30 → 0.6
    const block = familySop({
      family: "F",
      periodsPerYear: 12,
      historyPeriods: ["2025-12"],
      planned: { demand: [null], production: [null], inventory: [null], backlog: [null] },
      actual: { demand: [50], production: [10] },
      closing: { inventory: 0, backlog: 20 },
      plan: { periods: ["2026-01"], demand: [40], production: [50], inventory: [0], backlog: [10] },
    });
    const fill = block.lines.find((l) => l.measure === "Fill rate")!.values;
    // plan: min(40, max(0 + 50 − 20, 0)) = 30 of 40
    expect(fill).toEqual([0.6, 0.75]);
    expect(block.lines.find((l) => l.measure === "Demand" && l.line === "Difference")!.values).toEqual([null, null]);
  });
});
