/**
 * Native Excel charts through Office.js. A new chart is added over the spec's cells, named
 * `SOP chart k` so a reader can tell it from the planner's, titled, legend at the bottom. A
 * chart the add-in made on an earlier run is updated in place: its data is reset to the new
 * cells (`setData`, then names and categories per series), and its size and placement are left
 * as the planner may have changed them. Queues only — the caller syncs.
 * APIs: ExcelApi 1.1 (charts.add, getItem, setData, setPosition), 1.7 (series.add, setValues,
 * setXAxisValues), 1.8 (axis numberFormat).
 */
import { columnLetters } from "../regions";
import type { ChartSpec, ColumnRange } from "./sheetParts";

function address(range: ColumnRange): string {
  const col = columnLetters(range.column);
  return `${col}${range.firstRow + 1}:${col}${range.lastRow + 1}`;
}

function cell(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The name of the add-in's k-th chart (0-based) on a sheet. */
export function chartName(k: number): string {
  return `SOP chart ${k + 1}`;
}

function queueSeries(chart: Excel.Chart, sheet: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  const categories = sheet.getRange(address(spec.categories));
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = first.name;
  firstSeries.setXAxisValues(categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(sheet.getRange(address(s.values)));
    series.setXAxisValues(categories);
  }
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  if (spec.valueFormat) chart.axes.valueAxis.numberFormat = spec.valueFormat;
}

/** Queues a new chart for `spec`, the k-th on the sheet, placed over its anchor cells. */
export function queueNewChart(sheet: Excel.Worksheet, spec: ChartSpec, k: number): void {
  const [first] = spec.series;
  if (!first) return;
  const chart = sheet.charts.add(
    spec.type === "line" ? "Line" : "ColumnClustered",
    sheet.getRange(address(first.values)),
    "Columns",
  );
  chart.name = chartName(k);
  queueSeries(chart, sheet, spec);
  const { row, column, rows, columns } = spec.anchor;
  chart.setPosition(cell(row, column), cell(row + rows - 1, column + columns - 1));
}

/** Queues new data for an existing chart: one series from the first column, then the rest added. */
export function queueChartData(chart: Excel.Chart, sheet: Excel.Worksheet, spec: ChartSpec): void {
  const [first] = spec.series;
  if (!first) return;
  chart.setData(sheet.getRange(address(first.values)), "Columns");
  queueSeries(chart, sheet, spec);
}

/** Queues the charts on a fresh sheet; named `SOP chart 1…n`. */
export function queueCharts(sheet: Excel.Worksheet, charts: readonly ChartSpec[]): void {
  charts.forEach((spec, k) => queueNewChart(sheet, spec, k));
}
