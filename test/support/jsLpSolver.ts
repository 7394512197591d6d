/**
 * An independent `LpSolver` for tests and the bench baseline: javascript-lp-solver (a pure
 * JavaScript simplex with branch and bound), fed the same `LinearProgram` data as HiGHS.
 * Bounds become explicit rows because javascript-lp-solver only knows x ≥ 0.
 */
import { LinearProgram, LpSolution, LpSolver, objectiveValue } from "../../src/engine/reconcile/linearProgram";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const solverModule = require("javascript-lp-solver") as { Solve(model: unknown): Record<string, number | boolean> };

export function toJsLpModel(program: LinearProgram): Record<string, unknown> {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const ints: Record<string, 1> = {};
  const n = program.columnCost.length;
  for (let j = 0; j < n; j++) {
    if (program.columnLower[j] < 0)
      throw new Error("javascript-lp-solver adapter: negative lower bounds are not supported");
    const name = `x${j}`;
    variables[name] = { cost: program.columnCost[j] };
    if (program.integer[j]) ints[name] = 1;
    const lower = program.columnLower[j];
    const upper = program.columnUpper[j];
    if (lower === upper) {
      constraints[`fix${j}`] = { equal: lower };
      variables[name][`fix${j}`] = 1;
      continue;
    }
    if (lower > 0) {
      constraints[`lo${j}`] = { min: lower };
      variables[name][`lo${j}`] = 1;
    }
    if (upper < Infinity) {
      constraints[`up${j}`] = { max: upper };
      variables[name][`up${j}`] = 1;
    }
  }
  for (let i = 0; i < program.rowLower.length; i++) {
    const lower = program.rowLower[i];
    const upper = program.rowUpper[i];
    const bound: { min?: number; max?: number; equal?: number } = {};
    if (lower === upper) bound.equal = lower;
    else {
      if (lower > -Infinity) bound.min = lower;
      if (upper < Infinity) bound.max = upper;
    }
    constraints[`r${i}`] = bound;
    for (let k = program.rowStarts[i]; k < program.rowStarts[i + 1]; k++)
      variables[`x${program.rowColumns[k]}`][`r${i}`] = program.rowValues[k];
  }
  return { optimize: "cost", opType: "min", constraints, variables, ints };
}

export function solveWithJsLp(program: LinearProgram, jsModel = toJsLpModel(program)): LpSolution {
  const result = solverModule.Solve(jsModel);
  if (!result.feasible) return { status: "infeasible", objective: NaN, values: [] };
  if (result.bounded === false) return { status: "unbounded", objective: NaN, values: [] };
  const values = new Float64Array(program.columnCost.length);
  for (let j = 0; j < values.length; j++) {
    const v = result[`x${j}`];
    values[j] = typeof v === "number" ? v : 0;
  }
  return { status: "optimal", objective: objectiveValue(program, values), values };
}

export const jsLpSolver: LpSolver = {
  solve: async (program) => solveWithJsLp(program),
};
