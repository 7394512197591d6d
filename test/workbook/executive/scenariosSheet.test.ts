import { promoteScenario, saveScenario, EMPTY_BOOK, Scenario } from "../../../src/engine/scenarios";
import { readScenarioRows, scenarioRows, SCENARIO_HEADERS } from "../../../src/workbook/executive/scenariosSheet";

const promo: Scenario = {
  name: "Promo",
  description: "spring promotion with a second shift",
  strategy: "chase",
  overrides: [{ item: "B", period: "2026-02", quantity: 150, reason: "promotion" }],
  capacityChanges: [
    { resource: "Press", period: null, hours: 20 },
    { resource: "Press", period: "2026-02", hours: 0, overtimeHours: 10 },
  ],
};
const lean: Scenario = { name: "Lean", description: null, strategy: null, overrides: [], capacityChanges: [] };

describe("the Scenarios sheet", () => {
  it("round-trips a book, promotion history included", () => {
    const book = promoteScenario(promoteScenario(saveScenario(saveScenario(EMPTY_BOOK, promo), lean), "Lean"), "Promo");
    const rows = scenarioRows(book);
    const { book: back, problems } = readScenarioRows([...SCENARIO_HEADERS], rows);
    expect(problems).toEqual([]);
    expect(back).toEqual(book);
  });

  it("reads rows a planner typed, reporting the ones it cannot use", () => {
    const { book, problems } = readScenarioRows(
      ["scenario", "change", "target", "period", "value", "note"],
      [
        ["Rush", "override", "A", "2026-03", "120", "big order"],
        ["Rush", "strategy", null, null, "Chase", null],
        ["Rush", "capacity", "Press", "", -10, null],
        ["Rush", "discount", null, null, 5, null],
        ["Rush", "override", "A", null, 5, null],
        [null, null, null, null, null, null],
        ["Ghost", "promoted", null, null, 1, null],
      ],
    );
    expect(book.scenarios).toEqual([
      {
        name: "Rush",
        description: null,
        strategy: "chase",
        overrides: [{ item: "A", period: "2026-03", quantity: 120, reason: "big order" }],
        capacityChanges: [{ resource: "Press", period: null, hours: -10 }],
      },
    ]);
    expect(book.promoted).toEqual([]);
    expect(problems.map((p) => p.row)).toEqual([4, 5, 0]);
    expect(problems[0].message).toContain('"discount"');
  });
});
