/**
 * Rough-cut capacity load (RCCP) by bill of capacity or resource profile.
 *
 * Definition (Vollmann, Berry, Whybark & Jacobs, "Manufacturing Planning and Control for
 * Supply Chain Management", ch. 10, bill of capacity and resource profile approaches):
 *
 *   load[r][t] = Σ_i plan[i][t + offset[i][r]] × hoursPerUnit[i][r]
 *
 * i.e. the hours a plan for item i in period t needs on resource r fall `offset[i][r]` periods
 * earlier (t − offset). Without offsets this is the bill-of-capacity load.
 *
 * Load that would fall before the first period (a plan early in the horizon whose work should
 * already have started) does not vanish: it is past due, needed now. It is added to the first
 * period's load and also reported apart in `pastDueLoad`, so a planner can see how much of the
 * first period's load is catch-up.
 *
 * Cost: O(nonzero bill entries × periods); no dense items × resources × periods intermediate.
 *
 * @example
 * rccpLoad({ plan: [[450, 300, 625, 890]], bill: [{ item: 0, resource: 0, hoursPerUnit: 0.2 }], resourceCount: 1 }).load
 * // => [[90, 60, 125, 178]]  (Walnut Hill circuit boards, Vollmann et al.)
 */
import { invalidInput } from "../errors";

/** One line of a bill of resources: item `item` needs `hoursPerUnit` hours of `resource`. */
export interface BillLine {
  item: number;
  resource: number;
  hoursPerUnit: number;
  /** lead-time offset in whole periods (resource profile); 0 when omitted */
  offset?: number;
}

export interface RccpInput {
  /** planned units, items × periods */
  plan: readonly (readonly number[])[];
  /** the bill's nonzero lines (sparse) */
  bill: readonly BillLine[];
  resourceCount: number;
}

export interface RccpLoad {
  /** hours, resources × periods, past-due load included in period 0 */
  load: number[][];
  /** hours per resource that fell before the first period (already inside load[r][0]) */
  pastDueLoad: number[];
}

export function rccpLoad(input: RccpInput): RccpLoad {
  const { plan, bill, resourceCount } = input;
  const periods = plan.length > 0 ? plan[0].length : 0;
  const rows: Float64Array[] = [];
  for (let r = 0; r < resourceCount; r++) rows.push(new Float64Array(periods));
  const pastDueLoad = new Array<number>(resourceCount).fill(0);

  for (const line of bill) {
    const { item, resource, hoursPerUnit } = line;
    const offset = line.offset ?? 0;
    if (item < 0 || item >= plan.length)
      throw invalidInput("bill", `bill line refers to item ${item + 1}, but the plan has ${plan.length} items.`);
    if (resource < 0 || resource >= resourceCount) {
      throw invalidInput(
        "bill",
        `bill line refers to resource ${resource + 1}, but there are ${resourceCount} resources.`,
      );
    }
    if (!(hoursPerUnit >= 0) || !Number.isFinite(hoursPerUnit)) {
      throw invalidInput(
        "bill",
        `hours per unit must be a finite number ≥ 0, not ${hoursPerUnit} (item ${item + 1}, resource ${resource + 1}).`,
      );
    }
    if (!Number.isInteger(offset) || offset < 0) {
      throw invalidInput(
        "offsets",
        `offsets must be whole periods ≥ 0, not ${offset} (item ${item + 1}, resource ${resource + 1}).`,
      );
    }
    if (hoursPerUnit === 0) continue;
    const quantities = plan[item];
    const target = rows[resource];
    // Periods whose work falls before period 0 are past due: collect them first.
    const firstOnTime = Math.min(offset, periods);
    let pastDue = 0;
    for (let t = 0; t < firstOnTime; t++) pastDue += quantities[t] * hoursPerUnit;
    if (pastDue !== 0) {
      target[0] += pastDue;
      pastDueLoad[resource] += pastDue;
    }
    for (let t = firstOnTime; t < periods; t++) target[t - offset] += quantities[t] * hoursPerUnit;
  }
  return { load: rows.map((row) => Array.from(row)), pastDueLoad };
}
