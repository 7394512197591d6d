/**
 * Two details Excel shows of an owned sheet written to a package: the header row printed on
 * every page (the sheet-local `_xlnm.Print_Titles` defined name, as the Office.js path's
 * `setPrintTitleRows("$1:$1")`), and docProps/app.xml's sheet list (HeadingPairs and
 * TitlesOfParts, ECMA-376 Part 1 §22.2.2.x) gaining the sheets the add-in adds.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import type { OutputSheet } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";

function inputWorkbook(): MemoryWorkbook {
  const memory = new MemoryWorkbook();
  memory.addTable("Sales", "Sales", ["Item", "Period", "Quantity"], [["A", "2025-01", 3]]);
  memory.addTable("Items", "Items", ["Item", "Family"], [["A", "F"]]);
  return memory;
}

function owned(name: "DemandPlan" | "CapacityLoad"): OutputSheet {
  return { name, tableName: `SOP_${name}`, headers: ["Item", "Period"], rows: [["A", "2025-01"]] };
}

async function write(bytes: Uint8Array, sheets: OutputSheet[]): Promise<Record<string, Uint8Array>> {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  await wb.writeSheets(sheets);
  return unzipSync(await wb.toBuffer());
}

const printTitles = (workbookXml: string) =>
  [...workbookXml.matchAll(/<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map(
    (m) => [Number(m[1]), m[2]],
  );

/** The package with an app.xml as Excel writes it: 2 worksheets and one named range. */
function withAppXml(bytes: Uint8Array, app: string): Uint8Array {
  const files = unzipSync(bytes);
  files["docProps/app.xml"] = strToU8(app);
  files["_rels/.rels"] = strToU8(
    strFromU8(files["_rels/.rels"]).replace(
      "</Relationships>",
      `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ),
  );
  files["[Content_Types].xml"] = strToU8(
    strFromU8(files["[Content_Types].xml"]).replace(
      "</Types>",
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    ),
  );
  return zipSync(files);
}

const EXCEL_APP = (groups: string, titles: string, size: number, count: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="${size}" baseType="variant">${groups}</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${count}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`;
const group = (name: string, n: number) =>
  `<vt:variant><vt:lpstr>${name}</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;
const titles = (...names: string[]) => names.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join("");

describe("print titles of owned sheets", () => {
  it("repeats the header row of each owned sheet (sheet-local _xlnm.Print_Titles), once, run after run", async () => {
    const input = await XlsxWorkbook.fromMemory(inputWorkbook()).toBuffer();
    const first = await write(input, [owned("DemandPlan"), owned("CapacityLoad")]);
    const workbookXml = strFromU8(first["xl/workbook.xml"]);
    // sheets in order: Sales 0, Items 1, DemandPlan 2, CapacityLoad 3
    expect(printTitles(workbookXml)).toEqual([
      [2, "'DemandPlan'!$1:$1"],
      [3, "'CapacityLoad'!$1:$1"],
    ]);
    // CT_Workbook order: definedNames after sheets, before calcPr
    expect(workbookXml.indexOf("</sheets><definedNames>")).toBeGreaterThan(0);
    expect(workbookXml.indexOf("</definedNames><calcPr")).toBeGreaterThan(0);
    const second = await write(zipSync(first), [owned("DemandPlan")]);
    expect(printTitles(strFromU8(second["xl/workbook.xml"]))).toEqual(printTitles(workbookXml));
  });

  it("leaves the planner's sheets without print titles", async () => {
    const input = await XlsxWorkbook.fromMemory(inputWorkbook()).toBuffer();
    expect(strFromU8(unzipSync(input)["xl/workbook.xml"])).not.toContain("Print_Titles");
  });
});

describe("docProps/app.xml's sheet list", () => {
  it("gains the sheets the add-in adds, in the worksheets' group; other groups keep theirs", async () => {
    const input = withAppXml(
      await XlsxWorkbook.fromMemory(inputWorkbook()).toBuffer(),
      EXCEL_APP(group("Worksheets", 2) + group("Named Ranges", 1), titles("Sales", "Items", "Sales!Print_Area"), 4, 3),
    );
    const out = await write(input, [owned("DemandPlan")]);
    expect(strFromU8(out["docProps/app.xml"])).toBe(
      EXCEL_APP(
        group("Worksheets", 3) + group("Named Ranges", 1),
        titles("Sales", "Items", "DemandPlan", "Sales!Print_Area"),
        4,
        4,
      ),
    );
    // a second run adds no sheet: the part is copied as it is
    const again = await write(zipSync(out), [owned("DemandPlan")]);
    expect(Buffer.from(again["docProps/app.xml"]).equals(Buffer.from(out["docProps/app.xml"]))).toBe(true);
  });

  it("keeps a localised group name (German Excel: Arbeitsblätter)", async () => {
    const input = withAppXml(
      await XlsxWorkbook.fromMemory(inputWorkbook()).toBuffer(),
      EXCEL_APP(group("Arbeitsblätter", 2), titles("Sales", "Items"), 2, 2),
    );
    const out = await write(input, [owned("DemandPlan")]);
    expect(strFromU8(out["docProps/app.xml"])).toBe(
      EXCEL_APP(group("Arbeitsblätter", 3), titles("Sales", "Items", "DemandPlan"), 2, 3),
    );
  });

  it("leaves an app.xml without a sheet list, or one that does not add up, byte for byte", async () => {
    const base = await XlsxWorkbook.fromMemory(inputWorkbook()).toBuffer();
    const noList = `<?xml version="1.0" encoding="UTF-8"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>LibreOffice</Application></Properties>`;
    const broken = EXCEL_APP(group("Worksheets", 5), titles("Sales", "Items"), 2, 2);
    for (const app of [noList, broken]) {
      const out = await write(withAppXml(base, app), [owned("DemandPlan")]);
      expect(strFromU8(out["docProps/app.xml"])).toBe(app);
    }
  });
});
