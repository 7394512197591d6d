/**
 * Inventory targets: the minimum inventory each family should hold at the end of every plan
 * period, in units.
 *
 * - by default, the sum of its items' `SafetyStock` (the same number every period);
 * - with Settings `SafetyStockDays` = d, a days-of-supply target on forward demand: the units the
 *   family is planned to sell in the d days after the period ends, d ÷ (7 days a week, or
 *   365 ÷ 12 days a month) periods of the following demand, the last partial period pro rata; beyond the horizon the
 *   last period's demand repeats.
 *
 * The optimal plan holds the target as a soft constraint (a penalty per unit short per period,
 * Settings `shortfallCost`, default the `backlogCost`) or as a hard one (Settings
 * `InventoryTarget` = hard); chase and level build to it where capacity allows
 * (engine/reconcile). Reference: APICS Dictionary, "safety stock" and "days of supply";
 * time-phased safety stock as days of forward coverage, Vollmann et al., "Manufacturing
 * Planning and Control", ch. 6.
 */
import { DAYS_PER_YEAR, periodsPerYear } from "../executive/inventoryMeasures";
import type { Bucket, PlanItem } from "./types";

/** How the plan treats the targets (Settings InventoryTarget, SafetyStockDays, shortfallCost). */
export interface InventoryPolicy {
  /** "soft" (default): the optimum may go below at `shortfallCost` per unit; "hard": it may not */
  mode: "soft" | "hard";
  /** days of forward demand to hold; absent = the items' SafetyStock */
  safetyStockDays?: number;
}

/**
 * Days-of-supply target on forward demand: the demand of the `days` after each period's end.
 * O(periods × days ÷ period length).
 *
 * @example
 * // 45 days on months (30.42 days each): the next month and 48 % of the one after
 * forwardCoverage([100, 200, 300], 45, "month") // => [200 + 300 × 0.4795, 300 × 1.4795, 300 × 1.4795]
 */
export function forwardCoverage(demand: readonly number[], days: number, bucket: Bucket): number[] {
  const periods = days / (bucket === "week" ? 7 : DAYS_PER_YEAR / periodsPerYear(bucket));
  const T = demand.length;
  return demand.map((_, t) => {
    let units = 0;
    let left = periods;
    for (let s = t + 1; left > 1e-12; s++) {
      const share = Math.min(left, 1);
      units += share * demand[Math.min(s, T - 1)];
      left -= share;
    }
    return units;
  });
}

/**
 * Each family's target per period (families × periods, in the order of `families`).
 *
 * @example
 * // family F with two items of safety stock 30 and 20 → 50 in every period
 * inventoryTargets(["F"], items, [[40, 60]], "month") // => [[50, 50]]
 */
export function inventoryTargets(
  families: readonly string[],
  items: readonly PlanItem[],
  familyDemand: readonly (readonly number[])[],
  bucket: Bucket,
  policy?: InventoryPolicy,
): number[][] {
  return families.map((family, f) => {
    if (policy?.safetyStockDays !== undefined) return forwardCoverage(familyDemand[f], policy.safetyStockDays, bucket);
    const safetyStock = items.reduce((sum, item) => sum + (item.family === family ? item.safetyStock : 0), 0);
    return familyDemand[f].map(() => safetyStock);
  });
}
