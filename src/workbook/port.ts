/**
 * The workbook port: the one small interface between the planning code and a host
 * (Excel through Office.js, an .xlsx file edited as a package, or an in-memory workbook).
 *
 * Two verbs, each one round trip to the host whatever the table sizes:
 * - `readInputs()` reads every input table, and the state and contents of every sheet the
 *   add-in owns (so the planner's Override/Reason edits, the previous plan and the plan log
 *   can be carried over);
 * - `writeSheets()` writes all of a step's output sheets at once.
 *
 * Ownership marker (works the same in all three adapters, and survives save/reopen in Excel,
 * LibreOffice and openpyxl): an owned sheet holds exactly one Excel Table named
 * `SOP_<SheetName>` (e.g. `SOP_DemandPlan` on sheet `DemandPlan`). A sheet with an owned name
 * but without that table was not created by the add-in and is never overwritten.
 */

import type { ChartSpec, SheetSection } from "./executive/sheetParts";

export type { ChartSpec, SheetSection };

export type CellValue = string | number | boolean | null;

/** An input table as read from the workbook: header row plus data rows, values as Excel holds them. */
export interface TableData {
  /** the table's logical name (`Sales`, `Items`, …), whatever the Excel Table was called */
  name: string;
  /** the sheet the table sits on */
  sheet: string;
  headers: string[];
  /** data rows (the header row excluded); dates as Excel serial numbers */
  rows: CellValue[][];
  /** 0-based sheet position of the header row's first cell */
  origin: { row: number; column: number };
}

/** What the host knows about one sheet name the add-in owns. */
export interface OwnedSheetState {
  /** the sheet name (`DemandPlan`, …; a retired name such as `PreviousPlan` is read, never written) */
  name: OwnedSheetName | RetiredSheetName;
  /** a sheet of that name exists */
  exists: boolean;
  /** it carries the add-in's marker table `SOP_<name>` (only then may it be overwritten) */
  ownedByAddIn: boolean;
  /** the marker table's contents when `ownedByAddIn` (the planner may have edited it) */
  table?: TableData;
}

export interface InputTables {
  /** input tables found, keyed by their canonical name (`Sales`, `Items`, `Capacity`, `BillOfResources`, `Settings`, `Production`, `Deliveries`, `Initiatives`, `Budget`, `ReasonCodes`, `Assumptions`) */
  tables: Partial<Record<string, TableData>>;
  /** one entry per owned or retired sheet name (see READ_SHEETS), whether or not it exists */
  owned: OwnedSheetState[];
}

/** Conditional highlight of a column's cells (rendered as conditional formatting). */
export interface Highlight {
  /** header of the column whose cells are highlighted */
  column: string;
  when: "greaterThan";
  /** a constant, or `"column:<header>"` to compare with the same row's cell in another column */
  value: number | `column:${string}`;
}

/** One output sheet: a single Excel Table starting at A1, header frozen, printable. */
export interface OutputSheet {
  /** sheet name, one of the owned names */
  name: OwnedSheetName;
  /** the Excel Table's name; the ownership marker `SOP_<name>` */
  tableName: string;
  headers: string[];
  rows: CellValue[][];
  /** Excel number format per column (`"#,##0"`, `"0.0%"`), null = General */
  numberFormats?: (string | null)[];
  /** column widths in characters */
  columnWidths?: number[];
  highlight?: Highlight[];
  /** print in landscape (wide period tables) */
  landscape?: boolean;
  /** 0-based data rows (of `rows`) that start a new printed page, e.g. each family's block on FamilySOP */
  pageBreaks?: number[];
  /** plain-cell blocks (title, header, values) below or beside the table, e.g. on ExecutiveSummary */
  sections?: SheetSection[];
  /** native charts over cells of this sheet (Office.js charts, DrawingML parts in .xlsx) */
  charts?: ChartSpec[];
}

/** A problem found in the inputs; validation returns all of them at once. */
export interface ValidationProblem {
  /** table name (`Sales`, …) or sheet name for ownership problems */
  table: string;
  /** 1-based data row within the table (the header is row 0), when the problem is in a row */
  row?: number;
  /** column header as the table spells it */
  column?: string;
  value?: CellValue;
  message: string;
  hint?: string;
  severity: "error" | "warning";
  /** 0-based sheet position of the offending cell, for "go to cell" */
  cell?: { sheet: string; row: number; column: number };
}

export interface WorkbookPort {
  /** all input tables and the owned sheets' state and contents, in ONE round trip */
  readInputs(): Promise<InputTables>;
  /**
   * all of a step's output sheets in ONE round trip. Refuses (throws, writing nothing) when a
   * target sheet exists without the add-in's marker. Existing owned sheets are replaced.
   */
  writeSheets(sheets: OutputSheet[]): Promise<void>;
  /** select a cell (0-based), e.g. to show a validation problem */
  selectCell?(sheet: string, row: number, column: number): Promise<void>;
}

/** The sheets the add-in owns and may (re)write. */
export const OWNED_SHEETS = [
  "DemandPlan",
  "FamilyPlan",
  "CapacityLoad",
  "ProductionPlan",
  "InventoryPlan",
  "BacklogPlan",
  "PlanHistory",
  "PlanLog",
  "ExecutiveSummary",
  "FinancialPlan",
  "Scenarios",
  "Measure",
  "DecisionLog",
  "FamilySOP",
] as const;
export type OwnedSheetName = (typeof OWNED_SHEETS)[number];

/** Whether `name` is a sheet the add-in owns and writes (not a retired one). */
export function isOwnedSheet(name: string): name is OwnedSheetName {
  return (OWNED_SHEETS as readonly string[]).includes(name);
}

/**
 * Sheets an earlier version owned and this one no longer writes. They are read (so their contents
 * migrate: an old `PreviousPlan` becomes PlanHistory's first archived cycle) and never written,
 * renamed or deleted: the planner removes them when they like.
 */
export const RETIRED_SHEETS = ["PreviousPlan"] as const;
export type RetiredSheetName = (typeof RETIRED_SHEETS)[number];

/** Every sheet the adapters read with its marker: the owned sheets, then the retired ones. */
export const READ_SHEETS: readonly (OwnedSheetName | RetiredSheetName)[] = [...OWNED_SHEETS, ...RETIRED_SHEETS];

/** The input tables the add-in looks for, by canonical name. */
export const INPUT_TABLES = [
  "Sales",
  "Items",
  "Capacity",
  "BillOfResources",
  "Settings",
  "Production",
  "Deliveries",
  "Initiatives",
  "Budget",
  "ReasonCodes",
  "Assumptions",
] as const;
export type InputTableName = (typeof INPUT_TABLES)[number];

/** The marker table name that proves the add-in created an owned sheet. */
export function markerTableName(sheet: string): string {
  return `SOP_${sheet}`;
}

/** Thrown by `writeSheets` when a target sheet is not the add-in's; nothing was written. */
export class OwnershipError extends Error {
  readonly sheets: string[];
  constructor(sheets: string[]) {
    super(
      `Sheet${sheets.length > 1 ? "s" : ""} ${sheets.map((s) => `"${s}"`).join(", ")} ` +
        `already exist${sheets.length > 1 ? "" : "s"} and ${sheets.length > 1 ? "were" : "was"} not created by S&OP Planner, so ${sheets.length > 1 ? "they were" : "it was"} not overwritten. ` +
        `Rename or delete ${sheets.length > 1 ? "them" : "it"} and run again.`,
    );
    this.name = "OwnershipError";
    this.sheets = sheets;
  }
}
