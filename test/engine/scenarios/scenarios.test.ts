import {
  activeScenario,
  applyScenario,
  EMPTY_BOOK,
  promoteScenario,
  removeScenario,
  revertPromotion,
  saveScenario,
  Scenario,
  ScenarioTarget,
} from "../../../src/engine/scenarios";

const data = (): ScenarioTarget => ({
  items: [{ name: "A" }, { name: "B" }],
  planPeriods: ["2026-01", "2026-02"],
  overrides: [
    [null, 90],
    [null, null],
  ],
  reasons: [
    [null, "planner"],
    [null, null],
  ],
  resources: [{ name: "Press", hours: [100, 100], overtimeHours: [0, 0] }],
  strategy: "optimal",
});

const promo: Scenario = {
  name: "Promo",
  strategy: "chase",
  overrides: [{ item: "B", period: "2026-02", quantity: 150, reason: "spring promotion" }],
  capacityChanges: [
    { resource: "Press", period: null, hours: 20 },
    { resource: "Press", period: "2026-02", hours: -50, overtimeHours: 10 },
  ],
};

describe("applyScenario", () => {
  it("layers overrides, strategy and capacity changes over the plan's inputs", () => {
    const base = data();
    const applied = applyScenario(base, promo);
    expect(applied.overrides).toEqual([
      [null, 90],
      [null, 150],
    ]);
    expect(applied.reasons[1][1]).toBe("spring promotion");
    expect(applied.strategy).toBe("chase");
    // Press: +20 every period, then −50 in 2026-02: [120, 70]; overtime +10 in 2026-02
    expect(applied.resources[0].hours).toEqual([120, 70]);
    expect(applied.resources[0].overtimeHours).toEqual([0, 10]);
    // the base is untouched
    expect(base.resources[0].hours).toEqual([100, 100]);
    expect(base.overrides[1][1]).toBeNull();
  });

  it("names the scenario and the unknown item, resource or period", () => {
    expect(() =>
      applyScenario(data(), { ...promo, overrides: [{ item: "Z", period: "2026-01", quantity: 1 }] }),
    ).toThrow(/scenario "Promo" overrides item "Z"/);
    expect(() =>
      applyScenario(data(), { ...promo, overrides: [{ item: "A", period: "2027-01", quantity: 1 }] }),
    ).toThrow(/not a plan period/);
    expect(() =>
      applyScenario(data(), { ...promo, capacityChanges: [{ resource: "Oven", period: null, hours: 1 }] }),
    ).toThrow(/"Oven"/);
    expect(() =>
      applyScenario(data(), { ...promo, capacityChanges: [{ resource: "Press", period: null, hours: -101 }] }),
    ).toThrow(/negative hours/);
  });
});

describe("the scenario book", () => {
  const lean: Scenario = { name: "Lean", strategy: "level", overrides: [], capacityChanges: [] };

  it("promotes a scenario and reverts to the previous plan", () => {
    let book = saveScenario(saveScenario(EMPTY_BOOK, promo), lean);
    expect(activeScenario(book)).toBeNull();
    book = promoteScenario(book, "Promo");
    book = promoteScenario(book, "lean");
    expect(activeScenario(book)?.name).toBe("Lean");
    book = revertPromotion(book);
    expect(activeScenario(book)?.name).toBe("Promo");
    book = revertPromotion(book);
    expect(activeScenario(book)).toBeNull();
    expect(() => revertPromotion(book)).toThrow(/no scenario has been promoted/);
  });

  it("replaces a scenario saved under the same name and guards the plan from removal", () => {
    let book = saveScenario(saveScenario(EMPTY_BOOK, promo), { ...promo, name: "promo ", strategy: "level" });
    expect(book.scenarios).toHaveLength(1);
    expect(book.scenarios[0].strategy).toBe("level");
    book = promoteScenario(book, "Promo");
    expect(() => removeScenario(book, "Promo")).toThrow(/is the plan/);
    expect(() => promoteScenario(book, "Nope")).toThrow(/no scenario "Nope"/);
  });
});
