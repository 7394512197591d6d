/**
 * What a planner reads off load against capacity, per resource and period.
 *
 * - utilization = load ÷ capacity (1 = fully loaded; undefined when capacity is 0 and load > 0)
 * - overload    = max(0, load − capacity), hours short
 * - remaining   = capacity − load, hours left (negative when overloaded)
 *
 * Reference: Vollmann et al., ch. 10 (comparing RCCP load with available capacity).
 *
 * @example
 * capacityMeasure("overload", [[90, 60, 125, 178]], [[130, 130, 130, 130]]) // => [[0, 0, 0, 48]]
 */
import { invalidInput } from "../errors";

export type CapacityMeasure = "load" | "utilization" | "overload" | "remaining";

export const CAPACITY_MEASURES: readonly CapacityMeasure[] = ["load", "utilization", "overload", "remaining"];

/**
 * `load` and `capacity` are resources × periods. Throws `invalidInput` for utilization when a
 * period has load but no capacity (the ratio is undefined), naming the resource and period.
 */
export function capacityMeasure(
  measure: CapacityMeasure,
  load: readonly (readonly number[])[],
  capacity: readonly (readonly number[])[] | undefined,
): number[][] {
  if (measure === "load") return load.map((row) => row.slice());
  if (!capacity) throw invalidInput("capacity", `capacity is needed for output "${measure}".`);
  return load.map((row, r) =>
    row.map((hours, t) => {
      const available = capacity[r][t];
      switch (measure) {
        case "overload":
          return Math.max(0, hours - available);
        case "remaining":
          return available - hours;
        case "utilization":
          if (available === 0) {
            if (hours === 0) return 0;
            throw invalidInput(
              "capacity",
              `capacity is 0 for resource ${r + 1} in period ${t + 1} but the load is ${hours} hours, so utilization is undefined; use output "overload" or give that period capacity.`,
            );
          }
          return hours / available;
      }
    }),
  );
}

/** The periods (0-based) in which a resource's load exceeds its capacity. */
export function overloadedPeriods(load: readonly number[], capacity: readonly number[], tolerance = 1e-9): number[] {
  const out: number[] = [];
  for (let t = 0; t < load.length; t++) if (load[t] > capacity[t] + tolerance) out.push(t);
  return out;
}
