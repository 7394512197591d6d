import * as fs from "node:fs";
import * as path from "node:path";
import { parsePlanningData } from "../../src/workbook/parse/planningData";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import { XlsxWorkbook, cellValue } from "../../src/workbook/xlsx/xlsxWorkbook";
import { OwnershipError } from "../../src/workbook/port";
import { createHighsSolver } from "../../src/solver/highs";

const reopen = async (wb: XlsxWorkbook) => XlsxWorkbook.fromBuffer(await wb.toBuffer());
const session = (wb: XlsxWorkbook) =>
  new PlanningSession(wb, { now: () => new Date(Date.UTC(2026, 0, 15)), solver: async () => createHighsSolver() });

describe("XlsxWorkbook (ExcelJS)", () => {
  it("round-trips the input tables: the saved file parses to the same planning data as the in-memory workbook", async () => {
    const memory = demoWorkbook();
    const file = await reopen(XlsxWorkbook.fromMemory(memory));
    const fromFile = parsePlanningData(await file.readInputs());
    expect(fromFile.problems).toEqual([]);
    expect(fromFile.data).toEqual(parsePlanningData(await memory.readInputs()).data);
  });

  it("bundles assets/sample-workbook.xlsx as the demo generator makes it (regenerate with npm run make:sample)", async () => {
    const bundled = await XlsxWorkbook.fromBuffer(
      fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-workbook.xlsx")),
    );
    const inputs = await bundled.readInputs();
    // the sample carries the add-in's Scenarios sheet (two scenarios to compare), no plan sheets yet
    expect(inputs.owned.filter((s) => s.exists).map((s) => s.name)).toEqual(["Scenarios"]);
    expect(parsePlanningData(inputs)).toEqual(parsePlanningData(await demoWorkbook().readInputs()));
  });

  it("writes owned sheets as Excel Tables that survive save and reopen, and keeps overrides typed in the file", async () => {
    let file = await reopen(XlsxWorkbook.fromMemory(demoWorkbook()));
    expect((await session(file).run("chase")).ok).toBe(true);
    file = await reopen(file);
    const sheet = file.workbook.getWorksheet("DemandPlan")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // A planner types an override and a reason into the saved file (row 4: CH-100, 2026-03).
    expect([cellValue(sheet.getCell("A4").value), cellValue(sheet.getCell("C4").value)]).toEqual(["CH-100", "2026-03"]);
    sheet.getCell("G4").value = 999;
    sheet.getCell("H4").value = "promotion";
    file = await reopen(file);
    expect((await session(file).run("chase")).ok).toBe(true);
    file = await reopen(file);
    const rerun = file.workbook.getWorksheet("DemandPlan")!;
    expect([
      rerun.getCell("A4").value,
      rerun.getCell("G4").value,
      rerun.getCell("H4").value,
      rerun.getCell("I4").value,
    ]).toEqual(["CH-100", 999, "promotion", 999]);
    // The input sheets are untouched, in their order, with the owned sheets after them.
    expect(file.workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Sales",
      "Items",
      "Capacity",
      "BillOfResources",
      "Settings",
      "Deliveries",
      "Scenarios",
      "DemandPlan",
      "FamilyPlan",
      "CapacityLoad",
      "ProductionPlan",
      "InventoryPlan",
      "BacklogPlan",
      "ExecutiveSummary",
      "PlanHistory",
      "PlanLog",
      "PreviousPlan",
    ]);
    const load = file.workbook.getWorksheet("CapacityLoad")! as unknown as {
      conditionalFormattings: { rules: unknown[] }[];
    };
    expect(load.conditionalFormattings[0].rules[0]).toMatchObject({
      type: "expression",
      formulae: ["AND(ISNUMBER(C2),C2>D2)"],
    });
  });

  it("refuses to overwrite a same-named sheet the add-in did not create", async () => {
    const file = XlsxWorkbook.fromMemory(demoWorkbook());
    file.workbook.addWorksheet("ProductionPlan").getCell("A1").value = "the planner's sheet";
    await expect(
      file.writeSheets([
        { name: "ProductionPlan", tableName: "SOP_ProductionPlan", headers: ["Family"], rows: [["F"]] },
      ]),
    ).rejects.toBeInstanceOf(OwnershipError);
    expect(file.workbook.getWorksheet("ProductionPlan")!.getCell("A1").value).toBe("the planner's sheet");
  });

  it("reads formulas as their results and dates as Excel serials", () => {
    expect(cellValue({ formula: "A1*2", result: 14 } as never)).toBe(14);
    // 2024-01-01 is serial 45292 in Excel's 1900 date system (=DATE(2024,1,1)).
    expect(cellValue(new Date(Date.UTC(2024, 0, 1)))).toBe(45292);
    expect(cellValue({ richText: [{ text: "CH-" }, { text: "100" }] } as never)).toBe("CH-100");
  });
});
