/**
 * The `.xlsx` adapter: the CLI's host. It edits the workbook package directly (see
 * docs/files.md): reads the input tables (or plain sheets) and the owned sheets from their
 * parts, and writes the owned sheets as whole parts, each one Excel Table with number formats,
 * frozen header, widths, conditional formatting, print setup and native charts. Every part
 * that is not an owned sheet's keeps its bytes; the workbook, its relationships, the content
 * types and the styles only gain entries.
 *
 * File access stays with the caller (`fromBuffer` / `toBuffer`), so this adapter has no `fs`.
 * Works for .xlsx and .xlsm alike (the VBA project is one more part copied as it is).
 */
import type { CellValue, InputTables, OutputSheet, WorkbookPort } from "../port";
import { INPUT_TABLES, isOwnedSheet, READ_SHEETS, OwnershipError, markerTableName } from "../port";
import type { MemorySheet, MemoryWorkbook } from "../memory/memoryWorkbook";
import { type CellBlock, type FetchedInputs, columnLetters, toInputTables } from "../regions";
import { GENERAL_FORMAT, TEXT_FORMAT, columnFormats } from "../layout/columnFormats";
import { sectionCells } from "../executive/sheetParts";
import { OpcPackage, relationshipsXml } from "./opcPackage";
import { PackageEdit, type SheetSpec } from "./packageEdit";
import { type SheetCells, columnIndex, readSharedStrings, readSheetCells } from "./sheetReader";
import { type PlacedStyle } from "./sheetWriter";
import { dateStyles } from "./styles";
import { type SheetEntry, type TableEntry, type WorkbookIndex, indexWorkbook } from "./workbookIndex";

export { WorkbookFileError } from "./fileErrors";

const NEW_CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  `</Types>`;
const NEW_WORKBOOK =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
  `<sheets></sheets><calcPr calcId="191029"/></workbook>`;

export class XlsxWorkbook implements WorkbookPort {
  private cachedIndex: WorkbookIndex | null = null;
  private readonly cells = new Map<string, SheetCells>();
  private sharedStrings: string[] | null = null;
  private styles: boolean[] | null = null;

  private constructor(private readonly pkg: OpcPackage) {}

  /**
   * Opens a workbook package. `file` names it in error messages.
   * @throws WorkbookFileError when the bytes are not a workbook this adapter will open (not a
   * zip, CSV, legacy .xls, encrypted, truncated, a zip bomb, a DOCTYPE, a part outside the package).
   */
  static async fromBuffer(buffer: ArrayBuffer | Uint8Array, file = "the workbook"): Promise<XlsxWorkbook> {
    const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    const workbook = new XlsxWorkbook(new OpcPackage(bytes, file));
    workbook.index();
    return workbook;
  }

  /** An .xlsx copy of an in-memory workbook (the template and the bundled sample). */
  static fromMemory(memory: MemoryWorkbook): XlsxWorkbook {
    const pkg = new OpcPackage(null, "the new workbook");
    pkg.set("[Content_Types].xml", NEW_CONTENT_TYPES);
    pkg.set(
      "_rels/.rels",
      relationshipsXml([
        {
          id: "rId1",
          type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
          target: "xl/workbook.xml",
        },
      ]),
    );
    pkg.set("xl/workbook.xml", NEW_WORKBOOK);
    pkg.set("xl/_rels/workbook.xml.rels", relationshipsXml([]));
    const xlsx = new XlsxWorkbook(pkg);
    const edit = new PackageEdit(pkg, xlsx.index());
    for (const sheet of memory.sheets) edit.putSheet(memorySheetSpec(memory, sheet));
    edit.commit();
    xlsx.invalidate();
    return xlsx;
  }

  async toBuffer(): Promise<Uint8Array> {
    return this.pkg.save();
  }

  /** The sheet names in workbook order. */
  sheetNames(): string[] {
    return this.index().sheets.map((s) => s.name);
  }

  /** A worksheet's values from A1 (rows × columns, null for empty), or undefined when there is no such worksheet. */
  sheetValues(name: string): CellValue[][] | undefined {
    const sheet = this.worksheet(name);
    if (!sheet) return undefined;
    const cells = this.sheetCells(sheet);
    return Array.from({ length: cells.rowCount }, (_, r) =>
      Array.from({ length: cells.columnCount }, (_, c) => cells.rows[r]?.[c] ?? null),
    );
  }

