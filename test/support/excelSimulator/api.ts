/**
 * A typed stand-in for the part of the Excel JavaScript API the Office adapter uses, over a
 * SimWorkbook. Like Office.js, nothing happens when a property is set or a method called: the
 * call is queued, and `context.sync()` sends the queue as one request, applies it in order and
 * returns what was loaded. Reading a property that was not loaded (or before the sync) throws.
 *
 * Behaviours and their sources:
 * - Batching, load/sync, proxy objects:
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts
 * - `*OrNullObject` methods and `isNullObject` (readable after the sync without a load):
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
 * - A failing operation stops the batch there; operations before it stay applied (batches are
 *   not transactions): https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * - Excel on the web: each request and each response is limited to 5 MB, else the sync fails
 *   with `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`:
 *   office-js-docs-pr docs/concepts/resource-limits-and-performance-optimization.md
 *   ("Excel add-ins" section) and docs/excel/performance.md. The payload is estimated as the
 *   JSON of the values, formats and formulas written or read, plus a small descriptor per call.
 * - `Excel.run` syncs what is still queued when the batch function returns.
 */
import {
  SimWorkbook,
  SimulatedExcelError,
  type Rect,
  type SimChart,
  type SimSeries,
  type SimSheet,
  type SimTable,
} from "./model";
import type { Stored } from "./typedEntry";

