/**
 * SpreadsheetML for the sheets the add-in writes (ECMA-376 Part 1, §18.3 worksheet, §18.5
 * table): a worksheet part with its cells, frozen header, column widths, conditional
 * formatting and print setup, and the table part over its block. Elements follow
 * CT_Worksheet's sequence, which Excel enforces. Strings are inline (`t="inlineStr"`) so the
 * workbook's shared-string part stays as the planner's sheets left it.
 */
import type { CellValue, Highlight } from "../port";
import { columnLetters } from "../regions";
import type { StyleAppender } from "./styles";
import { Utf8Sink } from "./utf8Sink";
import { escapeXml } from "./xml";
import { EntryWriter, type ZipEntry } from "./zip";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const TABLE_STYLE = "TableStyleMedium2";
/** The owned sheets' tab colour (Fluent's brand blue). */
const TAB_COLOUR = "FF0F6CBD";
/** Text format: key columns (Item, Period…) stay text when a planner types into them. */
export const TEXT_FORMAT = "@";

/** A cell placed outside the grid's column formats (sections: titles, headers, values). */
export interface PlacedStyle {
  format: string | null;
  bold: boolean;
}

export interface SheetLayout {
  /** values from A1, rows of columns; null = empty */
  rows: CellValue[][];
  /** number format per column for rows below `formatFromRow` (null = General) */
  columnFormats?: (string | null)[];
  /** first 0-based row the column formats apply to (the table's first data row) */
  formatFromRow?: number;
  /** the last row (exclusive) the column formats apply to */
  formatToRow?: number;
  /** styles of single cells, key `row * 16384 + column`, over the column formats */
  placed?: Map<number, PlacedStyle>;
  columnWidths?: number[];
  frozenRows?: number;
  highlight?: { rule: Highlight; headers: string[]; rows: number }[];
  landscape?: boolean;
  /** 0-based sheet rows that start a new printed page */
  pageBreaks?: number[];
  owned?: boolean;
  /** relationship ids of the sheet's drawing and tables */
  drawingId?: string;
  tableIds: string[];
}

/** The worksheet part of a sheet laid out as `layout`, as the zip entry `name`, deflated while it is written (never whole in memory). */
export function worksheetEntry(name: string, layout: SheetLayout, styles: StyleAppender): ZipEntry {
  const entry = new EntryWriter(name);
  const sink = new Utf8Sink((bytes) => entry.write(bytes));
  writeWorksheet(layout, styles, sink);
  return entry.finish(sink.rest());
}

function writeWorksheet(layout: SheetLayout, styles: StyleAppender, sink: Utf8Sink): void {
  const columnCount = layout.rows.reduce((w, row) => Math.max(w, row.length), layout.columnWidths?.length ?? 0);
  const letters = Array.from({ length: Math.max(1, columnCount) }, (_, c) => columnLetters(c));
  const columnStyles = (layout.columnFormats ?? []).map((format) => (format ? styles.xf({ format }) : 0));
  const from = layout.formatFromRow ?? 1;
  const to = layout.formatToRow ?? layout.rows.length;
  const placed = layout.placed;
  const placedIds = new Map<number, number>();
  placed?.forEach((style, key) => placedIds.set(key, styles.xf({ format: style.format, bold: style.bold })));
  // `<c r="B` per column and ` s="3"` per style: the pieces every cell repeats
  const cellOpen = letters.map((letter) => `<c r="${letter}`);
  // made once per style, not once per cell (a DemandPlan sheet has over a million cells)
  const styleAttributes: string[] = [];
  const styleAttribute = (style: number) => (styleAttributes[style] ??= style ? `" s="${style}"` : `"`);

  sink.raw(head(layout, letters));
  let anyRow = false;
  for (let r = 0; r < layout.rows.length; r++) {
    const line = layout.rows[r];
    if (!line) continue;
    const rowNumber = String(r + 1);
    const styled = r >= from && r < to;
    let opened = false;
    for (let c = 0; c < line.length; c++) {
      const value = line[c];
      let style = styled ? (columnStyles[c] ?? 0) : 0;
      if (placedIds.size > 0) {
        const own = placedIds.get(r * 16384 + c);
        if (own !== undefined) style = own;
      }
      const missing = value === null || value === undefined;
      if (missing && !style) continue;
      const empty = missing || (typeof value === "number" && !Number.isFinite(value));
      if (!opened) {
        sink.raw(anyRow ? `<row r="${rowNumber}">` : `<sheetData><row r="${rowNumber}">`);
        opened = anyRow = true;
      }
      sink.raw(cellOpen[c]);
      sink.raw(rowNumber);
      sink.raw(styleAttribute(style));
      if (empty) sink.raw("/>");
      else if (typeof value === "number") {
        sink.raw("><v>");
        sink.raw(String(value));
        sink.raw("</v></c>");
      } else if (typeof value === "boolean") sink.raw(value ? ` t="b"><v>1</v></c>` : ` t="b"><v>0</v></c>`);
      else {
        const text = value as string;
        sink.raw(/^\s|\s$/.test(text) ? ` t="inlineStr"><is><t xml:space="preserve">` : ` t="inlineStr"><is><t>`);
        sink.text(text);
        sink.raw("</t></is></c>");
      }
    }
    if (opened) sink.raw("</row>");
  }
  sink.raw(anyRow ? "</sheetData>" : "<sheetData/>");
  sink.raw(tail(layout, styles));
}

