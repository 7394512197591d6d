/**
 * The Office.js adapter (Excel.run + Tables API). One `context.sync()` reads every input and
 * every owned sheet; one `context.sync()` writes all of a step's sheets — whatever the number
 * of rows, because every load and write is queued before the single sync.
 *
 * Why some inputs are loaded twice: a plain sheet named like an input table is accepted when no
 * Excel Table has that name, and which case holds is only known after the sync; loading both
 * keeps it to one round trip.
 *
 * Writes are checked against the ownership state of the last `readInputs()` (the session
 * always reads before it writes). Office.js batches are not transactions: if Excel rejects a
 * queued operation (a planner created a same-named sheet between read and write), the batch
 * stops there; the ownership check beforehand is what keeps planners' sheets safe.
 */
import type { CellValue, InputTables, OutputSheet, OwnedSheetState, WorkbookPort } from "../port";
import { INPUT_TABLES, OWNED_SHEETS, OwnershipError, markerTableName } from "../port";
import { type CellBlock, type FetchedInputs, columnLetters, foreignSheets, toInputTables } from "../regions";
import { queueCharts } from "../executive/officeCharts";

/** The part of the Office.js API the adapter uses: `Excel.run`, injectable for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const OVER_FILL = "#FFC7CE";
const OVER_FONT = "#9C0006";
/** Excel column width in points per character (Calibri 11: ~7 px ≈ 5.25 pt, plus padding). */
const POINTS_PER_CHARACTER = 6;

export class OfficeWorkbook implements WorkbookPort {
  private owned: OwnedSheetState[] | null = null;

  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  async readInputs(): Promise<InputTables> {
    const inputs = await this.run(async (context) => {
      const { tables, worksheets } = context.workbook;
      const tableReads = INPUT_TABLES.map((name) => {
        const table = tables.getItemOrNullObject(name);
        const range = table.getRange();
        range.load("values, rowIndex, columnIndex");
        table.worksheet.load("name");
        return { name, table, range };
      });
      const sheetReads = INPUT_TABLES.map((name) => {
        const sheet = worksheets.getItemOrNullObject(name);
        sheet.load("name");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("values, rowIndex, columnIndex");
        return { name, sheet, used };
      });
      const ownedReads = OWNED_SHEETS.map((name) => {
        const sheet = worksheets.getItemOrNullObject(name);
        sheet.load("name");
        const marker = tables.getItemOrNullObject(markerTableName(name));
        marker.worksheet.load("name");
        const range = marker.getRange();
        range.load("values, rowIndex, columnIndex");
        return { name, sheet, marker, range };
      });
      await context.sync();

      const fetched: FetchedInputs = { tables: {}, sheets: {}, owned: {} };
      for (const { name, table, range } of tableReads) {
        fetched.tables[name] = table.isNullObject ? null : block(table.worksheet.name, range);
      }
      for (const { name, sheet, used } of sheetReads) {
        fetched.sheets[name] = sheet.isNullObject || used.isNullObject ? null : block(sheet.name, used);
      }
      for (const { name, sheet, marker, range } of ownedReads) {
        fetched.owned[name] = {
          exists: !sheet.isNullObject,
          marker: marker.isNullObject ? null : block(marker.worksheet.name, range),
        };
      }
      return toInputTables(fetched);
    });
    this.owned = inputs.owned;
    return inputs;
  }

  async writeSheets(sheets: OutputSheet[]): Promise<void> {
    const owned = this.owned ?? (await this.readInputs()).owned;
    const unknown = sheets.filter((s) => !owned.some((o) => o.name === s.name));
    if (unknown.length > 0)
      throw new Error(`Sheets ${unknown.map((s) => s.name).join(", ")} are not sheets S&OP Planner owns.`);
    const foreign = foreignSheets(
      sheets.map((s) => s.name),
      owned,
    );
    if (foreign.length > 0) throw new OwnershipError(foreign);

    await this.run(async (context) => {
      const { tables, worksheets } = context.workbook;
      for (const output of sheets) {
        const state = owned.find((o) => o.name === output.name)!;
        let sheet: Excel.Worksheet;
        if (state.exists && output.charts?.length) {
          // Charts are shapes a range clear leaves behind; a fresh sheet drops the old ones without a read.
          worksheets.getItem(output.name).delete();
          sheet = worksheets.add(output.name);
        } else if (state.exists) {
          sheet = worksheets.getItem(output.name);
          tables.getItem(markerTableName(output.name)).delete();
          const all = sheet.getRange();
          all.conditionalFormats.clearAll();
          all.clear("All");
        } else {
          sheet = worksheets.add(output.name);
        }
        writeSheet(sheet, output);
      }
      await context.sync();
    });
    this.owned = owned.map((o) =>
      sheets.some((s) => s.name === o.name) ? { name: o.name, exists: true, ownedByAddIn: true } : o,
    );
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRangeByIndexes(row, column, 1, 1).select();
      await context.sync();
    });
  }
}

