/**
 * An Excel behaviour simulator for the Office adapter's tests: `Excel.run` over an in-memory
 * workbook that converts typed-in strings, keeps table names unique, refuses overlapping tables
 * and bad sheet names, breaks references to deleted tables and sheets, and rejects requests and
 * responses over 5 MB per sync, counting syncs and bytes. See api.ts and model.ts for each
 * behaviour and the Microsoft page it follows.
 *
 * @example
 *   const excel = excelSimulator();
 *   excel.addTable("Sales", "Sales", [["Item", "Period", "Quantity"], ["A", 45292, 3]]);
 *   const workbook = new OfficeWorkbook(excel.run);
 */
import type { CellValue } from "../../../src/workbook/port";
import type { ExcelRun } from "../../../src/workbook/office/officeWorkbook";
import { SimContext, type SyncRecord } from "./api";
import { SimWorkbook, type SimSheet } from "./model";
import type { Stored } from "./typedEntry";

export { PAYLOAD_LIMIT_BYTES, parseAddress, rectAddress, type SyncRecord } from "./api";
export { SimulatedExcelError, SimWorkbook, type SimSheet, type SimTable } from "./model";
export { typedEntry, displayText } from "./typedEntry";

export interface ExcelSimulator {
  run: ExcelRun;
  model: SimWorkbook;
  /** every sync so far, rejected ones included */
  syncs: SyncRecord[];
  /** an input table as a planner would have built it: values stored as given (no conversion) */
  addTable(name: string, sheet: string, values: CellValue[][], origin?: { row: number; column: number }): void;
  /** a planner typing `text` into a cell (0-based): the same conversion as Range.values */
  type(sheet: string, row: number, column: number, text: string): void;
  /** the value Excel would show a reader of the cell (formulas computed) */
  value(sheet: string, row: number, column: number): Stored;
  /** a table's rows as Excel returns them (header row first) */
  tableValues(name: string): Stored[][];
  /** forget the sync log (e.g. between steps) */
  resetCounts(): void;
  stats(): { syncs: number; maxRequestBytes: number; maxResponseBytes: number; rejected: number };
}

export function excelSimulator(model: SimWorkbook = new SimWorkbook()): ExcelSimulator {
  const syncs: SyncRecord[] = [];
  const sheetNamed = (name: string): SimSheet => model.sheet(name) ?? model.addSheet(name);
  const simulator: ExcelSimulator = {
    model,
    syncs,
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const context = new SimContext(model, syncs);
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.hasQueued) await context.sync();
      return result;
    },
    addTable(name, sheetName, values, origin = { row: 0, column: 0 }) {
      const sheet = sheetNamed(sheetName);
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== "") sheet.setStored(origin.row + r, origin.column + c, v);
        }),
      );
      const table = model.addTable(
        sheet,
        { row: origin.row, column: origin.column, rows: values.length, columns: values[0].length },
        true,
      );
      model.renameTable(table, name);
    },
    type(sheetName, row, column, text) {
      model.writeValue(sheetNamed(sheetName), row, column, text);
    },
    value(sheetName, row, column) {
      const sheet = model.sheet(sheetName);
      if (!sheet) throw new Error(`No sheet ${sheetName}`);
      return model.readValue(sheet, row, column);
    },
    tableValues(name) {
      const table = model.table(name);
      if (!table) throw new Error(`No table ${name}`);
      const { sheet, rect } = table;
      return Array.from({ length: rect.rows }, (_, r) =>
        Array.from({ length: rect.columns }, (_, c) => model.readValue(sheet, rect.row + r, rect.column + c)),
      );
    },
    resetCounts() {
      syncs.length = 0;
    },
    stats() {
      return {
        syncs: syncs.length,
        maxRequestBytes: Math.max(0, ...syncs.map((s) => s.requestBytes)),
        maxResponseBytes: Math.max(0, ...syncs.map((s) => s.responseBytes)),
        rejected: syncs.filter((s) => s.rejected).length,
      };
    },
  };
  return simulator;
}
