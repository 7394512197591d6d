/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS, not Office.js: getCell/getRow here are plain in-memory reads. */
/**
 * The `.xlsx` adapter (ExcelJS): the CLI's host. Reads input tables from the file's Excel
 * Tables (or plain sheets), and writes the owned sheets as Excel Tables with number formats,
 * frozen headers, widths, conditional formatting and print setup. Everything else in the
 * workbook (the planner's sheets, formulas, formats) is left as it was.
 *
 * File access stays with the caller (`fromBuffer` / `toBuffer`), so this adapter itself has no
 * `fs` and one round trip means one pass over the in-memory ExcelJS model.
 */
import { GENERAL_FORMAT, TEXT_FORMAT, columnFormats } from "../layout/columnFormats";
import ExcelJS from "exceljs";
import type { CellValue, InputTables, OutputSheet, WorkbookPort } from "../port";
import { INPUT_TABLES, OWNED_SHEETS, OwnershipError, markerTableName } from "../port";
import type { MemoryWorkbook } from "../memory/memoryWorkbook";
import { type CellBlock, type FetchedInputs, blockAddress, columnLetters, toInputTables } from "../regions";
import { dateToSerial } from "../schema/periods";
import { sectionCells, type ChartSpec } from "../executive/sheetParts";
import { addCharts } from "../executive/xlsxCharts";

const TABLE_STYLE = "TableStyleMedium2";
const OVER_FILL = "FFFFC7CE"; // Excel's "Light red fill with dark red text"
const OVER_FONT = "FF9C0006";

export class XlsxWorkbook implements WorkbookPort {
  /** charts per written sheet: ExcelJS cannot write charts, so `toBuffer` adds their parts to the package */
  private readonly charts = new Map<string, ChartSpec[]>();

  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBuffer(buffer: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as ArrayBuffer);
    return new XlsxWorkbook(workbook);
  }

  /** An .xlsx copy of an in-memory workbook (the template and the bundled sample). */
  static fromMemory(memory: MemoryWorkbook): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "S&OP Planner";
    const xlsx = new XlsxWorkbook(workbook);
    for (const sheet of memory.sheets) {
      const ws = workbook.addWorksheet(sheet.name);
      const inTable = (r: number, c: number) =>
        sheet.tables.some((t) => r >= t.row && r < t.row + t.rowCount && c >= t.column && c < t.column + t.columnCount);
      for (const table of sheet.tables) {
        const values = memory.tableValues(table.name)!;
        addTable(ws, table.name, values[0].map(String), values.slice(1), { row: table.row, column: table.column });
      }
      sheet.cells.forEach((line, r) => {
        line.forEach((value, c) => {
          if (value !== null && value !== undefined && !inTable(r, c)) ws.getCell(r + 1, c + 1).value = value;
        });
      });
      format(ws, {
        numberFormats: sheet.numberFormats,
        columnWidths: sheet.columnWidths,
        frozen: sheet.frozenRows ?? 1,
        rows: sheet.cells.length,
      });
    }
    return xlsx;
  }

  async toBuffer(): Promise<Uint8Array> {
    const bytes = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    const charted = [...this.charts].filter(([name, charts]) => charts.length > 0 && this.worksheet(name));
    if (charted.length === 0) return bytes;
    return addCharts(
      bytes,
      charted.map(([name, charts]) => {
        const ws = this.worksheet(name)!;
        return {
          sheet: ws.name,
          charts,
          lookup: (row: number, column: number) => cellValue(ws.getCell(row + 1, column + 1).value),
        };
      }),
    );
  }

  private worksheet(name: string): ExcelJS.Worksheet | undefined {
    const key = name.toLowerCase();
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === key);
  }

  private findTable(name: string): { ws: ExcelJS.Worksheet; ref: string } | undefined {
    const key = name.toLowerCase();
    for (const ws of this.workbook.worksheets) {
      for (const table of ws.getTables() as unknown as ExcelJS.Table[]) {
        const model = (
          table as unknown as {
            table: { name: string; tableRef?: string; ref: string; columns: unknown[]; rows?: unknown[] };
          }
        ).table;
        if (model.name.toLowerCase() !== key) continue;
        const ref = model.tableRef ?? `${model.ref}:${model.ref}`;
        return { ws, ref };
      }
    }
    return undefined;
  }

  async readInputs(): Promise<InputTables> {
    const fetched: FetchedInputs = { tables: {}, sheets: {}, owned: {} };
    for (const name of INPUT_TABLES) {
      const table = this.findTable(name);
      fetched.tables[name] = table ? readBlock(table.ws, table.ref) : null;
      const ws = this.worksheet(name);
      fetched.sheets[name] = ws && !table ? readUsedRange(ws) : null;
    }
    for (const name of OWNED_SHEETS) {
      const marker = this.findTable(markerTableName(name));
      fetched.owned[name] = {
        exists: !!this.worksheet(name),
        marker: marker ? readBlock(marker.ws, marker.ref) : null,
      };
    }
    return toInputTables(fetched);
  }

  async writeSheets(sheets: OutputSheet[]): Promise<void> {
    const foreign = sheets
      .map((s) => s.name)
      .filter((name) => this.worksheet(name) && this.findTable(markerTableName(name))?.ws !== this.worksheet(name));
    if (foreign.length > 0) throw new OwnershipError(foreign);
    // All-or-nothing when a write fails midway too: the owned sheets are removed and re-added one
    // by one below, so a failure restores the whole workbook model (and the chart list).
    const savedModel = this.workbook.model;
    const savedCharts = new Map(this.charts);
    try {
      this.replaceSheets(sheets);
    } catch (e) {
      this.workbook.model = savedModel;
      this.charts.clear();
      savedCharts.forEach((charts, name) => this.charts.set(name, charts));
      throw e;
    }
  }

  private replaceSheets(sheets: OutputSheet[]): void {
    for (const sheet of sheets) {
      const existing = this.worksheet(sheet.name);
      const orderNo = existing ? (existing as unknown as { orderNo: number }).orderNo : undefined;
      if (existing) this.workbook.removeWorksheet(existing.id);
      const ws = this.workbook.addWorksheet(sheet.name, { properties: { tabColor: { argb: "FF0F6CBD" } } });
      if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
      addTable(ws, sheet.tableName, sheet.headers, sheet.rows, { row: 0, column: 0 });
      format(ws, {
        // Text columns formatted @ as in the Office.js adapter (layout/columnFormats.ts).
        numberFormats: columnFormats(sheet.headers, sheet.rows, sheet.numberFormats ?? []).map((f) =>
          f === GENERAL_FORMAT ? null : f,
        ),
        columnWidths: sheet.columnWidths ?? sheet.headers.map((h) => Math.max(10, h.length + 4)),
        frozen: 1,
        rows: sheet.rows.length + 1,
      });
      // Table headers are text in Excel; the format keeps a header typed later (a period) as text.
      sheet.headers.forEach((_, c) => (ws.getCell(1, c + 1).numFmt = TEXT_FORMAT));
      for (const cell of sectionCells(sheet.sections ?? [])) {
        const target = ws.getCell(cell.row + 1, cell.column + 1);
        target.value = cell.value;
        if (cell.format) target.numFmt = cell.format;
        if (cell.bold) target.font = { bold: true };
      }
      this.charts.set(sheet.name, sheet.charts ?? []);
      for (const rule of sheet.highlight ?? []) {
        const column = sheet.headers.indexOf(rule.column);
        if (column < 0 || sheet.rows.length === 0) continue;
        const letter = columnLetters(column);
        const threshold =
          typeof rule.value === "number"
            ? String(rule.value)
            : `${columnLetters(sheet.headers.indexOf(rule.value.slice("column:".length)))}2`;
        ws.addConditionalFormatting({
          ref: `${letter}2:${letter}${sheet.rows.length + 1}`,
          rules: [
            {
              type: "expression",
              priority: 1,
              formulae: [`AND(ISNUMBER(${letter}2),${letter}2>${threshold})`],
              style: {
                fill: { type: "pattern", pattern: "solid", bgColor: { argb: OVER_FILL } },
                font: { color: { argb: OVER_FONT } },
              },
            },
          ],
        });
      }
      ws.pageSetup = {
        orientation: sheet.landscape ? "landscape" : "portrait",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:1",
        paperSize: 9,
      } as Partial<ExcelJS.PageSetup>;
    }
  }
}

