import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { parsePlanningData } from "../../src/workbook/parse/planningData";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import type { CellValue } from "../../src/workbook/port";

/** A small valid workbook: 2 items in one family, 4 months of history, 2 plan months. */
function small(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addTable(
    "Items",
    "Items",
    ["Item", "Family"],
    [
      ["A", "F"],
      ["B", "F"],
    ],
  );
  wb.addTable(
    "Sales",
    "Sales",
    ["Item", "Period", "Quantity"],
    [
      ["A", "2024-01", 10],
      ["A", "2024-02", 12],
      ["A", "2024-03", 11],
      ["A", "2024-04", 13],
      ["B", "2024-01", 5],
      ["B", "2024-02", 0],
      ["B", "2024-03", 7],
      ["B", "2024-04", 6],
    ],
  );
  wb.addTable(
    "Capacity",
    "Capacity",
    ["Resource", "Period", "Hours"],
    [
      ["R1", "2024-05", 100],
      ["R1", "2024-06", 90],
    ],
  );
  wb.addTable(
    "BillOfResources",
    "BillOfResources",
    ["Item or Family", "Resource", "Hours per unit"],
    [["F", "R1", 0.5]],
  );
  wb.addTable("Settings", "Settings", ["Name", "Value"], [["Horizon", 2]]);
  return wb;
}

function replaceTable(wb: MemoryWorkbook, name: string, headers: string[], rows: CellValue[][]): void {
  const sheet = wb.sheet(name)!;
  wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
  wb.addTable(name, name, headers, rows);
}

