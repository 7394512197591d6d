import {
  changesSinceLastCycle,
  compareOptions,
  FamilySeriesByPeriod,
  financialPlan,
} from "../../../src/engine/executive";

describe("changesSinceLastCycle", () => {
  it("compares the periods both plans cover, family by family", () => {
    const previous: FamilySeriesByPeriod[] = [
      {
        family: "A",
        demand: { "2026-01": 100, "2026-02": 100, "2026-03": 100 },
        production: { "2026-01": 90, "2026-02": 90, "2026-03": 90 },
      },
      { family: "Old", demand: { "2026-02": 10 }, production: { "2026-02": 10 } },
    ];
    const current: FamilySeriesByPeriod[] = [
      {
        family: "A",
        demand: new Map([
          ["2026-02", 120],
          ["2026-03", 130],
          ["2026-04", 500],
        ]),
        production: new Map([
          ["2026-02", 100],
          ["2026-03", 80],
          ["2026-04", 500],
        ]),
      },
      { family: "New", demand: { "2026-03": 40 }, production: { "2026-03": 0 } },
    ];
    const { periods, rows } = changesSinceLastCycle(previous, current);
    expect(periods).toEqual(["2026-02", "2026-03"]);
    // A demand: 100 + 100 = 200 → 120 + 130 = 250, +50, +25 %; production 180 → 180, 0
    expect(rows.find((r) => r.family === "A" && r.measure === "demand")).toEqual({
      family: "A",
      measure: "demand",
      previous: 200,
      current: 250,
      change: 50,
      changeShare: 0.25,
    });
    expect(rows.find((r) => r.family === "A" && r.measure === "production")?.change).toBe(0);
    // a new family has no previous figure: change share undefined
    expect(rows.find((r) => r.family === "New" && r.measure === "demand")).toMatchObject({
      previous: 0,
      current: 40,
      changeShare: null,
    });
    // a dropped family goes to 0
    expect(rows.find((r) => r.family === "Old" && r.measure === "demand")).toMatchObject({
      previous: 10,
      current: 0,
      change: -10,
    });
  });
});

describe("compareOptions", () => {
  it("puts cost, revenue, margin and service side by side", () => {
    const family = {
      family: "F",
      demand: [10, 10],
      production: [5, 15],
      inventory: [0, 0],
      backlog: [5, 0],
      openingInventory: 0,
      openingBacklog: 0,
    };
    const [row] = compareOptions(
      [
        {
          name: "level",
          families: [family],
          resources: [{ resource: "R", loadHours: [5, 15], capacityHours: [10, 10] }],
          totalCost: 120,
          overtimeUnits: 5,
          financial: financialPlan({
            items: [{ name: "i", family: "F", unitPrice: 10, unitCost: 4 }],
            itemDemand: [[10, 10]],
            families: [family],
          }),
        },
      ],
      12,
    );
    // shipped 5 then 10 + 5 late = 20: revenue 20 × 10 = 200; cost of goods = 20 made × 4 = 80 (no
    // plan cost lines given); gross margin 200 − 80 = 120; fill rate (5 + 10) / 20 = 0.75 (t2 serves backlog 5 first: min(10, 15 − 5))
    expect(row).toMatchObject({
      name: "level",
      totalCost: 120,
      revenue: 200,
      costOfGoods: 80,
      margin: 120,
      fillRate: 0.75,
      peakBacklog: 5,
      peakUtilization: 1.5,
      overtimeUnits: 5,
      totalProduction: 20,
    });
  });
});