function addTable(
  ws: ExcelJS.Worksheet,
  name: string,
  headers: string[],
  rows: CellValue[][],
  at: { row: number; column: number },
): void {
  ws.addTable({
    name,
    ref: `${columnLetters(at.column)}${at.row + 1}`,
    headerRow: true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: headers.map((header) => ({ name: header, filterButton: true })),
    // An empty table still needs one data row in Excel's file format.
    rows: rows.length > 0 ? rows.map((row) => headers.map((_, c) => row[c] ?? null)) : [headers.map(() => null)],
  });
}

function format(
  ws: ExcelJS.Worksheet,
  options: { numberFormats?: (string | null)[]; columnWidths?: number[]; frozen: number; rows: number },
): void {
  options.columnWidths?.forEach((width, c) => (ws.getColumn(c + 1).width = width));
  options.numberFormats?.forEach((numFmt, c) => {
    if (!numFmt) return;
    for (let r = 2; r <= options.rows; r++) ws.getCell(r, c + 1).numFmt = numFmt;
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: options.frozen, activeCell: "A2" }];
}

/** A cell's value as the port sees it: dates as serials, formulas as their results. */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("result" in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return null;
}

function readBlock(ws: ExcelJS.Worksheet, ref: string): CellBlock {
  const [from, to = from] = ref.split(":");
  const start = ws.getCell(from);
  const end = ws.getCell(to);
  const top = Number(start.row);
  const left = Number(start.col);
  const values: CellValue[][] = [];
  for (let r = top; r <= Number(end.row); r++) {
    const row = ws.getRow(r);
    const line: CellValue[] = [];
    for (let c = left; c <= Number(end.col); c++) line.push(cellValue(row.getCell(c).value));
    values.push(line);
  }
  return { sheet: ws.name, origin: { row: top - 1, column: left - 1 }, values };
}

function readUsedRange(ws: ExcelJS.Worksheet): CellBlock | null {
  if (ws.rowCount === 0 || ws.columnCount === 0) return null;
  return readBlock(ws, blockAddress(0, 0, ws.rowCount, ws.columnCount));
}
