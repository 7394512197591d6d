import { parseCapacitySpec, scenarioFromPlan } from "../../../src/workbook/executive/captureScenario";
import type { ScenarioTarget } from "../../../src/engine/scenarios";

const data = (): ScenarioTarget => ({
  items: [{ name: "A" }, { name: "B" }],
  planPeriods: ["2026-01", "2026-02"],
  overrides: [
    [null, 90],
    [40, null],
  ],
  reasons: [
    [null, "planner"],
    [null, null],
  ],
  resources: [{ name: "Press", hours: [100, 80], overtimeHours: [0, 0] }],
  strategy: "optimal",
});

describe("parseCapacitySpec", () => {
  it("reads percent, hours added and hours set; refuses anything else", () => {
    expect(parseCapacitySpec("Press=+10%")).toEqual({
      resource: "Press",
      kind: "percent",
      value: 10,
    });
    expect(parseCapacitySpec("Press=-25%")).toEqual({
      resource: "Press",
      kind: "percent",
      value: -25,
    });
    expect(parseCapacitySpec("Paint line=+40")).toEqual({
      resource: "Paint line",
      kind: "add",
      value: 40,
    });
    expect(parseCapacitySpec("Press=1200")).toEqual({
      resource: "Press",
      kind: "set",
      value: 1200,
    });
    for (const bad of ["Press", "=10", "Press=lots", "Press=10%", "Press=+", ""])
      expect(parseCapacitySpec(bad)).toBeNull();
  });
});

describe("scenarioFromPlan", () => {
  it("captures every override with its reason, the strategy and capacity changes per period", () => {
    const s = scenarioFromPlan(data(), "  Push ", "chase", [
      { resource: "Press", kind: "percent", value: 10 },
      { resource: "Press", kind: "set", value: 120 },
      { resource: "Press", kind: "add", value: -5 },
    ]);
    expect(s.name).toBe("Push");
    expect(s.strategy).toBe("chase");
    expect(s.overrides).toEqual([
      { item: "A", period: "2026-02", quantity: 90, reason: "planner" },
      { item: "B", period: "2026-01", quantity: 40, reason: null },
    ]);
    // +10% of [100, 80] = [10, 8]; set to 120 from [100, 80] = [+20, +40]; −5 every period
    expect(s.capacityChanges).toEqual([
      { resource: "Press", period: "2026-01", hours: 10 },
      { resource: "Press", period: "2026-02", hours: 8 },
      { resource: "Press", period: "2026-01", hours: 20 },
      { resource: "Press", period: "2026-02", hours: 40 },
      { resource: "Press", period: null, hours: -5 },
    ]);
  });

  it("refuses a blank name and an unknown resource", () => {
    expect(() => scenarioFromPlan(data(), " ", null)).toThrow(/needs a name/);
    expect(() => scenarioFromPlan(data(), "X", null, [{ resource: "Oven", kind: "add", value: 1 }])).toThrow(
      /no resource "Oven"/,
    );
  });
});
