/**
 * Checks one family's input and turns optional cost parameters into the explicit per-period
 * limits every strategy uses, so chase, level and the linear program read the same numbers.
 */
import { invalidInput } from "../errors";
import type { CostParameters, FamilyPlanInput } from "./types";

export const COST_PARAMETER_NAMES: readonly (keyof CostParameters)[] = [
  "regularCost",
  "overtimeCost",
  "overtimeCapacity",
  "subcontractCost",
  "subcontractCapacity",
  "holdingCost",
  "backlogCost",
  "materialCost",
  "workforce",
  "unitsPerWorker",
  "workerCost",
  "hireCost",
  "layoffCost",
  "overtimePerWorker",
  "endingInventory",
  "endingBacklog",
  "integerWorkforce",
  "holdingOn",
];

/** A family ready to plan: every limit explicit (Infinity = no limit, 0 = not available). */
export interface ResolvedFamily {
  name: string;
  periods: number;
  demand: number[];
  openingInventory: number;
  openingBacklog: number;
  /** regular units per period from `capacity` (Infinity when only the workforce limits it) */
  regularCapacity: number[];
  /** overtime units per period (0 when overtime is not offered) */
  overtimeCapacity: number;
  subcontractCapacity: number;
  /** set when the workforce defines capacity */
  workforce?: { opening: number; unitsPerWorker: number; overtimePerWorker: number; integer: boolean };
  backlogAllowed: boolean;
  endingInventory: number;
  endingBacklog: number;
  /** minimum net inventory per period (0 = none); the last period at least `endingInventory` */
  inventoryTarget: number[];
  /** penalty per unit below target per period in the optimal plan; null = the target is hard */
  targetShortfallCost: number | null;
  holdingOnAverage: boolean;
  /** all costs, defaults filled in */
  cost: {
    regular: number;
    overtime: number;
    subcontract: number;
    holding: number;
    backlog: number;
    material: number;
    worker: number;
    hire: number;
    layoff: number;
  };
}

function nonNegative(value: number | undefined, name: string, where: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0)
    throw invalidInput(name, `${name}${where} must be a number ≥ 0, not ${String(value)}.`);
  return value;
}

function finiteNonNegative(value: number | undefined, name: string, where: string, fallback: number): number {
  const n = nonNegative(value, name, where, fallback);
  if (!Number.isFinite(n)) throw invalidInput(name, `${name}${where} must be a finite number, not ${n}.`);
  return n;
}

/**
 * Validates a family and fills in defaults (see `CostParameters`). With `capacityOptional`
 * (families sharing resources) a family without capacity or workforce is limited only by
 * the resources' hours.
 * Errors: `invalidInput` naming the field (demand, capacity, a cost name).
 * Reference: the parameters of Chopra & Meindl, "Supply Chain Management", ch. 8.
 *
 * @example
 * resolveFamily({ demand: [10, 20], capacity: [15, 15], costs: { overtimeCost: 7 } })
 * // => { periods: 2, regularCapacity: [15, 15], overtimeCapacity: Infinity (offered, no limit),
 * //      subcontractCapacity: 0 (not offered), backlogAllowed: false, … }
 */
