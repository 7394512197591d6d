/**
 * An in-memory workbook: sheets as 2-D arrays of cell values, with Excel Tables as named
 * blocks. Used by tests, the browser demo and as the model the other adapters mirror.
 * No Node imports: it runs in the browser.
 */
import type { CellValue, ChartSpec, Highlight, InputTables, OutputSheet, SheetSection, WorkbookPort } from "../port";
import { sectionCells } from "../executive/sheetParts";
import { INPUT_TABLES, READ_SHEETS, OwnershipError, markerTableName } from "../port";
import { type CellBlock, type FetchedInputs, toInputTables } from "../regions";

export interface MemoryTable {
  name: string;
  /** 0-based position of the header row's first cell */
  row: number;
  column: number;
  /** rows including the header row */
  rowCount: number;
  columnCount: number;
}

export interface MemorySheet {
  name: string;
  cells: CellValue[][];
  tables: MemoryTable[];
  numberFormats?: (string | null)[];
  columnWidths?: number[];
  frozenRows?: number;
  highlight?: Highlight[];
  landscape?: boolean;
  /** 0-based data rows that start a new printed page */
  pageBreaks?: number[];
  /** plain-cell sections written below the table, and charts over the sheet's cells (kept as data) */
  sections?: SheetSection[];
  charts?: ChartSpec[];
}

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets: MemorySheet[] = [];
  /** round trips made, for tests that check batching */
  readonly calls = { readInputs: 0, writeSheets: 0 };
  selection: { sheet: string; row: number; column: number } | null = null;

  sheet(name: string): MemorySheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** Adds (or replaces) a plain sheet holding `cells` from A1. */
  addSheet(name: string, cells: CellValue[][] = []): MemorySheet {
    if (this.sheet(name)) throw new Error(`A sheet named "${name}" already exists.`);
    const sheet: MemorySheet = { name, cells: cells.map((r) => r.slice()), tables: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Places an Excel Table (header row + rows) on `sheet` at a 0-based position; creates the sheet if needed. */
  addTable(
    sheetName: string,
    tableName: string,
    headers: string[],
    rows: CellValue[][],
    at: { row: number; column: number } = { row: 0, column: 0 },
  ): MemoryTable {
    if (this.findTable(tableName)) throw new Error(`A table named "${tableName}" already exists.`);
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    [headers, ...rows].forEach((values, r) =>
      values.forEach((v, c) => setCell(sheet.cells, at.row + r, at.column + c, v)),
    );
    const table: MemoryTable = {
      name: tableName,
      row: at.row,
      column: at.column,
      rowCount: rows.length + 1,
      columnCount: headers.length,
    };
    sheet.tables.push(table);
    return table;
  }

  findTable(name: string): { sheet: MemorySheet; table: MemoryTable } | undefined {
    const key = name.toLowerCase();
    for (const sheet of this.sheets) {
      const table = sheet.tables.find((t) => t.name.toLowerCase() === key);
      if (table) return { sheet, table };
    }
    return undefined;
  }

  /** The values of a table, header row first. */
  tableValues(name: string): CellValue[][] | undefined {
    const found = this.findTable(name);
    return found ? blockOf(found.sheet, found.table).values : undefined;
  }

  async readInputs(): Promise<InputTables> {
    this.calls.readInputs++;
    const fetched: FetchedInputs = { tables: {}, sheets: {}, owned: {} };
    for (const name of INPUT_TABLES) {
      const found = this.findTable(name);
      fetched.tables[name] = found ? blockOf(found.sheet, found.table) : null;
      const sheet = this.sheet(name);
      fetched.sheets[name] = sheet
        ? { sheet: sheet.name, origin: { row: 0, column: 0 }, values: rectangular(sheet.cells) }
        : null;
    }
    for (const name of READ_SHEETS) {
      const sheet = this.sheet(name);
      const marker = this.findTable(markerTableName(name));
      fetched.owned[name] = { exists: !!sheet, marker: marker ? blockOf(marker.sheet, marker.table) : null };
    }
    return toInputTables(fetched);
  }

  async writeSheets(outputs: OutputSheet[]): Promise<void> {
    this.calls.writeSheets++;
    // All-or-nothing: check every target before touching any.
    const foreign = outputs
      .map((o) => o.name)
      .filter((name) => {
        const sheet = this.sheet(name);
        return sheet && !sheet.tables.some((t) => t.name.toLowerCase() === markerTableName(name).toLowerCase());
      });
    if (foreign.length > 0) throw new OwnershipError(foreign);
    // All-or-nothing when a write fails midway too: existing sheets are replaced, never edited,
    // so putting the list of sheets back restores the workbook exactly.
    const before = this.sheets.slice();
    try {
      for (const output of outputs) {
        const existing = this.sheet(output.name);
        const sheet: MemorySheet = { name: output.name, cells: [], tables: [] };
        if (existing) this.sheets[this.sheets.indexOf(existing)] = sheet;
        else this.sheets.push(sheet);
        this.addTable(output.name, output.tableName, output.headers, output.rows);
        sheet.numberFormats = output.numberFormats;
        sheet.columnWidths = output.columnWidths;
        sheet.highlight = output.highlight;
        sheet.landscape = output.landscape;
        sheet.pageBreaks = output.pageBreaks;
        sheet.frozenRows = 1;
        for (const cell of sectionCells(output.sections ?? [])) setCell(sheet.cells, cell.row, cell.column, cell.value);
        sheet.sections = output.sections;
        sheet.charts = output.charts;
      }
    } catch (e) {
      this.sheets.splice(0, this.sheets.length, ...before);
      throw e;
    }
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    if (!this.sheet(sheet)) throw new Error(`There is no sheet "${sheet}".`);
    this.selection = { sheet, row, column };
  }
}

function setCell(cells: CellValue[][], row: number, column: number, value: CellValue): void {
  while (cells.length <= row) cells.push([]);
  const line = cells[row];
  while (line.length < column) line.push(null);
  line[column] = value;
}

function rectangular(cells: CellValue[][]): CellValue[][] {
  const width = cells.reduce((w, row) => Math.max(w, row.length), 0);
  return cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}

function blockOf(sheet: MemorySheet, table: MemoryTable): CellBlock {
  const values: CellValue[][] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const line = sheet.cells[table.row + r] ?? [];
    values.push(Array.from({ length: table.columnCount }, (_, c) => line[table.column + c] ?? null));
  }
  return { sheet: sheet.name, origin: { row: table.row, column: table.column }, values };
}
