import { execFileSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import type { ChartSpec } from "../../../src/workbook/executive/sheetParts";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { relativeTarget, resolveTarget } from "../../../src/workbook/xlsx/opcPackage";
import { countColourPixels, renderToPng } from "../../support/renderXlsx";

const ARTIFACTS = join(__dirname, "../../../test-artifacts/executive");

const cells: (string | number | null)[][] = [
  ["Period", "Demand", "Supply"],
  ["2026-01", 100, 90],
  ["2026-02", 120, 110],
  ["2026-03", 90, 130],
];

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
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    const memory = new MemoryWorkbook();
    memory.addSheet("Notes", [["planner's own sheet"]]);
    const workbook = XlsxWorkbook.fromMemory(memory);
    await workbook.writeSheets([
      {
        name: "ExecutiveSummary",
        tableName: "SOP_ExecutiveSummary",
        headers: cells[0] as string[],
        rows: cells.slice(1),
        charts,
      },
    ]);
    written = await workbook.toBuffer();
    files = unzipSync(written);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "charts.xlsx"), written);
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

  it("is read back by openpyxl with both charts and their series", () => {
    const script = [
      "import sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb['ExecutiveSummary']",
      "for ch in ws._charts:",
      "    print(type(ch).__name__, len(ch.series), ch.series[0].val.numRef.f)",
    ].join("\n");
    const out = execFileSync("/usr/bin/python3", ["-c", script, join(ARTIFACTS, "charts.xlsx")], { encoding: "utf8" });
    expect(out.trim().split("\n")).toEqual([
      "BarChart 2 'ExecutiveSummary'!$B$2:$B$4",
      "LineChart 1 'ExecutiveSummary'!$B$2:$B$4",
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
