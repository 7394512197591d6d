import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { addCharts, insertDrawing, sheetPartPath } from "../../../src/workbook/executive/xlsxCharts";
import type { ChartSpec } from "../../../src/workbook/executive/sheetParts";
import { countColourPixels, renderToPng } from "../../support/renderXlsx";

const ARTIFACTS = join(__dirname, "../../../test-artifacts/executive");

async function sampleWorkbook(): Promise<{ bytes: Uint8Array; cells: (string | number | null)[][] }> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").getCell("A1").value = "planner's own sheet";
  const ws = workbook.addWorksheet("Exec Summary");
  const cells: (string | number | null)[][] = [
    ["Period", "Demand", "Supply"],
    ["2026-01", 100, 90],
    ["2026-02", 120, 110],
    ["2026-03", 90, 130],
  ];
  ws.addTable({
    name: "SOP_Exec",
    ref: "A1",
    headerRow: true,
    columns: cells[0].map((h) => ({ name: String(h) })),
    rows: cells.slice(1),
  });
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), cells };
}

const charts: ChartSpec[] = [
  {
    title: "Demand vs supply",
    type: "column",
    categories: { column: 0, firstRow: 1, lastRow: 3 },
    series: [
      { name: "Demand", values: { column: 1, firstRow: 1, lastRow: 3 } },
      { name: "Supply", values: { column: 2, firstRow: 1, lastRow: 3 } },
    ],
    valueFormat: "#,##0",
    anchor: { row: 0, column: 4, columns: 8, rows: 16 },
  },
  {
    title: "Demand trend",
    type: "line",
    categories: { column: 0, firstRow: 1, lastRow: 3 },
    series: [{ name: "Demand", values: { column: 1, firstRow: 1, lastRow: 3 } }],
    anchor: { row: 17, column: 4, columns: 8, rows: 16 },
  },
];

describe("native chart parts in an .xlsx", () => {
  let written: Uint8Array;
  beforeAll(async () => {
    const { bytes, cells } = await sampleWorkbook();
    written = await addCharts(bytes, [{ sheet: "Exec Summary", charts, lookup: (r, c) => cells[r]?.[c] ?? null }]);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "charts.xlsx"), written);
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

  it("is read back by openpyxl with both charts and their series", () => {
    const script = [
      "import sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb['Exec Summary']",
      "for ch in ws._charts:",
      "    print(type(ch).__name__, len(ch.series), ch.series[0].val.numRef.f)",
    ].join("\n");
    const out = execFileSync("/usr/bin/python3", ["-c", script, join(ARTIFACTS, "charts.xlsx")], { encoding: "utf8" });
    expect(out.trim().split("\n")).toEqual([
      "BarChart 2 'Exec Summary'!$B$2:$B$4",
      "LineChart 1 'Exec Summary'!$B$2:$B$4",
    ]);
  });

  it("is drawn by LibreOffice: the series colours appear on the rendered pages", () => {
    const pages = renderToPng(join(ARTIFACTS, "charts.xlsx"), join(ARTIFACTS, "charts-render"));
    expect(pages.length).toBeGreaterThan(0);
    // Demand is drawn in Office blue 4472C4, Supply in orange ED7D31; plain cells have neither
    const [blue, orange] = countColourPixels(pages, ["4472C4", "ED7D31"]);
    expect(blue).toBeGreaterThan(500);
    expect(orange).toBeGreaterThan(500);
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