  /** A table's name, id and range as the package holds them (for tests and diagnostics). */
  table(name: string): { name: string; id: number; ref: string; sheet: string } | undefined {
    const found = this.findTable(name);
    return found && { name: found.name, id: found.id, ref: found.ref, sheet: found.sheet };
  }

  private index(): WorkbookIndex {
    return (this.cachedIndex ??= indexWorkbook(this.pkg));
  }

  private invalidate(): void {
    this.cachedIndex = null;
    this.cells.clear();
    this.styles = null;
  }

  private worksheet(name: string): SheetEntry | undefined {
    const key = name.toLowerCase();
    return this.index().sheets.find((s) => s.name.toLowerCase() === key);
  }

  private findTable(name: string): TableEntry | undefined {
    const key = name.toLowerCase();
    return this.index().tables.find((t) => t.name.toLowerCase() === key);
  }

  private sheetCells(sheet: SheetEntry): SheetCells {
    const cached = this.cells.get(sheet.part);
    if (cached) return cached;
    const index = this.index();
    const where = { file: this.pkg.file, part: sheet.part };
    this.styles ??= dateStyles(index.stylesPart ? this.pkg.tree(index.stylesPart) : undefined);
    const cells = sheet.isWorksheet
      ? readSheetCells(
          this.pkg.text(sheet.part) ?? "",
          {
            sharedStrings: () =>
              (this.sharedStrings ??= index.sharedStringsPart
                ? readSharedStrings(this.pkg.text(index.sharedStringsPart) ?? "", {
                    file: this.pkg.file,
                    part: index.sharedStringsPart,
                  })
                : []),
            dateStyles: this.styles,
            date1904: index.date1904,
          },
          where,
        )
      : { rows: [], rowCount: 0, columnCount: 0 };
    this.cells.set(sheet.part, cells);
    return cells;
  }

  private readBlock(sheet: SheetEntry, ref: string): CellBlock {
    const [from, to = from] = ref.replace(/\$/g, "").split(":");
    const top = Number(/\d+/.exec(from)?.[0] ?? 1) - 1;
    const bottom = Number(/\d+/.exec(to)?.[0] ?? 1) - 1;
    const left = columnIndex(from.toUpperCase());
    const right = columnIndex(to.toUpperCase());
    const cells = this.sheetCells(sheet);
    const values: CellValue[][] = [];
    const width = right - left + 1;
    for (let r = top; r <= bottom; r++) {
      const line = cells.rows[r];
      // a full row from column A exactly as wide as the block is handed over as it is (no copy
      // of 300,000 Sales rows); the cells are never changed in place, by readers or planning
      let full = left === 0 && line !== undefined && line.length === width;
      for (let c = 0; full && c < width; c++) full = line[c] !== undefined;
      if (full) {
        values.push(line);
        continue;
      }
      const out: CellValue[] = new Array(width);
      for (let c = left; c <= right; c++) out[c - left] = line?.[c] ?? null;
      values.push(out);
    }
    return { sheet: sheet.name, origin: { row: top, column: left }, values };
  }

  async readInputs(): Promise<InputTables> {
    const fetched: FetchedInputs = { tables: {}, sheets: {}, owned: {} };
    const sheetOf = (table: TableEntry) => this.index().sheets.find((s) => s.part === table.sheetPart)!;
    for (const name of INPUT_TABLES) {
      const table = this.findTable(name);
      fetched.tables[name] = table ? this.readBlock(sheetOf(table), table.ref) : null;
      const sheet = this.worksheet(name);
      if (sheet && !table) {
        const cells = this.sheetCells(sheet);
        fetched.sheets[name] =
          cells.rowCount && cells.columnCount
            ? this.readBlock(sheet, `A1:${columnLetters(cells.columnCount - 1)}${cells.rowCount}`)
            : null;
      } else fetched.sheets[name] = null;
    }
    for (const name of READ_SHEETS) {
      const marker = this.findTable(markerTableName(name));
      fetched.owned[name] = {
        exists: !!this.worksheet(name),
        marker: marker ? this.readBlock(sheetOf(marker), marker.ref) : null,
      };
    }
    return toInputTables(fetched);
  }

