/**
 * The Office.js adapter (Excel.run + Tables API), within Excel's limits:
 * - reads and writes are split by bytes under a budget per `context.sync()` (payload.ts): a
 *   small workbook is read in one sync and written in one, a 5,000-item plan in as many as
 *   its bytes need;
 * - text columns are formatted as text before their values are written, so periods and item
 *   codes come back as written (layout/columnFormats.ts);
 * - the add-in's sheets, tables and charts are kept and resized or updated, never deleted and
 *   re-created, so a planner's formulas and references into them keep working (officeWrite.ts);
 * - calculation is suspended while a write batch is applied.
 *
 * Why some inputs are asked for twice: a plain sheet named like an input table is accepted when
 * no Excel Table has that name, and which case holds is only known after the first sync; asking
 * for both (sizes and first rows only) keeps that to one round trip.
 *
 * Writes are checked against the ownership state of the last `readInputs()` (the session
 * always reads before it writes). Office.js batches are not transactions: if Excel rejects a
 * queued operation (a planner created a same-named sheet between read and write), the batch
 * stops there; the ownership check beforehand is what keeps planners' sheets safe.
 *
 * ExcelApi sets used, highest first: 1.13 (Table.resize), 1.9 (pageLayout), 1.8 (chart axis
 * number format), 1.7 (getResizedRange, freezePanes, chart series), 1.6
 * (suspendApiCalculationUntilNextSync, conditional formats), 1.4 (*OrNullObject), 1.1.
 */
import type { InputTables, OutputSheet, OwnedSheetState, WorkbookPort } from "../port";
import { INPUT_TABLES, READ_SHEETS, OwnershipError, markerTableName } from "../port";
import { type FetchedInputs, foreignSheets, toInputTables } from "../regions";
import { OFFICE_PAYLOAD_BUDGET_BYTES, isPayloadLimitError, syncInBatches } from "./payload";
import { HEAD_ROWS, type FoundBlock, type PendingBlock, foundBlock, queueBlock, readRemainders } from "./officeRead";
import { type SheetLayout, outputExtent, sheetWrites } from "./officeWrite";
import { chartName } from "../executive/officeCharts";

export { asText } from "./officeWrite";

/** The part of the Office.js API the adapter uses: `Excel.run`, injectable for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** request or response bytes per sync (default 4,000,000, under Excel on the web's 5 MB) */
  budgetBytes?: number;
  /** rows per block asked for in the first read sync (default 1,000 at the default budget) */
  headRows?: number;
}

/** Rows in an Excel worksheet. */
const MAX_ROWS = 1_048_576;

/** Per owned sheet: what the write needs to know about it. */
type Layouts = Partial<Record<string, SheetLayout>>;

