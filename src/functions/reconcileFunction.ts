/**
 * Adapter for =SOP.RECONCILE: coerces Excel ranges, calls the reconcile engine (with HiGHS for
 * the optimal strategy, loaded on the first optimal call), shapes the result.
 *
 * Shapes: `demand` is one row (one family, periods across), one column (one family, periods
 * down: the result keeps that orientation) or families down × periods across (each family
 * planned on its own with the same costs). Blank demand and capacity cells count as 0.
 */
import { invalidInput, PlanningError } from "../engine/errors";
import {
  COST_PARAMETER_NAMES,
  CostParameters,
  FamilyPlanInput,
  LpSolver,
  planFamily,
  ProductionPlan,
  STRATEGIES,
  Strategy,
} from "../engine/reconcile";
import { normalizeName } from "../engine/names";
import { createHighsSolver } from "../solver/highs";
import {
  isBlank,
  isOmitted,
  orientationOf,
  readNumberMatrix,
  readOptionalBoolean,
  readOptionalChoice,
  readOptionalNumber,
  toMatrix,
  transpose,
} from "./args";

export const RECONCILE_OUTPUTS = [
  "all",
  "production",
  "regular",
  "overtime",
  "subcontract",
  "inventory",
  "backlog",
  "workforce",
  "cost",
  "costs",
] as const;
export type ReconcileOutput = (typeof RECONCILE_OUTPUTS)[number];

/**
 * The longest one cell may solve, in seconds. HiGHS solves synchronously in the shared runtime
 * (the task pane waits meanwhile), and with `integerWorkforce` a small model can stall in the
 * MIP solver far beyond its 60 s default (seen on 8 periods, `npm run fuzz`); past this limit
 * the cell answers #N/A saying so.
 */
export const CELL_SOLVE_SECONDS = 5;

/**
 * The most demand cells (families × periods) one call plans by the optimal strategy (e.g. 100
 * families × 100 periods, about 2.5 s here). Beyond it a cell would block the runtime for
 * minutes, and near 1,000,000 periods HiGHS runs out of WebAssembly memory and aborts.
 */
export const MAX_OPTIMAL_CELLS = 10_000;

let defaultSolver: LpSolver | undefined;
function highsSolver(): LpSolver {
  defaultSolver ??= createHighsSolver({ timeLimitSeconds: CELL_SOLVE_SECONDS });
  return defaultSolver;
}

/**
 * The names of the costs range that steer the `target` argument, as the workbook's Settings name
 * them: `shortfallCost` (per unit below target per period; default the backlogCost) and
 * `InventoryTarget` ("soft", the default, or "hard").
 */
export const TARGET_SETTING_NAMES = ["shortfallCost", "InventoryTarget"] as const;

/** The costs range read: cost parameters plus the target's settings. */
export type ReconcileCosts = Partial<CostParameters> & { shortfallCost?: number; InventoryTarget?: "soft" | "hard" };

/** Reads the two-column name/value range into cost parameters; unknown names are an error. */
export function readCosts(costs: unknown): ReconcileCosts {
  if (isOmitted(costs)) return {};
  let cells = toMatrix(costs, "costs");
  if (cells[0].length !== 2 && cells.length === 2) cells = transpose(cells);
  if (cells[0].length !== 2)
    throw invalidInput("costs", `costs must be two columns, names then values; it has ${cells[0].length}.`);
  const names = [...COST_PARAMETER_NAMES, ...TARGET_SETTING_NAMES];
  const known = new Map<string, string>(names.map((name) => [normalizeName(name), name]));
  const out: Record<string, unknown> = {};
  cells.forEach(([name, value], r) => {
    if (isBlank(name)) {
      if (!isBlank(value)) throw invalidInput("costs", `costs row ${r + 1} has a value but no name.`);
      return;
    }
    if (typeof name !== "string")
      throw invalidInput("costs", `costs row ${r + 1}: the name must be text, not ${String(name)}.`);
    const key = known.get(normalizeName(name));
    if (!key)
      throw invalidInput("costs", `costs row ${r + 1}: unknown name "${name}"; known names: ${names.join(", ")}.`);
    if (key in out) throw invalidInput("costs", `costs names ${key} twice (row ${r + 1}).`);
    const argument = `costs ${key}`;
    if (key === "integerWorkforce") out[key] = readOptionalBoolean(value, argument, false);
    else if (key === "holdingOn")
      out[key] = readOptionalChoice(value, argument, ["ending", "average"] as const, "ending");
    else if (key === "InventoryTarget")
      out[key] = readOptionalChoice(value, argument, ["soft", "hard"] as const, "soft");
    else {
      const n = readOptionalNumber(value, argument, undefined, { min: 0 });
      if (n !== undefined) out[key] = n;
    }
  });
  return out as ReconcileCosts;
}

/** Per family and period, from one cell, one row/column per family or period, or the full shape. */
function readPerFamilyPeriod(
  value: unknown,
  argument: string,
  families: number,
  periods: number,
  periodsDown: boolean,
): number[][] {
  const cells = toMatrix(value, argument);
  const oriented = periodsDown ? transpose(cells) : cells;
  const matrix = readNumberMatrix(oriented, argument, { blank: "zero", nonNegative: true });
  const rows = matrix.length;
  const columns = matrix[0].length;
  if (rows === 1 && columns === 1)
    return Array.from({ length: families }, () => new Array<number>(periods).fill(matrix[0][0]));
  if (rows === families && columns === periods) return matrix;
  if (rows === 1 && columns === periods) return Array.from({ length: families }, () => matrix[0].slice());
  if (rows === families && columns === 1) return matrix.map((row) => new Array<number>(periods).fill(row[0]));
  throw invalidInput(
    argument,
    `${argument} must match demand (${families} famil${families === 1 ? "y" : "ies"} × ${periods} periods), or be one value, one per period, or one per family.`,
  );
}

