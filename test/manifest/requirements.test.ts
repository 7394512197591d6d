/**
 * The manifest's <Requirements> follow the code: every Office.js member the Office adapter, the
 * pane's host code and the chart code use without an `isSetSupported` check is in a requirement
 * set no newer than the declared ExcelApi. The set of each member is Microsoft's, as printed in
 * the `[Api set: ...]` remarks of @types/office-js (generated from the Office.js reference on
 * learn.microsoft.com, e.g. Excel.PageLayout: "API set: ExcelApi 1.9").
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

/** member as written in the code → the ExcelApi set that introduced it (class in the comment). */
const EXCEL_API: Record<string, string> = {
  getItemOrNullObject: "1.4", // TableCollection / WorksheetCollection.getItemOrNullObject
  getUsedRangeOrNullObject: "1.4", // Worksheet
  getRangeByIndexes: "1.7", // Worksheet
  freezePanes: "1.7", // Worksheet.freezePanes (WorksheetFreezePanes.freezeRows)
  conditionalFormats: "1.6", // Range.conditionalFormats
  setXAxisValues: "1.7", // ChartSeries
  "series.add": "1.7", // ChartSeriesCollection.add
  "valueAxis.numberFormat": "1.8", // ChartAxis.numberFormat
  pageLayout: "1.9", // Worksheet.pageLayout (PageLayout.orientation, setPrintTitleRows)
  horizontalPageBreaks: "1.9", // Worksheet.horizontalPageBreaks (PageBreakCollection.add, removePageBreaks)
  suspendApiCalculationUntilNextSync: "1.6", // Application
  suspendScreenUpdatingUntilNextSync: "1.9", // Application
  getDataBodyRange: "1.1", // Table
  getResizedRange: "1.2", // Range
  "table.resize": "1.13", // Table.resize
  insertWorksheetsFromBase64: "1.13", // Workbook
  clearAll: "1.6", // ConditionalFormatCollection.clearAll
};

const SOURCES = ["src/workbook/office", "src/taskpane/host", "src/workbook/executive/officeCharts.ts"];

function files(p: string): string[] {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).flatMap((f) => files(path.join(p, f)));
}

const version = (v: string) => v.split(".").map(Number) as [number, number];
const newer = (a: string, b: string) => {
  const [x, y] = [version(a), version(b)];
  return x[0] - y[0] || x[1] - y[1];
};

function declared(set: string): string | undefined {
  return new RegExp(`<Set Name="${set}" MinVersion="([\\d.]+)"`).exec(manifest)?.[1];
}

/** members used in a file outside an isSetSupported("ExcelApi", v) check for their set */
function unguardedUses(file: string): { member: string; set: string }[] {
  const code = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const guarded = new Set([...code.matchAll(/isSetSupported\("ExcelApi",\s*"([\d.]+)"\)/g)].map((m) => m[1]));
  return Object.entries(EXCEL_API)
    .filter(([member]) =>
      // Table.resize is the only `resize(` in the Excel API (a Range resizes with getResizedRange).
      member === "table.resize" ? /\.resize\(/.test(code) : code.includes(`.${member}`),
    )
    .filter(([, set]) => !guarded.has(set))
    .map(([member, set]) => ({ member, set }));
}

describe("the manifest's requirement sets", () => {
  const uses = SOURCES.flatMap(files).flatMap((file) =>
    unguardedUses(file).map((u) => ({ ...u, file: path.relative(root, file) })),
  );

  it("finds the Office.js members the code uses (the scan works)", () => {
    // pageLayout (print setup) is in the adapter today; if it moves, this list must follow.
    expect(uses.map((u) => u.member)).toEqual(
      expect.arrayContaining(["getRangeByIndexes", "pageLayout", "table.resize"]),
    );
  });

  it("declares an ExcelApi set at least as new as every member used without a runtime check", () => {
    const needed = uses.reduce((max, u) => (newer(u.set, max) > 0 ? u.set : max), "1.1");
    const excelApi = declared("ExcelApi");
    expect(excelApi).toBeDefined();
    expect({ needed, newerThanDeclared: uses.filter((u) => newer(u.set, excelApi!) > 0) }).toEqual({
      needed: excelApi,
      newerThanDeclared: [],
    });
  });

  it("declares the shared runtime and the custom functions runtime with CustomFunctions.Error messages", () => {
    expect(declared("SharedRuntime")).toBe("1.1");
    // CustomFunctions.Error(code, message): CustomFunctionsRuntime 1.2 (@types/custom-functions-runtime).
    expect(declared("CustomFunctionsRuntime")).toBe("1.2");
  });
});