/** 5 MB, counted in decimal bytes: the stricter reading of the documented limit. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Bytes per queued call for its descriptor (object path, method name), beyond its arguments. */
const CALL_BYTES = 64;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  calls: number;
  /** `application.suspendApiCalculationUntilNextSync()` was queued in this batch */
  calculationSuspended: boolean;
  /** the error code when the sync was rejected */
  rejected?: string;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function rectAddress(rect: Rect): string {
  const first = `${columnLetters(rect.column)}${rect.row + 1}`;
  const last = `${columnLetters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
  return first === last ? first : `${first}:${last}`;
}

/** "B2", "A1:C10", "Sheet1!A1:C10" (the sheet part ignored), "$A$1". */
export function parseAddress(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = local.replace(/\$/g, "").split(":");
  const a = /^([A-Za-z]{1,3})(\d+)$/.exec(from);
  const b = /^([A-Za-z]{1,3})(\d+)$/.exec(to);
  if (!a || !b) throw new SimulatedExcelError("InvalidArgument", `"${address}" is not a range address.`);
  const r0 = Number(a[2]) - 1;
  const r1 = Number(b[2]) - 1;
  const c0 = columnIndex(a[1]);
  const c1 = columnIndex(b[1]);
  return {
    row: Math.min(r0, r1),
    column: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    columns: Math.abs(c1 - c0) + 1,
  };
}

function splitProps(props?: string | string[]): string[] {
  if (!props) return [];
  const list = Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim()).filter((p) => p !== "");
}

/** The queue and the accounting shared by every proxy of one `Excel.run`. */
export class SimContext {
  private queue: { bytes: number; run: () => number | void }[] = [];
  private pending: SimProxy<unknown>[] = [];
  private suspend = false;
  readonly workbook: WorkbookProxy;

  constructor(
    readonly model: SimWorkbook,
    readonly syncs: SyncRecord[],
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** @internal queue one call; `run` returns the response bytes it produced */
  enqueue(argument: unknown, run: () => number | void): void {
    this.queue.push({ bytes: CALL_BYTES + (argument === undefined ? 0 : jsonBytes(argument)), run });
  }

  /** @internal every proxy learns after the next sync whether it is a null object */
  track(proxy: SimProxy<unknown>): void {
    this.pending.push(proxy);
  }

  /** @internal */
  suspendCalculation(): void {
    this.enqueue(undefined, () => {
      this.suspend = true;
    });
  }

  get hasQueued(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const proxies = this.pending;
    this.queue = [];
    this.pending = [];
    this.suspend = false;
    const record: SyncRecord = {
      requestBytes: queue.reduce((sum, op) => sum + op.bytes, 0),
      responseBytes: 0,
      calls: queue.length,
      calculationSuspended: false,
    };
    this.syncs.push(record);
    if (record.requestBytes > PAYLOAD_LIMIT_BYTES) {
      record.rejected = "RequestPayloadSizeLimitExceeded";
      throw new SimulatedExcelError(
        record.rejected,
        `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`,
      );
    }
    let failure: unknown = null;
    for (const op of queue) {
      try {
        const bytes = op.run();
        if (typeof bytes === "number") record.responseBytes += bytes;
      } catch (error) {
        failure = error;
        break;
      }
    }
    record.calculationSuspended = queue.length > 0 && this.suspend;
    for (const proxy of proxies) proxy.settle();
    if (record.responseBytes > PAYLOAD_LIMIT_BYTES) {
      record.rejected = "ResponsePayloadSizeLimitExceeded";
      for (const proxy of proxies) proxy.forget();
      throw new SimulatedExcelError(
        record.rejected,
        `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`,
      );
    }
    if (failure) {
      record.rejected = failure instanceof SimulatedExcelError ? failure.code : "GeneralException";
      throw failure;
    }
  }
}

/** A client-side proxy: resolves to a model object when its queued calls run. */
abstract class SimProxy<T> {
  private settled: boolean | null = null;
  protected loaded: Record<string, unknown> = {};

  constructor(
    protected readonly context: SimContext,
    private readonly resolver: () => T | null,
  ) {
    context.track(this as SimProxy<unknown>);
  }

  /** null for a null object (from an `*OrNullObject` call, or derived from one) */
  resolveOrNull(): T | null {
    return this.resolver();
  }

  /** the model object, or ItemNotFound (as `getItem` on a missing name fails at the sync) */
  target(): T {
    const target = this.resolver();
    if (target === null) throw new SimulatedExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return target;
  }

  /** @internal */
  settle(): void {
    try {
      this.settled = this.resolver() === null;
    } catch {
      this.settled = true;
    }
  }

  /** @internal */
  forget(): void {
    this.loaded = {};
  }

  get isNullObject(): boolean {
    if (this.settled === null)
      throw new SimulatedExcelError("PropertyNotLoaded", "isNullObject is known only after context.sync().");
    return this.settled;
  }

  protected read<V>(property: string): V {
    if (!(property in this.loaded))
      throw new SimulatedExcelError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded[property] as V;
  }

  /** Queues a load of the given properties; they are readable after the next sync. */
  load(props?: string | string[]): this {
    const names = splitProps(props);
    this.context.enqueue(names, () => {
      const target = this.resolveOrNull();
      if (target === null) return 0;
      const snapshot = this.snapshot(target, names);
      Object.assign(this.loaded, snapshot);
      return jsonBytes(snapshot);
    });
    return this;
  }

  protected abstract snapshot(target: T, names: string[]): Record<string, unknown>;
}

export interface RangeTarget {
  sheet: SimSheet;
  rect: Rect;
}

function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : null;
}

function checkShape(rect: Rect, matrix: unknown, property: string): unknown[][] {
  if (
    !Array.isArray(matrix) ||
    matrix.length !== rect.rows ||
    matrix.some((row) => !Array.isArray(row) || row.length !== rect.columns)
  )
    throw new SimulatedExcelError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
    );
  return matrix as unknown[][];
}

class FontProxy {
  constructor(private readonly range: RangeProxy) {}
  set bold(value: boolean) {
    this.range.queueNoOp({ bold: value });
  }
  set color(value: string) {
    this.range.queueNoOp({ color: value });
  }
}

class RangeFormatProxy {
  readonly font: FontProxy;
  constructor(private readonly range: RangeProxy) {
    this.font = new FontProxy(range);
  }
  set columnWidth(points: number) {
    this.range.queue(points, ({ sheet, rect }) => {
      for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.columnWidths.set(c, points);
    });
  }
}

class ConditionalFormatProxy {
  readonly custom;
  constructor(range: RangeProxy, created: () => { formula: string } | null) {
    const set = (value: unknown, apply: (cf: { formula: string }) => void) =>
      range.queue(value, () => {
        const cf = created();
        if (cf) apply(cf);
      });
    this.custom = {
      rule: {
        set formula(value: string) {
          set(value, (cf) => (cf.formula = value));
        },
      },
      format: {
        fill: {
          set color(value: string) {
            set(value, () => undefined);
          },
        },
        font: {
          set color(value: string) {
            set(value, () => undefined);
          },
        },
      },
    };
  }
}

class ConditionalFormatsProxy {
  constructor(private readonly range: RangeProxy) {}
  add(type: string): ConditionalFormatProxy {
    let created: { formula: string; rect: Rect } | null = null;
    this.range.queue(type, ({ sheet, rect }) => {
      created = { rect, formula: "" };
      sheet.conditionalFormats.push(created);
    });
    return new ConditionalFormatProxy(this.range, () => created);
  }
  /** removes the conditional formats that apply to cells of the range */
  clearAll(): void {
    this.range.queue(undefined, ({ sheet, rect }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, rect));
    });
  }
}

export class RangeProxy extends SimProxy<RangeTarget> {
  readonly format = new RangeFormatProxy(this);
  readonly conditionalFormats = new ConditionalFormatsProxy(this);

  /** @internal queue a call applied to the resolved range */
  queue(argument: unknown, apply: (target: RangeTarget) => void): void {
    this.context.enqueue(argument, () => apply(this.target()));
  }

  /** @internal a formatting call the simulator does not model (still counted) */
  queueNoOp(argument: unknown): void {
    this.context.enqueue(argument, () => void this.target());
  }

  private derived(map: (target: RangeTarget) => RangeTarget | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const target = this.resolveOrNull();
      return target === null ? null : map(target);
    });
  }

  protected snapshot(target: RangeTarget, names: string[]): Record<string, unknown> {
    const { sheet, rect } = target;
    const model = this.context.model;
    const grid = <V>(cell: (r: number, c: number) => V): V[][] => {
      const out: V[][] = new Array(rect.rows);
      for (let r = 0; r < rect.rows; r++) {
        const row: V[] = new Array(rect.columns);
        for (let c = 0; c < rect.columns; c++) row[c] = cell(rect.row + r, rect.column + c);
        out[r] = row;
      }
      return out;
    };
    const all = names.length === 0;
    const out: Record<string, unknown> = {};
    if (all || names.includes("values")) out.values = grid((r, c) => model.readValue(sheet, r, c));
    if (all || names.includes("numberFormat")) out.numberFormat = grid((r, c) => sheet.format(r, c));
    if (all || names.includes("formulas"))
      out.formulas = grid((r, c) => sheet.formula(r, c) ?? (sheet.value(r, c) as Stored));
    if (all || names.includes("rowIndex")) out.rowIndex = rect.row;
    if (all || names.includes("columnIndex")) out.columnIndex = rect.column;
    if (all || names.includes("rowCount")) out.rowCount = rect.rows;
    if (all || names.includes("columnCount")) out.columnCount = rect.columns;
    if (all || names.includes("address")) out.address = `${sheet.name}!${rectAddress(rect)}`;
    return out;
  }

  get values(): Stored[][] {
    return this.read("values");
  }
  /** Strings are stored as if typed (typedEntry.ts); a null leaves its cell unchanged. */
  set values(matrix: unknown[][]) {
    this.queue(matrix, ({ sheet, rect }) => {
      this.context.model.writeBlock(sheet, rect, checkShape(rect, matrix, "values"));
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(matrix: unknown[][]) {
    this.queue(matrix, ({ sheet, rect }) => {
      const rows = checkShape(rect, matrix, "numberFormat");
      rows.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f !== null && f !== undefined) sheet.setFormat(rect.row + r, rect.column + c, String(f));
        }),
      );
    });
  }
  get formulas(): Stored[][] {
    return this.read("formulas");
  }
  set formulas(matrix: unknown[][]) {
    this.values = matrix;
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get address(): string {
    return this.read("address");
  }

  getRow(row: number): RangeProxy {
    return this.derived(({ sheet, rect }) => ({ sheet, rect: { ...rect, row: rect.row + row, rows: 1 } }));
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derived(({ sheet, rect }) => ({
      sheet,
      rect: { row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 },
    }));
  }
  /** ExcelApi 1.7 */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(({ sheet, rect }) => ({
      sheet,
      rect: { ...rect, rows: rect.rows + deltaRows, columns: rect.columns + deltaColumns },
    }));
  }
  getIntersection(other: RangeProxy): RangeProxy {
    return this.derived(({ sheet, rect }) => {
      const theirs = other.target();
      const common = theirs.sheet === sheet ? intersect(rect, theirs.rect) : null;
      if (!common) throw new SimulatedExcelError("InvalidArgument", "The ranges do not intersect.");
      return { sheet, rect: common };
    });
  }
  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    return this.derived(({ sheet, rect }) => {
      const theirs = other.resolveOrNull();
      const common = theirs && theirs.sheet === sheet ? intersect(rect, theirs.rect) : null;
      return common ? { sheet, rect: common } : null;
    });
  }

  clear(applyTo: string = "All"): void {
    this.queue(applyTo, ({ sheet, rect }) => {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        for (let c = rect.column; c < rect.column + rect.columns; c++) {
          if (applyTo !== "Formats") sheet.setStored(r, c, "");
          if (applyTo === "All" || applyTo === "Formats") sheet.setFormat(r, c, "General");
        }
      }
      // Clearing cells of a table keeps the table; its header cells come back as Column1… (text).
      for (const table of this.context.model.tables.filter((t) => t.sheet === sheet && intersect(t.rect, rect)))
        this.context.model.textHeaders(table);
    });
  }
  select(): void {
    this.queueNoOp(undefined);
  }
}

export class WorksheetProxy extends SimProxy<SimSheet> {
  readonly tables: WorksheetTablesProxy;
  readonly charts: ChartCollectionProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly freezePanes: { freezeRows: (count: number) => void };
  /** ExcelApi 1.9: manual page breaks above a row */
  readonly horizontalPageBreaks: { add: (cell: string) => void; removePageBreaks: () => void };

  constructor(context: SimContext, resolver: () => SimSheet | null) {
    super(context, resolver);
    this.tables = new WorksheetTablesProxy(context, this);
    this.charts = new ChartCollectionProxy(context, this);
    this.pageLayout = new PageLayoutProxy(context, this);
    this.freezePanes = {
      freezeRows: (count: number) => context.enqueue(count, () => void (this.target().frozenRows = count)),
    };
    this.horizontalPageBreaks = {
      add: (cell: string) => context.enqueue(cell, () => void this.target().pageBreaks.push(cell)),
      removePageBreaks: () => context.enqueue(undefined, () => void (this.target().pageBreaks = [])),
    };
  }

  protected snapshot(target: SimSheet, names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (names.length === 0 || names.includes("name")) out.name = target.name;
    if (names.length === 0 || names.includes("id")) out.id = String(target.id);
    return out;
  }

  get name(): string {
    return this.read("name");
  }

  private range(rect: (sheet: SimSheet) => Rect): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolveOrNull();
      return sheet === null ? null : { sheet, rect: rect(sheet) };
    });
  }

  /** the whole sheet without an address */
  getRange(address?: string): RangeProxy {
    return this.range(() =>
      address ? parseAddress(address) : { row: 0, column: 0, rows: 1_048_576, columns: 16_384 },
    );
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return this.range(() => ({ row, column, rows, columns }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolveOrNull();
      const rect = sheet?.usedRect() ?? null;
      return sheet && rect ? { sheet, rect } : null;
    });
  }
  activate(): void {
    this.context.enqueue(undefined, () => void this.target());
  }
  /** Deleting a sheet breaks every formula that referred to it (#REF!). */
  delete(): void {
    this.context.enqueue(undefined, () => this.context.model.deleteSheet(this.target()));
  }
}

class PageLayoutProxy {
  constructor(
    private readonly context: SimContext,
    private readonly sheet: WorksheetProxy,
  ) {}
  /** ExcelApi 1.9 */
  set orientation(value: string) {
    this.context.enqueue(value, () => void (this.sheet.target().orientation = value));
  }
  /** ExcelApi 1.9; "must be set as a JSON object" (Excel.PageLayout.zoom) */
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.context.enqueue(value, () => void (this.sheet.target().zoom = { ...value }));
  }
  setPrintTitleRows(rows: string): void {
    this.context.enqueue(rows, () => void (this.sheet.target().printTitleRows = rows));
  }
}

export class TableProxy extends SimProxy<SimTable> {
  readonly worksheet: WorksheetProxy;

  constructor(context: SimContext, resolver: () => SimTable | null) {
    super(context, resolver);
    this.worksheet = new WorksheetProxy(context, () => this.resolveOrNull()?.sheet ?? null);
  }

  protected snapshot(target: SimTable, names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (names.length === 0 || names.includes("name")) out.name = target.name;
    if (names.length === 0 || names.includes("id")) out.id = target.id;
    return out;
  }

  get name(): string {
    return this.read("name");
  }
  /** Table names are unique in the workbook (see model.checkTableName). */
  set name(value: string) {
    this.context.enqueue(value, () => this.context.model.renameTable(this.target(), value));
  }
  get id(): string {
    return this.read("id");
  }
  set style(value: string) {
    this.context.enqueue(value, () => void (this.target().style = value));
  }

  private part(rect: (table: SimTable) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const table = this.resolveOrNull();
      const r = table ? rect(table) : null;
      return table && r ? { sheet: table.sheet, rect: r } : null;
    });
  }
  getRange(): RangeProxy {
    return this.part((t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part((t) => (t.rect.rows > 1 ? { ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 } : null));
  }
  /** ExcelApi 1.13 */
  resize(newRange: RangeProxy | string): void {
    this.context.enqueue(typeof newRange === "string" ? newRange : undefined, () => {
      const table = this.target();
      const rect = typeof newRange === "string" ? parseAddress(newRange) : newRange.target().rect;
      this.context.model.resizeTable(table, rect);
    });
  }
  delete(): void {
    this.context.enqueue(undefined, () => this.context.model.deleteTable(this.target()));
  }
}

export class TableCollectionProxy {
  constructor(protected readonly context: SimContext) {}
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const table = this.context.model.table(name);
      if (!table) throw new SimulatedExcelError("ItemNotFound", `There is no table named "${name}".`);
      return table;
    });
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.model.table(name));
  }
  /** `address` is an address on a sheet ("Sheet1!A1:C4") or a Range. */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: SimTable | null = null;
    this.context.enqueue(typeof address === "string" ? address : hasHeaders, () => {
      let target: RangeTarget;
      if (typeof address === "string") {
        const sheetName = address.includes("!") ? address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "") : "";
        const sheet = this.context.model.sheet(sheetName);
        if (!sheet) throw new SimulatedExcelError("ItemNotFound", `No sheet for "${address}".`);
        target = { sheet, rect: parseAddress(address) };
      } else {
        target = address.target();
      }
      created = this.context.model.addTable(target.sheet, target.rect, hasHeaders);
    });
    return new TableProxy(this.context, () => created);
  }
}

class WorksheetTablesProxy extends TableCollectionProxy {
  constructor(
    context: SimContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  override add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    if (typeof address !== "string") return super.add(address, hasHeaders);
    return super.add(this.sheet.getRange(address), hasHeaders);
  }
}

export class WorksheetCollectionProxy {
  constructor(private readonly context: SimContext) {}
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheet = this.context.model.sheet(name);
      if (!sheet) throw new SimulatedExcelError("ItemNotFound", `There is no worksheet named "${name}".`);
      return sheet;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.sheet(name));
  }
  /** Sheet names follow Excel's rules (see model.checkSheetName). */
  add(name: string): WorksheetProxy {
    let created: SimSheet | null = null;
    this.context.enqueue(name, () => {
      created = this.context.model.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => created);
  }
}

class SeriesProxy {
  constructor(
    private readonly context: SimContext,
    private readonly resolve: () => SimSeries,
  ) {}
  set name(value: string) {
    this.context.enqueue(value, () => void (this.resolve().name = value));
  }
  /** ExcelApi 1.7 */
  setValues(source: RangeProxy): void {
    this.context.enqueue(undefined, () => void (this.resolve().values = addressOf(source)));
  }
  /** ExcelApi 1.7 */
  setXAxisValues(source: RangeProxy): void {
    this.context.enqueue(undefined, () => void (this.resolve().xValues = addressOf(source)));
  }
}

function addressOf(range: RangeProxy): string {
  const { sheet, rect } = range.target();
  return `${sheet.name}!${rectAddress(rect)}`;
}

export class ChartProxy extends SimProxy<SimChart> {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { valueAxis: { numberFormat: string } };
  readonly series: { getItemAt: (index: number) => SeriesProxy; add: (name?: string) => SeriesProxy };

  constructor(context: SimContext, resolver: () => SimChart | null) {
    super(context, resolver);
    const set = (apply: (chart: SimChart, value: string) => void) => (value: string) =>
      context.enqueue(value, () => apply(this.target(), value));
    const setTitle = set((c, v) => (c.title = v));
    const setLegend = set((c, v) => (c.legend = v));
    const setFormat = set((c, v) => (c.valueAxisFormat = v));
    this.title = {
      set text(value: string) {
        setTitle(value);
      },
    } as { text: string };
    this.legend = {
      set position(value: string) {
        setLegend(value);
      },
    } as { position: string };
    this.axes = {
      valueAxis: {
        set numberFormat(value: string) {
          setFormat(value);
        },
      } as { numberFormat: string },
    };
    this.series = {
      getItemAt: (index: number) =>
        new SeriesProxy(context, () => {
          const series = this.target().series[index];
          if (!series) throw new SimulatedExcelError("ItemNotFound", `The chart has no series ${index}.`);
          return series;
        }),
      add: (name?: string) => {
        let created: SimSeries | null = null;
        context.enqueue(name, () => {
          created = { name: name ?? "", values: "", xValues: null };
          this.target().series.push(created);
        });
        return new SeriesProxy(context, () => created!);
      },
    };
  }

  protected snapshot(target: SimChart, names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (names.length === 0 || names.includes("name")) out.name = target.name;
    return out;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.context.enqueue(value, () => void (this.target().name = value));
  }
  setPosition(startCell: string, endCell: string): void {
    this.context.enqueue([startCell, endCell], () => void (this.target().position = [startCell, endCell]));
  }
  /** Resets the chart's series to one per column (or row) of `source` (ExcelApi 1.1). */
  setData(source: RangeProxy, seriesBy: string = "Auto"): void {
    this.context.enqueue(seriesBy, () => {
      const chart = this.target();
      const { sheet, rect } = source.target();
      const byRows = seriesBy === "Rows";
      const count = byRows ? rect.rows : rect.columns;
      chart.series = Array.from({ length: count }, (_, k) => ({
        name: `Series${k + 1}`,
        values: `${sheet.name}!${rectAddress(
          byRows ? { ...rect, row: rect.row + k, rows: 1 } : { ...rect, column: rect.column + k, columns: 1 },
        )}`,
        xValues: null,
      }));
    });
  }
  delete(): void {
    this.context.enqueue(undefined, () => {
      const chart = this.target();
      for (const sheet of this.context.model.sheets) sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

class ChartCollectionProxy extends SimProxy<SimSheet> {
  constructor(
    context: SimContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context, () => sheet.resolveOrNull());
  }
  /** `load("items/name")`: the charts on the sheet, by name */
  protected snapshot(target: SimSheet): Record<string, unknown> {
    return { items: target.charts.map((chart) => ({ name: chart.name })) };
  }
  get items(): { name: string }[] {
    return this.read("items");
  }
  add(type: string, source: RangeProxy, _seriesBy?: string): ChartProxy {
    let created: SimChart | null = null;
    this.context.enqueue(type, () => {
      created = this.context.model.addChart(this.sheet.target(), type, addressOf(source));
    });
    return new ChartProxy(this.context, () => created);
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, () => {
      const chart = this.sheet.target().charts.find((c) => c.name === name);
      if (!chart) throw new SimulatedExcelError("ItemNotFound", `There is no chart named "${name}".`);
      return chart;
    });
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.context, () => this.sheet.resolveOrNull()?.charts.find((c) => c.name === name) ?? null);
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };

  constructor(context: SimContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context);
    this.application = {
      /** ExcelApi 1.6: calculation waits until the next sync (recorded per sync) */
      suspendApiCalculationUntilNextSync: () => context.suspendCalculation(),
    };
  }
}
