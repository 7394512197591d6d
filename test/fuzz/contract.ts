/**
 * The contract every custom function keeps, whatever Excel passes it:
 *
 * 1. it returns a non-empty rectangular array of finite numbers (or the documented blank `""`),
 *    or it throws a `CustomFunctions.Error` with code `#VALUE!` or `#N/A` and a message;
 * 2. nothing else escapes: no other exception, and no "internal error" (a bug of ours that
 *    `guard` caught: the message starts with "S&OP Planner internal error");
 * 3. the same arguments give the same outcome (value or error) on a second call;
 * 4. the arguments are not changed by the call;
 * 5. the result's shape and values follow the function's documented rules (`spec.check`);
 * 6. only when timed (`npm run fuzz`, never in jest): a call takes less than `MAX_CALL_MS` (1 s),
 *    or the documented longer budget of a call that runs a mixed-integer program
 *    (`spec.budgetMs`: =SOP.RECONCILE with integerWorkforce, whose solve is capped at
 *    CELL_SOLVE_SECONDS). Jest tests assert outcomes only, so a busy machine cannot fail them.
 *
 * `checkCall` returns the broken rules as sentences; an empty list means the call kept them.
 */
import fc from "fast-check";
import { CustomFunctionsError } from "../support/customFunctions";
import { cloneArgument, sameValue, show } from "./excelArbitraries";

export const MAX_CALL_MS = 1000;

export type Outcome =
  | { kind: "value"; value: unknown }
  | { kind: "error"; code: string; message: string }
  | { kind: "exception"; error: unknown };

export interface FunctionUnderFuzz {
  /** the Excel name, e.g. "SOP.RCCP_LOAD" */
  name: string;
  /** the export of src/functions/functions.ts, e.g. "rccpLoad" */
  exportName: string;
  /** generated argument lists */
  args: fc.Arbitrary<unknown[]>;
  /** calls the exported custom function (the same export Excel calls) */
  call: (args: unknown[]) => unknown;
  /** true when the documented result may hold blank cells `""` */
  allowsBlank?: boolean;
  /** true for a cell documented to hold a text label (e.g. a category name column) */
  isLabelCell?: (args: unknown[], row: number, column: number) => boolean;
  /** the documented shape and value rules for a returned value; a sentence per broken rule */
  check: (args: unknown[], result: unknown[][]) => string[];
  /** the documented time budget of a call in ms when it is not MAX_CALL_MS */
  budgetMs?: (args: unknown[]) => number | undefined;
  /** the documented rules for which arguments must be refused (e.g. an unknown option name) */
  mustRefuse?: (args: unknown[]) => string | undefined;
}

/** Calls the function, awaiting a Promise if it returns one, and classifies what came out. */
export async function invoke(spec: FunctionUnderFuzz, args: unknown[]): Promise<{ outcome: Outcome; ms: number }> {
  const started = performance.now();
  let outcome: Outcome;
  try {
    let value = spec.call(args);
    if (value instanceof Promise) value = await value;
    outcome = { kind: "value", value };
  } catch (e) {
    outcome =
      e instanceof CustomFunctionsError
        ? { kind: "error", code: e.code, message: e.message }
        : { kind: "exception", error: e };
  }
  return { outcome, ms: performance.now() - started };
}

function outcomesEqual(a: Outcome, b: Outcome): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "value" && b.kind === "value") return sameValue(a.value, b.value);
  if (a.kind === "error" && b.kind === "error") return a.code === b.code && a.message === b.message;
  return false;
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === "value") return `value ${show(outcome.value, 200)}`;
  if (outcome.kind === "error") return `${outcome.code} "${outcome.message}"`;
  const e = outcome.error;
  return `exception ${e instanceof Error ? `${e.name}: ${e.message}` : show(e)}`;
}

/** The rules a returned value breaks (shape, finiteness, blanks), before the function's own. */
function valueProblems(spec: FunctionUnderFuzz, args: unknown[], value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0)
    return [`returned ${show(value, 100)}, not a non-empty array of rows`];
  if (!value.every((row) => Array.isArray(row))) return ["returned rows that are not arrays"];
  const rows = value as unknown[][];
  const width = rows[0].length;
  if (width === 0) return ["returned an empty first row"];
  const ragged = rows.findIndex((row) => row.length !== width);
  if (ragged >= 0)
    return [`returned a ragged array: row ${ragged + 1} has ${rows[ragged].length} cells, row 1 has ${width}`];
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < width; c++) {
      const cell = rows[r][c];
      const ok =
        (typeof cell === "number" && Number.isFinite(cell)) ||
        (spec.allowsBlank === true && cell === "") ||
        (typeof cell === "string" && cell !== "" && spec.isLabelCell?.(args, r, c) === true);
      if (!ok)
        return [
          `returned ${show(cell, 40)} at row ${r + 1}, column ${c + 1} (a finite number${spec.allowsBlank ? ' or ""' : ""} is required)`,
        ];
    }
  }
  return spec.check(args, rows);
}

export interface CallReport {
  problems: string[];
  /** slower of the two calls, ms */
  ms: number;
  outcome: Outcome;
}

/**
 * Runs one generated call twice and returns every broken rule of the contract; with `timed`, a
 * call slower than its budget is a broken rule too (the fuzz script's check, not jest's).
 */
export async function checkCall(
  spec: FunctionUnderFuzz,
  args: unknown[],
  options: { timed?: boolean } = {},
): Promise<CallReport> {
  const before = cloneArgument(args);
  const first = await invoke(spec, args);
  const problems: string[] = [];
  if (!sameValue(args, before)) problems.push("changed its arguments");
  const second = await invoke(spec, cloneArgument(before));
  const { outcome } = first;

  if (outcome.kind === "exception") {
    problems.push(`let an exception escape: ${describeOutcome(outcome)}`);
  } else if (outcome.kind === "error") {
    if (outcome.code !== "#VALUE!" && outcome.code !== "#N/A")
      problems.push(`returned error code ${outcome.code} (only #VALUE! and #N/A carry a message)`);
    if (outcome.message.trim() === "") problems.push(`returned ${outcome.code} without a message`);
    if (outcome.message.startsWith("S&OP Planner internal error"))
      problems.push(`hit an internal error: ${outcome.message}`);
  } else {
    problems.push(...valueProblems(spec, args, outcome.value));
    const refusal = spec.mustRefuse?.(args);
    if (refusal) problems.push(`returned a value although ${refusal}`);
  }
  if (!outcomesEqual(outcome, second.outcome))
    problems.push(`is not deterministic: ${describeOutcome(outcome)} then ${describeOutcome(second.outcome)}`);
  const ms = Math.max(first.ms, second.ms);
  if (options.timed) {
    const budget = spec.budgetMs?.(args) ?? MAX_CALL_MS;
    if (ms > budget) problems.push(`took ${ms.toFixed(0)} ms (limit ${budget} ms)`);
  }
  return { problems, ms, outcome };
}

/** A fast-check property: the function keeps its contract on every generated argument list. */
export function contractProperty(spec: FunctionUnderFuzz): fc.IAsyncPropertyWithHooks<[unknown[]]> {
  return fc.asyncProperty(spec.args, async (args) => {
    const { problems } = await checkCall(spec, args);
    if (problems.length > 0)
      throw new Error(`=${spec.name}(${args.map((a) => show(a, 300)).join(", ")}) ${problems.join("; ")}`);
  });
}
