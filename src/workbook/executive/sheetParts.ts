/**
 * Parts of an output sheet beyond its one Excel Table: plain-cell sections (a title, a header
 * row and rows, written as values) and native charts over ranges of the sheet, described as
 * data so each adapter draws them its own way (Office.js `sheet.charts.add`, DrawingML chart
 * parts in an .xlsx, a list in the in-memory workbook).
 */
/** A cell value as the port holds it (same union as `CellValue` in ../port). */
type CellValue = string | number | boolean | null;

/** A block of plain cells below or beside the sheet's table. */
export interface SheetSection {
  /** bold title cell, one row above the header */
  title: string;
  /** 0-based sheet row of the title; the header row is `row + 1` */
  row: number;
  /** 0-based first column (default 0) */
  column?: number;
  headers: string[];
  rows: CellValue[][];
  /** number format per column, null = General */
  numberFormats?: (string | null)[];
}

/** A column of cells on the same sheet, 0-based, rows inclusive. */
export interface ColumnRange {
  column: number;
  firstRow: number;
  lastRow: number;
}

export interface ChartSeriesSpec {
  name: string;
  values: ColumnRange;
}

export interface ChartSpec {
  title: string;
  /** clustered columns or lines */
  type: "column" | "line";
  /** category labels (periods, families, resources) */
  categories: ColumnRange;
  series: ChartSeriesSpec[];
  /** number format of the value axis, e.g. "#,##0" or "0%" */
  valueFormat?: string;
  /** where it sits, in cells (0-based top-left; size in columns and rows) */
  anchor: { row: number; column: number; columns: number; rows: number };
}
