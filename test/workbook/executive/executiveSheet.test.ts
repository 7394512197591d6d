import { compareOptions, executivePack, ExecutivePackInput, FamilyProjection } from "../../../src/engine/executive";
import { executiveSheet, KPI_COLUMNS, layoutGrid } from "../../../src/workbook/executive/executiveSheet";

const periods = ["2026-01", "2026-02", "2026-03"];
const bikes: FamilyProjection = {
  family: "Bikes",
  demand: [100, 120, 140],
  production: [110, 110, 130],
  inventory: [10, 0, 0],
  backlog: [0, 0, 10],
  openingInventory: 0,
  openingBacklog: 0,
};
const parts: FamilyProjection = {
  family: "Parts",
  demand: [50, 50, 50],
  production: [60, 50, 40],
  inventory: [15, 15, 5],
  backlog: [0, 0, 0],
  openingInventory: 5,
  openingBacklog: 0,
};
const resources = [
  { resource: "Assembly", loadHours: [80, 90, 120], capacityHours: [100, 100, 100] },
  { resource: "Paint", loadHours: [40, 40, 40], capacityHours: [50, 50, 0] },
];
const noCost = () => ({
  regularTime: [0, 0, 0],
  overtime: [0, 0, 0],
  subcontract: [0, 0, 0],
  material: [0, 0, 0],
  workforce: [0, 0, 0],
  hiring: [0, 0, 0],
  layoffs: [0, 0, 0],
  holding: [0, 0, 0],
  backlog: [0, 0, 0],
});
const input = (): ExecutivePackInput => ({
  planName: "optimal",
  periods,
  periodsPerYear: 12,
  items: [
    { name: "City bike", family: "Bikes", unitPrice: 500, unitCost: 300 },
    { name: "Chain", family: "Parts", unitPrice: 20, unitCost: 8 },
  ],
  itemDemand: [bikes.demand, parts.demand],
  families: [bikes, parts],
  resources,
  costs: [
    { family: "Bikes", ...noCost(), regularTime: [10000, 10000, 10000] },
    { family: "Parts", ...noCost(), holding: [150, 150, 200] },
  ],
  comparison: compareOptions([{ name: "optimal", families: [bikes, parts], resources, totalCost: 100500 }], 12),
  previous: [
    { family: "Bikes", demand: { "2026-01": 90, "2026-02": 100 }, production: { "2026-01": 90, "2026-02": 100 } },
  ],
  overrides: [{ item: "City bike", statistical: [100, 80, 140], override: [null, 120, null] }],
});

describe("the ExecutiveSummary sheet", () => {
  const pack = executivePack(input());
  const sheet = executiveSheet(pack);
  const grid = layoutGrid(sheet);
  const section = (title: string) => sheet.sections.find((s) => s.title.startsWith(title))!;

  it("shows the headline KPIs the plan tables give (hand calculation)", () => {
    const kpi = (header: string) => sheet.rows[0][sheet.headers.indexOf(header)];
    // shipped: bikes 100, 120, 140 − 10 backlog = 350; chains 150 → revenue 350 × 500 + 150 × 20 = 178,000
    // cost of goods: made 350 bikes × 300 + 150 chains × 8 = 106,200 material + 30,000 regular time
    // + 500 holding = 136,700; gross margin 41,300
    expect(kpi("Revenue")).toBe(178000);
    expect(kpi("Cost of goods")).toBe(136700);
    expect(kpi("Gross margin")).toBe(41300);
    // fill rate: bikes on time 100, 120 (10 + 110), 130 → 350; parts 50 × 3 = 150 → 500 / 510
    expect(kpi("Fill rate")).toBeCloseTo(500 / 510, 12);
    // ending inventory 0 + 5; ending backlog 10; peak backlog 10
    expect(kpi("Ending inventory")).toBe(5);
    expect(kpi("Ending backlog")).toBe(10);
    // days of supply: usage 510/3 × 12 = 2040 a year → 5 / (2040/365)
    expect(kpi("Days of supply")).toBeCloseTo(5 / (2040 / 365), 12);
    // peak utilization: Assembly 120/100 (Paint's 0-capacity period has no ratio)
    expect(kpi("Peak utilization")).toBeCloseTo(1.2, 12);
    // decisions: Assembly overload (2026-03), Paint overload (2026-03, 40 h with no capacity), Bikes backlog, City bike override +50 %
    expect(kpi("Decisions needed")).toBe(4);
    expect(sheet.headers).toEqual(KPI_COLUMNS.map((k) => k.header));
  });

  it("draws demand vs supply and the projection from the plan tables' family sums", () => {
    expect(section("Demand vs supply").rows).toEqual([
      ["Bikes", 360, 350, -10],
      ["Parts", 150, 150, 0],
    ]);
    // period 3: demand 140 + 50, production 130 + 40, inventory 0 + 5, backlog 10 + 0
    expect(section("Inventory and backlog").rows[2]).toEqual(["2026-03", 190, 170, 5, 10]);
    expect(section("Utilization").rows[2]).toEqual(["2026-03", 1.2, null]);
  });

  it("lists the decisions and the changes since the last cycle", () => {
    expect(section("Decisions needed").rows.map((r) => r[0])).toEqual([
      "Capacity overload",
      "Capacity overload",
      "Stockout / backlog",
      "Large override",
    ]);
    // Bikes over the shared periods 2026-01..02: demand 190 → 220 (+30); production 190 → 220
    expect(section("Changes since the last cycle").rows[0]).toEqual([
      "Bikes",
      "Consensus demand",
      190,
      220,
      30,
      30 / 190,
    ]);
  });

  it("points each chart at the cells of its section", () => {
    const [supplyChart, utilizationChart, projectionChart] = sheet.charts;
    const at = (r: number, c: number) => grid[r][c];
    // categories and values read back from the grid are the section's rows
    const column = (range: { column: number; firstRow: number; lastRow: number }) =>
      Array.from({ length: range.lastRow - range.firstRow + 1 }, (_, k) => at(range.firstRow + k, range.column));
    expect(column(supplyChart.categories)).toEqual(["Bikes", "Parts"]);
    expect(column(supplyChart.series[1].values)).toEqual([350, 150]);
    expect(utilizationChart.series.map((s) => s.name)).toEqual(["Assembly", "Paint"]);
    expect(column(projectionChart.series[1].values)).toEqual([0, 0, 10]);
    // the charts sit side by side between the KPI strip and the first section
    expect(sheet.charts.every((c) => c.anchor.row + c.anchor.rows < sheet.sections[0].row)).toBe(true);
  });

  it("writes values only, and prints landscape", () => {
    const formulas = grid.flat().filter((v) => typeof v === "string" && v.startsWith("="));
    expect(formulas).toEqual([]);
    expect(sheet.landscape).toBe(true);
  });
});
