/**
 * "Insert template" in the browser demo: copies the demo workbook's input tables (the same data
 * the CLI's `template` writes) into the in-memory workbook, sheet by sheet, where they were.
 */
import type { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";

export function copyTemplateTables(from: MemoryWorkbook, into: MemoryWorkbook): void {
  for (const sheet of from.sheets) {
    for (const table of sheet.tables) {
      if (into.findTable(table.name)) continue;
      const [headers, ...rows] = from.tableValues(table.name) ?? [];
      into.addTable(sheet.name, table.name, (headers ?? []).map(String), rows, {
        row: table.row,
        column: table.column,
      });
    }
    const copy = into.sheet(sheet.name);
    if (copy) {
      copy.numberFormats ??= sheet.numberFormats;
      copy.columnWidths ??= sheet.columnWidths;
    }
  }
}
