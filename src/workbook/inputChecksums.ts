/**
 * Checksums of the inputs a plan is computed from, one per input, so a sign-off can tell that the
 * plan on the sheets is stale (an input changed after the plan was written) and name what changed.
 * A planning step records them in its PlanLog row; `approve` compares them with the inputs as
 * they are now. Canonical form and hash are the plan checksum's (engine/executive/planChecksum).
 *
 * The inputs are what `parsePlanningData` reads (the plan's data) and the promoted scenario:
 * - the input tables Sales, Items, Capacity, BillOfResources, Settings and Initiatives (absent is
 *   a value of its own);
 * - "Overrides": the planner's Override and the teams' SalesInput / MarketingInput cells on
 *   DemandPlan, "FamilyOverrides": the Override cells on FamilyPlan (Reason text changes no number
 *   and is left out);
 * - "Scenarios": the promoted scenario (saving or removing another scenario changes no plan).
 * Production, Deliveries and Assumptions (actuals and notes for the measure and the meeting pack)
 * and the add-in's other sheets (PlanLog, PlanHistory, ExecutiveSummary, ...) are not inputs.
 *
 * The input tables are summed **as parsed** (`parsePlanningData`), not as typed: a quantity stored
 * as text, a header in other case, a column or a Settings row the add-in ignores, or a Settings
 * Note changes no number the plan is computed from, and does not make the plan stale. Only when the
 * inputs do not parse (an error) are the tables summed as cells. Row order and column order are
 * ignored: every table is read into item × period (or key) values, so moving rows or columns
 * changes no number of the plan (at most the order of a sheet's rows). Budget, ReasonCodes and the alert limits feed the executive pack and the measures, not
 * the four plan sheets, so they are not plan inputs.
 */
import { activeScenario } from "../engine/scenarios";
import { checksumCell, checksumOf, PLAN_CHECKSUM_SHEETS } from "../engine/executive";
import { normalizeName } from "../engine/names";
import type { PlanningData } from "../engine/cycle/types";
import type { CellValue, InputTables, OutputSheet } from "./port";
import { readScenarioBook } from "./executive/readActuals";
import { planLogRuns } from "./layout/historySheets";
import { parsePlanningData } from "./parse/planningData";
import { sheetsWrittenBy, type StepName } from "./outputs";

export const PLAN_INPUTS = [
  "Sales",
  "Items",
  "Capacity",
  "BillOfResources",
  "Settings",
  "Initiatives",
  "Overrides",
  "FamilyOverrides",
  "Scenarios",
] as const;
export type PlanInput = (typeof PLAN_INPUTS)[number];

/** How a message names an input. */
export function describeInput(input: string): string {
  if (input === "Overrides") return "DemandPlan's overrides and team inputs";
  if (input === "FamilyOverrides") return "FamilyPlan's overrides";
  if (input === "Scenarios") return "the promoted scenario";
  return input;
}

interface Grid {
  headers: readonly string[];
  rows: readonly (readonly CellValue[])[];
}

/** A whole table: columns in header order (normalized), rows sorted, blank rows skipped. */
function tableSum(table: Grid | undefined): string {
  if (!table) return checksumOf(["absent"]);
  const columns = table.headers.map((h, c) => ({ name: normalizeName(h), c })).sort(byName);
  const lines: string[] = [];
  for (const row of table.rows) {
    const cells = columns.map(({ c }) => checksumCell(row[c]));
    if (cells.some((cell) => cell !== "")) lines.push(cells.join("|"));
  }
  lines.sort();
  return checksumOf([columns.map((c) => c.name).join("|"), ...lines]);
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** JSON with every object's keys in sorted order, so equal data gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return value === undefined ? "null" : JSON.stringify(value);
}

/** The checksums of the input tables (Sales, Items, …), from the parsed plan data. */
export type TableSums = Partial<Record<PlanInput, string>>;