describe("parsePlanningData", () => {
  it("reads the demo workbook with no problems: 13 items (one new product), 3 families, 36 months of history, 18 plan months", async () => {
    const { data, problems } = parsePlanningData(await demoWorkbook().readInputs());
    expect(problems).toEqual([]);
    // demoWorkbook defaults: history 2023-01 … 2025-12, horizon 18 from PlanStart 2026-01.
    expect(data!.items).toHaveLength(13);
    expect(data!.items[12]).toMatchObject({
      name: "CH-300",
      likeItem: "CH-110",
      launchPeriod: "2026-04",
      likeItemFactor: 0.5,
    });
    expect(data!.families).toEqual(["Chairs", "Desks", "Storage"]);
    expect(data!.historyPeriods[0]).toBe("2023-01");
    expect(data!.historyPeriods).toHaveLength(36);
    expect(data!.planPeriods[0]).toBe("2026-01");
    expect(data!.planPeriods[17]).toBe("2027-06");
    expect(data!.resources.map((r) => r.name)).toEqual(["Assembly", "Paint", "Upholstery", "Packing"]);
  });

  it("matches headers case- and space-insensitively and reads a long table", async () => {
    const { data, problems } = parsePlanningData(await small().readInputs());
    expect(problems).toEqual([]);
    expect(data!.history).toEqual([
      [10, 12, 11, 13],
      [5, 0, 7, 6],
    ]);
    expect(data!.planPeriods).toEqual(["2024-05", "2024-06"]);
    expect(data!.resources[0].hours).toEqual([100, 90]);
    expect(data!.bill).toEqual([{ target: { kind: "family", index: 0 }, resource: 0, hoursPerUnit: 0.5, offset: 0 }]);
  });

  it("reads wide Sales and Capacity (periods across) the same as long ones", async () => {
    const wb = small();
    replaceTable(
      wb,
      "Sales",
      ["Item", "2024-01", "2024-02", "2024-03", "2024-04"],
      [
        ["A", 10, 12, 11, 13],
        ["B", 5, 0, 7, 6],
      ],
    );
    replaceTable(wb, "Capacity", ["Resource", "2024-05", "2024-06"], [["R1", 100, 90]]);
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(problems).toEqual([]);
    expect(data!.history).toEqual([
      [10, 12, 11, 13],
      [5, 0, 7, 6],
    ]);
    expect(data!.resources[0].hours).toEqual([100, 90]);
  });

  it("reads Excel serial dates and ISO weeks", async () => {
    const wb = small();
    // 45292 = 2024-01-01, 45299 = 2024-01-08 (Excel: =DATE(2024,1,1) → 45292); weeks 2024-W01, W02.
    replaceTable(
      wb,
      "Sales",
      ["Item", "Period", "Quantity"],
      [
        ["A", 45292, 3],
        ["A", 45299, 4],
        ["B", "2024-W01", 1],
        ["B", "2024-W02", 2],
      ],
    );
    replaceTable(
      wb,
      "Capacity",
      ["Resource", "Period", "Hours"],
      [
        ["R1", "2024-W03", 10],
        ["R1", "2024-W04", 10],
      ],
    );
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(problems).toEqual([]);
    expect(data!.bucket).toBe("week");
    expect(data!.historyPeriods).toEqual(["2024-W01", "2024-W02"]);
    expect(data!.history).toEqual([
      [3, 4],
      [1, 2],
    ]);
    expect(data!.planPeriods).toEqual(["2024-W03", "2024-W04"]);
  });

  it("lists every problem at once, each with table, row, column, value and a hint", async () => {
    const wb = small();
    replaceTable(
      wb,
      "Items",
      ["Item", "Family"],
      [
        ["A", "F"],
        ["B", null],
        ["A", "F"],
      ],
    );
    replaceTable(
      wb,
      "Sales",
      ["Item", "Period", "Quantity"],
      [
        ["A", "2024-01", 10],
        ["A", "2024-02", "ten"],
        ["A", "2024-04", -3],
        ["B", "2024-01", 5],
        ["B", "2024-01", 6],
        ["Z", "2024-02", 1],
        ["B", "2024-04", 2],
      ],
    );
    replaceTable(wb, "Capacity", ["Resource", "Period", "Hours"], [["R1", "2024-05", 100]]);
    replaceTable(
      wb,
      "BillOfResources",
      ["ItemOrFamily", "Resource", "HoursPerUnit"],
      [
        ["F", "R1", 0.5],
        ["Q", "R9", 1],
      ],
    );
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(data).toBeNull();
    const messages = problems.map((p) => `${p.table}|${p.row ?? ""}|${p.column ?? ""}|${p.severity}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Items|3|Item|error", // duplicate item A
        "Items|2|Family|error", // B has no family
        "Sales|2|Quantity|error", // "ten"
        "Sales|3|Quantity|error", // -3
        "Sales|5|Period|error", // B 2024-01 twice
        "Sales|6|Item|error", // Z not in Items
        "Sales||Period|error", // 2024-03 missing entirely
        "Capacity|||error", // horizon 2024-05…2024-06 longer than capacity
        "BillOfResources|2|ItemOrFamily|error", // Q unknown
        "BillOfResources|2|Resource|error", // R9 unknown
      ]),
    );
    const nonNumeric = problems.find((p) => p.value === "ten")!;
    expect(nonNumeric.hint).toBeTruthy();
    // Sales sits at A1 of sheet Sales; data row 2 is sheet row 2 (0-based), Quantity is column 2.
    expect(nonNumeric.cell).toEqual({ sheet: "Sales", row: 2, column: 2 });
    expect(problems.find((p) => p.table === "Sales" && p.column === "Period" && !p.row)!.message).toContain("2024-03");
  });

  it("reads new products (LikeItem, LaunchPeriod, LikeItemFactor) and reports an unknown like item", async () => {
    const wb = small();
    replaceTable(
      wb,
      "Items",
      ["Item", "Family", "Like item", "Launch period", "LikeItemFactor"],
      [
        ["A", "F", null, null, null],
        ["B", "F", null, null, null],
        ["N", "F", "a", "2024-06", 0.5],
        ["M", "F", "Q", null, null],
      ],
    );
    const { problems } = parsePlanningData(await wb.readInputs());
    expect(problems.filter((p) => p.severity === "error").map((p) => `${p.row}|${p.column}|${p.value}`)).toEqual([
      "4|Like item|Q",
    ]);
    replaceTable(
      wb,
      "Items",
      ["Item", "Family", "Like item", "Launch period", "LikeItemFactor"],
      [
        ["A", "F", null, null, null],
        ["B", "F", null, null, null],
        ["N", "F", "a", 45444, 0.5],
      ],
    );
    const { data } = parsePlanningData(await wb.readInputs());
    // 45444 = 2024-06-01 (Excel =DATE(2024,6,1)); the like item's name takes the Items spelling.
    expect(data!.items[2]).toMatchObject({ likeItem: "A", launchPeriod: "2024-06", likeItemFactor: 0.5 });
    expect(data!.history[2]).toEqual([0, 0, 0, 0]);
  });

  it("names a missing table and a missing required column", async () => {
    const wb = small();
    wb.sheets.splice(wb.sheets.indexOf(wb.sheet("BillOfResources")!), 1);
    replaceTable(wb, "Items", ["Item", "Group"], [["A", "F"]]);
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(data).toBeNull();
    expect(problems.find((p) => p.table === "BillOfResources")!.message).toMatch(/No BillOfResources table/);
    const missing = problems.find((p) => p.table === "Items" && p.column === "Family")!;
    expect(missing.message).toMatch(/no "Family" column/);
    expect(missing.hint).toMatch(/"Group"/);
  });

  it("still checks Capacity and BillOfResources when Sales cannot be read", async () => {
    const wb = small();
    replaceTable(wb, "Sales", ["Item", "Units"], [["A", 3]]);
    replaceTable(
      wb,
      "Capacity",
      ["Resource", "Period", "Hours"],
      [
        ["R1", "2024-05", -5],
        ["R1", "2024-06", 90],
      ],
    );
    replaceTable(wb, "BillOfResources", ["ItemOrFamily", "Resource", "HoursPerUnit"], [["F", "R2", 0.5]]);
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(data).toBeNull();
    expect(problems.filter((p) => p.severity === "error").map((p) => `${p.table}|${p.row ?? ""}|${p.column}`)).toEqual([
      "Sales||Period",
      "Capacity|1|Hours",
      "BillOfResources|1|Resource",
    ]);
  });

  it("reports bad settings and unknown setting names", async () => {
    const wb = small();
    replaceTable(
      wb,
      "Settings",
      ["Name", "Value"],
      [
        ["Horizon", 1.5],
        ["Strategy", "cheapest"],
        ["Colour", "blue"],
        ["ConfidenceLevel", 95],
      ],
    );
    const { problems } = parsePlanningData(await wb.readInputs());
    expect(problems.filter((p) => p.table === "Settings").map((p) => `${p.row}|${p.severity}`)).toEqual([
      "1|error",
      "2|error",
      "3|warning",
      "4|error",
    ]);
  });

  it("validates every setting at gather, naming its cell: method, strategy, bucket, numbers, holdingOn", async () => {
    const wb = small();
    replaceTable(
      wb,
      "Settings",
      ["Name", "Value"],
      [
        ["ForecastMethod", "arimax"],
        ["Strategy", "cheapest"],
        ["Bucket", "fortnight"],
        ["holdingCost", true],
        ["Horizon", "twelve"],
        ["holdingOn", "peak"],
        ["ForecastMethod ", 3],
      ],
    );
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(data).toBeNull();
    const settings = problems.filter((p) => p.table === "Settings" && p.severity === "error");
    // The Settings sheet holds the table at A1 (header row 0), so data row r sits at sheet row r, column B = 1.
    expect(settings.map((p) => [p.row, p.column, p.cell?.sheet, p.cell?.row, p.cell?.column])).toEqual([
      [1, "Value", "Settings", 1, 1],
      [2, "Value", "Settings", 2, 1],
      [3, "Value", "Settings", 3, 1],
      [4, "Value", "Settings", 4, 1],
      [5, "Value", "Settings", 5, 1],
      [6, "Value", "Settings", 6, 1],
      [7, "Name", "Settings", 7, 0],
    ]);
    expect(settings[0].message).toBe('ForecastMethod "arimax" is unknown.');
    expect(settings[0].hint).toMatch(/use one of auto, .*ETS\(A,Ad,M\)/);
    expect(settings[2].message).toMatch(/Bucket is "fortnight"/);
    expect(settings[5].message).toMatch(/holdingOn is "peak"/);
  });

  it("accepts a known method in any case and spacing, e.g. ' Theta '", async () => {
    const wb = small();
    replaceTable(
      wb,
      "Settings",
      ["Name", "Value"],
      [
        ["Horizon", 2],
        ["Forecast method", " Theta "],
      ],
    );
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(data?.forecast.method).toBe("Theta");
  });

  it("reads the alert limits from Settings and refuses a negative one with its cell", async () => {
    const wb = small();
    replaceTable(
      wb,
      "Settings",
      ["Name", "Value"],
      [
        ["Horizon", 2],
        ["Utilization limit", 0.9],
        ["TrackingSignalLimit", 3],
        ["OverrideLimit", 0.2],
        ["BacklogLimit", 10],
        ["InventoryShortfallLimit", 25],
      ],
    );
    const { data } = parsePlanningData(await wb.readInputs());
    expect(data?.alertLimits).toEqual({
      utilization: 0.9,
      trackingSignal: 3,
      overrideShare: 0.2,
      backlog: 10,
      inventoryShortfall: 25,
    });
    replaceTable(
      wb,
      "Settings",
      ["Name", "Value"],
      [
        ["Horizon", 2],
        ["BacklogLimit", -1],
      ],
    );
    const bad = parsePlanningData(await wb.readInputs());
    expect(bad.problems.filter((p) => p.severity === "error").map((p) => [p.table, p.row, p.column])).toEqual([
      ["Settings", 2, "Value"],
    ]);
  });

  it("reads the inventory target policy (soft or hard, days of supply, shortfall cost) and names a bad cell", async () => {
    const wb = small();
    const data = async (rows: (string | number)[][]) => {
      replaceTable(wb, "Settings", ["Name", "Value"], [["Horizon", 2], ...rows]);
      return parsePlanningData(await wb.readInputs());
    };
    expect((await data([])).data?.inventoryPolicy).toEqual({ mode: "soft" });
    const set = await data([
      ["InventoryTarget", "Hard"],
      ["SafetyStockDays", 14],
      ["shortfallCost", 12.5],
    ]);
    expect(set.data?.inventoryPolicy).toEqual({ mode: "hard", safetyStockDays: 14 });
    expect(set.data?.costs.shortfallCost).toBe(12.5);
    const bad = await data([
      ["InventoryTarget", "strict"],
      ["SafetyStockDays", -3],
    ]);
    expect(bad.data).toBeNull();
    expect(bad.problems.filter((p) => p.severity === "error").map((p) => [p.table, p.row, p.column])).toEqual([
      ["Settings", 2, "Value"],
      ["Settings", 3, "Value"],
    ]);
  });

  it("reads the optional Budget table by family and plan period, and names every bad cell", async () => {
    const wb = small();
    // plan: 2024-05 and 2024-06 (after the last sale, Horizon 2)
    wb.addTable(
      "Budget",
      "Budget",
      ["Family", "Period", "Units", "Revenue"],
      [
        ["f", "2024-05", 30, 1500],
        ["F", "2024-06", null, 1600],
        ["F", "2024-09", 10, 10],
      ],
    );
    const ok = parsePlanningData(await wb.readInputs());
    expect(ok.data?.budget).toEqual([
      { family: "F", period: 0, units: 30, revenue: 1500 },
      { family: "F", period: 1, units: null, revenue: 1600 },
    ]);
    expect(ok.problems.map((p) => [p.table, p.severity, p.message])).toEqual([
      [
        "Budget",
        "warning",
        "1 Budget row(s) fall outside the plan horizon (2024-05 to 2024-06) and are not used: 2024-09.",
      ],
    ]);

    replaceTable(
      wb,
      "Budget",
      ["Family", "Period", "Units", "Revenue"],
      [
        ["Tables", "2024-05", 30, 1500],
        ["F", "May", 30, 1500],
        ["F", "2024-05", -4, 1500],
        ["F", "2024-06", 5, "lots"],
        ["F", "2024-06", 5, 10],
        ["F", "2024-06", 5, 10],
      ],
    );
    const bad = parsePlanningData(await wb.readInputs());
    expect(bad.data).toBeNull();
    // table, row (1 = first data row), column and the cell (sheet row 0 is the header)
    expect(
      bad.problems
        .filter((p) => p.severity === "error")
        .map((p) => [p.table, p.row, p.column, p.cell?.row, p.cell?.column]),
    ).toEqual([
      ["Budget", 1, "Family", 1, 0],
      ["Budget", 2, "Period", 2, 1],
      ["Budget", 3, "Units", 3, 2],
      ["Budget", 4, "Revenue", 4, 3],
      ["Budget", 6, "Period", 6, 1],
    ]);

    replaceTable(wb, "Budget", ["Family", "Period"], [["F", "2024-05"]]);
    const noAmounts = parsePlanningData(await wb.readInputs());
    expect(noAmounts.problems.find((p) => p.table === "Budget")?.message).toBe(
      "The Budget table has neither a Units nor a Revenue column.",
    );
  });
});