export function resolveFamily(
  input: FamilyPlanInput,
  name = "the family",
  options: { capacityOptional?: boolean } = {},
): ResolvedFamily {
  const where = name === "the family" ? "" : ` (${name})`;
  const { demand } = input;
  if (!Array.isArray(demand) || demand.length === 0)
    throw invalidInput("demand", `demand${where} needs at least one period.`);
  demand.forEach((d, t) => {
    if (typeof d !== "number" || !Number.isFinite(d) || d < 0)
      throw invalidInput("demand", `demand${where} in period ${t + 1} must be a number ≥ 0, not ${String(d)}.`);
  });
  const periods = demand.length;
  const costs: Partial<CostParameters> = input.costs ?? {};
  for (const key of Object.keys(costs)) {
    if (!COST_PARAMETER_NAMES.includes(key as keyof CostParameters)) {
      throw invalidInput(
        "costs",
        `costs has an unknown name "${key}"; known names: ${COST_PARAMETER_NAMES.join(", ")}.`,
      );
    }
  }

  let regularCapacity: number[];
  if (input.capacity !== undefined) {
    if (input.capacity.length !== periods) {
      throw invalidInput(
        "capacity",
        `capacity${where} has ${input.capacity.length} periods but demand has ${periods}.`,
      );
    }
    regularCapacity = input.capacity.map((c, t) => nonNegative(c, "capacity", `${where} in period ${t + 1}`, 0));
  } else {
    regularCapacity = new Array<number>(periods).fill(Infinity);
  }

  const hasWorkforce = costs.workforce !== undefined || costs.unitsPerWorker !== undefined;
  let workforce: ResolvedFamily["workforce"];
  if (hasWorkforce) {
    if (costs.workforce === undefined)
      throw invalidInput("workforce", `workforce (opening workers)${where} is needed with unitsPerWorker.`);
    if (costs.unitsPerWorker === undefined)
      throw invalidInput("unitsPerWorker", `unitsPerWorker${where} is needed with workforce.`);
    const unitsPerWorker = finiteNonNegative(costs.unitsPerWorker, "unitsPerWorker", where, 0);
    if (unitsPerWorker <= 0) throw invalidInput("unitsPerWorker", `unitsPerWorker${where} must be more than 0.`);
    const integer = costs.integerWorkforce === true;
    const opening = finiteNonNegative(costs.workforce, "workforce", where, 0);
    if (integer && !Number.isInteger(opening))
      throw invalidInput("workforce", `workforce${where} must be whole workers with integerWorkforce, not ${opening}.`);
    workforce = {
      opening,
      unitsPerWorker,
      overtimePerWorker: nonNegative(costs.overtimePerWorker, "overtimePerWorker", where, Infinity),
      integer,
    };
  } else if (input.capacity === undefined && !options.capacityOptional) {
    throw invalidInput(
      "capacity",
      `capacity${where} is needed: give regular units per period, or workforce and unitsPerWorker in costs.`,
    );
  } else if (costs.overtimePerWorker !== undefined) {
    throw invalidInput(
      "overtimePerWorker",
      `overtimePerWorker${where} needs a workforce: give workforce and unitsPerWorker, or use overtimeCapacity.`,
    );
  }

  const overtimeOffered =
    costs.overtimeCost !== undefined || costs.overtimeCapacity !== undefined || costs.overtimePerWorker !== undefined;
  const subcontractOffered = costs.subcontractCost !== undefined || costs.subcontractCapacity !== undefined;
  const holdingOn = costs.holdingOn ?? "ending";
  if (holdingOn !== "ending" && holdingOn !== "average")
    throw invalidInput("holdingOn", `holdingOn must be "ending" or "average", not ${String(holdingOn)}.`);

  const endingInventory = finiteNonNegative(costs.endingInventory, "endingInventory", where, 0);
  if (input.inventoryTarget !== undefined && input.inventoryTarget.length !== periods)
    throw invalidInput(
      "inventoryTarget",
      `inventoryTarget${where} has ${input.inventoryTarget.length} periods but demand has ${periods}.`,
    );
  const inventoryTarget = Array.from({ length: periods }, (_, t) =>
    finiteNonNegative(input.inventoryTarget?.[t], "inventoryTarget", `${where} in period ${t + 1}`, 0),
  );
  inventoryTarget[periods - 1] = Math.max(inventoryTarget[periods - 1], endingInventory);
  const targetShortfallCost =
    input.targetShortfallCost === undefined || input.targetShortfallCost === null
      ? null
      : finiteNonNegative(input.targetShortfallCost, "targetShortfallCost", where, 0);

  return {
    name,
    periods,
    demand: demand.slice(),
    openingInventory: finiteNonNegative(input.openingInventory, "opening", where, 0),
    openingBacklog: finiteNonNegative(input.openingBacklog, "opening", where, 0),
    regularCapacity,
    overtimeCapacity: overtimeOffered ? nonNegative(costs.overtimeCapacity, "overtimeCapacity", where, Infinity) : 0,
    subcontractCapacity: subcontractOffered
      ? nonNegative(costs.subcontractCapacity, "subcontractCapacity", where, Infinity)
      : 0,
    workforce,
    backlogAllowed: costs.backlogCost !== undefined,
    endingInventory,
    endingBacklog: nonNegative(costs.endingBacklog, "endingBacklog", where, 0),
    inventoryTarget,
    targetShortfallCost,
    holdingOnAverage: holdingOn === "average",
    cost: {
      regular: finiteNonNegative(costs.regularCost, "regularCost", where, 0),
      overtime: finiteNonNegative(costs.overtimeCost, "overtimeCost", where, 0),
      subcontract: finiteNonNegative(costs.subcontractCost, "subcontractCost", where, 0),
      holding: finiteNonNegative(costs.holdingCost, "holdingCost", where, 0),
      backlog: finiteNonNegative(costs.backlogCost, "backlogCost", where, 0),
      material: finiteNonNegative(costs.materialCost, "materialCost", where, 0),
      worker: finiteNonNegative(costs.workerCost, "workerCost", where, 0),
      hire: finiteNonNegative(costs.hireCost, "hireCost", where, 0),
      layoff: finiteNonNegative(costs.layoffCost, "layoffCost", where, 0),
    },
  };
}
