/**
 * Turns the values Excel passes to a custom function into typed values, with a message that
 * names the argument and the cell when something is wrong.
 *
 * What arrives from Excel (as seen in Excel on the web and on the desktop):
 * - a range is a rectangular `any[][]`; a single cell may arrive as a bare value;
 * - a blank cell arrives as `null`, `""` or `0` depending on the host and parameter type;
 * - an omitted optional argument arrives as `null` or `undefined`;
 * - dates arrive as serial numbers; booleans as `true`/`false`;
 * - an error cell arrives as its text (`"#N/A"`) or as an error object in some hosts;
 * - a cell holding an Excel data type (a stock, a geography, a formatted number, an entity from
 *   another add-in) arrives as an object with a `type` (`{ type: "Entity", text, properties }`,
 *   `{ type: "Double", basicValue }`, `{ type: "FormattedNumber", basicValue, numberFormat }`):
 *   "Use data types with custom functions in Excel",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts.
 *   The functions take plain values only; such a cell is refused with a message that names the
 *   type and says how to pass its value.
 */
import { invalidInput } from "../engine/errors";
import { normalizeName } from "../engine/names";

/** How a blank cell in a numeric range is read. */
export type BlankRule =
  /** blank means 0 (quantities, hours: nothing planned, nothing used) */
  | "zero"
  /** blank is a gap, kept as `null` (histories: a missing month is not a zero month) */
  | "gap"
  /** blank is an error */
  | "error";

export interface NumberMatrixOptions {
  blank: BlankRule;
  /** reject negative numbers (quantities, hours, costs) */
  nonNegative?: boolean;
  /** reject fractions (offsets in whole periods) */
  integer?: boolean;
  /** the matrix is the argument turned (periods down read as rows): name cells where the planner sees them */
  turned?: boolean;
}

/** The orientation of a range as a planner laid it out. */
export type Orientation = "cell" | "row" | "column" | "matrix";

/** Every error value Excel can put in a cell, as the text some hosts pass. */
export const EXCEL_ERROR_TEXTS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BUSY!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
] as const;

const EXCEL_ERRORS: ReadonlySet<string> = new Set(EXCEL_ERROR_TEXTS);

/** True for an argument Excel passes when the planner left it out. */
export function isOmitted(value: unknown): value is null | undefined {
  if (value === null || value === undefined) return true;
  // Some hosts pass an omitted range as [[null]] or [[""]].
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) {
    const only = value[0][0];
    return only === null || only === undefined || only === "";
  }
  return false;
}

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

function isErrorValue(cell: unknown): boolean {
  if (typeof cell === "string") return EXCEL_ERRORS.has(cell.trim().toUpperCase());
  return typeof cell === "object" && cell !== null && !Array.isArray(cell) && dataTypeOf(cell) === null;
}

/**
 * The Excel data type a cell holds (`"Entity"`, `"Double"`, `"FormattedNumber"`…), or null for
 * a plain value or an error (`{ type: "Error", … }`, or an error object whose `type` is the
 * error text, as some hosts pass it).
 */
export function dataTypeOf(cell: unknown): string | null {
  if (typeof cell !== "object" || cell === null || Array.isArray(cell)) return null;
  const type = (cell as { type?: unknown }).type;
  if (typeof type !== "string" || type === "" || type === "Error" || type.startsWith("#")) return null;
  return type;
}

export function refuseDataType(cell: unknown, argument: string): void {
  const type = dataTypeOf(cell);
  if (type) throw invalidInput(argument, dataTypeProblem(argument, type, "its cell"));
}

function dataTypeProblem(argument: string, type: string, where: string): string {
  return (
    `${argument} holds a data type (${type}) at ${where}; pass its value instead: ` +
    `a field of it such as =A1.Price, or the cells copied as values.`
  );
}

/** A1-style position of a cell inside an argument, for messages: "row 2, column 3". */
export function cellName(row: number, column: number): string {
  return `row ${row + 1}, column ${column + 1}`;
}

