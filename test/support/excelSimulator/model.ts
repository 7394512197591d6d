/**
 * The workbook state behind the simulated Excel JavaScript API: sheets of cells (value, number
 * format, formula), Excel Tables, charts and conditional formats, with the rules Excel enforces
 * when they change. The API layer (api.ts) queues calls and applies them here at `sync()`.
 *
 * Each rule cites the Microsoft page it follows.
 */
import { displayText, typedEntry, type Stored } from "./typedEntry";
import { evaluateFormula, referencesSheet, referencesTable, renameTableInFormula } from "./formulas";

/** A 0-based rectangle of cells. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export class SimulatedExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "SimulatedExcelError";
  }
}

export interface SimTable {
  id: string;
  name: string;
  sheet: SimSheet;
  /** header row included */
  rect: Rect;
  style: string;
}

export interface SimSeries {
  name: string;
  values: string;
  xValues: string | null;
}

export interface SimChart {
  id: number;
  name: string;
  type: string;
  title: string;
  legend: string;
  valueAxisFormat: string;
  series: SimSeries[];
  /** top-left and bottom-right cells of its placement */
  position: [string, string] | null;
}

export interface SimConditionalFormat {
  rect: Rect;
  formula: string;
}

/** One worksheet: sparse rows of cells. */
export class SimSheet {
  values: Stored[][] = [];
  formats: string[][] = [];
  formulas = new Map<string, string>();
  charts: SimChart[] = [];
  conditionalFormats: SimConditionalFormat[] = [];
  frozenRows = 0;
  orientation = "Portrait";
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } = { scale: 100 };
  printTitleRows: string | null = null;
  /** cells (A1 form) above which a manual page break starts a new page */
  pageBreaks: string[] = [];
  columnWidths = new Map<number, number>();
  readonly id: number;

  constructor(
    public name: string,
    id: number,
  ) {
    this.id = id;
  }

  value(row: number, column: number): Stored {
    return this.values[row]?.[column] ?? "";
  }

  format(row: number, column: number): string {
    return this.formats[row]?.[column] ?? "General";
  }

  formula(row: number, column: number): string | undefined {
    return this.formulas.get(`${row},${column}`);
  }

  setStored(row: number, column: number, value: Stored, formula?: string): void {
    (this.values[row] ??= [])[column] = value;
    const key = `${row},${column}`;
    if (formula) this.formulas.set(key, formula);
    else this.formulas.delete(key);
  }

  setFormat(row: number, column: number, format: string): void {
    (this.formats[row] ??= [])[column] = format;
  }

  /** The smallest rectangle from A1 holding every non-empty cell or formula (values only). */
  usedRect(): Rect | null {
    let firstRow = Infinity;
    let lastRow = -1;
    let firstColumn = Infinity;
    let lastColumn = -1;
    this.values.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === "" || v === undefined) return;
        firstRow = Math.min(firstRow, r);
        lastRow = Math.max(lastRow, r);
        firstColumn = Math.min(firstColumn, c);
        lastColumn = Math.max(lastColumn, c);
      });
    });
    for (const key of this.formulas.keys()) {
      const [r, c] = key.split(",").map(Number);
      firstRow = Math.min(firstRow, r);
      lastRow = Math.max(lastRow, r);
      firstColumn = Math.min(firstColumn, c);
      lastColumn = Math.max(lastColumn, c);
    }
    if (lastRow < 0) return null;
    return { row: firstRow, column: firstColumn, rows: lastRow - firstRow + 1, columns: lastColumn - firstColumn + 1 };
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

/**
 * Worksheet names: at most 31 characters, none of `\ / ? * [ ] :`, not blank, not starting or
 * ending with an apostrophe, unique (case-insensitive).
 * (Microsoft support, "Rename a worksheet": https://support.microsoft.com/office/3f1f7148-ee83-404d-8ef0-9ff99fbad1f9)
 */
export function checkSheetName(name: string, existing: readonly SimSheet[]): void {
  if (name.trim() === "" || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name))
    throw new SimulatedExcelError("InvalidArgument", `"${name}" is not a valid worksheet name.`);
  if (existing.some((s) => s.name.toLowerCase() === name.toLowerCase()))
    throw new SimulatedExcelError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
}

