/**
 * Chase strategy: production follows demand.
 *
 * Each period makes what demand and the opening backlog need, net of inventory above the
 * target (the period's `inventoryTarget`, and `endingInventory` held every period):
 *
 *   need[t] = max(demand[t] + backlog[t−1] + target[t] − inventory[t−1], 0)
 *
 * and fills it from regular time first, then overtime, then subcontracting, each within its
 * capacity; what still is missing becomes backlog. With a workforce, workers follow the
 * regular-time need (hired or laid off each period: need ÷ unitsPerWorker, rounded up with
 * integerWorkforce) instead of a fixed regular capacity.
 *
 * Reference: Chopra & Meindl, "Supply Chain Management", ch. 8 (chase strategy); Stevenson,
 * "Operations Management", ch. 11. Cost O(periods).
 *
 * @example
 * // demand 120, 100, 100, 100, 130, 150; 120 workers, 1 unit each; 40 units held throughout
 * chasePlan(resolveFamily({ demand: [120, 100, 100, 100, 130, 150], openingInventory: 40,
 *   costs: { workforce: 120, unitsPerWorker: 1, endingInventory: 40 } })).workforce
 * // => [120, 100, 100, 100, 130, 150]
 */
import { assemblePlan } from "./assemblePlan";
import type { ResolvedFamily } from "./resolveFamily";
import type { ProductionPlan } from "./types";

/** Workers needed to make `units` in regular time: `workersFor(25, 10, true)` → 3 (2.5 rounded up). */
export function workersFor(units: number, unitsPerWorker: number, integer: boolean): number {
  const workers = units / unitsPerWorker;
  return integer ? Math.ceil(workers - 1e-9) : workers;
}

/**
 * Overtime units a period can use: the fixed `overtimeCapacity`, and with a workforce also
 * `overtimePerWorker` × workers (e.g. 64 workers × 2.5 → at most 160 units).
 */
export function overtimeRoom(family: ResolvedFamily, workers: number | undefined): number {
  const perWorker = family.workforce?.overtimePerWorker ?? Infinity;
  if (workers === undefined || perWorker === Infinity) return family.overtimeCapacity;
  return Math.min(family.overtimeCapacity, perWorker * workers);
}

export function chasePlan(family: ResolvedFamily): ProductionPlan {
  const T = family.periods;
  const regular = new Array<number>(T).fill(0);
  const overtime = new Array<number>(T).fill(0);
  const subcontract = new Array<number>(T).fill(0);
  const workforce: number[] | undefined = family.workforce ? [] : undefined;
  let onHand = family.openingInventory;
  let owed = family.openingBacklog;
  for (let t = 0; t < T; t++) {
    const target = Math.max(family.inventoryTarget[t], family.endingInventory);
    const need = Math.max(family.demand[t] + owed + target - onHand, 0);
    let workers: number | undefined;
    if (family.workforce && workforce) {
      const { unitsPerWorker, integer } = family.workforce;
      workers = workersFor(Math.min(need, family.regularCapacity[t]), unitsPerWorker, integer);
      workforce.push(workers);
      regular[t] = Math.min(need, family.regularCapacity[t], workers * unitsPerWorker);
    } else {
      regular[t] = Math.min(need, family.regularCapacity[t]);
    }
    overtime[t] = Math.min(need - regular[t], overtimeRoom(family, workers));
    subcontract[t] = Math.min(need - regular[t] - overtime[t], family.subcontractCapacity);
    const net = onHand - owed + regular[t] + overtime[t] + subcontract[t] - family.demand[t];
    onHand = Math.max(net, 0);
    owed = Math.max(-net, 0);
  }
  return assemblePlan(family, "chase", { regular, overtime, subcontract, workforce });
}
