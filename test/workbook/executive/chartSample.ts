/** A small workbook with two charts on ExecutiveSummary (written by the .xlsx adapter), shared by the chart tests. */
import type { ChartSpec } from "../../../src/workbook/executive/sheetParts";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";

export const cells: (string | number | null)[][] = [
  ["Period", "Demand", "Supply"],
  ["2026-01", 100, 90],
  ["2026-02", 120, 110],
  ["2026-03", 90, 130],
];

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

/** A planner's "Notes" sheet, then ExecutiveSummary with its table and both charts. */
export async function chartedWorkbook(): Promise<Uint8Array> {
  const memory = new MemoryWorkbook();
  memory.addSheet("Notes", [["planner's own sheet"]]);
  const workbook = XlsxWorkbook.fromMemory(memory);
  await workbook.writeSheets([
    {
      name: "ExecutiveSummary",
      tableName: "SOP_ExecutiveSummary",
      headers: cells[0] as string[],
      rows: cells.slice(1),
      charts,
    },
  ]);
  return workbook.toBuffer();
}
