/**
 * Level strategy: one constant production rate for the whole horizon.
 *
 * The rate covers cumulative demand plus the ending inventory target and the opening backlog,
 * net of opening inventory, over the horizon:
 *
 *   rate = max(Σ demand + endingInventory + openingBacklog − openingInventory, 0) ÷ periods
 *
 * With an inventory target, the rate is raised to build to it: for every period t with a
 * target, rate ≥ (Σ_{s≤t} demand[s] + target[t] + openingBacklog − openingInventory) ÷ (t + 1)
 * (the level rate without stockouts, Heizer & Render, "Operations Management", ch. 13), so
 * every target is met when capacity allows, at the cost of more stock later.
 *
 * Inventory and backlog absorb the difference between the rate and each period's demand.
 * Within capacity: a period that cannot reach the rate makes its maximum and the others make
 * up the difference at one higher common rate (water-filling), so the requirement is still
 * met when total capacity allows. Each period's output comes from regular time first, then
 * overtime, then subcontracting. With a workforce, the workforce is set once in the first
 * period to the level rate ÷ unitsPerWorker and kept.
 *
 * Reference: Chopra & Meindl, "Supply Chain Management", ch. 8 (level strategy); Stevenson,
 * "Operations Management", ch. 11, problem 1 plan (a). Cost O(periods · log periods).
 *
 * @example
 * // Stevenson: demand 300, 320, 320, 340, 320, 320; 300 regular + 20 overtime per month
 * levelPlan(resolveFamily({ demand: [300, 320, 320, 340, 320, 320], capacity: [300, 300, 300, 300, 300, 300],
 *   costs: { overtimeCapacity: 20 } })).overtime
 * // => [20, 20, 20, 20, 20, 20]
 */
import { assemblePlan } from "./assemblePlan";
import { overtimeRoom, workersFor } from "./chase";
import type { ResolvedFamily } from "./resolveFamily";
import type { ProductionPlan } from "./types";

/**
 * The common rate r with Σ min(r, limit[t]) = required, as the per-period output
 * min(r, limit[t]); every period at its limit when even that falls short. O(T log T).
 *
 * @example
 * levelRate(300, [50, 200, 200]) // => [50, 125, 125]  (50 capped; the other two share 250)
 */
export function levelRate(required: number, limits: readonly number[]): number[] {
  const T = limits.length;
  if (required <= 0) return new Array<number>(T).fill(0);
  const ascending = limits.slice().sort((a, b) => a - b);
  let remaining = required;
  let rate = Infinity;
  for (let k = 0; k < T; k++) {
    const open = T - k;
    if (ascending[k] * open >= remaining) {
      rate = remaining / open;
      break;
    }
    remaining -= ascending[k];
  }
  return limits.map((limit) => Math.min(rate, limit));
}

export function levelPlan(family: ResolvedFamily): ProductionPlan {
  const T = family.periods;
  const totalDemand = family.demand.reduce((a, b) => a + b, 0);
  const net = family.openingBacklog - family.openingInventory;
  let required = totalDemand + family.endingInventory + net;
  // Build to each period's inventory target: a rate that by period t has made the demand so far
  // plus the target (cumulative requirement ÷ periods elapsed), scaled to the horizon.
  let cumulative = 0;
  for (let t = 0; t < T; t++) {
    cumulative += family.demand[t];
    const target = family.inventoryTarget[t];
    if (target > 0) required = Math.max(required, ((cumulative + target + net) * T) / (t + 1));
  }
  const limits = family.regularCapacity.map(
    (regular) => regular + family.overtimeCapacity + family.subcontractCapacity,
  );
  const output = levelRate(required, limits);

  const regular = output.map((units, t) => Math.min(units, family.regularCapacity[t]));
  let workforce: number[] | undefined;
  let workers: number | undefined;
  if (family.workforce) {
    const { unitsPerWorker, integer } = family.workforce;
    workers = workersFor(Math.max(0, ...regular), unitsPerWorker, integer);
    workforce = new Array<number>(T).fill(workers);
  }
  const overtime = output.map((units, t) => Math.min(units - regular[t], overtimeRoom(family, workers)));
  const subcontract = output.map((units, t) => Math.min(units - regular[t] - overtime[t], family.subcontractCapacity));
  return assemblePlan(family, "level", { regular, overtime, subcontract, workforce });
}
