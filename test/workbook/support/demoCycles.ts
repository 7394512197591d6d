/** Helpers to roll the demo workbook through cycles: set a setting, add a month of Sales. */
import type { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import type { CellValue } from "../../../src/workbook/port";
import { dateToSerial } from "../../../src/workbook/schema/periods";

export const serial = (month: string) => dateToSerial(new Date(`${month}-01T00:00:00Z`));

export function setSetting(wb: MemoryWorkbook, name: string, value: CellValue) {
  const { sheet, table } = wb.findTable("Settings")!;
  const row = sheet.cells.slice(table.row + 1, table.row + table.rowCount).find((r) => r[table.column] === name);
  if (row) row[table.column + 1] = value;
  else {
    const line: CellValue[] = new Array<CellValue>(table.column).fill(null);
    sheet.cells[table.row + table.rowCount] = [...line, name, value];
    table.rowCount++;
  }
}

/** Appends the full demo's Sales rows of `month` to the workbook's Sales table. */
export function addSales(wb: MemoryWorkbook, full: MemoryWorkbook, month: string) {
  const [, ...rows] = full.tableValues("Sales")!;
  const { sheet, table } = wb.findTable("Sales")!;
  for (const row of rows.filter((r) => r[2] === serial(month))) {
    sheet.cells[table.row + table.rowCount] = row.slice();
    table.rowCount++;
  }
}
