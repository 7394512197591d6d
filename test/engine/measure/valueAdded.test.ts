import { reasonCodeOf, valueAddedByContributor, type ReasonCode } from "../../../src/engine/measure";
import { plannerDemand, teamConsensus } from "../../../src/engine/cycle";

const codes: ReasonCode[] = [
  { code: "PROMO", description: "promotion", source: "Marketing" },
  { code: "DEAL", description: "customer deal", source: "Sales" },
  { code: "PRICE", description: "price change", source: "Finance" },
];

describe("reason codes", () => {
  it("reads the code before a colon, else the first word, matched like names", () => {
    expect(reasonCodeOf("promo: spring mailing", codes)?.code).toBe("PROMO");
    expect(reasonCodeOf("Deal big customer", codes)?.code).toBe("DEAL");
    expect(reasonCodeOf(" PRICE ", codes)?.code).toBe("PRICE");
    expect(reasonCodeOf("price increase: 3 %", codes)?.code).toBe("PRICE"); // the first word names it
    expect(reasonCodeOf("pricing: 3 %", codes)).toBeNull();
    expect(reasonCodeOf("weather", codes)).toBeNull();
    expect(reasonCodeOf(null, codes)).toBeNull();
  });
});

describe("forecast value added by reason code, source and team input", () => {
  // Two items, periods 2026-01 and 2026-02 have actuals; 2026-03 has none (not measured).
  const forecasts = [
    {
      item: "A",
      family: "F",
      period: "2026-01",
      statistical: 80,
      consensus: 95,
      reason: "PROMO: mailing",
      marketingInput: 95,
    },
    { item: "A", family: "F", period: "2026-02", statistical: 60, consensus: 40, reason: "DEAL", salesInput: 40 },
    {
      item: "B",
      family: "F",
      period: "2026-01",
      statistical: 210,
      consensus: 230,
      reason: "deal big customer",
      salesInput: 250,
      marketingInput: 210,
    },
    { item: "B", family: "F", period: "2026-02", statistical: 100, consensus: 100 },
    { item: "A", family: "F", period: "2026-03", statistical: 70, consensus: 90, reason: "PROMO", salesInput: 1 },
  ];
  const actuals = [
    { item: "A", period: "2026-01", quantity: 100 },
    { item: "A", period: "2026-02", quantity: 50 },
    { item: "B", period: "2026-01", quantity: 200 },
    { item: "B", period: "2026-02", quantity: 120 },
  ];
  const rows = valueAddedByContributor(forecasts, actuals, codes);
  const row = (by: string, name: string) => rows.find((r) => r.by === by && r.name === name);

  it("by source equals the hand calculation", () => {
    // Sales (DEAL): A 2026-02 (A 50, S 60, C 40) and B 2026-01 (A 200, S 210, C 230).
    //   ΣA = 250; Σ|A−S| = 10 + 10 = 20 → 0.08; Σ|A−C| = 10 + 30 = 40 → 0.16; FVA = 0.08 − 0.16 = −0.08
    expect(row("source", "Sales")).toMatchObject({ pairs: 2, actual: 250 });
    expect(row("source", "Sales")!.wmapeStatistical).toBeCloseTo(0.08, 12);
    expect(row("source", "Sales")!.wmapeAfter).toBeCloseTo(0.16, 12);
    expect(row("source", "Sales")!.valueAdded).toBeCloseTo(-0.08, 12);
    // Marketing (PROMO): A 2026-01 only (2026-03 has no actuals): |100−80| = 20 → 0.2; |100−95| = 5 → 0.05; FVA 0.15
    expect(row("source", "Marketing")).toMatchObject({ pairs: 1, actual: 100 });
    expect(row("source", "Marketing")!.valueAdded).toBeCloseTo(0.15, 12);
    // Finance: no Reason names PRICE, so no row; Operations has no codes.
    expect(row("source", "Finance")).toBeUndefined();
    expect(row("source", "Operations")).toBeUndefined();
  });

  it("by code: one row per code with measured pairs", () => {
    expect(rows.filter((r) => r.by === "code").map((r) => [r.name, r.pairs])).toEqual([
      ["PROMO", 1],
      ["DEAL", 2],
    ]);
    expect(row("code", "DEAL")!.valueAdded).toBeCloseTo(-0.08, 12);
  });

  it("by input: statistical → input and input → consensus", () => {
    // SalesInput: A 2026-02 (input 40), B 2026-01 (input 250). ΣA = 250.
    //   statistical 20/250 = 0.08; input |50−40| + |200−250| = 60 → 0.24; consensus 40/250 = 0.16
    //   statistical → input: 0.08 − 0.24 = −0.16; input → consensus: 0.24 − 0.16 = 0.08
    const sales = row("input", "SalesInput")!;
    expect(sales).toMatchObject({ pairs: 2, actual: 250 });
    expect(sales.valueAdded).toBeCloseTo(-0.16, 12);
    expect(sales.consensusValueAdded).toBeCloseTo(0.08, 12);
    // MarketingInput: A 2026-01 (95), B 2026-01 (210). ΣA = 300.
    //   statistical 20 + 10 = 30 → 0.1; input 5 + 10 = 15 → 0.05; consensus 5 + 30 = 35 → 0.11667
    //   statistical → input: 0.05; input → consensus: 0.05 − 0.11667 = −0.06667
    const marketing = row("input", "MarketingInput")!;
    expect(marketing.valueAdded).toBeCloseTo(0.05, 12);
    expect(marketing.consensusValueAdded).toBeCloseTo(0.05 - 35 / 300, 12);
  });
});

describe("inputs by team form the consensus", () => {
  it("override first, then the teams' inputs (one as is, both their mean), then the statistical forecast", () => {
    expect(teamConsensus(120, null)).toBe(120);
    expect(teamConsensus(null, 80)).toBe(80);
    expect(teamConsensus(120, 80)).toBe(100);
    expect(teamConsensus(null, null)).toBeNull();
    const data = {
      overrides: [[90, null, null, null]],
      teamInputs: { sales: [[50, 120, null, null]], marketing: [[60, 80, 70, null]] },
    };
    expect([0, 1, 2, 3].map((t) => plannerDemand(data, 0, t))).toEqual([
      { units: 90, source: "item override" },
      { units: 100, source: "team inputs" },
      { units: 70, source: "marketing input" },
      null,
    ]);
  });
});