function describe(cell: unknown): string {
  if (typeof cell === "string") return cell.length > 30 ? `"${cell.slice(0, 27)}…"` : `"${cell}"`;
  const type = dataTypeOf(cell);
  if (type) return `a data type (${type})`;
  if (typeof cell === "object" && cell !== null) {
    const text = (cell as { basicValue?: unknown; type?: unknown }).basicValue ?? (cell as { type?: unknown }).type;
    return typeof text === "string" && text.startsWith("#") ? `an error value (${text})` : "an error value";
  }
  return String(cell);
}

/**
 * Reads a range argument as a rectangular matrix. A bare value becomes a 1×1 matrix.
 * Ragged or empty ranges are rejected.
 */
export function toMatrix(value: unknown, argument: string): unknown[][] {
  if (value === null || value === undefined) throw invalidInput(argument, `${argument} is required.`);
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) throw invalidInput(argument, `${argument} is empty.`);
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  const width = rows[0].length;
  if (width === 0) throw invalidInput(argument, `${argument} is empty.`);
  for (let r = 1; r < rows.length; r++) {
    if (rows[r].length !== width) {
      throw invalidInput(
        argument,
        `${argument} is not rectangular: row ${r + 1} has ${rows[r].length} cells, row 1 has ${width}.`,
      );
    }
  }
  return rows;
}

export function orientationOf(matrix: readonly unknown[][]): Orientation {
  const rows = matrix.length;
  const columns = matrix[0]?.length ?? 0;
  if (rows === 1 && columns === 1) return "cell";
  if (rows === 1) return "row";
  if (columns === 1) return "column";
  return "matrix";
}

/** Swaps rows and columns. */
export function transpose<T>(matrix: readonly T[][]): T[][] {
  if (matrix.length === 0) return [];
  const out: T[][] = [];
  for (let c = 0; c < matrix[0].length; c++) {
    const column: T[] = new Array(matrix.length);
    for (let r = 0; r < matrix.length; r++) column[r] = matrix[r][c];
    out.push(column);
  }
  return out;
}

/** Reads one cell as a number by the rule for blanks; returns null for a gap. */
function readNumberCell(cell: unknown, argument: string, where: string, options: NumberMatrixOptions): number | null {
  if (isBlank(cell)) {
    if (options.blank === "zero") return 0;
    if (options.blank === "gap") return null;
    throw invalidInput(argument, `${argument} has a blank cell at ${where}; a number is needed.`);
  }
  const type = dataTypeOf(cell);
  if (type) throw invalidInput(argument, dataTypeProblem(argument, type, where));
  if (isErrorValue(cell))
    throw invalidInput(argument, `${argument} holds ${describe(cell)} at ${where}; fix that cell first.`);
  if (typeof cell === "boolean")
    throw invalidInput(argument, `${argument} holds ${describe(cell)} at ${where}; a number is needed.`);
  if (typeof cell === "string")
    throw invalidInput(argument, `${argument} holds text ${describe(cell)} at ${where}; a number is needed.`);
  if (typeof cell !== "number" || !Number.isFinite(cell)) {
    throw invalidInput(argument, `${argument} holds ${describe(cell)} at ${where}; a finite number is needed.`);
  }
  if (options.nonNegative && cell < 0)
    throw invalidInput(argument, `${argument} is negative (${cell}) at ${where}; it must be 0 or more.`);
  if (options.integer && !Number.isInteger(cell)) {
    throw invalidInput(argument, `${argument} is ${cell} at ${where}; it must be a whole number.`);
  }
  return cell;
}

