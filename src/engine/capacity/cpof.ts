/**
 * Capacity planning using overall factors (CPOF).
 *
 * Total hours b(t) = Σ_k f(k) × p(k, t), where f(k) is the total direct hours per unit of
 * item k, split across work centres by their historical share of hours:
 * hours(j, t) = share(j) × b(t). Vollmann, Berry, Whybark & Jacobs, ch. 10.
 *
 * Cost: O(items × periods + workCentres × periods).
 *
 * @example
 * cpof([[100], [50], [25]], [2, 3, 4], [0.6, 0.4]) // => { totalHours: [450], hoursByWorkCentre: [[270], [180]] }
 */
import { invalidInput } from "../errors";

export interface CpofResult {
  totalHours: number[];
  hoursByWorkCentre: number[][];
}

export function cpof(
  plan: readonly (readonly number[])[],
  hoursPerUnit: readonly number[],
  shares: readonly number[],
): CpofResult {
  if (plan.length !== hoursPerUnit.length) {
    throw invalidInput(
      "hoursPerUnit",
      `${hoursPerUnit.length} overall factors for ${plan.length} items; give one per item.`,
    );
  }
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  if (shares.some((s) => s < 0) || Math.abs(shareTotal - 1) > 1e-9) {
    throw invalidInput("shares", `historical shares must be ≥ 0 and add up to 1 (they add up to ${shareTotal}).`);
  }
  const periods = plan.length > 0 ? plan[0].length : 0;
  const totalHours = new Array<number>(periods).fill(0);
  plan.forEach((row, k) => row.forEach((units, t) => (totalHours[t] += units * hoursPerUnit[k])));
  return { totalHours, hoursByWorkCentre: shares.map((share) => totalHours.map((hours) => share * hours)) };
}