/** The worksheet's elements before `sheetData`. */
function head(layout: SheetLayout, letters: string[]): string {
  const lastRow = Math.max(1, layout.rows.length);
  const dimension = `A1:${letters[letters.length - 1]}${lastRow}`;
  const frozen = layout.frozenRows ?? 0;
  const view = frozen
    ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
    : `<sheetView workbookViewId="0"/>`;
  const cols = (layout.columnWidths ?? [])
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (layout.owned ? `<sheetPr><tabColor rgb="${TAB_COLOUR}"/><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "")
  );
}

/** The worksheet's elements after `sheetData`. */
function tail(layout: SheetLayout, styles: StyleAppender): string {
  let priority = 0;
  const conditional = (layout.highlight ?? [])
    .map(({ rule, headers, rows }) => {
      const column = headers.indexOf(rule.column);
      if (column < 0 || rows === 0) return "";
      const letter = columnLetters(column);
      const threshold =
        typeof rule.value === "number"
          ? String(rule.value)
          : `${columnLetters(headers.indexOf(rule.value.slice("column:".length)))}2`;
      return (
        `<conditionalFormatting sqref="${letter}2:${letter}${rows + 1}">` +
        `<cfRule type="expression" dxfId="${styles.highlightDxf()}" priority="${++priority}">` +
        `<formula>${escapeXml(`AND(ISNUMBER(${letter}2),${letter}2>${threshold})`)}</formula></cfRule></conditionalFormatting>`
      );
    })
    .join("");
  return (
    conditional +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (layout.owned
      ? `<pageSetup paperSize="9" fitToHeight="0" orientation="${layout.landscape ? "landscape" : "portrait"}"/>`
      : "") +
    (layout.pageBreaks?.length
      ? // <brk id="n"/> breaks after 1-based row n, so a page starting at 0-based row r has id r
        `<rowBreaks count="${layout.pageBreaks.length}" manualBreakCount="${layout.pageBreaks.length}">` +
        layout.pageBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("") +
        `</rowBreaks>`
      : "") +
    (layout.drawingId ? `<drawing r:id="${layout.drawingId}"/>` : "") +
    (layout.tableIds.length
      ? `<tableParts count="${layout.tableIds.length}">${layout.tableIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`
      : "") +
    `</worksheet>`
  );
}

export interface TableLayout {
  id: number;
  name: string;
  headers: string[];
  /** 0-based top-left cell of the header row */
  row: number;
  column: number;
  /** data rows (at least one is written: Excel's format has no empty table body) */
  rows: number;
}

/** A2:C10 of a table with header at `row`/`column`. */
export function tableRef(table: Pick<TableLayout, "row" | "column" | "headers" | "rows">): string {
  const last = table.row + Math.max(1, table.rows) + 1;
  return `${columnLetters(table.column)}${table.row + 1}:${columnLetters(table.column + table.headers.length - 1)}${last}`;
}

/** The table part: name, range, autofilter, columns, the add-in's table style. */
export function tableXml(table: TableLayout): string {
  const ref = tableRef(table);
  const name = escapeXml(table.name);
  const columns = table.headers
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(tableColumnName(h, i))}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS_MAIN}" id="${table.id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${table.headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** Excel needs a non-empty column name; a blank header becomes `Column<n>` as Excel names it. */
export function tableColumnName(header: string, index: number): string {
  return header.trim() === "" ? `Column${index + 1}` : header;
}
