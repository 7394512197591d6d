/**
 * Inventory turns and days of supply, the standard definitions:
 *   turns          = usage per year ÷ average inventory
 *   days of supply = inventory ÷ (usage per year ÷ 365)
 * "Usage" is cost of goods when both are in money, or units sold when both are in units.
 * Reference: APICS Dictionary ("inventory turnover", "days of supply").
 */
import { invalidInput, notAvailable } from "../errors";

export const DAYS_PER_YEAR = 365;

/**
 * @example inventoryTurns(120000, 30000); // => 4
 * @throws notAvailable when the average inventory is 0; invalidInput for negative values.
 */
export function inventoryTurns(annualUsage: number, averageInventory: number): number {
  checkNonNegative(annualUsage, "annualUsage");
  checkNonNegative(averageInventory, "averageInventory");
  if (averageInventory === 0) throw notAvailable("turns are undefined with no inventory.", "averageInventory");
  return annualUsage / averageInventory;
}

/**
 * @example daysOfSupply(30000, 120000); // => 91.25  30000 / (120000 / 365)
 * @throws notAvailable when there is no usage; invalidInput for negative values.
 */
export function daysOfSupply(inventory: number, annualUsage: number): number {
  checkNonNegative(inventory, "inventory");
  checkNonNegative(annualUsage, "annualUsage");
  if (annualUsage === 0) throw notAvailable("days of supply are undefined with no usage.", "annualUsage");
  return inventory / (annualUsage / DAYS_PER_YEAR);
}

/** Plan periods in a year: 12 months or 52 weeks. */
export function periodsPerYear(bucket: "month" | "week"): number {
  return bucket === "week" ? 52 : 12;
}

function checkNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) throw invalidInput(name, `${name} must be a number ≥ 0, not ${value}.`);
}