function block(sheet: string, range: Excel.Range): CellBlock {
  return { sheet, origin: { row: range.rowIndex, column: range.columnIndex }, values: range.values as CellValue[][] };
}

/**
 * Excel reads a string set through `Range.values` as if typed, so an item called
 * `=HYPERLINK("http://…")`, `+cmd|…`, `-1+1` or `@SUM(…)` would become a live formula. A leading
 * apostrophe makes Excel keep it as text (stored and shown without the apostrophe), as typing it
 * would. Numbers and other strings are written as they are.
 */
export function asText<T extends CellValue>(value: T): T | string {
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Queues one output sheet's writes (no sync here). */
function writeSheet(sheet: Excel.Worksheet, output: OutputSheet): void {
  const columns = output.headers.length;
  const rows = Math.max(1, output.rows.length);
  const body = output.rows.length > 0 ? output.rows : [output.headers.map(() => null)];
  const all = sheet.getRangeByIndexes(0, 0, rows + 1, columns);
  all.values = [
    output.headers.map(asText),
    ...body.map((row) => output.headers.map((_, c) => (row[c] === null || row[c] === undefined ? "" : asText(row[c])))),
  ];
  const table = sheet.tables.add(all, true);
  table.name = output.tableName;
  table.style = "TableStyleMedium2";
  output.numberFormats?.forEach((format, c) => {
    if (!format) return;
    sheet.getRangeByIndexes(1, c, rows, 1).numberFormat = Array.from({ length: rows }, () => [format]);
  });
  const widths = output.columnWidths ?? output.headers.map((h) => Math.max(10, h.length + 4));
  widths.forEach((width, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER));
  sheet.freezePanes.freezeRows(1);
  for (const rule of output.highlight ?? []) {
    const column = output.headers.indexOf(rule.column);
    if (column < 0 || output.rows.length === 0) continue;
    const letter = columnLetters(column);
    const threshold =
      typeof rule.value === "number"
        ? String(rule.value)
        : `${columnLetters(output.headers.indexOf(rule.value.slice("column:".length)))}2`;
    const format = sheet.getRangeByIndexes(1, column, output.rows.length, 1).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=AND(ISNUMBER(${letter}2),${letter}2>${threshold})`;
    format.custom.format.fill.color = OVER_FILL;
    format.custom.format.font.color = OVER_FONT;
  }
  for (const section of output.sections ?? []) {
    const c0 = section.column ?? 0;
    const title = sheet.getRangeByIndexes(section.row, c0, 1, 1);
    title.values = [[asText(section.title)]];
    title.format.font.bold = true;
    if (section.headers.length === 0) continue;
    const header = sheet.getRangeByIndexes(section.row + 1, c0, 1, section.headers.length);
    header.values = [section.headers.map(asText)];
    header.format.font.bold = true;
    if (section.rows.length === 0) continue;
    const body = sheet.getRangeByIndexes(section.row + 2, c0, section.rows.length, section.headers.length);
    body.values = section.rows.map((row) =>
      section.headers.map((_, c) => (row[c] === null || row[c] === undefined ? "" : asText(row[c]))),
    );
    body.numberFormat = section.rows.map(() => section.headers.map((_, c) => section.numberFormats?.[c] ?? "General"));
  }
  queueCharts(sheet, output.charts ?? []);
  sheet.pageLayout.orientation = output.landscape ? "Landscape" : "Portrait";
  sheet.pageLayout.setPrintTitleRows("$1:$1");
}
