/**
 * Inventory projection: the one balance every reconciliation strategy shares.
 *
 * Each period, what is on hand plus what is made serves the opening backlog first, then the
 * period's demand; what is left is ending inventory, what is missing is ending backlog:
 *
 *   net[t]       = inventory[t−1] − backlog[t−1] + production[t] − demand[t]
 *   inventory[t] = max(net[t], 0),   backlog[t] = max(−net[t], 0)
 *   onTime[t]    = min(demand[t], max(inventory[t−1] + production[t] − backlog[t−1], 0))
 *
 * (inventory[−1], backlog[−1] are the opening inventory and backlog). `onTime` is the demand
 * served in the period it was asked for, the numerator of the fill rate.
 *
 * Reference: Chopra & Meindl, "Supply Chain Management", ch. 8, the inventory balance
 * I[t] − S[t] = I[t−1] − S[t−1] + P[t] + C[t] − D[t]. Cost O(periods).
 *
 * @example
 * projectInventory({ openingInventory: 10, production: [20, 20, 20], demand: [25, 30, 10] })
 * // => { inventory: [5, 0, 5], backlog: [0, 5, 0], onTime: [25, 25, 10] }
 */
export interface InventoryProjectionInput {
  openingInventory?: number;
  openingBacklog?: number;
  production: readonly number[];
  demand: readonly number[];
}

export interface InventoryProjection {
  inventory: number[];
  backlog: number[];
  onTime: number[];
}

/** Rounding noise from a solver (1e-9 of a unit) is not stock. */
const NOISE = 1e-9;

export function projectInventory(input: InventoryProjectionInput): InventoryProjection {
  const { production, demand } = input;
  const periods = demand.length;
  if (production.length !== periods)
    throw new Error(`projectInventory: ${production.length} production periods for ${periods} demand periods`);
  const inventory = new Array<number>(periods);
  const backlog = new Array<number>(periods);
  const onTime = new Array<number>(periods);
  let onHand = input.openingInventory ?? 0;
  let owed = input.openingBacklog ?? 0;
  for (let t = 0; t < periods; t++) {
    const afterBacklog = onHand + production[t] - owed;
    onTime[t] = Math.min(demand[t], Math.max(afterBacklog, 0));
    const net = afterBacklog - demand[t];
    const scale = Math.max(1, Math.abs(onHand), Math.abs(production[t]), Math.abs(owed), Math.abs(demand[t]));
    const clean = Math.abs(net) <= NOISE * scale ? 0 : net;
    inventory[t] = clean > 0 ? clean : 0;
    backlog[t] = clean < 0 ? -clean : 0;
    onHand = inventory[t];
    owed = backlog[t];
  }
  return { inventory, backlog, onTime };
}
