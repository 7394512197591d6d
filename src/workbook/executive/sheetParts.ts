/**
 * Parts of an output sheet beyond its one Excel Table: plain-cell sections (a title, a header
 * row and rows, written as values) and native charts over ranges of the sheet, described as
 * data so each adapter draws them its own way (Office.js `sheet.charts.add`, DrawingML chart
 * parts in an .xlsx, a list in the in-memory workbook).
 */
import type { CellValue } from "../port";

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

/** One cell a section places: 0-based position, value, number format, and whether it is a title or header (bold). */
export interface PlacedCell {
  row: number;
  column: number;
  value: CellValue;
  format: string | null;
  bold: boolean;
}

/** The cells of the sections, in writing order: what every adapter writes. */
export function sectionCells(sections: readonly SheetSection[]): PlacedCell[] {
  const cells: PlacedCell[] = [];
  for (const s of sections) {
    const c0 = s.column ?? 0;
    cells.push({ row: s.row, column: c0, value: s.title, format: null, bold: true });
    if (s.headers.length === 0) continue;
    s.headers.forEach((h, c) => cells.push({ row: s.row + 1, column: c0 + c, value: h, format: null, bold: true }));
    s.rows.forEach((line, r) =>
      line.forEach((value, c) =>
        cells.push({ row: s.row + 2 + r, column: c0 + c, value, format: s.numberFormats?.[c] ?? null, bold: false }),
      ),
    );
  }
  return cells;
}
