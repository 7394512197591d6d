import * as fs from "node:fs";
import * as path from "node:path";
import { zipSync } from "fflate";
import { parsePlanningData } from "../../src/workbook/parse/planningData";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { addPlanningSheets, parts, sheetPart, typeIntoCells } from "./support/packageSurgery";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { OwnershipError } from "../../src/workbook/port";
import { createHighsSolver } from "../../src/solver/highs";

const reopen = async (wb: XlsxWorkbook) => XlsxWorkbook.fromBuffer(await wb.toBuffer());
const session = (wb: XlsxWorkbook) =>
  new PlanningSession(wb, { now: () => new Date(Date.UTC(2026, 0, 15)), solver: async () => createHighsSolver() });

describe("XlsxWorkbook (package adapter)", () => {
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
    let bytes = await file.toBuffer();
    const demandPart = sheetPart(bytes, "DemandPlan");
    const demandXml = Buffer.from(parts(bytes)[demandPart]).toString("utf8");
    expect(demandXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // FamilySOP prints one family a page: 16 lines a family, so pages start at data rows 16 and 32
    // (sheet rows 18 and 34; a break "after row 17" is <brk id="17">).
    const familySopXml = Buffer.from(parts(bytes)[sheetPart(bytes, "FamilySOP")]).toString("utf8");
    expect(familySopXml).toContain(
      '<rowBreaks count="2" manualBreakCount="2"><brk id="17" max="16383" man="1"/><brk id="33" max="16383" man="1"/></rowBreaks>',
    );
    const sheet = (await reopen(file)).sheetValues("DemandPlan")!;
    // A planner types an override and a reason into the saved file (row 4: CH-100, 2026-03).
    expect([sheet[3][0], sheet[3][2]]).toEqual(["CH-100", "2026-03"]);
    bytes = typeIntoCells(bytes, "DemandPlan", { I4: 999, J4: "promotion" });
    file = await XlsxWorkbook.fromBuffer(bytes);
    const table = file.table("SOP_DemandPlan")!;
    expect((await session(file).run("chase")).ok).toBe(true);
    file = await reopen(file);
    const rerun = file.sheetValues("DemandPlan")!;
    expect([rerun[3][0], rerun[3][8], rerun[3][9], rerun[3][10]]).toEqual(["CH-100", 999, "promotion", 999]);
    // the owned table kept its name and id (resized and rewritten, not re-created)
    expect(file.table("SOP_DemandPlan")).toMatchObject({ name: table.name, id: table.id });
    // The input sheets are untouched, in their order, with the owned sheets after them.
    expect(file.sheetNames()).toEqual([
      "Sales",
      "Items",
      "Capacity",
      "BillOfResources",
      "Settings",
      "Budget",
      "Deliveries",
      "Scenarios",
      "DemandPlan",
      "FamilyPlan",
      "CapacityLoad",
      "ProductionPlan",
      "InventoryPlan",
      "BacklogPlan",
      "ExecutiveSummary",
      "FinancialPlan",
      "DecisionLog",
      "FamilySOP",
      "PlanHistory",
      "PlanLog",
    ]);
    const saved = await file.toBuffer();
    const load = Buffer.from(parts(saved)[sheetPart(saved, "CapacityLoad")]).toString("utf8");
    expect(load).toMatch(
      /<cfRule type="expression" dxfId="\d+" priority="1"><formula>AND\(ISNUMBER\(C2\),C2&gt;D2\)<\/formula>/,
    );
  });

  it("refuses to overwrite a same-named sheet the add-in did not create", async () => {
    const memory = demoWorkbook();
    memory.addSheet("ProductionPlan", [["the planner's sheet"]]);
    const file = XlsxWorkbook.fromMemory(memory);
    const before = await file.toBuffer();
    await expect(
      file.writeSheets([
        { name: "ProductionPlan", tableName: "SOP_ProductionPlan", headers: ["Family"], rows: [["F"]] },
      ]),
    ).rejects.toBeInstanceOf(OwnershipError);
    expect(file.sheetValues("ProductionPlan")).toEqual([["the planner's sheet"]]);
    expect(Buffer.from(await file.toBuffer()).equals(Buffer.from(before))).toBe(true);
  });

  it("reads formulas as their results, rich text and inline strings as text, errors as their code", async () => {
    const sheet =
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></c><c r="B1" t="inlineStr"><is><t>Qty</t></is></c></row>` +
      // a formula with its cached result; rich text runs; an error cell
      `<row r="2"><c r="A2" t="inlineStr"><is><r><t>CH-</t></r><r><rPr><b/></rPr><t>100</t></r></is></c><c r="B2"><f>7*2</f><v>14</v></c></row>` +
      `<row r="4"><c r="A4" t="str"><f>"DK"&amp;"-1"</f><v>DK-1</v></c><c r="B4" t="e"><v>#N/A</v></c></row>` +
      `</sheetData></worksheet>`;
    const file = await XlsxWorkbook.fromBuffer(
      withSheetXml(await XlsxWorkbook.fromMemory(new MemoryWorkbook()).toBuffer(), sheet),
    );
    // row 3 is empty, as in the sheet
    expect(file.sheetValues("Notes")).toEqual([
      ["Item", "Qty"],
      ["CH-100", 14],
      [null, null],
      ["DK-1", "#N/A"],
    ]);
  });
});

/** A workbook with one sheet "Notes" whose worksheet part is `xml`. */
function withSheetXml(empty: Uint8Array, xml: string): Uint8Array {
  const memory = new MemoryWorkbook();
  memory.addSheet("Notes", [["x"]]);
  const bytes = addPlanningSheets(empty, memory);
  return typeIntoPart(bytes, sheetPart(bytes, "Notes"), xml);
}

function typeIntoPart(bytes: Uint8Array, part: string, xml: string): Uint8Array {
  const files = parts(bytes);
  files[part] = Buffer.from(xml, "utf8");
  return zipSync(files);
}
