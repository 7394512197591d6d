/**
 * A linear (or mixed-integer) program as plain data, and the solver port the engine calls.
 *
 * The engine never imports a solver: it builds a `LinearProgram` and hands it to an injected
 * `LpSolver` (HiGHS in `src/solver/highs.ts`; javascript-lp-solver in the tests and the bench).
 * The model is stored the way solvers read it, so an adapter copies arrays and never writes
 * model text by hand:
 *
 *   minimize  objectiveOffset + Σ_j columnCost[j] · x[j]
 *   subject to rowLower[i] ≤ Σ_j A[i][j] · x[j] ≤ rowUpper[i]   (A sparse, row-wise / CSR)
 *              columnLower[j] ≤ x[j] ≤ columnUpper[j]           (±Infinity = no bound)
 *              x[j] whole where integer[j] = 1
 *
 * `LinearProgramBuilder` is the one place a model is assembled: costs added twice to the same
 * variable are summed and a variable named twice in a row is merged, so no adapter can meet a
 * repeated term (in the CPLEX LP text format a variable named twice in the objective is not
 * summed: the last coefficient wins).
 */

export interface LinearProgram {
  /** names for messages and debugging only; solvers address columns by index */
  variableNames: string[];
  columnCost: Float64Array;
  columnLower: Float64Array;
  columnUpper: Float64Array;
  /** 1 for a whole-number variable, 0 for a continuous one */
  integer: Uint8Array;
  constraintNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row i's terms are rowColumns/rowValues[rowStarts[i] .. rowStarts[i + 1]) */
  rowStarts: Int32Array;
  rowColumns: Int32Array;
  rowValues: Float64Array;
  /** constant added to the objective */
  objectiveOffset: number;
}

export type LpStatus = "optimal" | "infeasible" | "unbounded" | "error";

export interface LpSolution {
  status: LpStatus;
  /** objective value including `objectiveOffset`; NaN unless optimal */
  objective: number;
  /** one value per column; empty unless optimal */
  values: Float64Array | number[];
  /** the solver's own words when status is "error" */
  detail?: string;
}

/** The solver port: anything that can solve a `LinearProgram` (minimization). */
export interface LpSolver {
  solve(model: LinearProgram): Promise<LpSolution>;
}

export interface VariableOptions {
  lower?: number;
  upper?: number;
  cost?: number;
  integer?: boolean;
}

/** A term of a linear expression: coefficient × variable (by index). */
export type Term = readonly [variable: number, coefficient: number];

/**
 * Assembles a `LinearProgram` one variable and one constraint at a time.
 *
 * @example
 * const lp = new LinearProgramBuilder();
 * const x = lp.addVariable("x", { cost: 2 });
 * lp.addConstraint("atLeast3", [[x, 1]], 3, Infinity);
 * lp.build(); // minimize 2x s.t. x ≥ 3 → optimum 6 at x = 3
 */
export class LinearProgramBuilder {
  private readonly names: string[] = [];
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowStarts: number[] = [0];
  private readonly rowColumns: number[] = [];
  private readonly rowValues: number[] = [];
  private offset = 0;

  get variableCount(): number {
    return this.names.length;
  }

  addVariable(name: string, options: VariableOptions = {}): number {
    const lower = options.lower ?? 0;
    const upper = options.upper ?? Infinity;
    const cost = options.cost ?? 0;
    if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper)
      throw new Error(`variable ${name}: bounds [${lower}, ${upper}] are empty`);
    if (!Number.isFinite(cost)) throw new Error(`variable ${name}: cost ${cost} is not finite`);
    this.names.push(name);
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(options.integer ? 1 : 0);
    return this.names.length - 1;
  }

  /** Adds `amount` to a variable's objective coefficient (costs from several sources sum). */
  addCost(variable: number, amount: number): void {
    if (!Number.isFinite(amount)) throw new Error(`cost ${amount} for ${this.names[variable]} is not finite`);
    this.cost[variable] += amount;
  }

  /** Adds a constant to the objective. */
  addOffset(amount: number): void {
    this.offset += amount;
  }

  /** Adds `lower ≤ Σ terms ≤ upper`; repeated variables are summed, zero coefficients dropped. */
  addConstraint(name: string, terms: readonly Term[], lower: number, upper: number): number {
    if (Number.isNaN(lower) || Number.isNaN(upper)) throw new Error(`constraint ${name}: NaN bound`);
    const merged = new Map<number, number>();
    for (const [variable, coefficient] of terms) {
      if (variable < 0 || variable >= this.names.length)
        throw new Error(`constraint ${name}: unknown variable ${variable}`);
      if (!Number.isFinite(coefficient))
        throw new Error(`constraint ${name}: coefficient ${coefficient} is not finite`);
      merged.set(variable, (merged.get(variable) ?? 0) + coefficient);
    }
    for (const [variable, coefficient] of merged) {
      if (coefficient === 0) continue;
      this.rowColumns.push(variable);
      this.rowValues.push(coefficient);
    }
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowStarts.push(this.rowColumns.length);
    return this.rowNames.length - 1;
  }

  build(): LinearProgram {
    return {
      variableNames: this.names.slice(),
      columnCost: Float64Array.from(this.cost),
      columnLower: Float64Array.from(this.lower),
      columnUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.integer),
      constraintNames: this.rowNames.slice(),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStarts: Int32Array.from(this.rowStarts),
      rowColumns: Int32Array.from(this.rowColumns),
      rowValues: Float64Array.from(this.rowValues),
      objectiveOffset: this.offset,
    };
  }
}

/** True when the program has at least one whole-number variable (a MIP); a builder with only `addVariable("x")` → false. */
export function isMixedInteger(model: LinearProgram): boolean {
  return model.integer.some((flag) => flag === 1);
}

/** The objective of `values` in `model` (offset included), e.g. cost 2x with x = 3 → 6; for checking a solver's answer. */
export function objectiveValue(model: LinearProgram, values: ArrayLike<number>): number {
  let total = model.objectiveOffset;
  for (let j = 0; j < model.columnCost.length; j++) total += model.columnCost[j] * values[j];
  return total;
}

/**
 * A copy of `model` with one more row and, optionally, a new objective (same columns); used to
 * cap a first optimum while a second objective breaks ties (lexicographic solve).
 */
export function withRow(
  model: LinearProgram,
  name: string,
  terms: readonly Term[],
  lower: number,
  upper: number,
  columnCost?: Float64Array,
): LinearProgram {
  const extra = terms.length;
  const rowColumns = new Int32Array(model.rowColumns.length + extra);
  const rowValues = new Float64Array(model.rowValues.length + extra);
  rowColumns.set(model.rowColumns);
  rowValues.set(model.rowValues);
  terms.forEach(([variable, coefficient], k) => {
    rowColumns[model.rowColumns.length + k] = variable;
    rowValues[model.rowValues.length + k] = coefficient;
  });
  const rowStarts = new Int32Array(model.rowStarts.length + 1);
  rowStarts.set(model.rowStarts);
  rowStarts[model.rowStarts.length] = rowColumns.length;
  const append = (values: Float64Array, value: number): Float64Array => {
    const out = new Float64Array(values.length + 1);
    out.set(values);
    out[values.length] = value;
    return out;
  };
  return {
    ...model,
    columnCost: columnCost ?? model.columnCost,
    constraintNames: [...model.constraintNames, name],
    rowLower: append(model.rowLower, lower),
    rowUpper: append(model.rowUpper, upper),
    rowStarts,
    rowColumns,
    rowValues,
  };
}