/**
 * Table names: start with a letter, underscore or backslash; letters, digits, `_` and `.` only;
 * at most 255 characters; not a cell reference; unique in the workbook (case-insensitive).
 * (Microsoft support, "Rename an Excel table": https://support.microsoft.com/office/fbf49a4f-82a3-43eb-8ba2-44d21233b114)
 */
export function checkTableName(name: string, tables: readonly SimTable[], self?: SimTable): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name))
    throw new SimulatedExcelError("InvalidArgument", `"${name}" is not a valid table name.`);
  if (tables.some((t) => t !== self && t.name.toLowerCase() === name.toLowerCase()))
    throw new SimulatedExcelError("InvalidArgument", `A table named "${name}" already exists in the workbook.`);
}

export class SimWorkbook {
  sheets: SimSheet[] = [];
  tables: SimTable[] = [];
  private nextSheetId = 1;
  private nextTableId = 1;
  private nextChartId = 1;

  sheet(name: string): SimSheet | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  table(name: string): SimTable | null {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  addSheet(name: string): SimSheet {
    checkSheetName(name, this.sheets);
    const sheet = new SimSheet(name, this.nextSheetId++);
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * Deleting a worksheet turns every formula that referenced it into `#REF!`, and a sheet added
   * later under the same name does not bring them back.
   * (Microsoft support, "How to correct a #REF! error": https://support.microsoft.com/office/822c8e46-e610-4d02-bf29-ec4b8c5ed7b2)
   */
  deleteSheet(sheet: SimSheet): void {
    for (const table of this.tables.filter((t) => t.sheet === sheet))
      this.breakReferences((f) => referencesTable(f, table.name), table.name);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.breakReferences((f) => referencesSheet(f, sheet.name), sheet.name);
  }

  private breakReferences(matches: (formula: string) => boolean, name: string): void {
    for (const sheet of this.sheets)
      for (const [key, formula] of sheet.formulas) {
        if (!matches(formula)) continue;
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const broken = formula
          .replace(new RegExp(`'?${escaped}'?!\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?`, "gi"), "#REF!")
          .replace(new RegExp(`${escaped}\\[[^\\]]*\\]`, "gi"), "#REF!");
        sheet.formulas.set(key, broken);
      }
  }

  /**
   * `tables.add`: the range must not overlap another table; the header row becomes text (blank
   * headers become Column1, Column2…; duplicates get a number).
   * (Excel.TableCollection.add: https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1);
   * "Overview of Excel tables": https://support.microsoft.com/office/7ab0bb7d-3a9e-4b56-a3c9-6c94334e492c —
   * tables cannot overlap, headers are text.)
   */
  addTable(sheet: SimSheet, rect: Rect, hasHeaders: boolean): SimTable {
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect)))
      throw new SimulatedExcelError("InvalidOperation", "A table can't overlap another table.");
    let table: SimTable;
    if (hasHeaders) {
      table = {
        id: `{T${this.nextTableId}}`,
        name: `Table${this.nextTableId}`,
        sheet,
        rect,
        style: "TableStyleMedium2",
      };
    } else {
      // Without headers Excel inserts a header row above the data.
      table = {
        id: `{T${this.nextTableId}}`,
        name: `Table${this.nextTableId}`,
        sheet,
        rect: { ...rect, row: rect.row - 1, rows: rect.rows + 1 },
        style: "TableStyleMedium2",
      };
    }
    this.nextTableId++;
    this.tables.push(table);
    this.textHeaders(table);
    return table;
  }

