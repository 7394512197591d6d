/**
 * Optimal strategy: the minimum-cost plan, solved exactly as a linear program (a MIP with
 * whole workers) by the injected solver. Reference: Chopra & Meindl, "Supply Chain
 * Management", ch. 8, the aggregate planning LP (Red Tomato Tools, optimum $422,275).
 *
 * The solver's answer is read only when it is optimal. The plan's inventory and backlog come
 * from the shared projection of the solved production, and its costs from the same cost lines
 * as chase and level, so all three strategies are priced alike.
 *
 * Errors: `notAvailable` when no plan meets every constraint, saying which family is short,
 * by how much and by which period (from a second, always-feasible model that adds a shortfall
 * supply to each period and minimizes it); `notAvailable` when the solver fails.
 */
import { notAvailable } from "../errors";
import { assemblePlan } from "./assemblePlan";
import { readValue } from "./familyModel";
import { LpSolution, LpSolver, Term, withRow } from "./linearProgram";
import { buildReconcileModel, ReconcileModel } from "./reconcileModel";
import type { ResolvedFamily } from "./resolveFamily";
import type { BillOfResourcesLine, ProductionPlan, ResourceCapacity } from "./types";

export interface OptimalPlans {
  plans: ProductionPlan[];
  regularHours: number[][];
  overtimeHours: number[][];
  /** the solver's objective (families' and resources' costs) */
  objective: number;
}

/**
 * Solves the families' program and reads one plan per family plus the resource hours.
 * @example
 * (await optimalPlans([resolveFamily({ demand: [5], capacity: [10], costs: { regularCost: 2 } })], [], [], highsSolver)).objective
 * // => 10
 */
export async function optimalPlans(
  families: readonly ResolvedFamily[],
  resources: readonly ResourceCapacity[],
  bill: readonly BillOfResourcesLine[],
  solver: LpSolver,
): Promise<OptimalPlans> {
  const model = buildReconcileModel(families, resources, bill);
  const solution = await solver.solve(model.program);
  if (solution.status === "infeasible") throw await explainInfeasible(families, resources, bill, solver);
  if (solution.status === "unbounded")
    throw notAvailable("The plan has no lowest cost (the model is unbounded); check that no cost is negative.");
  if (solution.status !== "optimal")
    throw notAvailable(`The solver could not finish the plan${solution.detail ? `: ${solution.detail}` : ""}.`);
  return readPlans(families, model, solution);
}

function readPlans(families: readonly ResolvedFamily[], model: ReconcileModel, solution: LpSolution): OptimalPlans {
  const { values } = solution;
  const read = (columns: number[]): number[] => columns.map((c) => readValue(values, c));
  const plans = families.map((family, f) => {
    const columns = model.families[f];
    let workforce: number[] | undefined;
    if (columns.workers) {
      workforce = read(columns.workers);
      if (family.workforce?.integer) workforce = workforce.map(Math.round);
    }
    return assemblePlan(family, "optimal", {
      regular: read(columns.regular),
      overtime: read(columns.overtime),
      subcontract: read(columns.subcontract),
      workforce,
    });
  });
  return {
    plans,
    regularHours: model.regularHours.map(read),
    overtimeHours: model.overtimeHours.map(read),
    objective: solution.objective,
  };
}

const units = (x: number): string => `${Number(x.toFixed(2))} unit${Math.abs(x - 1) < 1e-9 ? "" : "s"}`;

/**
 * Finds where the plan falls short: minimizes the total shortfall, then, at that total, puts
 * each shortfall as late as it can be (the period where the missing units are needed).
 */
async function explainInfeasible(
  families: readonly ResolvedFamily[],
  resources: readonly ResourceCapacity[],
  bill: readonly BillOfResourcesLine[],
  solver: LpSolver,
): Promise<Error> {
  const generic = notAvailable("No plan meets every constraint (capacity, backlog, ending inventory, whole workers).");
  const first = buildReconcileModel(families, resources, bill, { feasibility: { shortfallCost: () => 1 } });
  const least = await solver.solve(first.program);
  if (least.status !== "optimal" || !first.shortfall || least.objective <= 1e-7) return generic;
  const shortfallColumns = first.shortfall.flat();
  const lateCost = new Float64Array(first.program.columnCost.length);
  first.shortfall.forEach((columns) => columns.forEach((column, t) => (lateCost[column] = columns.length - t)));
  const cap: Term[] = shortfallColumns.map((column) => [column, 1]);
  const latest = await solver.solve(
    withRow(first.program, "totalShortfall", cap, -Infinity, least.objective * (1 + 1e-9) + 1e-9, lateCost),
  );
  const chosen = latest.status === "optimal" ? latest : least;

  const parts: string[] = [];
  families.forEach((family, f) => {
    const shortBy = first.shortfall?.[f].map((column) => readValue(chosen.values, column)) ?? [];
    const periods = shortBy.map((amount, t) => ({ amount, t })).filter(({ amount }) => amount > 1e-6);
    if (periods.length === 0) return;
    // Excel shows about 250 characters: the first three periods say enough.
    const listed = periods.slice(0, 3).map(({ amount, t }) => `${units(amount)} by period ${t + 1}`);
    if (periods.length > 3) listed.push(`${periods.length - 3} more period${periods.length === 4 ? "" : "s"}`);
    const where = listed.join(", ");
    parts.push(
      families.length === 1 && family.name === "the family" ? `short ${where}` : `${family.name} is short ${where}`,
    );
  });
  if (parts.length === 0) return generic;
  const anyBacklogAllowed = families.some((family) => family.backlogAllowed);
  const why = anyBacklogAllowed
    ? "more than regular time, overtime and subcontracting supply in time, and backlog at the end may not exceed endingBacklog"
    : "more than regular time, overtime and subcontracting supply in time, and backlog is not allowed (give backlogCost to allow it)";
  return notAvailable(`No plan meets demand: ${parts.join("; ")}: ${why}.`);
}
