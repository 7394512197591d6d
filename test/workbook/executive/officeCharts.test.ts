import { queueCharts } from "../../../src/workbook/executive/officeCharts";
import type { ChartSpec } from "../../../src/workbook/executive/sheetParts";

/** A recording stand-in for the slice of Excel.Worksheet the chart code queues calls on. */
function recordingSheet() {
  const calls: string[] = [];
  const range = (address: string) => ({ address });
  const series = (label: string) => ({
    set name(value: string) {
      calls.push(`${label}.name=${value}`);
    },
    setValues: (r: { address: string }) => calls.push(`${label}.setValues(${r.address})`),
    setXAxisValues: (r: { address: string }) => calls.push(`${label}.setXAxisValues(${r.address})`),
  });
  const sheet = {
    getRange: range,
    charts: {
      add: (type: string, source: { address: string }, by: string) => {
        calls.push(`charts.add(${type}, ${source.address}, ${by})`);
        const chart = {
          title: {} as { text?: string },
          legend: {} as { position?: string },
          axes: { valueAxis: {} as { numberFormat?: string } },
          series: {
            getItemAt: (i: number) => series(`series${i}`),
            add: (name: string) => (calls.push(`series.add(${name})`), series(name)),
          },
          setPosition: (from: string, to: string) => calls.push(`setPosition(${from}, ${to})`),
          set name(value: string) {
            calls.push(`chart.name=${value}`);
          },
        };
        charts.push(chart);
        return chart;
      },
    },
  };
  const charts: {
    title: { text?: string };
    legend: { position?: string };
    axes: { valueAxis: { numberFormat?: string } };
  }[] = [];
  return { sheet: sheet as unknown as Excel.Worksheet, calls, charts };
}

describe("queueCharts (Office.js)", () => {
  it("adds a native chart per spec, series on the sheet's cells, placed over the anchor", () => {
    const spec: ChartSpec = {
      title: "Demand vs supply by family",
      type: "column",
      categories: { column: 0, firstRow: 21, lastRow: 23 },
      series: [
        { name: "Demand", values: { column: 1, firstRow: 21, lastRow: 23 } },
        { name: "Supply", values: { column: 2, firstRow: 21, lastRow: 23 } },
      ],
      valueFormat: "#,##0",
      anchor: { row: 3, column: 4, columns: 4, rows: 16 },
    };
    const { sheet, calls, charts } = recordingSheet();
    queueCharts(sheet, [spec]);
    expect(calls).toEqual([
      "charts.add(ColumnClustered, B22:B24, Columns)",
      "chart.name=SOP chart 1",
      "series0.name=Demand",
      "series0.setXAxisValues(A22:A24)",
      "series.add(Supply)",
      "Supply.setValues(C22:C24)",
      "Supply.setXAxisValues(A22:A24)",
      // rows 4..19, columns E..H (0-based anchor row 3, column 4, 16 rows, 4 columns)
      "setPosition(E4, H19)",
    ]);
    expect(charts[0].title.text).toBe("Demand vs supply by family");
    expect(charts[0].legend.position).toBe("Bottom");
    expect(charts[0].axes.valueAxis.numberFormat).toBe("#,##0");
  });
});
