/**
 * The planner's Override and Reason cells in the add-in's own DemandPlan sheet, and the teams'
 * SalesInput and MarketingInput cells, carried into the next run (matched on Item and Period), so a
 * re-run never drops them.
 */
import { normalizeName } from "../../engine/names";
import type { PlanItem } from "../../engine/cycle/types";
import type { TeamInputs } from "../../engine/cycle/teamInputs";
import type { CellValue, InputTables, OutputSheet, ValidationProblem } from "../port";
import { isBlankCell } from "../regions";
import { findColumn } from "../schema/tables";
import { TableReader } from "./tableReader";

export interface PlannerEdits {
  overrides: (number | null)[][];
  reasons: (string | null)[][];
  /** the teams' inputs; absent when DemandPlan holds no SalesInput or MarketingInput number */
  teamInputs?: TeamInputs;
}

/** The teams' input columns of DemandPlan, and what a value means (for the problem's hint). */
const TEAM_COLUMNS = [
  { key: "sales", header: "SalesInput", meaning: "the sales team's demand in units (≥ 0), or blank" },
  { key: "marketing", header: "MarketingInput", meaning: "the marketing team's demand in units (≥ 0), or blank" },
] as const;

/** An override row that matches no item × plan period of this run, kept so it is not lost. */
export interface KeptEdit {
  item: string;
  family: CellValue;
  period: string;
  override: number | null;
  reason: string | null;
  salesInput: number | null;
  marketingInput: number | null;
}

const column = (name: string) => ({ name, required: true, describe: name });

/** Reads Override/Reason from the owned DemandPlan table; problems for non-numeric or negative overrides. */
export function readOverrides(
  inputs: InputTables,
  problems: ValidationProblem[],
  items: PlanItem[],
  planPeriods: string[],
): PlannerEdits {
  const overrides = items.map(() => new Array<number | null>(planPeriods.length).fill(null));
  const reasons = items.map(() => new Array<string | null>(planPeriods.length).fill(null));
  const table = inputs.owned.find((s) => s.name === "DemandPlan" && s.ownedByAddIn)?.table;
  if (!table) return { overrides, reasons };
  const at = {
    item: findColumn(table.headers, column("Item")),
    period: findColumn(table.headers, column("Period")),
    override: findColumn(table.headers, column("Override")),
    reason: findColumn(table.headers, column("Reason")),
  };
  if (at.item < 0 || at.period < 0) return { overrides, reasons };
  const team = TEAM_COLUMNS.map((c) => ({ ...c, at: findColumn(table.headers, column(c.header)) }));
  const teamInputs: TeamInputs | undefined = team.some((c) => c.at >= 0)
    ? {
        sales: items.map(() => new Array(planPeriods.length).fill(null)),
        marketing: items.map(() => new Array(planPeriods.length).fill(null)),
      }
    : undefined;
  const itemIndex = new Map(items.map((item, i) => [item.name.toLowerCase(), i]));
  const periodIndex = new Map(planPeriods.map((p, t) => [p, t]));
  const reader = new TableReader(table, problems);
  for (let row = 0; row < reader.rowCount; row++) {
    const item = itemIndex.get(String(reader.value(row, at.item) ?? "").toLowerCase());
    const t = periodIndex.get(String(reader.value(row, at.period) ?? ""));
    if (item === undefined || t === undefined) continue;
    if (at.override >= 0 && !isBlankCell(reader.value(row, at.override))) {
      const value = reader.number(row, at.override, {
        nonNegative: true,
        meaning: "the planner's demand in units (≥ 0), or blank for the statistical forecast",
      });
      if (typeof value === "number") overrides[item][t] = value;
    }
    const reason = at.reason >= 0 ? reader.value(row, at.reason) : null;
    if (!isBlankCell(reason)) reasons[item][t] = String(reason);
    for (const c of team) {
      if (c.at < 0 || isBlankCell(reader.value(row, c.at))) continue;
      const value = reader.number(row, c.at, { nonNegative: true, meaning: c.meaning });
      if (typeof value === "number") teamInputs![c.key][item][t] = value;
    }
  }
  // Only when a team typed a number: a plan without inputs has no teamInputs, whatever its columns.
  const given = teamInputs && [...teamInputs.sales, ...teamInputs.marketing].some((row) => row.some((v) => v !== null));
  return { overrides, reasons, ...(given ? { teamInputs } : {}) };
}

