/** A small workbook with two charts on "Exec Summary", shared by the chart tests. */
import ExcelJS from "exceljs";
import { addCharts } from "../../../src/workbook/executive/xlsxCharts";
import type { ChartSpec } from "../../../src/workbook/executive/sheetParts";

export async function sampleWorkbook(): Promise<{ bytes: Uint8Array; cells: (string | number | null)[][] }> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").getCell("A1").value = "planner's own sheet";
  const ws = workbook.addWorksheet("Exec Summary");
  const cells: (string | number | null)[][] = [
    ["Period", "Demand", "Supply"],
    ["2026-01", 100, 90],
    ["2026-02", 120, 110],
    ["2026-03", 90, 130],
  ];
  ws.addTable({
    name: "SOP_Exec",
    ref: "A1",
    headerRow: true,
    columns: cells[0].map((h) => ({ name: String(h) })),
    rows: cells.slice(1),
  });
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), cells };
}

export const charts: ChartSpec[] = [
  {
    title: "Demand vs supply",
    type: "column",
    categories: { column: 0, firstRow: 1, lastRow: 3 },
    series: [
      { name: "Demand", values: { column: 1, firstRow: 1, lastRow: 3 } },
      { name: "Supply", values: { column: 2, firstRow: 1, lastRow: 3 } },
    ],
    valueFormat: "#,##0",
    anchor: { row: 0, column: 4, columns: 8, rows: 16 },
  },
  {
    title: "Demand trend",
    type: "line",
    categories: { column: 0, firstRow: 1, lastRow: 3 },
    series: [{ name: "Demand", values: { column: 1, firstRow: 1, lastRow: 3 } }],
    anchor: { row: 17, column: 4, columns: 8, rows: 16 },
  },
];

/** The sample workbook's bytes with both charts added. */
export async function chartedWorkbook(): Promise<Uint8Array> {
  const { bytes, cells } = await sampleWorkbook();
  return addCharts(bytes, [{ sheet: "Exec Summary", charts, lookup: (r, c) => cells[r]?.[c] ?? null }]);
}
