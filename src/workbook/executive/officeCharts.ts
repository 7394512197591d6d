/**
 * Native Excel charts through Office.js: queues one `sheet.charts.add` per chart spec, series
 * pointed at the sheet's cells, titled, legend at the bottom, placed over the spec's cells.
 * Queues only — the caller's single `context.sync()` sends them with the rest of the sheet.
 * APIs: ExcelApi 1.1 (charts.add, setPosition), 1.7 (series.add, setValues, setXAxisValues),
 * 1.8 (axis numberFormat).
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

/** Queues the charts on `sheet`; named `SOP chart 1…n` so a reader can tell them from the planner's. */
export function queueCharts(sheet: Excel.Worksheet, charts: readonly ChartSpec[]): void {
  charts.forEach((spec, k) => {
    const [first, ...rest] = spec.series;
    if (!first) return;
    const categories = sheet.getRange(address(spec.categories));
    const chart = sheet.charts.add(
      spec.type === "line" ? "Line" : "ColumnClustered",
      sheet.getRange(address(first.values)),
      "Columns",
    );
    chart.name = `SOP chart ${k + 1}`;
    chart.title.text = spec.title;
    chart.legend.position = "Bottom";
    const firstSeries = chart.series.getItemAt(0);
    firstSeries.name = first.name;
    firstSeries.setXAxisValues(categories);
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(sheet.getRange(address(s.values)));
      series.setXAxisValues(categories);
    }
    if (spec.valueFormat) chart.axes.valueAxis.numberFormat = spec.valueFormat;
    const { row, column, rows, columns } = spec.anchor;
    chart.setPosition(cell(row, column), cell(row + rows - 1, column + columns - 1));
  });
}