  /** Table headers are always text: numbers and dates become the text Excel shows for them. */
  textHeaders(table: SimTable): void {
    const { sheet, rect } = table;
    const seen = new Set<string>();
    for (let c = 0; c < rect.columns; c++) {
      const raw = sheet.value(rect.row, rect.column + c);
      let text = displayText(raw, sheet.format(rect.row, rect.column + c)).trim();
      if (text === "") text = `Column${c + 1}`;
      let unique = text;
      for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${text}${k}`;
      seen.add(unique.toLowerCase());
      sheet.setStored(rect.row, rect.column + c, unique);
    }
  }

  renameTable(table: SimTable, name: string): void {
    checkTableName(name, this.tables, table);
    const old = table.name;
    table.name = name;
    // Renaming a table updates the formulas that refer to it (Microsoft support, "Rename an Excel table").
    for (const sheet of this.sheets)
      for (const [key, formula] of sheet.formulas)
        if (referencesTable(formula, old)) sheet.formulas.set(key, renameTableInFormula(formula, old, name));
  }

  /**
   * `Table.resize`: "The new range must overlap with the original table range and the headers
   * (or the top of the table) must be in the same row." Formulas that use the table keep
   * working and see the new extent.
   * (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1), ExcelApi 1.13)
   */
  resizeTable(table: SimTable, rect: Rect): void {
    if (rect.row !== table.rect.row || !overlaps(rect, table.rect))
      throw new SimulatedExcelError(
        "InvalidArgument",
        "The new range must overlap the table and keep its header row in the same row.",
      );
    if (this.tables.some((t) => t !== table && t.sheet === table.sheet && overlaps(t.rect, rect)))
      throw new SimulatedExcelError("InvalidOperation", "A table can't overlap another table.");
    table.rect = rect;
    this.textHeaders(table);
  }

  /** `Table.delete`: the table and its cells go; formulas that used it become `#REF!`. */
  deleteTable(table: SimTable): void {
    const { sheet, rect } = table;
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.setStored(r, c, "");
    this.tables = this.tables.filter((t) => t !== table);
    this.breakReferences((f) => referencesTable(f, table.name), table.name);
  }

  addChart(sheet: SimSheet, type: string, source: string): SimChart {
    const chart: SimChart = {
      id: this.nextChartId++,
      name: `Chart ${this.nextChartId - 1}`,
      type,
      title: "",
      legend: "Right",
      valueAxisFormat: "General",
      series: [{ name: "Series1", values: source, xValues: null }],
      position: null,
    };
    sheet.charts.push(chart);
    return chart;
  }

  /**
   * Writes a block through `Range.values`: strings as if typed (see typedEntry.ts), except in a
   * table's header row, which always holds text; numbers and booleans are stored as they are;
   * a null leaves its cell unchanged.
   */
  writeBlock(sheet: SimSheet, rect: Rect, matrix: unknown[][]): void {
    const headers = this.tables.filter((t) => t.sheet === sheet);
    for (let r = 0; r < rect.rows; r++) {
      const row = rect.row + r;
      const headerOf = headers.filter((t) => t.rect.row === row);
      for (let c = 0; c < rect.columns; c++) {
        const column = rect.column + c;
        const value = matrix[r][c];
        if (value === null || value === undefined) continue;
        if (typeof value === "object")
          throw new SimulatedExcelError("InvalidArgument", "Range.values takes strings, numbers and booleans.");
        const header = headerOf.some((t) => column >= t.rect.column && column < t.rect.column + t.rect.columns);
        this.writeValue(sheet, row, column, value as Stored, header);
      }
    }
  }

  /** One cell as typed by a planner (the same conversion as `Range.values`). */
  writeValue(sheet: SimSheet, row: number, column: number, value: Stored, header = false): void {
    if (typeof value !== "string") {
      sheet.setStored(row, column, header ? displayText(value, sheet.format(row, column)) : value);
      return;
    }
    const entry = typedEntry(value, sheet.format(row, column));
    if (entry.impliedFormat && sheet.format(row, column) === "General")
      sheet.setFormat(row, column, entry.impliedFormat);
    if (header)
      sheet.setStored(row, column, entry.formula ? value : displayText(entry.value, sheet.format(row, column)));
    else sheet.setStored(row, column, entry.value, entry.formula);
  }

  /** The value Excel returns for a cell: a formula's result is computed on read. */
  readValue(sheet: SimSheet, row: number, column: number): Stored {
    const formula = sheet.formula(row, column);
    return formula ? evaluateFormula(formula, this) : sheet.value(row, column);
  }

  tableColumn(table: SimTable, column: string): Stored[] | null {
    const { sheet, rect } = table;
    for (let c = 0; c < rect.columns; c++) {
      if (String(sheet.value(rect.row, rect.column + c)).toLowerCase() !== column.toLowerCase()) continue;
      const out: Stored[] = [];
      for (let r = rect.row + 1; r < rect.row + rect.rows; r++) out.push(this.readValue(sheet, r, rect.column + c));
      return out;
    }
    return null;
  }
}