/** Reads a numeric range; blanks follow `options.blank` (`null` marks a gap). */
export function readNumberMatrix(
  value: unknown,
  argument: string,
  options: NumberMatrixOptions & { blank: "gap" },
): (number | null)[][];
export function readNumberMatrix(value: unknown, argument: string, options: NumberMatrixOptions): number[][];
export function readNumberMatrix(value: unknown, argument: string, options: NumberMatrixOptions): (number | null)[][] {
  const cells = toMatrix(value, argument);
  const out: (number | null)[][] = new Array(cells.length);
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    const numbers: (number | null)[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      // Fast path: the common case of a plain finite number that passes every rule.
      if (
        typeof cell === "number" &&
        Number.isFinite(cell) &&
        !(options.nonNegative && cell < 0) &&
        !(options.integer && !Number.isInteger(cell))
      ) {
        numbers[c] = cell;
      } else {
        numbers[c] = readNumberCell(cell, argument, options.turned ? cellName(c, r) : cellName(r, c), options);
      }
    }
    out[r] = numbers;
  }
  return out;
}

/**
 * The one cell of a single-cell argument: a bare value, or a 1×1 range. A larger range is
 * `#VALUE!` naming the argument.
 */
export function singleCell(value: unknown, argument: string): unknown {
  const cell = Array.isArray(value) ? toMatrix(value, argument) : [[value]];
  if (cell.length !== 1 || cell[0].length !== 1) throw invalidInput(argument, `${argument} must be a single cell.`);
  return cell[0][0];
}

/** Reads an optional number; `fallback` when omitted or blank. */
export function readOptionalNumber(
  value: unknown,
  argument: string,
  fallback: number | undefined,
  check?: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean; exclusiveMax?: boolean },
): number | undefined {
  const v = singleCell(value, argument);
  if (isBlank(v)) return fallback;
  const n = readNumberCell(v, argument, "its cell", { blank: "error" });
  if (n === null) return fallback;
  if (check?.integer && !Number.isInteger(n))
    throw invalidInput(argument, `${argument} must be a whole number, not ${n}.`);
  if (check?.min !== undefined && (check.exclusiveMin ? n <= check.min : n < check.min)) {
    throw invalidInput(
      argument,
      `${argument} must be ${check.exclusiveMin ? "more than" : "at least"} ${check.min}, not ${n}.`,
    );
  }
  if (check?.max !== undefined && (check.exclusiveMax ? n >= check.max : n > check.max)) {
    throw invalidInput(
      argument,
      `${argument} must be ${check.exclusiveMax ? "less than" : "at most"} ${check.max}, not ${n}.`,
    );
  }
  return n;
}

/** Reads a required whole number. */
export function readRequiredNumber(
  value: unknown,
  argument: string,
  check?: { min?: number; max?: number; integer?: boolean },
): number {
  const n = readOptionalNumber(value, argument, undefined, check);
  if (n === undefined) throw invalidInput(argument, `${argument} is required.`);
  return n;
}

/**
 * Reads an optional choice among named options, case- and space-insensitively.
 * Unknown names are an error that lists the known ones.
 */
export function readOptionalChoice<T extends string>(
  value: unknown,
  argument: string,
  choices: readonly T[],
  fallback: T,
): T {
  const v = singleCell(value, argument);
  if (isBlank(v)) return fallback;
  refuseDataType(v, argument);
  if (typeof v !== "string") {
    throw invalidInput(
      argument,
      `${argument} must be one of ${choices.map((c) => `"${c}"`).join(", ")}, not ${describe(v)}.`,
    );
  }
  const wanted = normalizeName(v);
  const found = choices.find((c) => normalizeName(c) === wanted);
  if (!found)
    throw invalidInput(
      argument,
      `${argument} must be one of ${choices.map((c) => `"${c}"`).join(", ")}, not ${describe(v)}.`,
    );
  return found;
}

/** Reads an optional TRUE/FALSE (also 1/0 and "TRUE"/"FALSE" text). */
export function readOptionalBoolean(value: unknown, argument: string, fallback: boolean): boolean {
  const v = singleCell(value, argument);
  if (isBlank(v)) return fallback;
  refuseDataType(v, argument);
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string") {
    const t = normalizeName(v);
    if (t === "true") return true;
    if (t === "false") return false;
  }
  throw invalidInput(argument, `${argument} must be TRUE or FALSE, not ${describe(v)}.`);
}

/** True when the value is an Excel blank (null, undefined or ""). */
export { isBlank };