/** The input tables summed from the parsed plan data; undefined when the inputs do not parse. */
function parsedSums(inputs: InputTables): TableSums | undefined {
  let parsed;
  try {
    parsed = parsePlanningData(inputs).data;
  } catch {
    return undefined;
  }
  return parsed ? planDataSums(parsed) : undefined;
}

/**
 * The input tables' checksums from plan data as `parsePlanningData` gave it, before a step changes
 * it (a family edit): a step that has parsed the inputs passes these to `inputChecksums` instead of
 * parsing them again (a second parse of 5,000 items × 60 months costs about a second).
 */
export function planDataSums(parsed: PlanningData): TableSums {
  // Left out: the planner's edits (summed as written, below), what is derived from other fields
  // (families, outliers), and what no plan sheet depends on (budget, reason codes, alert limits,
  // the family S&OP sheet's history length).
  const {
    history,
    historyPeriods,
    items,
    resources,
    bill,
    initiatives,
    families: _families,
    historyOutliers: _outliers,
    overrides: _overrides,
    reasons: _reasons,
    teamInputs: _teamInputs,
    familyOverrides: _familyOverrides,
    familyReasons: _familyReasons,
    reasonCodes: _reasonCodes,
    budget: _budget,
    alertLimits: _alertLimits,
    familySopHistory: _familySopHistory,
    ...settings
  } = parsed;
  const sorted = (values: readonly unknown[]) => values.map(canonicalJson).sort();
  return {
    Sales: checksumOf([canonicalJson(historyPeriods), ...sorted(items.map((item, i) => [item.name, history[i]]))]),
    Items: checksumOf(sorted(items)),
    Capacity: checksumOf(sorted(resources)),
    BillOfResources: checksumOf(sorted(bill)),
    Settings: checksumOf([canonicalJson(settings)]),
    Initiatives: checksumOf(sorted(initiatives ?? [])),
  };
}

/** The key columns and the edited value columns of an owned sheet: rows with a value, sorted. */
function editsSum(table: Grid | undefined, keys: readonly string[], values: readonly string[]): string {
  if (!table) return checksumOf([]);
  const at = (name: string) => table.headers.findIndex((h) => normalizeName(h) === normalizeName(name));
  const keyColumns = keys.map(at);
  const valueColumns = values.map(at);
  if (keyColumns.some((c) => c < 0)) return checksumOf([]);
  const lines: string[] = [];
  for (const row of table.rows) {
    const cells = valueColumns.map((c) => (c < 0 ? "" : checksumCell(row[c])));
    if (cells.every((cell) => cell === "")) continue;
    lines.push([...keyColumns.map((c) => checksumCell(row[c])), ...cells].join("|"));
  }
  lines.sort();
  return checksumOf(lines);
}

/**
 * The checksum of each plan input. `written`: the sheets the step writes, so the planner's edits
 * are summed as the written DemandPlan / FamilyPlan hold them (a family override typed in the
 * pane is written with the plan); without them, as read.
 *
 * @example inputChecksums(inputs).Sales // => 16 hex digits, the same whatever the Sales rows' order
 */
export function inputChecksums(
  inputs: InputTables,
  written: readonly OutputSheet[] = [],
  tables: TableSums | undefined = parsedSums(inputs),
): Record<PlanInput, string> {
  const owned = (name: string): Grid | undefined =>
    written.find((s) => s.name === name) ?? inputs.owned.find((s) => s.name === name && s.ownedByAddIn)?.table;
  const scenario = activeScenario(readScenarioBook(inputs, []));
  const sums = {} as Record<PlanInput, string>;
  for (const input of PLAN_INPUTS) {
    if (input === "Overrides")
      sums[input] = editsSum(owned("DemandPlan"), ["Item", "Period"], ["Override", "SalesInput", "MarketingInput"]);
    else if (input === "FamilyOverrides")
      sums[input] = editsSum(owned("FamilyPlan"), ["Family", "Period"], ["Override"]);
    else if (input === "Scenarios") sums[input] = checksumOf([scenario ? JSON.stringify(scenario) : "none"]);
    else sums[input] = tables?.[input] ?? tableSum(inputs.tables[input]);
  }
  return sums;
}

