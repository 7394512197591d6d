/**
 * Native chart parts added to an .xlsx: the parts, relationships and content types, and the data
 * still readable by ExcelJS. openpyxl and LibreOffice read the same workbook in
 * xlsxChartsReaders.slow.test.ts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { insertDrawing, sheetPartPath } from "../../../src/workbook/executive/xlsxCharts";
import { chartedWorkbook } from "./chartSample";

describe("native chart parts in an .xlsx", () => {
  let written: Uint8Array;
  beforeAll(async () => {
    written = await chartedWorkbook();
  });

  it("adds chart, drawing, relationships and content types", async () => {
    const zip = await JSZip.loadAsync(written);
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
    expect(zip.file("xl/charts/chart2.xml")).not.toBeNull();
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('PartName="/xl/charts/chart2.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    // the drawing comes before tableParts, as CT_Worksheet's sequence requires
    expect(sheet.indexOf("<drawing ")).toBeGreaterThan(0);
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<tableParts"));
    const rels = await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
    expect(rels).toContain("../drawings/drawing1.xml");
    expect(rels).toContain("../tables/"); // the table's relationship is kept
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("<c:f>'Exec Summary'!$B$2:$B$4</c:f>");
    expect(chart).toContain('<c:pt idx="1"><c:v>120</c:v></c:pt>');
  });

  it("opens in ExcelJS again with the data intact", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(written as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Exec Summary")!.getCell("B3").value).toBe(120);
    expect(workbook.getWorksheet("Notes")!.getCell("A1").value).toBe("planner's own sheet");
  });
});

describe("package plumbing", () => {
  it("finds a sheet's part through the workbook relationships", () => {
    const workbookXml = '<workbook><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId7"/></sheets></workbook>';
    const rels = '<Relationships><Relationship Id="rId7" Type="x" Target="worksheets/sheet9.xml"/></Relationships>';
    expect(sheetPartPath(workbookXml, rels, "A & B")).toBe("xl/worksheets/sheet9.xml");
    expect(() => sheetPartPath(workbookXml, rels, "C")).toThrow(/no sheet "C"/);
  });

  it("places the drawing before legacy drawings and table parts, else at the end", () => {
    expect(insertDrawing('<worksheet><sheetData/><pageSetup/><tableParts count="1"/></worksheet>', "rId2")).toBe(
      '<worksheet><sheetData/><pageSetup/><drawing r:id="rId2"/><tableParts count="1"/></worksheet>',
    );
    expect(insertDrawing("<worksheet><sheetData/></worksheet>", "rId1")).toBe(
      '<worksheet><sheetData/><drawing r:id="rId1"/></worksheet>',
    );
  });
});
