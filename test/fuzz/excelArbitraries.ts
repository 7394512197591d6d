/**
 * fast-check arbitraries for what Excel can pass to a custom function.
 *
 * What arrives from Excel (as src/functions/args.ts lists it):
 * - a range is an `any[][]`; a single cell may arrive bare; an omitted optional argument is
 *   `null` or `undefined` (some hosts pass `[[null]]` or `[[""]]`);
 * - a blank cell is `null`, `""` or `0` depending on host and parameter type;
 * - cells hold numbers (any magnitude), text, booleans, error values (`"#N/A"` as text, or an
 *   error object in some hosts); JavaScript adds `NaN`, `±Infinity` and `-0`.
 *
 * Two families of arbitraries live here: hostile ones (anything a cell or range can hold) and
 * "well-formed" ones (numbers in range, matching shapes), so that property tests reach the
 * engine instead of stopping at the first argument check. `mutated` mixes the two: a
 * well-formed argument with a few cells replaced by hostile ones.
 */
import fc from "fast-check";
import { EXCEL_ERROR_TEXTS } from "../../src/functions/args";

/** A blank cell as the hosts pass it. */
export const blankCell = fc.constantFrom<null | "" | 0>(null, "", 0);

/** An omitted optional argument as the hosts pass it. */
export const omittedArgument = fc.constantFrom<unknown>(null, undefined, [[null]], [[""]]);

/** Ordinary planning magnitudes: whole numbers and decimals. */
export const plainNumber = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ min: -1e4, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);

/** Magnitudes at the edges of float64: huge, tiny, subnormal, negative zero. */
export const extremeNumber = fc.oneof(
  fc.constantFrom(
    1e300,
    -1e300,
    1.7976931348623157e308,
    5e-324,
    -5e-324,
    1e-300,
    -0,
    Number.MAX_SAFE_INTEGER,
    Number.EPSILON,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Not finite numbers: JavaScript's, never Excel's, but a caller (or a host bug) can pass them. */
export const nonFiniteNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

/** Error cells: the text form and the object form some hosts use. */
export const errorCell = fc.oneof(
  fc.constantFrom(...EXCEL_ERROR_TEXTS),
  fc.constantFrom(" #n/a ", "#value!"),
  fc.constantFrom(...EXCEL_ERROR_TEXTS).map((type) => ({ type, message: "error cell" })),
);

/** Text a planner (or a paste) leaves in a cell, including number-like and hostile text. */
export const textCell = fc.oneof(
  fc.constantFrom(
    "ten",
    "12",
    " 3.5 ",
    "1,000",
    "TRUE",
    "=SUM(A1:A3)",
    "+cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "שלום",
    " ",
    "\t",
    "NaN",
    "Infinity",
    "load",
    "auto",
  ),
  fc.string({ maxLength: 12 }),
);

export const booleanCell = fc.boolean();

/** Any single cell a range can hold, hostile or not. */
export const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: plainNumber },
  { weight: 3, arbitrary: blankCell },
  { weight: 1, arbitrary: extremeNumber },
  { weight: 1, arbitrary: nonFiniteNumber },
  { weight: 1, arbitrary: errorCell },
  { weight: 1, arbitrary: textCell },
  { weight: 1, arbitrary: booleanCell },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

export interface MatrixShape {
  rows: number;
  columns: number;
}

/** A rectangular range of `cell` values with the given shape. */
export function matrixOf<T>(cell: fc.Arbitrary<T>, shape: MatrixShape): fc.Arbitrary<T[][]> {
  return fc.array(fc.array(cell, { minLength: shape.columns, maxLength: shape.columns }), {
    minLength: shape.rows,
    maxLength: shape.rows,
  });
}

/** A shape: 1×1, a row, a column or a matrix, within the bounds. */
export function shapeArb(maxRows: number, maxColumns: number): fc.Arbitrary<MatrixShape> {
  return fc.oneof(
    fc.constant({ rows: 1, columns: 1 }),
    fc.integer({ min: 2, max: maxColumns }).map((columns) => ({ rows: 1, columns })),
    fc.integer({ min: 2, max: maxRows }).map((rows) => ({ rows, columns: 1 })),
    fc.record({ rows: fc.integer({ min: 2, max: maxRows }), columns: fc.integer({ min: 2, max: maxColumns }) }),
  );
}

/** A rectangular range of any cells, of any shape within the bounds. */
export function anyMatrix(
  maxRows = 6,
  maxColumns = 8,
  cell: fc.Arbitrary<unknown> = anyCell,
): fc.Arbitrary<unknown[][]> {
  return shapeArb(maxRows, maxColumns).chain((shape) => matrixOf(cell, shape));
}

/** Ranges no rectangular range can be: ragged rows, no rows, empty rows, rows that are not arrays. */
export const malformedRange: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant([]),
  fc.constant([[]]),
  fc.constant([[], []]),
  fc
    .tuple(fc.array(anyCell, { minLength: 1, maxLength: 5 }), fc.array(anyCell, { minLength: 1, maxLength: 5 }))
    .filter(([a, b]) => a.length !== b.length)
    .map(([a, b]) => [a, b]),
  fc.array(plainNumber, { minLength: 2, maxLength: 5 }),
  fc.constant([[1, 2], 3]),
);

