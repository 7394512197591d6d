import type { PlanningData } from "../../../src/engine/cycle";
import { forecastAccuracy, heldOutForecasts, heldOutPeriods, salesActuals } from "../../../src/engine/measure";
import { ALL_ITEMS, heldOutAccuracy } from "../../../src/taskpane/cycle/accuracyViews";

// Two items of one family and one of another, naive forecasts (last value carried forward), so
// every number below is a hand calculation.
const item = (name: string, family: string) => ({
  name,
  family,
  unitCost: null,
  unitPrice: null,
  openingInventory: 0,
  openingBacklog: 0,
  safetyStock: 0,
});
const data: PlanningData = {
  bucket: "month",
  historyPeriods: ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"],
  planPeriods: ["2025-07"],
  items: [item("A", "Chairs"), item("B", "Chairs"), item("C", "Tables")],
  families: ["Chairs", "Tables"],
  history: [
    [10, 12, 14, 16, 18, 20],
    [5, 5, 5, 6, 4, null],
    [null, null, null, null, 7, 9],
  ],
  overrides: [[null], [null], [null]],
  reasons: [[null], [null], [null]],
  resources: [],
  bill: [],
  forecast: { method: "naive", level: 0.95 },
  strategy: "level",
  costs: {},
};

describe("held-out accuracy (one definition for the demand and measure steps)", () => {
  it("holds out half a year of months or a quarter of weeks, at most a third of the history", () => {
    expect(heldOutPeriods("month", 36)).toBe(6);
    expect(heldOutPeriods("month", 12)).toBe(4); // ⌊12/3⌋
    expect(heldOutPeriods("week", 104)).toBe(13);
    expect(heldOutPeriods("month", 2)).toBe(0);
    expect(heldOutPeriods("month", 6)).toBe(2);
  });

  it("forecasts the held-out periods from the history before them and leaves out items launched since", () => {
    // Fit on the first 4 months. A: naive 16; B: naive 6; C has no history before May: left out.
    expect(heldOutForecasts(data, 2)).toEqual([
      { item: "A", family: "Chairs", period: "2025-05", statistical: 16, consensus: 16 },
      { item: "A", family: "Chairs", period: "2025-06", statistical: 16, consensus: 16 },
      { item: "B", family: "Chairs", period: "2025-05", statistical: 6, consensus: 6 },
      { item: "B", family: "Chairs", period: "2025-06", statistical: 6, consensus: 6 },
    ]);
  });

  it("scores items pooled at item level, then family volumes", () => {
    const rows = heldOutAccuracy(data);
    // Held out 2 periods. B sold nothing on record in June, and June has actuals (A's), so B counts 0
    // there (forecastAccuracy's rule). Item level: |18−16| + |20−16| + |4−6| + |0−6| = 14 over
    // Σ actuals 18 + 20 + 4 + 0 = 42 → WMAPE 14/42; bias (16 + 16 + 6 + 6 − 42)/42 = 2/42.
    expect(rows[0].name).toBe(ALL_ITEMS);
    expect(rows[0].wmape).toBeCloseTo(14 / 42, 12);
    expect(rows[0].bias).toBeCloseTo(2 / 42, 12);
    expect(rows[0].holdout).toBe(2);
    // Chairs volume: May actual 22 vs 22, June actual 20 vs 22 → WMAPE 2/42, bias 2/42.
    expect(rows[1]).toEqual({
      name: "Chairs",
      wmape: expect.closeTo(2 / 42, 12),
      bias: expect.closeTo(2 / 42, 12),
      holdout: 2,
    });
    expect(rows.map((r) => r.name)).toEqual([ALL_ITEMS, "Chairs"]);
  });

  it("is the same measurement the measure step's backtest makes", () => {
    const total = forecastAccuracy(heldOutForecasts(data, 2), salesActuals(data)).find((r) => r.level === "total")!;
    // Total volume: May 22 vs 22, June 20 vs 22 → WMAPE 2/42, as the Chairs family (Tables has no forecast).
    expect(total.wmapeStatistical).toBeCloseTo(2 / 42, 12);
    expect(
      heldOutAccuracy({
        ...data,
        historyPeriods: data.historyPeriods.slice(0, 2),
        history: data.history.map((h) => h.slice(0, 2)),
      }),
    ).toEqual([]);
  });
});
