/**
 * How the add-in matches names a planner types (table headers, settings, cost parameters,
 * choices): case-insensitive, ignoring spaces, underscores and hyphens, so "Hours per unit",
 * "hours_per_unit" and "HoursPerUnit" are one name.
 *
 * @example normalizeName(" Overtime-Cost ") // => "overtimecost"
 */
export function normalizeName(name: string): string {
  return String(name)
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}