/** Whatever an argument slot can receive: ranges of any shape and content, bare cells, omitted, malformed. */
export const anyArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: anyMatrix() },
  { weight: 2, arbitrary: anyCell },
  { weight: 1, arbitrary: omittedArgument },
  { weight: 1, arbitrary: malformedRange },
);

/**
 * An option name: one of the known names written as a planner might (case, spaces, underscores),
 * or an unknown name, or a non-text value, or omitted.
 */
export function optionName(known: readonly string[]): fc.Arbitrary<unknown> {
  const spelled = fc
    .tuple(fc.constantFrom(...known), fc.constantFrom("same", "upper", "spaced", "padded"))
    .map(([name, how]) => {
      if (how === "upper") return name.toUpperCase();
      if (how === "spaced") return name.replace(/([a-z])([A-Z])/g, "$1 $2");
      if (how === "padded") return ` ${name} `;
      return name;
    });
  return fc.oneof(
    { weight: 12, arbitrary: spelled },
    { weight: 6, arbitrary: omittedArgument },
    { weight: 1, arbitrary: fc.constantFrom("unknownOption", "lod", "optimum", "", "#N/A", "all the things") },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
    { weight: 1, arbitrary: fc.oneof(plainNumber, booleanCell, errorCell) },
    { weight: 1, arbitrary: fc.constant([[known[0], known[0]]]) },
  );
}

/** A number cell a well-formed argument holds: non-negative, sometimes blank or a whole number. */
export function quantityCell(max = 1000, blankWeight = 1): fc.Arbitrary<number | null | ""> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max }) },
    { weight: 3, arbitrary: fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }) },
    { weight: blankWeight, arbitrary: blankCell },
  );
}

/**
 * A well-formed argument with, now and then, a few cells replaced by hostile ones (text,
 * errors, NaN, booleans, negative or extreme numbers) or its whole value swapped for any
 * argument at all. `rate` is the share of values left well formed.
 */
export function mutated<T>(wellFormed: fc.Arbitrary<T[][]>, rate = 0.7): fc.Arbitrary<unknown> {
  const keep = Math.round(rate * 100);
  const corrupt = wellFormed.chain((matrix) => {
    const rows = matrix.length;
    const columns = matrix[0]?.length ?? 0;
    if (rows === 0 || columns === 0) return fc.constant(matrix as unknown);
    return fc
      .array(fc.tuple(fc.nat({ max: rows - 1 }), fc.nat({ max: columns - 1 }), anyCell), { minLength: 1, maxLength: 3 })
      .map((edits) => {
        const copy: unknown[][] = matrix.map((row) => row.slice());
        for (const [r, c, cell] of edits) copy[r][c] = cell;
        return copy as unknown;
      });
  });
  return fc.oneof(
    { weight: keep, arbitrary: wellFormed as fc.Arbitrary<unknown> },
    { weight: Math.max(1, Math.round((100 - keep) * 0.7)), arbitrary: corrupt },
    { weight: Math.max(1, Math.round((100 - keep) * 0.3)), arbitrary: anyArgument },
  );
}

/** A deep copy of an argument (arrays copied, cells kept), to check a call does not mutate it. */
export function cloneArgument<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneArgument(v)) as unknown as T;
  if (typeof value === "object" && value !== null) return { ...(value as object) } as T;
  return value;
}

/** Structural equality that treats NaN as equal to NaN and keeps -0 distinct from 0. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => sameValue((a as any)[k], (b as any)[k]));
  }
  return Object.is(a, b);
}

/** A short, bounded description of an argument for failure reports. */
export function show(value: unknown, max = 400): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v) =>
      typeof v === "number" && !Number.isFinite(v) ? String(v) : v === undefined ? "undefined" : v,
    );
  } catch {
    text = String(value);
  }
  if (text === undefined) text = String(value);
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}
