import { forecastAccuracy } from "../../../src/engine/measure";

// An earlier cycle forecast 2026-01..03; Sales now holds actuals for 2026-01 and 2026-02.
const forecasts = [
  ...["2026-01", "2026-02", "2026-03"].flatMap((period, t) => [
    { item: "A", family: "F", period, statistical: 100, consensus: [110, 120, 130][t] },
    { item: "B", family: "F", period, statistical: 50, consensus: 50 },
    { item: "C", family: "G", period, statistical: 10, consensus: 20 },
  ]),
];
const actuals = [
  { item: "A", period: "2025-12", quantity: 90 },
  { item: "B", period: "2025-12", quantity: 40 },
  { item: "A", period: "2026-01", quantity: 120 },
  { item: "A", period: "2026-02", quantity: 100 },
  { item: "B", period: "2026-01", quantity: 60 },
  // B has no 2026-02 row: it sold 0 in a period that has actuals
  { item: "C", period: "2026-01", quantity: 10 },
  { item: "C", period: "2026-02", quantity: 10 },
];

describe("forecastAccuracy", () => {
  const rows = forecastAccuracy(forecasts, actuals);
  const byName = (name: string) => rows.find((r) => r.name === name)!;

  it("measures only the periods that have actuals, total first, then families, then items", () => {
    expect(rows.map((r) => `${r.level}:${r.name}`)).toEqual([
      "total:Total",
      "family:F",
      "family:G",
      "item:A",
      "item:B",
      "item:C",
    ]);
    expect(byName("Total").periods).toEqual(["2026-01", "2026-02"]);
  });

  it("reports WMAPE, bias and tracking signal of an item (hand calculation)", () => {
    const a = byName("A");
    // actual 120 + 100 = 220; consensus errors |120−110| + |100−120| = 30 → 30/220
    expect(a.wmapeConsensus).toBeCloseTo(30 / 220, 12);
    // statistical errors 20 + 0 = 20 → 20/220; consensus bias (230 − 220)/220; statistical (200 − 220)/220
    expect(a.wmapeStatistical).toBeCloseTo(20 / 220, 12);
    expect(a.biasConsensus).toBeCloseTo(10 / 220, 12);
    expect(a.biasStatistical).toBeCloseTo(-20 / 220, 12);
    // A − F = 10, −20: running sum −10, MAD (10 + 20)/2 = 15 → −0.6667
    expect(a.trackingSignal).toBeCloseTo(-10 / 15, 12);
  });

  it("shows the value the overrides and the model added over naive", () => {
    const a = byName("A");
    // override FVA = WMAPE(stat) − WMAPE(consensus) = 20/220 − 30/220: the override hurt
    expect(a.overrideValueAdded).toBeCloseTo(-10 / 220, 12);
    // naive = 90 (Dec actual): errors 30 + 10 = 40 → 40/220; stat FVA = (40 − 20)/220; consensus (40 − 30)/220
    expect(a.statisticalValueAdded).toBeCloseTo(20 / 220, 12);
    expect(a.consensusValueAdded).toBeCloseTo(10 / 220, 12);
  });

  it("adds items up to the family volume before measuring", () => {
    const f = byName("F");
    // actual [180, 100]; consensus [160, 170] → errors 20 + 70 = 90 → 90/280; stat [150, 150] → 30 + 50 = 80/280
    expect(f.actual).toBe(280);
    expect(f.wmapeConsensus).toBeCloseTo(90 / 280, 12);
    expect(f.overrideValueAdded).toBeCloseTo(-10 / 280, 12);
    // naive 90 + 40 = 130 each period: errors 50 + 30 = 80 → stat FVA 0, consensus FVA −10/280
    expect(f.statisticalValueAdded).toBeCloseTo(0, 12);
    expect(f.consensusValueAdded).toBeCloseTo(-10 / 280, 12);
    // A − F = 20, −70: sum −50, MAD 45 → −1.111
    expect(f.trackingSignal).toBeCloseTo(-50 / 45, 12);
  });

  it("has no naive comparison for an item without history before the forecast", () => {
    expect(byName("C").statisticalValueAdded).toBeNull();
    expect(byName("Total").consensusValueAdded).toBeNull();
    // total: actual 300, consensus [180, 190] → errors 10 + 80 = 90 → 0.3
    expect(byName("Total").wmapeConsensus).toBeCloseTo(0.3, 12);
  });

  it("returns nothing when no forecast period has actuals yet", () => {
    expect(forecastAccuracy(forecasts, [{ item: "A", period: "2025-12", quantity: 1 }])).toEqual([]);
  });
});
