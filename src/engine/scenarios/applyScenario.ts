/**
 * Applies a scenario to the plan's inputs: its overrides replace the consensus for their item
 * and period (as if the planner had typed them into DemandPlan, reason included), its strategy
 * replaces the plan's, its capacity changes add hours to the resources. The input is not
 * changed; a new object comes back. O(changes + items × periods).
 */
import { invalidInput } from "../errors";
import type { Scenario, ScenarioTarget } from "./types";

/**
 * @example
 * applyScenario(data, { name: "Promo", strategy: "chase",
 *   overrides: [{ item: "A", period: "2026-03", quantity: 150, reason: "promotion" }],
 *   capacityChanges: [{ resource: "Press", period: null, hours: 20 }] })
 * // => data with overrides[A][2026-03] = 150, strategy "chase", Press hours + 20 every period
 * @throws invalidInput naming the scenario when an item, resource or period is unknown, a
 *   quantity is negative, or a change leaves negative hours.
 */
export function applyScenario<T extends ScenarioTarget>(data: T, scenario: Scenario): T {
  const itemIndex = new Map(data.items.map((item, i) => [item.name, i]));
  const periodIndex = new Map(data.planPeriods.map((p, t) => [p, t]));
  const resourceIndex = new Map(data.resources.map((r, i) => [r.name, i]));
  const where = `scenario "${scenario.name}"`;
  const overrides = data.overrides.map((row) => row.slice());
  const reasons = data.reasons.map((row) => row.slice());
  for (const o of scenario.overrides) {
    const i = itemIndex.get(o.item);
    if (i === undefined) throw invalidInput("Scenarios", `${where} overrides item "${o.item}", which is not in Items.`);
    const t = periodIndex.get(o.period);
    if (t === undefined)
      throw invalidInput(
        "Scenarios",
        `${where} overrides ${o.item} in ${o.period}, which is not a plan period (${data.planPeriods[0]} to ${data.planPeriods[data.planPeriods.length - 1]}).`,
      );
    if (!Number.isFinite(o.quantity) || o.quantity < 0)
      throw invalidInput(
        "Scenarios",
        `${where} overrides ${o.item} in ${o.period} with ${o.quantity}; give a number of units ≥ 0.`,
      );
    overrides[i][t] = o.quantity;
    reasons[i][t] = o.reason ?? `scenario ${scenario.name}`;
  }
  const resources = data.resources.map((r) => ({
    ...r,
    hours: r.hours.slice(),
    overtimeHours: r.overtimeHours.slice(),
  }));
  for (const change of scenario.capacityChanges) {
    const r = resourceIndex.get(change.resource);
    if (r === undefined)
      throw invalidInput("Scenarios", `${where} changes capacity of "${change.resource}", which is not in Capacity.`);
    let periods: number[];
    if (change.period === null) periods = data.planPeriods.map((_, t) => t);
    else {
      const t = periodIndex.get(change.period);
      if (t === undefined)
        throw invalidInput(
          "Scenarios",
          `${where} changes ${change.resource} in ${change.period}, which is not a plan period.`,
        );
      periods = [t];
    }
    for (const t of periods) {
      resources[r].hours[t] += change.hours;
      resources[r].overtimeHours[t] += change.overtimeHours ?? 0;
      if (resources[r].hours[t] < 0 || resources[r].overtimeHours[t] < 0) {
        throw invalidInput(
          "Scenarios",
          `${where} leaves ${change.resource} with negative hours in ${data.planPeriods[t]}.`,
        );
      }
    }
  }
  return { ...data, overrides, reasons, resources, strategy: scenario.strategy ?? data.strategy };
}