function readOpening(value: unknown, families: number): number[] {
  if (isOmitted(value)) return new Array<number>(families).fill(0);
  const cells = toMatrix(value, "opening").flat();
  if (cells.length !== 1 && cells.length !== families)
    throw invalidInput("opening", `opening must be one cell or one per family (${families}); it has ${cells.length}.`);
  const numbers = readNumberMatrix([cells], "opening", { blank: "zero" })[0];
  return cells.length === 1 ? new Array<number>(families).fill(numbers[0]) : numbers;
}

function series(plan: ProductionPlan, output: ReconcileOutput, family: number, families: number): number[][] {
  switch (output) {
    case "all":
      return [plan.production, plan.inventory, plan.backlog];
    case "workforce":
      if (!plan.workforce)
        throw invalidInput(
          "output",
          `output "workforce" needs a workforce: give workforce and unitsPerWorker in costs${families > 1 ? ` (family ${family + 1})` : ""}.`,
        );
      return [plan.workforce];
    case "production":
    case "regular":
    case "overtime":
    case "subcontract":
    case "inventory":
    case "backlog":
      return [plan[output]];
    default:
      throw new Error(`unexpected output ${output}`);
  }
}

export async function reconcileFromExcel(
  demand: unknown,
  capacity: unknown,
  opening: unknown,
  strategy: unknown,
  costs: unknown,
  output: unknown,
  target?: unknown,
  solver: LpSolver = highsSolver(),
): Promise<(number | string)[][]> {
  const demandCells = toMatrix(demand, "demand");
  const periodsDown = orientationOf(demandCells) === "column";
  const demandMatrix = readNumberMatrix(periodsDown ? transpose(demandCells) : demandCells, "demand", {
    blank: "zero",
    nonNegative: true,
  });
  const families = demandMatrix.length;
  const periods = demandMatrix[0].length;
  const capacityMatrix = isOmitted(capacity)
    ? undefined
    : readPerFamilyPeriod(capacity, "capacity", families, periods, periodsDown);
  const openings = readOpening(opening, families);
  const chosen = readOptionalChoice<Strategy>(strategy, "strategy", STRATEGIES, "optimal");
  if (chosen === "optimal" && families * periods > MAX_OPTIMAL_CELLS) {
    throw invalidInput(
      "demand",
      `demand has ${(families * periods).toLocaleString("en-US")} cells; the optimal strategy plans at most ${MAX_OPTIMAL_CELLS.toLocaleString("en-US")} per call (e.g. 100 families × 100 periods): split the range, or use "chase" or "level".`,
    );
  }
  const { shortfallCost, InventoryTarget: targetMode, ...costParameters } = readCosts(costs);
  const targets = isOmitted(target) ? undefined : readPerFamilyPeriod(target, "target", families, periods, periodsDown);
  if (!targets && (shortfallCost !== undefined || targetMode !== undefined))
    throw invalidInput(
      "costs",
      "shortfallCost and InventoryTarget in costs apply to the target argument: give target (the minimum inventory per period).",
    );
  // As the workbook's plan: soft at shortfallCost (default backlogCost, else 0) unless "hard".
  const targetShortfallCost = targetMode === "hard" ? undefined : (shortfallCost ?? costParameters.backlogCost ?? 0);
  const shape = readOptionalChoice<ReconcileOutput>(output, "output", RECONCILE_OUTPUTS, "all");

  const plans: ProductionPlan[] = [];
  for (let f = 0; f < families; f++) {
    const input: FamilyPlanInput = {
      demand: demandMatrix[f],
      capacity: capacityMatrix?.[f],
      openingInventory: Math.max(openings[f], 0),
      openingBacklog: Math.max(-openings[f], 0),
      costs: costParameters,
    };
    if (targets) {
      // the end stays hard at the target (or endingInventory), as in the workbook's plan
      input.costs = { ...costParameters, endingInventory: costParameters.endingInventory ?? targets[f][periods - 1] };
      input.inventoryTarget = targets[f];
      if (targetShortfallCost !== undefined) input.targetShortfallCost = targetShortfallCost;
    }
    try {
      plans.push(await planFamily(input, chosen, chosen === "optimal" ? solver : undefined));
    } catch (e) {
      if (e instanceof PlanningError && families > 1)
        throw new PlanningError(e.kind, `family ${f + 1}: ${e.message}`, e.argument);
      throw e;
    }
  }

  if (shape === "cost") return refuseBeyondExcelRange([[plans.reduce((total, plan) => total + plan.totalCost, 0)]]);
  if (shape === "costs") {
    const rows: (number | string)[][] = plans[0].costs.map((line, k) => [
      line.category,
      plans.reduce((total, plan) => total + plan.costs[k].amount, 0),
    ]);
    rows.push(["total", plans.reduce((total, plan) => total + plan.totalCost, 0)]);
    return refuseBeyondExcelRange(rows);
  }
  const rows = refuseBeyondExcelRange(plans.flatMap((plan, f) => series(plan, shape, f, families)));
  return periodsDown ? transpose(rows) : rows;
}

/**
 * Excel's numbers stop at ±1.8E+308: extreme demand or costs can overflow a cost (Infinity) or
 * make it undefined (NaN), which Excel would show as a bare #NUM!. Say what to check instead.
 */
function refuseBeyondExcelRange<T extends (number | string)[][]>(rows: T): T {
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell === "number" && !Number.isFinite(cell)) {
        throw invalidInput(
          "costs",
          "the plan's quantities or costs are beyond Excel's number range (±1.8E+308); check demand, capacity and costs for extreme values.",
        );
      }
    }
  }
  return rows;
}
