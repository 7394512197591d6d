/**
 * Writing one output sheet through Office.js as a list of queued pieces, each with the request
 * bytes it sends, so the caller can sync them in batches under the payload budget.
 *
 * What a planner may reference is kept, never deleted and re-created: the sheet, its marker
 * table (resized to the new rows and columns, so its name and id — and every
 * `=SUM(SOP_DemandPlan[Consensus])` — stay), and the add-in's charts (their data reset in place,
 * their placement left where the planner put it). Cells the new layout no longer uses are
 * cleared. Text columns get the text format before their values (see layout/columnFormats.ts).
 *
 * APIs: ExcelApi 1.1 (values, numberFormat, tables.add, charts.add, setData, clear), 1.6
 * (conditionalFormats), 1.7 (freezePanes, chart series, setXAxisValues), 1.8 (axis
 * numberFormat), 1.9 (pageLayout: orientation, zoom, setPrintTitleRows), 1.13 (Table.resize).
 */
import type { CellValue, OutputSheet, SheetSection } from "../port";
import { columnLetters } from "../regions";
import { TEXT_FORMAT, columnFormats } from "../layout/columnFormats";
import { queueChartData, queueNewChart, chartName } from "../executive/officeCharts";
import { chunkRows, jsonBytes, type QueuedWork } from "./payload";

const OVER_FILL = "#FFC7CE";
const OVER_FONT = "#9C0006";
/** Excel column width in points per character (Calibri 11: ~7 px ≈ 5.25 pt, plus padding). */
const POINTS_PER_CHARACTER = 6;
/** Bytes a queued call sends beyond its arguments (object path, method): a generous guess. */
const CALL_BYTES = 100;

/** Where the add-in's sheet stands before this write (from the last read). */
export interface SheetLayout {
  /** the sheet exists with the add-in's marker table */
  exists: boolean;
  /** the marker table's rows (header included) and columns, when it sits at A1 */
  table: { rows: number; columns: number } | null;
  /** rows and columns from A1 to the last used cell */
  used: { rows: number; columns: number };
  /** names of the charts on the sheet */
  charts: string[];
}

/**
 * Excel reads a string set through `Range.values` as if typed, so an item called
 * `=HYPERLINK("http://…")`, `+cmd|…`, `-1+1` or `@SUM(…)` would become a live formula. In
 * text-formatted (`@`) cells strings stay text; elsewhere (a General column holding numbers and
 * text) a leading apostrophe makes Excel keep it as text, as typing it would.
 */