  async writeSheets(sheets: OutputSheet[]): Promise<void> {
    const foreign = sheets
      .map((s) => s.name)
      .filter((name) => {
        const sheet = this.worksheet(name);
        return sheet && this.findTable(markerTableName(name))?.sheetPart !== sheet.part;
      });
    if (foreign.length > 0) throw new OwnershipError(foreign);
    // All or nothing: parts are set on the package only as whole parts, and a failure puts
    // the package's list of changed parts back as it was.
    const saved = this.pkg.snapshot();
    try {
      const edit = new PackageEdit(this.pkg, this.index());
      for (const sheet of sheets) {
        edit.putSheet(outputSheetSpec(sheet), this.worksheet(sheet.name));
      }
      edit.commit();
    } catch (e) {
      this.pkg.restore(saved);
      throw e;
    } finally {
      this.invalidate();
    }
  }
}

/** layout/columnFormats.ts's formats (text columns `@`, as the Office.js adapter writes them), null for General. */
function formats(
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  declared?: readonly (string | null)[],
): (string | null)[] {
  return columnFormats(headers, rows, declared ?? []).map((f) => (f === GENERAL_FORMAT ? null : f));
}

/** An owned sheet: its table at A1 (an empty table keeps one blank row), sections below, charts. */
function outputSheetSpec(sheet: OutputSheet): SheetSpec {
  const rows: CellValue[][] = [
    sheet.headers.slice(),
    ...sheet.rows.map((r) => sheet.headers.map((_, c) => r[c] ?? null)),
  ];
  const placed = new Map<number, PlacedStyle>();
  // Table headers are text in Excel; the format keeps a header typed later (a period) as text.
  sheet.headers.forEach((_, c) => placed.set(c, { format: TEXT_FORMAT, bold: false }));
  for (const cell of sectionCells(sheet.sections ?? [])) {
    const line = (rows[cell.row] ??= []);
    line[cell.column] = cell.value;
    placed.set(cell.row * 16384 + cell.column, { format: cell.format, bold: cell.bold });
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return {
    name: sheet.name,
    layout: {
      rows,
      columnFormats: formats(sheet.headers, sheet.rows, sheet.numberFormats),
      formatFromRow: 1,
      formatToRow: 1 + Math.max(1, sheet.rows.length),
      placed,
      columnWidths: sheet.columnWidths ?? sheet.headers.map((h) => Math.max(10, h.length + 4)),
      frozenRows: 1,
      highlight: (sheet.highlight ?? []).map((rule) => ({ rule, headers: sheet.headers, rows: sheet.rows.length })),
      landscape: sheet.landscape,
      pageBreaks: sheet.pageBreaks?.map((row) => row + 1),
      owned: true,
    },
    tables: [{ name: sheet.tableName, headers: sheet.headers, row: 0, column: 0, rows: sheet.rows.length }],
    charts: sheet.charts,
  };
}

/** A sheet of an in-memory workbook, its tables and cells as they are. */
export function memorySheetSpec(memory: MemoryWorkbook, sheet: MemorySheet): SheetSpec {
  const rows = sheet.cells.map((r) => r.slice());
  const tables = sheet.tables.map((t) => ({
    name: t.name,
    headers: memory.tableValues(t.name)![0].map((h) => (h === null ? "" : String(h))),
    row: t.row,
    column: t.column,
    rows: t.rowCount - 1,
  }));
  const from = sheet.tables.length ? Math.min(...sheet.tables.map((t) => t.row)) + 1 : (sheet.frozenRows ?? 1);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const headers = Array.from({ length: width }, () => "");
  const owned = isOwnedSheet(sheet.name) && sheet.tables.some((t) => t.name === markerTableName(sheet.name));
  const placed = new Map<number, PlacedStyle>();
  for (const cell of sectionCells(sheet.sections ?? []))
    placed.set(cell.row * 16384 + cell.column, { format: cell.format, bold: cell.bold });
  const dataRows = sheet.tables.length === 1 ? sheet.tables[0].rowCount - 1 : rows.length - from;
  return {
    name: sheet.name,
    layout: {
      rows,
      columnFormats: formats(headers, rows.slice(from, from + dataRows), sheet.numberFormats),
      formatFromRow: from,
      formatToRow: from + Math.max(1, dataRows),
      placed,
      columnWidths: sheet.columnWidths,
      frozenRows: sheet.frozenRows ?? 1,
      highlight: sheet.highlight?.map((rule) => ({
        rule,
        headers: (rows[0] ?? []).map((h) => String(h ?? "")),
        rows: dataRows,
      })),
      landscape: sheet.landscape,
      owned,
    },
    tables,
    charts: sheet.charts,
  };
}
