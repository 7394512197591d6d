/**
 * Native chart parts written into an .xlsx by the package adapter: the parts, relationships and
 * content types, and the data still readable. openpyxl and LibreOffice read the same workbook in
 * xlsxChartsReaders.slow.test.ts.
 */
import { strFromU8, unzipSync } from "fflate";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { relativeTarget, resolveTarget } from "../../../src/workbook/xlsx/opcPackage";
import { chartedWorkbook } from "./chartSample";

describe("native chart parts in an .xlsx", () => {
  let written: Uint8Array;
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    written = await chartedWorkbook();
    files = unzipSync(written);
  });

  it("adds chart, drawing, relationships and content types", () => {
    const text = (part: string) => strFromU8(files[part]);
    expect(files["xl/charts/chart1.xml"]).toBeDefined();
    expect(files["xl/charts/chart2.xml"]).toBeDefined();
    const types = text("[Content_Types].xml");
    expect(types).toContain('PartName="/xl/charts/chart2.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    const sheet = text("xl/worksheets/sheet2.xml");
    // the drawing comes before tableParts, as CT_Worksheet's sequence requires
    expect(sheet.indexOf("<drawing ")).toBeGreaterThan(0);
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<tableParts"));
    const rels = text("xl/worksheets/_rels/sheet2.xml.rels");
    expect(rels).toContain("../drawings/drawing1.xml");
    expect(rels).toContain("../tables/table1.xml");
    const chart = text("xl/charts/chart1.xml");
    expect(chart).toContain("<c:f>'ExecutiveSummary'!$B$2:$B$4</c:f>");
    expect(chart).toContain('<c:pt idx="1"><c:v>120</c:v></c:pt>');
  });

  it("reads back with the data intact", async () => {
    const workbook = await XlsxWorkbook.fromBuffer(written);
    expect(workbook.sheetValues("ExecutiveSummary")![2][1]).toBe(120);
    expect(workbook.sheetValues("Notes")).toEqual([["planner's own sheet"]]);
  });
});

describe("package plumbing", () => {
  it("resolves relationship targets relative to their source part, or from the root when absolute (openpyxl)", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet9.xml", "f")).toBe("xl/worksheets/sheet9.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml", "f")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "/xl/tables/table1.xml", "f")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("", "xl/workbook.xml", "f")).toBe("xl/workbook.xml");
    expect(() => resolveTarget("xl/workbook.xml", "../../../etc/passwd", "book.xlsx")).toThrow(
      /book\.xlsx: a part name climbs out of the package/,
    );
  });

  it("writes targets relative to the source part's folder", () => {
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/tables/table3.xml")).toBe("../tables/table3.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet2.xml")).toBe("worksheets/sheet2.xml");
    expect(relativeTarget("xl/drawings/drawing1.xml", "xl/charts/chart1.xml")).toBe("../charts/chart1.xml");
  });
});
