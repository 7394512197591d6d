/**
 * Shared by the three adapters: turn what a host returned (cell blocks of tables and sheets)
 * into the port's `InputTables`. The adapters only fetch; the rules live here once.
 */
import type { CellValue, InputTables, OwnedSheetState, TableData } from "./port";
import { INPUT_TABLES, READ_SHEETS } from "./port";

/** A rectangular block of cells as a host returned it, with its 0-based sheet position. */
export interface CellBlock {
  sheet: string;
  origin: { row: number; column: number };
  values: CellValue[][];
}

/** What an adapter fetched in its one round trip. */
export interface FetchedInputs {
  /** an Excel Table with the input's name (case-insensitive), if any */
  tables: Partial<Record<string, CellBlock | null>>;
  /** the used range of a plain sheet with the input's name, if any (used when no table exists) */
  sheets: Partial<Record<string, CellBlock | null>>;
  /** per owned sheet name: does the sheet exist, and the marker table `SOP_<name>` on it */
  owned: Partial<Record<string, { exists: boolean; marker: CellBlock | null }>>;
}

export function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A table block: first row headers, the rest data; blank trailing rows dropped. */
export function blockToTable(name: string, block: CellBlock): TableData {
  const values = block.values;
  const headers = (values[0] ?? []).map((h) => (h === null || h === undefined ? "" : String(h).trim()));
  let end = values.length;
  while (end > 1 && values[end - 1].every((v) => isBlankCell(v))) end--;
  // one pass over the body rows, no intermediate copies (a Sales table has 300,000 rows); a row
  // already as the table wants it (its width, no undefined, no "") is kept, not copied: every
  // adapter hands over a block of fresh arrays made for this read
  const width = headers.length;
  const rows: CellValue[][] = new Array(Math.max(0, end - 1));
  for (let r = 1; r < end; r++) {
    const row = values[r];
    let ready = row.length === width;
    for (let c = 0; ready && c < width; c++) ready = row[c] !== undefined && row[c] !== "";
    if (ready) {
      rows[r - 1] = row;
      continue;
    }
    const out: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = normalizeCell(row[c]);
    rows[r - 1] = out;
  }
  return { name, sheet: block.sheet, headers, rows, origin: block.origin };
}

/**
 * A plain sheet's used range read as a table: the first non-blank row is the header row,
 * the columns run from the first to the last non-blank header.
 */
export function sheetToTable(name: string, block: CellBlock): TableData | null {
  const headerIndex = block.values.findIndex((row) => row.some((v) => !isBlankCell(v)));
  if (headerIndex < 0) return null;
  const header = block.values[headerIndex];
  let first = 0;
  while (first < header.length && isBlankCell(header[first])) first++;
  let last = header.length - 1;
  while (last > first && isBlankCell(header[last])) last--;
  const values = block.values.slice(headerIndex).map((row) => {
    const slice: CellValue[] = [];
    for (let c = first; c <= last; c++) slice.push(row[c] ?? null);
    return slice;
  });
  return blockToTable(name, {
    sheet: block.sheet,
    origin: { row: block.origin.row + headerIndex, column: block.origin.column + first },
    values,
  });
}

function normalizeCell(value: CellValue | undefined): CellValue {
  if (value === undefined) return null;
  if (typeof value === "string" && value === "") return null;
  return value;
}

export function toInputTables(fetched: FetchedInputs): InputTables {
  const tables: Record<string, TableData> = {};
  for (const name of INPUT_TABLES) {
    const table = fetched.tables[name];
    if (table) {
      tables[name] = blockToTable(name, table);
      continue;
    }
    const sheet = fetched.sheets[name];
    const fromSheet = sheet ? sheetToTable(name, sheet) : null;
    if (fromSheet) tables[name] = fromSheet;
  }
  const owned: OwnedSheetState[] = READ_SHEETS.map((name) => {
    const state = fetched.owned[name];
    if (!state || !state.exists) return { name, exists: false, ownedByAddIn: false };
    if (!state.marker || state.marker.sheet !== name) return { name, exists: true, ownedByAddIn: false };
    return { name, exists: true, ownedByAddIn: true, table: blockToTable(name, state.marker) };
  });
  return { tables, owned };
}

/** 0-based column index → Excel letters (0 → A, 26 → AA). */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 0-based block: `A1:C10`. */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  return `${columnLetters(column)}${row + 1}:${columnLetters(column + columns - 1)}${row + rows}`;
}

/** The sheets of `sheets` that exist but are not the add-in's (the ownership rule). */
export function foreignSheets(names: readonly string[], state: readonly OwnedSheetState[]): string[] {
  return names.filter((name) => state.some((s) => s.name === name && s.exists && !s.ownedByAddIn));
}