/** Override rows of the previous DemandPlan that this run's items × periods do not cover (a later or unknown period). */
export function unmatchedEdits(inputs: InputTables, items: PlanItem[], planPeriods: string[]): KeptEdit[] {
  const table = inputs.owned.find((s) => s.name === "DemandPlan" && s.ownedByAddIn)?.table;
  if (!table) return [];
  const at = (name: string) => findColumn(table.headers, column(name));
  const [item, family, period, override, reason, sales, marketing] = [
    "Item",
    "Family",
    "Period",
    "Override",
    "Reason",
    "SalesInput",
    "MarketingInput",
  ].map(at);
  if (item < 0 || period < 0) return [];
  const known = new Set(items.map((i) => i.name.toLowerCase()));
  const planned = new Set(planPeriods);
  const firstPlanned = planPeriods[0] ?? "";
  const kept: KeptEdit[] = [];
  for (const row of table.rows) {
    const name = String(row[item] ?? "");
    const label = String(row[period] ?? "");
    const value = override >= 0 ? row[override] : null;
    const note = reason >= 0 ? row[reason] : null;
    const salesInput = sales >= 0 ? row[sales] : null;
    const marketingInput = marketing >= 0 ? row[marketing] : null;
    if ([value, note, salesInput, marketingInput].every(isBlankCell)) continue;
    if (known.has(name.toLowerCase()) && planned.has(label)) continue;
    // Periods before the plan start are history now: their consensus is archived in PlanHistory.
    if (label < firstPlanned) continue;
    kept.push({
      item: name,
      family: family >= 0 ? row[family] : null,
      period: label,
      override: typeof value === "number" ? value : null,
      reason: isBlankCell(note) ? null : String(note),
      salesInput: typeof salesInput === "number" ? salesInput : null,
      marketingInput: typeof marketingInput === "number" ? marketingInput : null,
    });
  }
  return kept;
}

/**
 * Columns a planner added to the DemandPlan table (a comment, a sales rep's number) are kept on
 * re-runs too: appended after the add-in's columns, values matched on Item and Period.
 */
export function withPlannerColumns(sheet: OutputSheet, inputs: InputTables): OutputSheet {
  const table = inputs.owned.find((s) => s.name === sheet.name && s.ownedByAddIn)?.table;
  if (!table) return sheet;
  const ours = new Set(sheet.headers.map(normalizeName));
  const extra = table.headers
    .map((h, c) => ({ header: h, column: c }))
    .filter(({ header }) => header.trim() !== "" && !ours.has(normalizeName(header)) && !/^Column\d+$/.test(header));
  if (extra.length === 0) return sheet;
  const item = findColumn(table.headers, column("Item"));
  const period = findColumn(table.headers, column("Period"));
  if (item < 0 || period < 0) return sheet;
  const byKey = new Map<string, CellValue[]>();
  for (const row of table.rows)
    byKey.set(
      `${String(row[item] ?? "").toLowerCase()}|${String(row[period] ?? "")}`,
      extra.map(({ column: c }) => row[c] ?? null),
    );
  const ourItem = sheet.headers.indexOf("Item");
  const ourPeriod = sheet.headers.indexOf("Period");
  return {
    ...sheet,
    headers: [...sheet.headers, ...extra.map((e) => e.header)],
    rows: sheet.rows.map((row) => [
      ...row,
      ...(byKey.get(`${String(row[ourItem] ?? "").toLowerCase()}|${String(row[ourPeriod] ?? "")}`) ??
        extra.map(() => null)),
    ]),
    numberFormats: sheet.numberFormats ? [...sheet.numberFormats, ...extra.map(() => null)] : undefined,
    columnWidths: sheet.columnWidths
      ? [...sheet.columnWidths, ...extra.map((e) => Math.max(12, e.header.length + 4))]
      : undefined,
  };
}

export interface FamilyEdits {
  familyOverrides: (number | null)[][];
  familyReasons: (string | null)[][];
}

/**
 * Reads the planner's family volume overrides (Override/Reason) from the owned FamilyPlan table,
 * matched on Family and Period, so a re-run keeps them; problems for non-numeric or negative ones.
 */
export function readFamilyOverrides(
  inputs: InputTables,
  problems: ValidationProblem[],
  families: string[],
  planPeriods: string[],
): FamilyEdits {
  const familyOverrides = families.map(() => new Array<number | null>(planPeriods.length).fill(null));
  const familyReasons = families.map(() => new Array<string | null>(planPeriods.length).fill(null));
  const table = inputs.owned.find((s) => s.name === "FamilyPlan" && s.ownedByAddIn)?.table;
  if (!table) return { familyOverrides, familyReasons };
  const at = {
    family: findColumn(table.headers, column("Family")),
    period: findColumn(table.headers, column("Period")),
    override: findColumn(table.headers, column("Override")),
    reason: findColumn(table.headers, column("Reason")),
  };
  if (at.family < 0 || at.period < 0) return { familyOverrides, familyReasons };
  const familyIndex = new Map(families.map((family, f) => [family.toLowerCase(), f]));
  const periodIndex = new Map(planPeriods.map((p, t) => [p, t]));
  const reader = new TableReader(table, problems);
  for (let row = 0; row < reader.rowCount; row++) {
    const f = familyIndex.get(String(reader.value(row, at.family) ?? "").toLowerCase());
    const t = periodIndex.get(String(reader.value(row, at.period) ?? ""));
    if (f === undefined || t === undefined) continue;
    if (at.override >= 0 && !isBlankCell(reader.value(row, at.override))) {
      const value = reader.number(row, at.override, {
        nonNegative: true,
        meaning: "the family's demand in units (≥ 0), or blank for the sum of its items",
      });
      if (typeof value === "number") familyOverrides[f][t] = value;
    }
    const reason = at.reason >= 0 ? reader.value(row, at.reason) : null;
    if (!isBlankCell(reason)) familyReasons[f][t] = String(reason);
  }
  return { familyOverrides, familyReasons };
}