export function asText<T extends CellValue>(value: T): T | string {
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function cellFor(value: CellValue | undefined, format: string): CellValue {
  if (value === null || value === undefined) return "";
  return format === TEXT_FORMAT ? value : asText(value);
}

/** Rows and columns from A1 that the output occupies (table and sections). */
export function outputExtent(output: OutputSheet): { rows: number; columns: number } {
  let rows = Math.max(1, output.rows.length) + 1;
  let columns = output.headers.length;
  for (const s of output.sections ?? []) {
    const c0 = s.column ?? 0;
    rows = Math.max(rows, s.row + 2 + s.rows.length);
    columns = Math.max(columns, c0 + Math.max(1, s.headers.length));
  }
  return { rows, columns };
}

/** The pieces that write `output`, in order. */
export function sheetWrites(
  context: Excel.RequestContext,
  output: OutputSheet,
  layout: SheetLayout,
  chunkBudget: number,
): QueuedWork[] {
  const { worksheets } = context.workbook;
  const columns = output.headers.length;
  const body = output.rows.length > 0 ? output.rows : [output.headers.map(() => null)];
  const rows = body.length;
  const formats = columnFormats(output.headers, output.rows, output.numberFormats ?? []);
  let sheet!: Excel.Worksheet;
  const work: QueuedWork[] = [];

  // 1. The sheet and its table, sized to the new rows; stale cells cleared.
  work.push({
    bytes: CALL_BYTES * 8 + jsonBytes(output.headers) * 2,
    queue: () => {
      const tableRange = () => sheet.getRangeByIndexes(0, 0, rows + 1, columns);
      if (layout.exists && layout.table) {
        sheet = worksheets.getItem(output.name);
        context.workbook.tables.getItem(output.tableName).resize(tableRange());
        clearBeyond(sheet, { rows: rows + 1, columns }, layout.used);
      } else {
        sheet = layout.exists ? worksheets.getItem(output.name) : worksheets.add(output.name);
        if (layout.exists) {
          // The marker table is not at A1 (moved by hand): start the sheet afresh.
          context.workbook.tables.getItem(output.tableName).delete();
          sheet.getRange().clear("All");
        }
      }
      const header = sheet.getRangeByIndexes(0, 0, 1, columns);
      header.numberFormat = [output.headers.map(() => TEXT_FORMAT)];
      header.values = [output.headers];
      if (!(layout.exists && layout.table)) {
        const table = sheet.tables.add(tableRange(), true);
        table.name = output.tableName;
        table.style = "TableStyleMedium2";
      }
    },
  });

  // 2. The body, in chunks: formats first, so text columns take their strings as text.
  let start = 0;
  const formatBytes = jsonBytes(formats);
  for (const chunk of chunkRows(body, chunkBudget, () => formatBytes)) {
    const first = start;
    start += chunk.length;
    const values = chunk.map((row) => output.headers.map((_, c) => cellFor(row[c], formats[c])));
    work.push({
      bytes: CALL_BYTES * 2 + chunk.length * (formatBytes + 1) + jsonBytes(values),
      queue: () => {
        const range = sheet.getRangeByIndexes(1 + first, 0, chunk.length, columns);
        range.numberFormat = chunk.map(() => formats);
        range.values = values;
      },
    });
  }

  // 3. Sections (plain cells below or beside the table), chunked the same way.
  for (const section of output.sections ?? []) work.push(...sectionWrites(() => sheet, section, chunkBudget));

  // 4. Highlights, widths, frozen header, charts, print setup.
  work.push({
    bytes: CALL_BYTES * (6 + columns + 4 * (output.highlight?.length ?? 0)),
    queue: () => finish(sheet, output, layout),
  });
  (output.charts ?? []).forEach((spec, k) => {
    const name = chartName(k);
    work.push({
      bytes: CALL_BYTES * (8 + 3 * spec.series.length),
      queue: () =>
        layout.charts.includes(name)
          ? queueChartData(sheet.charts.getItem(name), sheet, spec)
          : queueNewChart(sheet, spec, k),
    });
  });
  return work;
}

/** Clears what the last layout used outside the new table (old rows below, old columns right). */
function clearBeyond(
  sheet: Excel.Worksheet,
  table: { rows: number; columns: number },
  used: { rows: number; columns: number },
): void {
  const width = Math.max(used.columns, table.columns);
  if (used.rows > table.rows) sheet.getRangeByIndexes(table.rows, 0, used.rows - table.rows, width).clear("All");
  if (used.columns > table.columns)
    sheet.getRangeByIndexes(0, table.columns, table.rows, used.columns - table.columns).clear("All");
}

function sectionWrites(sheet: () => Excel.Worksheet, section: SheetSection, chunkBudget: number): QueuedWork[] {
  const c0 = section.column ?? 0;
  const width = section.headers.length;
  const work: QueuedWork[] = [
    {
      bytes: CALL_BYTES * 4 + jsonBytes(section.title) + jsonBytes(section.headers) * 2,
      queue: () => {
        const title = sheet().getRangeByIndexes(section.row, c0, 1, 1);
        title.numberFormat = [[TEXT_FORMAT]];
        title.values = [[section.title]];
        title.format.font.bold = true;
        if (width === 0) return;
        const header = sheet().getRangeByIndexes(section.row + 1, c0, 1, width);
        header.numberFormat = [section.headers.map(() => TEXT_FORMAT)];
        header.values = [section.headers];
        header.format.font.bold = true;
      },
    },
  ];
  if (width === 0 || section.rows.length === 0) return work;
  const declared = section.headers.map((_, c) => section.numberFormats?.[c] ?? null);
  const formats = columnFormats(section.headers, section.rows, declared);
  const formatBytes = jsonBytes(formats);
  let start = 0;
  for (const chunk of chunkRows(section.rows, chunkBudget, () => formatBytes)) {
    const first = start;
    start += chunk.length;
    const values = chunk.map((row) => section.headers.map((_, c) => cellFor(row[c], formats[c])));
    work.push({
      bytes: CALL_BYTES * 2 + chunk.length * (formatBytes + 1) + jsonBytes(values),
      queue: () => {
        const body = sheet().getRangeByIndexes(section.row + 2 + first, c0, chunk.length, width);
        body.numberFormat = chunk.map(() => formats);
        body.values = values;
      },
    });
  }
  return work;
}

function finish(sheet: Excel.Worksheet, output: OutputSheet, layout: SheetLayout): void {
  // Last run's highlights go with the cells they covered; this run's are added below.
  if (layout.exists) {
    const extent = outputExtent(output);
    sheet
      .getRangeByIndexes(0, 0, Math.max(extent.rows, layout.used.rows), Math.max(extent.columns, layout.used.columns))
      .conditionalFormats.clearAll();
  }
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
  const widths = output.columnWidths ?? output.headers.map((h) => Math.max(10, h.length + 4));
  widths.forEach((width, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER));
  sheet.freezePanes.freezeRows(1);
  // Print setup as in the .xlsx path: orientation, one page wide, header row on every page.
  sheet.pageLayout.orientation = output.landscape ? "Landscape" : "Portrait";
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  sheet.pageLayout.setPrintTitleRows("$1:$1");
  // Manual page breaks (e.g. one family per page): data row k is sheet row k + 2.
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of output.pageBreaks ?? []) sheet.horizontalPageBreaks.add(`A${row + 2}`);
}