/** As PlanLog's InputChecksums cell holds them: `Sales=0123456789abcdef; Items=…`. */
export function formatInputChecksums(sums: Readonly<Record<string, string>>): string {
  return Object.entries(sums)
    .map(([input, sum]) => `${input}=${sum}`)
    .join("; ");
}

/** The checksums in a PlanLog cell; null when the cell holds none (a run from before they were recorded). */
export function parseInputChecksums(cell: CellValue | undefined): Record<string, string> | null {
  const sums: Record<string, string> = {};
  for (const part of String(cell ?? "").split(";")) {
    const match = /^\s*([A-Za-z]+)=([0-9a-f]{16})\s*$/.exec(part);
    if (match) sums[match[1]] = match[2];
  }
  return Object.keys(sums).length > 0 ? sums : null;
}

/**
 * The inputs whose checksum differs, in the recorded order. An input only one side has (recorded
 * by another version of the add-in) cannot be compared and is not reported.
 */
export function changedInputs(
  recorded: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(recorded).filter((name) => name in now && recorded[name] !== now[name]);
}

/** Whether the plan on the sheets was computed from the inputs as they are now. */
export interface Staleness {
  /** false when a run that wrote the plan sheets recorded no input checksums (an older add-in) */
  checked: boolean;
  /** the inputs changed since (PLAN_INPUTS names; see describeInput), empty when not stale */
  changed: string[];
  /** when the plan sheets were written (the earliest of the runs that wrote them), as PlanLog says */
  computedAt: string | null;
}

/**
 * Compares the inputs now with the checksums recorded by the runs that wrote the plan sheets as
 * they stand (for each of PLAN_CHECKSUM_SHEETS, the last PlanLog row of a step that writes it).
 */
export function planStaleness(inputs: InputTables): Staleness {
  const runs = planLogRuns(inputs);
  const writers = new Set<number>();
  for (const sheet of PLAN_CHECKSUM_SHEETS) {
    // The latest run by its Time (PlanLog is an ordinary table a planner may sort), then by row.
    let r = -1;
    for (let i = 0; i < runs.length; i++)
      if (writesSheet(runs[i].step, sheet) && (r < 0 || !laterRun(runs[r].time, runs[i].time))) r = i;
    if (r < 0) return { checked: false, changed: [], computedAt: null };
    writers.add(r);
  }
  const now = inputChecksums(inputs);
  const changed = new Set<string>();
  for (const r of writers) {
    const recorded = parseInputChecksums(runs[r].inputChecksums);
    if (!recorded) return { checked: false, changed: [], computedAt: runs[r].time || null };
    for (const name of changedInputs(recorded, now)) changed.add(name);
  }
  const times = [...writers].map((r) => runs[r].time).sort();
  return { checked: true, changed: PLAN_INPUTS.filter((name) => changed.has(name)), computedAt: times[0] || null };
}

/** Whether PlanLog time `a` is later than `b`: ISO times compared; otherwise neither is (row order decides). */
function laterRun(a: string, b: string): boolean {
  const iso = /^\d{4}-\d{2}-\d{2}T/;
  return iso.test(a) && iso.test(b) && a > b;
}

/** Whether a PlanLog row's step writes `sheet` ("approve" and unknown steps write none). */
function writesSheet(step: string, sheet: string): boolean {
  return (sheetsWrittenBy(step as StepName) as string[]).includes(sheet);
}

/** The message for a stale plan, naming what changed and when the plan was computed. */
export function staleMessage(staleness: Staleness): string {
  const names = staleness.changed.map(describeInput);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
  return `The plan is stale: ${list} changed since the plan was computed${staleness.computedAt ? ` at ${staleness.computedAt}` : ""}.`;
}

/** Thrown by `approve` when the plan is stale and the sign-off did not allow it; nothing was written. */
export class StalePlanError extends Error {
  constructor(readonly staleness: Staleness) {
    super(staleMessage(staleness));
    this.name = "StalePlanError";
  }
}