export class OfficeWorkbook implements WorkbookPort {
  private owned: OwnedSheetState[] | null = null;
  private layouts: Layouts = {};
  private readonly budget: number;
  private readonly headRows: number;

  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    options: OfficeWorkbookOptions = {},
  ) {
    this.budget = options.budgetBytes ?? OFFICE_PAYLOAD_BUDGET_BYTES;
    // The first read sync's rows per block scale with the budget (1,000 at 4 MB).
    this.headRows =
      options.headRows ??
      Math.min(MAX_ROWS, Math.max(1, Math.round((HEAD_ROWS * this.budget) / OFFICE_PAYLOAD_BUDGET_BYTES)));
  }

  async readInputs(): Promise<InputTables> {
    const { inputs, layouts } = await this.run(async (context) => {
      // The first sync asks for sizes and first rows; if even that is over the limit (very
      // wide first rows), ask again with fewer rows, down to sizes only.
      for (let head = this.headRows; ; head = head > 1 ? Math.floor(head / 10) : 0) {
        try {
          return await this.readAll(context, head);
        } catch (error) {
          if (!isPayloadLimitError(error) || head === 0) throw error;
        }
      }
    });
    this.owned = inputs.owned;
    this.layouts = layouts;
    return inputs;
  }

  private async readAll(
    context: Excel.RequestContext,
    headRows: number,
  ): Promise<{ inputs: InputTables; layouts: Layouts }> {
    const { tables, worksheets } = context.workbook;
    const tableReads = INPUT_TABLES.map((name) => {
      const table = tables.getItemOrNullObject(name);
      table.worksheet.load("name");
      // eslint-disable-next-line office-addins/call-sync-before-read -- the name is read after the sync (a callback)
      return { name, block: queueBlock(table.getRange(), () => table.worksheet.name, headRows) };
    });
    const sheetReads = INPUT_TABLES.map((name) => {
      const sheet = worksheets.getItemOrNullObject(name);
      sheet.load("name");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read after the sync (a callback)
      return { name, block: queueBlock(sheet.getUsedRangeOrNullObject(true), () => sheet.name, headRows) };
    });
    const ownedReads = READ_SHEETS.map((name) => {
      const sheet = worksheets.getItemOrNullObject(name);
      sheet.load("name");
      const used = sheet.getUsedRangeOrNullObject(false);
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      sheet.charts.load("items/name");
      const marker = tables.getItemOrNullObject(markerTableName(name));
      marker.worksheet.load("name");
      // eslint-disable-next-line office-addins/call-sync-before-read -- the name is read after the sync (a callback)
      return { name, sheet, used, block: queueBlock(marker.getRange(), () => marker.worksheet.name, headRows) };
    });
    await context.sync();

    // Only the blocks in use are read on: the table when there is one, else the sheet.
    const wanted = new Map<string, FoundBlock>();
    const find = (key: string, pending: PendingBlock) => {
      const found = foundBlock(pending);
      if (found) wanted.set(key, found);
      return found !== null;
    };
    for (const [k, { name, block }] of tableReads.entries())
      if (!find(`table:${name}`, block)) find(`sheet:${name}`, sheetReads[k].block);
    for (const { name, sheet, block } of ownedReads) if (!sheet.isNullObject) find(`owned:${name}`, block);

    const keys = [...wanted.keys()];
    const complete = await readRemainders(context, [...wanted.values()], this.budget);
    const byKey = new Map(keys.map((key, k) => [key, complete[k]]));

    const fetched: FetchedInputs = { tables: {}, sheets: {}, owned: {} };
    for (const name of INPUT_TABLES) {
      fetched.tables[name] = byKey.get(`table:${name}`) ?? null;
      fetched.sheets[name] = byKey.get(`sheet:${name}`) ?? null;
    }
    const layouts: Layouts = {};
    for (const { name, sheet, used } of ownedReads) {
      const marker = byKey.get(`owned:${name}`) ?? null;
      fetched.owned[name] = { exists: !sheet.isNullObject, marker };
      if (sheet.isNullObject) continue;
      const atA1 = marker && marker.origin.row === 0 && marker.origin.column === 0 && marker.sheet === name;
      layouts[name] = {
        exists: true,
        table: atA1 ? { rows: marker.values.length, columns: marker.values[0]?.length ?? 0 } : null,
        used: used.isNullObject
          ? { rows: 0, columns: 0 }
          : { rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount },
        charts: sheet.charts.items.map((chart) => chart.name),
      };
    }
    return { inputs: toInputTables(fetched), layouts };
  }

  async writeSheets(sheets: OutputSheet[]): Promise<void> {
    const owned = this.owned ?? (await this.readInputs()).owned;
    const unknown = sheets.filter((s) => !owned.some((o) => o.name === s.name));
    if (unknown.length > 0)
      throw new Error(`Sheets ${unknown.map((s) => s.name).join(", ")} are not sheets S&OP Planner owns.`);
    const foreign = foreignSheets(
      sheets.map((s) => s.name),
      owned,
    );
    if (foreign.length > 0) throw new OwnershipError(foreign);

    await this.run(async (context) => {
      const work = sheets.flatMap((output) => {
        const layout = this.layouts[output.name] ?? {
          exists: false,
          table: null,
          used: { rows: 0, columns: 0 },
          charts: [],
        };
        return sheetWrites(context, output, layout, this.budget / 4);
      });
      await syncInBatches(context, work, this.budget, () =>
        context.workbook.application.suspendApiCalculationUntilNextSync(),
      );
    });
    this.owned = owned.map((o) =>
      sheets.some((s) => s.name === o.name) ? { name: o.name, exists: true, ownedByAddIn: true } : o,
    );
    for (const output of sheets) {
      const extent = outputExtent(output);
      const before = this.layouts[output.name];
      this.layouts[output.name] = {
        exists: true,
        table: { rows: Math.max(1, output.rows.length) + 1, columns: output.headers.length },
        used: {
          rows: Math.max(extent.rows, before?.used.rows ?? 0),
          columns: Math.max(extent.columns, before?.used.columns ?? 0),
        },
        charts: [...new Set([...(before?.charts ?? []), ...(output.charts ?? []).map((_, k) => chartName(k))])],
      };
    }
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRangeByIndexes(row, column, 1, 1).select();
      await context.sync();
    });
  }
}
