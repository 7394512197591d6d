/**
 * Workbooks as other producers write them, each built from the demo workbook by changing only
 * what that producer does differently, then read (and planned) by the .xlsx adapter. The
 * expected planning data is always the demo's own (parsePlanningData of the in-memory workbook).
 * Real files from Excel, LibreOffice and openpyxl are in realWorkbooks.slow.test.ts.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parsePlanningData } from "../../../src/workbook/parse/planningData";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { DATE_1904_OFFSET } from "../../../src/workbook/xlsx/sheetReader";
import { dateStyles } from "../../../src/workbook/xlsx/styles";
import { parseTree } from "../../../src/workbook/xlsx/xml";
import type { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { sheetPart } from "../support/packageSurgery";

const small = () => demoWorkbook({ historyMonths: 24, horizon: 6 });
const now = () => new Date(Date.UTC(2026, 0, 15));
let own: Uint8Array;
let expected: ReturnType<typeof parsePlanningData>;

beforeAll(async () => {
  own = await XlsxWorkbook.fromMemory(small()).toBuffer();
  expected = parsePlanningData(await small().readInputs());
  expect(expected.problems.filter((p) => p.severity === "error")).toEqual([]);
});

function edit(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}
const text = (files: Record<string, Uint8Array>, part: string) => strFromU8(files[part]);

async function planningData(bytes: Uint8Array) {
  return parsePlanningData(await (await XlsxWorkbook.fromBuffer(bytes)).readInputs());
}

describe("workbooks from every producer planners use", () => {
  it("openpyxl: absolute relationship targets (/xl/worksheets/sheet1.xml, /xl/tables/table1.xml)", async () => {
    const absolute = edit(own, (files) => {
      for (const name of Object.keys(files).filter((n) => n.endsWith(".rels"))) {
        const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
        const folder = source.split("/").slice(0, -1);
        files[name] = strToU8(
          text(files, name).replace(/Target="([^"/][^"]*)"/g, (_, target: string) => {
            const parts = [...folder];
            for (const segment of target.split("/")) {
              if (segment === "..") parts.pop();
              else parts.push(segment);
            }
            return `Target="/${parts.join("/")}"`;
          }),
        );
      }
    });
    expect(strFromU8(unzipSync(absolute)["xl/_rels/workbook.xml.rels"])).toContain(
      'Target="/xl/worksheets/sheet1.xml"',
    );
    expect(await planningData(absolute)).toEqual(expected);
    // and it plans, writing its owned sheets beside the absolute-target ones
    const workbook = await XlsxWorkbook.fromBuffer(absolute);
    expect((await new PlanningSession(workbook, { now }).run("level")).ok).toBe(true);
    const reread = await XlsxWorkbook.fromBuffer(await workbook.toBuffer());
    expect(reread.table("SOP_DemandPlan")?.sheet).toBe("DemandPlan");
    expect(parsePlanningData(await reread.readInputs()).data).toEqual(expected.data);
  });

  it("Excel for Mac: the 1904 date system reads as the same 1900-system serials", async () => {
    const part = sheetPart(own, "Sales");
    const mac = edit(own, (files) => {
      files["xl/workbook.xml"] = strToU8(
        text(files, "xl/workbook.xml").replace(/<workbookPr\b[^>]*\/>/, '<workbookPr date1904="1"/>'),
      );
      // every date-formatted serial (Sales, Capacity… periods) is 1462 days smaller in the 1904 system
      const isDate = dateStyles(parseTree(text(files, "xl/styles.xml"), { file: "t", part: "styles" }));
      for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)))
        files[name] = strToU8(
          text(files, name).replace(
            /(<c r="[A-Z]+\d+" s="(\d+)"[^>]*><v>)([\d.]+)(<\/v>)/g,
            (all, open: string, style: string, serial: string, close: string) =>
              isDate[Number(style)] ? `${open}${Number(serial) - DATE_1904_OFFSET}${close}` : all,
          ),
        );
    });
    expect(strFromU8(unzipSync(mac)[part])).not.toEqual(strFromU8(unzipSync(own)[part]));
    expect(await planningData(mac)).toEqual(expected);
  });

  it(".xlsm: the VBA project and the macro-enabled content type come through byte for byte", async () => {
    const vba = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251));
    const macro = edit(own, (files) => {
      files["xl/vbaProject.bin"] = vba;
      files["[Content_Types].xml"] = strToU8(
        text(files, "[Content_Types].xml")
          .replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
          )
          .replace(
            "<Default ",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
          ),
      );
      files["xl/_rels/workbook.xml.rels"] = strToU8(
        text(files, "xl/_rels/workbook.xml.rels").replace(
          "</Relationships>",
          '<Relationship Id="rId900" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
      );
    });
    const workbook = await XlsxWorkbook.fromBuffer(macro);
    expect((await new PlanningSession(workbook, { now }).run("level")).ok).toBe(true);
    const out = unzipSync(await workbook.toBuffer());
    expect(Buffer.from(out["xl/vbaProject.bin"]).equals(Buffer.from(vba))).toBe(true);
    const types = strFromU8(out["[Content_Types].xml"]);
    expect(types).toContain(
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>',
    );
    expect(strFromU8(out["xl/_rels/workbook.xml.rels"])).toContain('Target="vbaProject.bin"');
  });

  it("ExcelJS: shared strings, its own table and style parts", async () => {
    const bytes = await writeWithExcelJS(small());
    expect(Object.keys(unzipSync(bytes))).toContain("xl/sharedStrings.xml");
    expect(await planningData(bytes)).toEqual(expected);
  });

  it("shared formulas with cached values, and tables without a style (as LibreOffice writes them)", async () => {
    const part = sheetPart(own, "Sales");
    const formulas = edit(own, (files) => {
      // Quantity (column D) as a shared formula group whose cells carry their cached results
      let first = true;
      files[part] = strToU8(
        text(files, part).replace(
          /<c r="D(\d+)"([^>]*)><v>([^<]*)<\/v><\/c>/g,
          (all, row: string, attrs: string, v: string) => {
            if (row === "1") return all;
            const f = first ? `<f t="shared" ref="D${row}:D9999" si="0">ROUND(${v},0)</f>` : `<f t="shared" si="0"/>`;
            first = false;
            return `<c r="D${row}"${attrs}>${f}<v>${v}</v></c>`;
          },
        ),
      );
      for (const name of Object.keys(files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)))
        files[name] = strToU8(text(files, name).replace(/<tableStyleInfo\b[^>]*\/>/, ""));
    });
    expect(strFromU8(unzipSync(formulas)[part])).toContain('<f t="shared" si="0"/>');
    expect(await planningData(formulas)).toEqual(expected);
  });

  it("Google Sheets: plain sheets without Excel Tables, strings shared", async () => {
    const memory = small();
    for (const sheet of memory.sheets) sheet.tables = [];
    const bytes = await writeWithExcelJS(memory);
    expect(Object.keys(unzipSync(bytes)).some((n) => n.startsWith("xl/tables/"))).toBe(false);
    expect((await planningData(bytes)).data).toEqual(expected.data);
  });

  it("an error cell is reported by validation with its table, row, column and cell", async () => {
    const part = sheetPart(own, "Sales");
    const broken = edit(own, (files) => {
      files[part] = strToU8(
        text(files, part).replace(/<c r="D5"([^>]*)><v>[^<]*<\/v><\/c>/, '<c r="D5"$1 t="e"><v>#N/A</v></c>'),
      );
    });
    const problems = (await planningData(broken)).problems.filter((p) => p.severity === "error");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      table: "Sales",
      column: "Quantity",
      value: "#N/A",
      cell: { sheet: "Sales", row: 4, column: 3 },
    });
  });
});

/** The memory workbook written by ExcelJS (as a planner's own ExcelJS script would). */
async function writeWithExcelJS(memory: MemoryWorkbook): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of memory.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    const inTable = (r: number, c: number) =>
      sheet.tables.some((t) => r >= t.row && r < t.row + t.rowCount && c >= t.column && c < t.column + t.columnCount);
    for (const table of sheet.tables) {
      const values = memory.tableValues(table.name)!;
      ws.addTable({
        name: table.name,
        ref: `A${table.row + 1}`,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: values[0].map((h) => ({ name: String(h), filterButton: true })),
        rows: values.slice(1),
      });
    }
    sheet.cells.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value !== null && value !== undefined && !inTable(r, c)) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    sheet.numberFormats?.forEach((numFmt, c) => {
      if (numFmt) for (let r = 2; r <= sheet.cells.length; r++) ws.getCell(r, c + 1).numFmt = numFmt;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
