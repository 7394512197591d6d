/**
 * The argument rules the functions document (README function reference, JSDoc in
 * src/functions/functions.ts), restated independently of src/functions/args.ts so that a
 * regression in the coercion code shows up as a broken rule rather than as a changed oracle.
 */

/** The rows of a range as the functions read it: a bare value is 1×1, a non-array row is one cell. */
export function cellsOf(value: unknown): unknown[][] | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return undefined;
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  const width = rows[0].length;
  if (width === 0 || rows.some((row) => row.length !== width)) return undefined;
  return rows;
}

/** An omitted optional argument: null, undefined, or a 1×1 range holding a blank. */
export function isOmittedArgument(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const cells = Array.isArray(value) ? cellsOf(value) : undefined;
  return (
    cells !== undefined &&
    cells.length === 1 &&
    cells[0].length === 1 &&
    (cells[0][0] === null || cells[0][0] === undefined || cells[0][0] === "")
  );
}

export function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

export interface NumericRule {
  /** blank cells are allowed (as 0 or as gaps) */
  blanksAllowed: boolean;
  nonNegative?: boolean;
  integer?: boolean;
}

/**
 * Why a numeric range must be refused (#VALUE!), or undefined when it is acceptable:
 * missing, empty or ragged; text, booleans, error values or non-finite numbers in a cell;
 * a negative number or a fraction where the function forbids them.
 */
export function numericRangeRefusal(value: unknown, argument: string, rule: NumericRule): string | undefined {
  const cells = cellsOf(value);
  if (!cells) return `${argument} is missing, empty or ragged`;
  for (const row of cells) {
    for (const cell of row) {
      if (isBlankCell(cell)) {
        if (!rule.blanksAllowed) return `${argument} has a blank cell`;
        continue;
      }
      if (typeof cell !== "number")
        return `${argument} holds ${typeof cell === "string" ? "text or an error value" : typeof cell === "boolean" ? "a boolean" : "an error value"}`;
      if (!Number.isFinite(cell)) return `${argument} holds ${cell}`;
      if (rule.nonNegative && cell < 0) return `${argument} holds a negative number`;
      if (rule.integer && !Number.isInteger(cell)) return `${argument} holds a fraction`;
    }
  }
  return undefined;
}

/** Lower case without spaces, underscores and hyphens: how option names are matched. */
export function optionKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

/**
 * The documented choice an optional name argument selects: the fallback when omitted or blank,
 * the matching choice (case-, space-, underscore- and hyphen-insensitively), or `undefined`
 * when the value must be refused (unknown name, not text, more than one cell).
 */
export function chosenOption<T extends string>(value: unknown, choices: readonly T[], fallback: T): T | undefined {
  if (isOmittedArgument(value)) return fallback;
  const cells = cellsOf(value);
  if (!cells || cells.length !== 1 || cells[0].length !== 1) return undefined;
  const cell = cells[0][0];
  if (isBlankCell(cell)) return fallback;
  if (typeof cell !== "string") return undefined;
  return choices.find((choice) => optionKey(choice) === optionKey(cell));
}

/** The single cell of a scalar argument, or undefined when it is not one cell. */
export function singleCell(value: unknown): { cell: unknown } | undefined {
  if (!Array.isArray(value)) return { cell: value };
  const cells = cellsOf(value);
  if (!cells || cells.length !== 1 || cells[0].length !== 1) return undefined;
  return { cell: cells[0][0] };
}
