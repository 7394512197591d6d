/**
 * Saving the plan as a scenario: the DemandPlan overrides the planner typed (as the workbook's
 * data holds them), a strategy and capacity changes, under a name. Capacity changes are written
 * the way a planner says them: `Press=+10%` (a share of each period's regular hours),
 * `Press=+40` / `Press=-40` (hours added every period) or `Press=1200` (regular hours set to
 * 1,200 every period).
 */
import { invalidInput } from "../../engine/errors";
import {
  applyScenario,
  type CapacityChange,
  type Scenario,
  type Strategy,
  type ScenarioTarget,
} from "../../engine/scenarios";

/** A capacity change as typed: percent of regular hours, hours added, or hours set. */
export interface CapacitySpec {
  resource: string;
  kind: "percent" | "add" | "set";
  value: number;
}

/**
 * Reads `Resource=+10%`, `Resource=-40` or `Resource=1200`; null when the text is not of that form.
 * @example parseCapacitySpec("Press=+10%") // => { resource: "Press", kind: "percent", value: 10 }
 */
export function parseCapacitySpec(text: string): CapacitySpec | null {
  const match = /^(.+?)=([+-])?(\d+(?:\.\d+)?)(%)?$/.exec(text.trim());
  if (!match) return null;
  const resource = match[1].trim();
  if (!resource) return null;
  const magnitude = Number(match[3]) * (match[2] === "-" ? -1 : 1);
  if (match[4]) return match[2] ? { resource, kind: "percent", value: magnitude } : null;
  return { resource, kind: match[2] ? "add" : "set", value: magnitude };
}

/** The capacity changes (hours per plan period) a spec means for the plan's resources. */
function capacityChanges(data: ScenarioTarget, spec: CapacitySpec): CapacityChange[] {
  const resource = data.resources.find((r) => r.name === spec.resource);
  if (!resource)
    throw invalidInput(
      "Scenarios",
      `there is no resource "${spec.resource}" in Capacity; resources: ${data.resources.map((r) => r.name).join(", ") || "none"}.`,
    );
  if (spec.kind === "add") return [{ resource: resource.name, period: null, hours: spec.value }];
  return data.planPeriods.map((period, t) => {
    const base = resource.hours[t];
    const hours = spec.kind === "percent" ? (base * spec.value) / 100 : spec.value - base;
    return { resource: resource.name, period, hours };
  });
}

/**
 * The scenario to save: every override of the plan (DemandPlan's Override column, with its
 * reason), the strategy (null keeps the plan's) and the capacity changes. Throws PlanningError
 * (invalidInput) for a blank name, an unknown resource or a change that fits no plan.
 */
export function scenarioFromPlan(
  data: ScenarioTarget,
  name: string,
  strategy: Strategy | null,
  capacity: readonly CapacitySpec[] = [],
): Scenario {
  if (!name.trim()) throw invalidInput("Scenarios", "a scenario needs a name.");
  const overrides: Scenario["overrides"] = [];
  data.items.forEach((item, i) =>
    data.planPeriods.forEach((period, t) => {
      const quantity = data.overrides[i]?.[t];
      if (quantity !== null && quantity !== undefined)
        overrides.push({
          item: item.name,
          period,
          quantity,
          reason: data.reasons[i]?.[t] ?? null,
        });
    }),
  );
  const scenario: Scenario = {
    name: name.trim(),
    description: null,
    strategy,
    overrides,
    capacityChanges: capacity.flatMap((spec) => capacityChanges(data, spec)),
  };
  applyScenario(data, scenario); // throws when the scenario does not fit the plan
  return scenario;
}
