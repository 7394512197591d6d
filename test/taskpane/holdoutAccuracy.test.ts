import { ALL_ITEMS, defaultHoldout, holdoutAccuracy, type HoldoutData } from "../../src/taskpane/cycle/holdoutAccuracy";

// Two items of one family and one of another, naive forecasts (last value carried forward), so
// every number below is a hand calculation.
const data: HoldoutData = {
  bucket: "month",
  historyPeriods: ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"],
  items: [{ family: "Chairs" }, { family: "Chairs" }, { family: "Tables" }],
  families: ["Chairs", "Tables"],
  history: [
    [10, 12, 14, 16, 18, 20],
    [5, 5, 5, 6, 4, null],
    [null, null, null, null, 7, 9],
  ],
  forecast: { method: "naive" },
};

describe("accuracy on held-out history", () => {
  it("scores each item's naive forecast, then family volumes", () => {
    const rows = holdoutAccuracy(data, 2);
    // Fit on the first 4 periods. Item 1: naive 16 → forecasts [16, 16], actuals [18, 20].
    // Item 2: naive 6 → forecast [6] against the one actual 4 (the gap in June is skipped).
    // Item 3: no history before the cut: not scored.
    // All items: |18−16| + |20−16| + |4−6| = 8 over Σ actuals 42 → WMAPE 8/42; bias (38 − 42)/42.
    expect(rows[0].name).toBe(ALL_ITEMS);
    expect(rows[0].wmape).toBeCloseTo(8 / 42, 12);
    expect(rows[0].bias).toBeCloseTo(-4 / 42, 12);
    // Chairs volume: May actual 18+4 = 22 vs 16+6 = 22; June actual 20 vs 16 → WMAPE 4/42, bias −4/42.
    expect(rows[1]).toEqual({
      name: "Chairs",
      wmape: expect.closeTo(4 / 42, 12),
      bias: expect.closeTo(-4 / 42, 12),
      holdout: 2,
    });
    expect(rows.map((r) => r.name)).toEqual([ALL_ITEMS, "Chairs"]);
  });

  it("holds out half a year of months when at least two years remain to fit", () => {
    expect(defaultHoldout({ bucket: "month", historyPeriods: new Array(36).fill("") })).toBe(6);
    expect(defaultHoldout({ bucket: "month", historyPeriods: new Array(27).fill("") })).toBe(3);
    expect(defaultHoldout({ bucket: "month", historyPeriods: new Array(20).fill("") })).toBe(0);
    expect(holdoutAccuracy(data, 0)).toEqual([]);
  });
});
