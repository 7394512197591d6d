/**
 * Reconciliation (S&OP step 4): production, inventory and backlog plans that balance demand
 * with capacity, by chase, level or minimum-cost optimal strategy, for one family or for many
 * families sharing resources.
 *
 * Reference: Chopra & Meindl, "Supply Chain Management", ch. 8 (aggregate planning);
 * Stevenson, "Operations Management", ch. 11.
 */
import { invalidInput } from "../errors";
import { chasePlan } from "./chase";
import { levelPlan } from "./level";
import type { LpSolver } from "./linearProgram";
import { optimalPlans } from "./optimal";
import { checkResources } from "./reconcileModel";
import { resolveFamily, ResolvedFamily } from "./resolveFamily";
import type { FamilyPlanInput, MultiFamilyInput, MultiFamilyPlan, ProductionPlan, Strategy } from "./types";
import { hoursPeriod, STRATEGIES } from "./types";

export * from "./types";
export { projectInventory } from "./projectInventory";
export type { InventoryProjection, InventoryProjectionInput } from "./projectInventory";
export { COST_PARAMETER_NAMES, resolveFamily } from "./resolveFamily";
export type { ResolvedFamily } from "./resolveFamily";
export type { LinearProgram, LpSolution, LpSolver, LpStatus } from "./linearProgram";
export { LinearProgramBuilder, objectiveValue } from "./linearProgram";
export { buildReconcileModel } from "./reconcileModel";
export {
  familyResourceHours,
  PERIOD_COST_LINES,
  planCostsByPeriod,
  planHoursByFamily,
  planPastDueHours,
} from "./periodCosts";
export type { FamilyHours, FamilyPeriodCosts, PeriodCostLine } from "./periodCosts";

function checkStrategy(strategy: Strategy, solver: LpSolver | undefined): void {
  if (!STRATEGIES.includes(strategy))
    throw invalidInput(
      "strategy",
      `strategy must be one of ${STRATEGIES.map((s) => `"${s}"`).join(", ")}, not "${String(strategy)}".`,
    );
  if (strategy === "optimal" && !solver)
    throw invalidInput("strategy", "the optimal strategy needs a linear-programming solver.");
}

function heuristicPlan(family: ResolvedFamily, strategy: "chase" | "level"): ProductionPlan {
  return strategy === "chase" ? chasePlan(family) : levelPlan(family);
}

/**
 * The production, inventory and backlog plan of one family by `strategy`.
 *
 * Units: demand, capacity and plans in units per period; costs as named in `CostParameters`.
 * Errors: `invalidInput` for bad input (naming the field); `notAvailable` when no optimal
 * plan meets every constraint (which period is short, by how much).
 *
 * @example
 * // Transportation-method exercise: demand 1250 × 3; regular 1000 at $5, overtime 200 at $7,
 * // subcontract 150 at $8; holding $1 → minimum cost 20,400
 * (await planFamily({ demand: [1250, 1250, 1250], capacity: [1000, 1000, 1000],
 *   costs: { regularCost: 5, overtimeCost: 7, overtimeCapacity: 200, subcontractCost: 8,
 *            subcontractCapacity: 150, holdingCost: 1 } }, "optimal", highsSolver)).totalCost
 * // => 20400
 */
export async function planFamily(
  input: FamilyPlanInput,
  strategy: Strategy,
  solver?: LpSolver,
): Promise<ProductionPlan> {
  checkStrategy(strategy, solver);
  const family = resolveFamily(input);
  if (strategy !== "optimal") return heuristicPlan(family, strategy);
  const { plans } = await optimalPlans([family], [], [], solver as LpSolver);
  return plans[0];
}

/**
 * Plans for many families sharing resources through a bill of resources (hours per unit).
 *
 * `optimal` solves one linear program for all families and resources together. `chase` and
 * `level` plan each family on its own and report the hours that plan needs: regular hours up
 * to each resource's capacity, the rest as overtime (even beyond `overtimeHours`, so an
 * overload stays visible).
 *
 * Errors: as `planFamily`; `invalidInput` for periods that differ between families or
 * resources, or bill lines that point nowhere.
 *
 * @example
 * // two families, one line of 100 h, 1 h per unit, demand 60 each, regular $1 per unit,
 * // line $2 per hour; A buys at $10, B at $20: A buys the 20 the line cannot make
 * (await planFamilies({
 *   families: [{ name: "A", demand: [60], costs: { regularCost: 1, subcontractCost: 10 } },
 *              { name: "B", demand: [60], costs: { regularCost: 1, subcontractCost: 20 } }],
 *   resources: [{ name: "line", hours: [100], costPerHour: 2 }],
 *   bill: [{ family: 0, resource: 0, hoursPerUnit: 1 }, { family: 1, resource: 0, hoursPerUnit: 1 }],
 * }, "optimal", highsSolver)).totalCost
 * // => 500  (100 × $1 + 100 h × $2 + 20 × $10)
 */
export async function planFamilies(
  input: MultiFamilyInput,
  strategy: Strategy,
  solver?: LpSolver,
): Promise<MultiFamilyPlan> {
  checkStrategy(strategy, solver);
  if (!Array.isArray(input.families) || input.families.length === 0)
    throw invalidInput("demand", "planFamilies needs at least one family.");
  const families = input.families.map((family, f) =>
    resolveFamily(family, family.name || `family ${f + 1}`, { capacityOptional: true }),
  );
  const periods = families[0].periods;
  families.forEach((family) => {
    if (family.periods !== periods)
      throw invalidInput(
        "demand",
        `${family.name} has ${family.periods} periods but ${families[0].name} has ${periods}; plan families over the same horizon.`,
      );
  });
  const resources = input.resources ?? [];
  const bill = input.bill ?? [];
  checkResources(periods, families.length, resources, bill);

  let plans: ProductionPlan[];
  let regularHours: number[][];
  let overtimeHours: number[][];
  if (strategy === "optimal") {
    ({ plans, regularHours, overtimeHours } = await optimalPlans(families, resources, bill, solver as LpSolver));
  } else {
    plans = families.map((family) => heuristicPlan(family, strategy));
    regularHours = [];
    overtimeHours = [];
    resources.forEach((resource, r) => {
      const load = new Array<number>(periods).fill(0);
      for (const line of bill) {
        if (line.resource !== r) continue;
        const plan = plans[line.family];
        for (let s = 0; s < periods; s++)
          load[hoursPeriod(s, line.offset)] += line.hoursPerUnit * (plan.regular[s] + plan.overtime[s]);
      }
      regularHours.push(load.map((hours, t) => Math.min(hours, resource.hours[t])));
      overtimeHours.push(load.map((hours, t) => Math.max(hours - resource.hours[t], 0)));
    });
  }
  let resourceCost = 0;
  resources.forEach((resource, r) => {
    for (let t = 0; t < periods; t++) {
      resourceCost +=
        (resource.costPerHour ?? 0) * regularHours[r][t] + (resource.overtimeCostPerHour ?? 0) * overtimeHours[r][t];
    }
  });
  const familiesCost = plans.reduce((total, plan) => total + plan.totalCost, 0);
  return {
    strategy,
    plans,
    resourceHours: { regular: regularHours, overtime: overtimeHours },
    resourceCost,
    totalCost: familiesCost + resourceCost,
  };
}
