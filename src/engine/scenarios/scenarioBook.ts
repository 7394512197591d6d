/**
 * Keeping scenarios: save (add or replace by name), remove, promote one to be the plan, and
 * revert a promotion. Every verb returns a new book; promotion is a history, so reverting
 * always brings the previous plan back (the base plan when the history empties).
 */
import { invalidInput, notAvailable } from "../errors";
import type { Scenario, ScenarioBook } from "./types";

export const EMPTY_BOOK: ScenarioBook = { scenarios: [], promoted: [] };

/** Adds the scenario, or replaces the one with the same name (names are case-insensitive). */
export function saveScenario(book: ScenarioBook, scenario: Scenario): ScenarioBook {
  const name = scenario.name.trim();
  if (!name) throw invalidInput("Scenarios", "a scenario needs a name.");
  const at = book.scenarios.findIndex((s) => sameName(s.name, name));
  const scenarios = book.scenarios.slice();
  if (at >= 0) scenarios[at] = { ...scenario, name };
  else scenarios.push({ ...scenario, name });
  return { ...book, scenarios };
}

/** Removes a scenario; refuses while it is the plan (revert the promotion first). */
export function removeScenario(book: ScenarioBook, name: string): ScenarioBook {
  const active = activeScenarioName(book);
  if (active !== null && sameName(active, name))
    throw invalidInput("Scenarios", `"${name}" is the plan; revert its promotion before removing it.`);
  return {
    ...book,
    scenarios: book.scenarios.filter((s) => !sameName(s.name, name)),
    promoted: book.promoted.filter((p) => !sameName(p, name)),
  };
}

/**
 * Makes the scenario the plan; the plan before it stays in the history.
 * @example promoteScenario({ scenarios: [a, b], promoted: ["A"] }, "B").promoted // => ["A", "B"]
 */
export function promoteScenario(book: ScenarioBook, name: string): ScenarioBook {
  const scenario = findScenario(book, name);
  if (!scenario)
    throw invalidInput(
      "Scenarios",
      `there is no scenario "${name}" to promote; saved: ${book.scenarios.map((s) => s.name).join(", ") || "none"}.`,
    );
  return { ...book, promoted: [...book.promoted, scenario.name] };
}

/**
 * Undoes the last promotion: the previous plan is the plan again.
 * @example revertPromotion({ scenarios: [a, b], promoted: ["A", "B"] }).promoted // => ["A"]
 * @throws notAvailable when nothing was promoted.
 */
export function revertPromotion(book: ScenarioBook): ScenarioBook {
  if (book.promoted.length === 0)
    throw notAvailable("no scenario has been promoted, so the base plan is already the plan.", "Scenarios");
  return { ...book, promoted: book.promoted.slice(0, -1) };
}

/** The name of the scenario that is the plan, or null for the base plan. */
export function activeScenarioName(book: ScenarioBook): string | null {
  return book.promoted.length > 0 ? book.promoted[book.promoted.length - 1] : null;
}

/** The scenario that is the plan, or null for the base plan. */
export function activeScenario(book: ScenarioBook): Scenario | null {
  const name = activeScenarioName(book);
  return name === null ? null : (findScenario(book, name) ?? null);
}

export function findScenario(book: ScenarioBook, name: string): Scenario | undefined {
  return book.scenarios.find((s) => sameName(s.name, name));
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
