/**
 * The `Scenarios` sheet: the workbook's scenario book as one long table a planner can read and
 * edit (add a row to add a change), and the add-in reads back on every run.
 *
 * | Scenario | Change      | Target           | Period   | Value                  | Note        |
 * |----------|-------------|------------------|----------|------------------------|-------------|
 * | Promo    | description |                  |          |                        | free text   |
 * | Promo    | strategy    |                  |          | chase / level / optimal|             |
 * | Promo    | override    | item             | 2026-03  | units                  | reason      |
 * | Promo    | capacity    | resource         | (blank = every period) | ± regular hours |   |
 * | Promo    | overtime    | resource         | (blank = every period) | ± overtime hours |  |
 * | Promo    | promoted    |                  |          | 1, 2, … (order)        |             |
 *
 * `promoted` rows record the promotion history: the highest number is the plan.
 */
import type { Scenario, ScenarioBook, Strategy } from "../../engine/scenarios";
import { STRATEGIES } from "../../engine/reconcile/types";
import type { OwnedSheetName } from "../port";

export type ScenarioCell = string | number | boolean | null;

export const SCENARIOS_SHEET = "Scenarios" as const satisfies OwnedSheetName;
export const SCENARIO_HEADERS = ["Scenario", "Change", "Target", "Period", "Value", "Note"] as const;
const CHANGES = ["description", "strategy", "override", "capacity", "overtime", "promoted"] as const;

/** The book as the sheet's rows (headers excluded). */
export function scenarioRows(book: ScenarioBook): ScenarioCell[][] {
  const rows: ScenarioCell[][] = [];
  for (const s of book.scenarios) {
    rows.push([s.name, "description", null, null, null, s.description ?? null]);
    if (s.strategy) rows.push([s.name, "strategy", null, null, s.strategy, null]);
    for (const o of s.overrides) rows.push([s.name, "override", o.item, o.period, o.quantity, o.reason ?? null]);
    for (const c of s.capacityChanges) {
      if (c.hours !== 0 || !c.overtimeHours) rows.push([s.name, "capacity", c.resource, c.period, c.hours, null]);
      if (c.overtimeHours) rows.push([s.name, "overtime", c.resource, c.period, c.overtimeHours, null]);
    }
  }
  book.promoted.forEach((name, k) => rows.push([name, "promoted", null, null, k + 1, null]));
  return rows;
}

export interface ScenarioSheetProblem {
  /** 1-based data row */
  row: number;
  message: string;
}

/**
 * Reads the sheet's rows back into a book. Rows it cannot use are reported (and skipped), never
 * silently dropped: the planner may have typed them.
 */
export function readScenarioRows(
  headers: readonly string[],
  rows: readonly (readonly ScenarioCell[])[],
): { book: ScenarioBook; problems: ScenarioSheetProblem[] } {
  const column = (name: string) =>
    headers.findIndex((h) => String(h).replace(/\s+/g, "").toLowerCase() === name.toLowerCase());
  const at = Object.fromEntries(SCENARIO_HEADERS.map((h) => [h, column(h)])) as Record<
    (typeof SCENARIO_HEADERS)[number],
    number
  >;
  const problems: ScenarioSheetProblem[] = [];
  const missing = SCENARIO_HEADERS.filter((h) => at[h] < 0);
  if (missing.length > 0)
    return {
      book: { scenarios: [], promoted: [] },
      problems: [
        { row: 0, message: `the Scenarios table lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.` },
      ],
    };

  const scenarios = new Map<string, Scenario>();
  const promotions: { name: string; order: number }[] = [];
  const text = (v: ScenarioCell | undefined) => (v === null || v === undefined ? "" : String(v).trim());
  rows.forEach((row, r) => {
    const name = text(row[at.Scenario]);
    const change = text(row[at.Change]).toLowerCase();
    if (!name && !change) return;
    const fail = (message: string) => problems.push({ row: r + 1, message: `${name || "(no name)"}: ${message}` });
    if (!name) return fail("the row has no scenario name.");
    if (!(CHANGES as readonly string[]).includes(change))
      return fail(`Change "${text(row[at.Change])}" is not one of ${CHANGES.join(", ")}.`);
    const value = row[at.Value];
    const number =
      typeof value === "number"
        ? value
        : text(value) !== "" && Number.isFinite(Number(text(value)))
          ? Number(text(value))
          : null;
    if (change === "promoted") {
      promotions.push({ name, order: number ?? promotions.length + 1 });
      return;
    }
    let scenario = scenarios.get(name.toLowerCase());
    if (!scenario) {
      scenario = { name, description: null, strategy: null, overrides: [], capacityChanges: [] };
      scenarios.set(name.toLowerCase(), scenario);
    }
    const target = text(row[at.Target]);
    const period = text(row[at.Period]) || null;
    switch (change) {
      case "description":
        scenario.description = text(row[at.Note]) || null;
        return;
      case "strategy": {
        const strategy = text(value).toLowerCase() as Strategy;
        if (!(STRATEGIES as readonly string[]).includes(strategy))
          return fail(`strategy "${text(value)}" is not chase, level or optimal.`);
        scenario.strategy = strategy;
        return;
      }
      case "override":
        if (!target || !period) return fail("an override needs an item (Target) and a Period.");
        if (number === null || number < 0)
          return fail(`override of ${target} in ${period} needs a Value in units ≥ 0.`);
        scenario.overrides.push({ item: target, period, quantity: number, reason: text(row[at.Note]) || null });
        return;
      case "capacity":
      case "overtime":
        if (!target) return fail(`a ${change} change needs a resource (Target).`);
        if (number === null) return fail(`the ${change} change of ${target} needs a Value in hours.`);
        scenario.capacityChanges.push(
          change === "capacity"
            ? { resource: target, period, hours: number }
            : { resource: target, period, hours: 0, overtimeHours: number },
        );
        return;
    }
  });
  const names = new Set(scenarios.keys());
  const promoted = promotions
    .sort((a, b) => a.order - b.order)
    .filter((p, k) => {
      if (names.has(p.name.toLowerCase())) return true;
      problems.push({ row: 0, message: `promotion ${k + 1} names "${p.name}", which has no scenario rows; ignored.` });
      return false;
    })
    .map((p) => scenarios.get(p.name.toLowerCase())!.name);
  return { book: { scenarios: [...scenarios.values()], promoted }, problems };
}
