/**
 * `PlanHistory`: the plans of the last `PLAN_HISTORY_CYCLES` cycles in long form, so accuracy can
 * be measured by lag, a family's forecast followed as its period comes closer (the forecast
 * waterfall), the last cycle's plan compared with this one ("changes since the last cycle", plan
 * adherence) and a family's past months shown as plan vs actual (FamilySOP).
 *
 * Two kinds of rows, one per cycle × key × period:
 * - item rows (Item filled): DemandPlan's Statistical and Consensus, and the teams' SalesInput,
 *   MarketingInput and the Reason when given (the measure step's value added by input and reason);
 * - family rows (Item blank): the supply plan's Production, ending Inventory and ending Backlog of
 *   the family (ProductionPlan, InventoryPlan, BacklogPlan). A family's planned demand is the sum
 *   of its item rows' Consensus, so family rows leave Statistical and Consensus blank.
 *
 * Rule: a run puts the plan sheets it writes in as the snapshot of its cycle (its PlanStart),
 * replacing that cycle's rows of the same kind (the demand step replaces the item rows, the
 * reconcile step the family rows), so the last run of a cycle is the one kept. Only the newest
 * `PLAN_HISTORY_CYCLES` plan starts are kept, and fewer when they would not fit on one sheet
 * (1,048,575 data rows): at most 12 × (items + families) × horizon rows (5,000 items × 12 months
 * → 720,000 item rows; at 18 months 1,080,000 rows would not fit and the oldest cycle goes).
 *
 * Migration: a workbook from a version that kept only the last cycle in `PreviousPlan` (long rows
 * Sheet, Key, Measure, Period, Value, PlanStart, PlannedAt) and has no PlanHistory yet gets that
 * plan imported as its first archived cycle. PreviousPlan is read, never written or deleted.
 */
import type { PlanningData } from "../../engine/cycle";
import type { FamilySeriesByPeriod } from "../../engine/executive";
import type { ArchivedForecast } from "../../engine/measure";
import { normalizeName } from "../../engine/names";
import { archiveOf, type Archive } from "../outputs";
import type { CellValue, InputTables, OutputSheet, TableData } from "../port";
import { markerTableName } from "../port";
import { isBlankCell } from "../regions";
import { periodIndex } from "../schema/periods";
import { UNITS } from "./planSheets";

/** Cycles kept in PlanHistory. */
export const PLAN_HISTORY_CYCLES = 12;

/** Data rows that fit on a worksheet (1,048,576 rows less the header). */
const SHEET_DATA_ROWS = 1_048_575;

export const PLAN_HISTORY_HEADERS = [
  "PlanStart",
  "Item",
  "Family",
  "Period",
  "Lag",
  "Statistical",
  "Consensus",
  "Production",
  "Inventory",
  "Backlog",
  "PlannedAt",
  "SalesInput",
  "MarketingInput",
  "Reason",
] as const;

type Header = (typeof PLAN_HISTORY_HEADERS)[number];
const AT = Object.fromEntries(PLAN_HISTORY_HEADERS.map((h, c) => [h, c])) as Record<Header, number>;

/** The family-table measures PlanHistory keeps, each in the column of its name. */
type FamilyMeasure = Exclude<Archive, "item demand">;

/** One archived plan row, typed. */
export interface ArchivedPlanRow {
  planStart: string;
  /** null on a family row */
  item: string | null;
  family: string;
  period: string;
  lag: number | null;
  statistical: number | null;
  consensus: number | null;
  production: number | null;
  inventory: number | null;
  backlog: number | null;
  salesInput: number | null;
  marketingInput: number | null;
  reason: string | null;
}

function column(table: TableData, name: string): number {
  return table.headers.findIndex((h) => normalizeName(h) === normalizeName(name));
}

/** Lag of `period` in a cycle starting `planStart`: 1 for the first plan period; null when not a period. */
export function lagOf(planStart: string, period: string, bucket: PlanningData["bucket"]): number | null {
  const start = periodIndex(planStart, bucket);
  const at = periodIndex(period, bucket);
  return start === null || at === null ? null : at - start + 1;
}

function emptyRow(
  planStart: string,
  item: CellValue,
  family: CellValue,
  period: string,
  bucket: PlanningData["bucket"],
) {
  const row: CellValue[] = PLAN_HISTORY_HEADERS.map(() => null);
  row[AT.PlanStart] = planStart;
  row[AT.Item] = item;
  row[AT.Family] = family;
  row[AT.Period] = period;
  row[AT.Lag] = lagOf(planStart, period, bucket);
  return row;
}

/** Rows of an old single-cycle PreviousPlan (long rows: Sheet, Key, Measure, Period, Value, PlanStart, PlannedAt). */
function fromPreviousPlan(previous: TableData, data: PlanningData): CellValue[][] {
  const [sheet, key, measure, period, value, planStart, plannedAt] = [
    "Sheet",
    "Key",
    "Measure",
    "Period",
    "Value",
    "PlanStart",
    "PlannedAt",
  ].map((h) => column(previous, h));
  if ([sheet, key, measure, period, value, planStart].some((c) => c < 0)) return [];
  const family = new Map(data.items.map((it) => [it.name.toLowerCase(), it.family]));
  const byKey = new Map<string, CellValue[]>();
  for (const row of previous.rows) {
    const archive = archiveOf(String(row[sheet] ?? ""));
    const name = String(row[key] ?? "");
    const label = String(row[period] ?? "");
    const start = String(row[planStart] ?? "");
    if (archive === undefined || !name || !label || !start || name === "All families") continue;
    const asItem = archive === "item demand";
    const k = `${start}|${asItem ? "i" : "f"}|${name}|${label}`;
    const line =
      byKey.get(k) ??
      emptyRow(
        start,
        asItem ? name : null,
        asItem ? (family.get(name.toLowerCase()) ?? null) : name,
        label,
        data.bucket,
      );
    line[AT.PlannedAt] = plannedAt >= 0 ? (row[plannedAt] ?? null) : null;
    const what = String(row[measure] ?? "");
    if (asItem && (what === "Statistical" || what === "Consensus")) line[AT[what]] = row[value];
    else if (!asItem && what === archive) line[AT[archive]] = row[value];
    else continue;
    byKey.set(k, line);
  }
  return [...byKey.values()];
}

/** The archived rows (in PLAN_HISTORY_HEADERS order): PlanHistory's, else an old PreviousPlan's. */
function archivedRows(inputs: InputTables, data: PlanningData): CellValue[][] {
  const history = inputs.owned.find((s) => s.name === "PlanHistory" && s.ownedByAddIn)?.table;
  if (history) {
    const at = PLAN_HISTORY_HEADERS.map((h) => column(history, h));
    return history.rows.map((row) => at.map((c) => (c >= 0 ? (row[c] ?? null) : null)));
  }
  const previous = inputs.owned.find((s) => s.name === "PreviousPlan" && s.ownedByAddIn)?.table;
  return previous ? fromPreviousPlan(previous, data) : [];
}

/** This run's rows from the plan sheets it writes: item rows from DemandPlan, family rows from the family tables. */
function currentRows(data: PlanningData, sheets: readonly OutputSheet[], plannedAt: CellValue) {
  const planStart = data.planPeriods[0];
  const planned = new Set(data.planPeriods);
  const items: CellValue[][] = [];
  const families = new Map<string, CellValue[]>();
  let hasFamilies = false;
  for (const sheet of sheets) {
    const archive = archiveOf(sheet.name);
    if (archive === undefined) continue;
    const at = (h: string) => sheet.headers.indexOf(h);
    if (archive === "item demand") {
      const [item, family, period, statistical, consensus] = [
        "Item",
        "Family",
        "Period",
        "Statistical",
        "Consensus",
      ].map(at);
      const kept = (["SalesInput", "MarketingInput", "Reason"] as const).map((h) => [AT[h], at(h)] as const);
      for (const row of sheet.rows) {
        if (!planned.has(String(row[period])) || row[consensus] === null) continue;
        const line = emptyRow(planStart, row[item], row[family], String(row[period]), data.bucket);
        line[AT.Statistical] = row[statistical];
        line[AT.Consensus] = row[consensus];
        for (const [to, from] of kept) if (from >= 0 && !isBlankCell(row[from])) line[to] = row[from];
        line[AT.PlannedAt] = plannedAt;
        items.push(line);
      }
      continue;
    }
    hasFamilies = true;
    const family = at("Family");
    const measure = at("Measure");
    for (const row of sheet.rows) {
      const name = String(row[family] ?? "");
      if (name === "All families" || (measure >= 0 && row[measure] !== archive)) continue;
      sheet.headers.forEach((period, c) => {
        if (!planned.has(period)) return;
        const k = `${name}|${period}`;
        const line = families.get(k) ?? emptyRow(planStart, null, name, period, data.bucket);
        line[AT[archive as FamilyMeasure]] = row[c];
        line[AT.PlannedAt] = plannedAt;
        families.set(k, line);
      });
    }
  }
  return { items: items.length > 0 ? items : null, families: hasFamilies ? [...families.values()] : null };
}

/**
 * PlanHistory with the plan sheets this run writes as its cycle's snapshot (rule above); null when
 * the run writes no archived plan sheet (PlanHistory stays as it is).
 */
export function planHistorySheet(
  inputs: InputTables,
  data: PlanningData,
  sheets: readonly OutputSheet[],
  plannedAt: CellValue,
): OutputSheet | null {
  const planStart = data.planPeriods[0];
  const current = currentRows(data, sheets, plannedAt);
  if (!current.items && !current.families) return null;
  const older = archivedRows(inputs, data).filter((row) => {
    if (String(row[AT.PlanStart]) !== planStart) return true;
    const isItem = !isBlankCell(row[AT.Item]);
    return isItem ? current.items === null : current.families === null;
  });
  const rows = [...older, ...(current.items ?? []), ...(current.families ?? [])];
  const perStart = new Map<string, number>();
  for (const row of rows) perStart.set(String(row[AT.PlanStart]), (perStart.get(String(row[AT.PlanStart])) ?? 0) + 1);
  const kept = new Set<string>();
  let size = 0;
  for (const start of [...perStart.keys()].sort().reverse()) {
    if (kept.size === PLAN_HISTORY_CYCLES || size + perStart.get(start)! > SHEET_DATA_ROWS) break;
    kept.add(start);
    size += perStart.get(start)!;
  }
  return {
    name: "PlanHistory",
    tableName: markerTableName("PlanHistory"),
    headers: [...PLAN_HISTORY_HEADERS],
    rows: rows.filter((row) => kept.has(String(row[AT.PlanStart]))),
    numberFormats: [null, null, null, null, "0", UNITS, UNITS, UNITS, UNITS, UNITS, null, UNITS, UNITS, null],
    columnWidths: [10, 12, 12, 10, 6, 12, 12, 12, 12, 12, 22, 12, 14, 24],
  };
}

const numberOrNull = (value: CellValue) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** Every archived row, typed (PlanHistory's, or an old PreviousPlan's when there is no PlanHistory). */
export function readArchivedPlans(inputs: InputTables, data: PlanningData): ArchivedPlanRow[] {
  return archivedRows(inputs, data)
    .filter((row) => !isBlankCell(row[AT.PlanStart]) && !isBlankCell(row[AT.Period]))
    .map((row) => ({
      planStart: String(row[AT.PlanStart]),
      item: isBlankCell(row[AT.Item]) ? null : String(row[AT.Item]),
      family: String(row[AT.Family] ?? ""),
      period: String(row[AT.Period]),
      lag: numberOrNull(row[AT.Lag]),
      statistical: numberOrNull(row[AT.Statistical]),
      consensus: numberOrNull(row[AT.Consensus]),
      production: numberOrNull(row[AT.Production]),
      inventory: numberOrNull(row[AT.Inventory]),
      backlog: numberOrNull(row[AT.Backlog]),
      salesInput: numberOrNull(row[AT.SalesInput]),
      marketingInput: numberOrNull(row[AT.MarketingInput]),
      reason: isBlankCell(row[AT.Reason]) ? null : String(row[AT.Reason]),
    }));
}

/** The archived item forecasts (item rows with a lag and a consensus). */
export function readPlanHistory(inputs: InputTables, data: PlanningData): ArchivedForecast[] {
  const out: ArchivedForecast[] = [];
  for (const row of readArchivedPlans(inputs, data)) {
    if (row.item === null || row.lag === null || row.consensus === null) continue;
    out.push({ ...row, item: row.item, lag: row.lag, consensus: row.consensus });
  }
  return out;
}

/** An earlier cycle's plan, as the executive and measure steps compare it. */
export interface PreviousCycle {
  /** the cycle's first plan period */
  planStart: string;
  /** its item forecasts: item, period, statistical, consensus, and the teams' inputs and the Reason when given */
  forecasts: {
    item: string;
    period: string;
    statistical: number;
    consensus: number;
    salesInput?: number | null;
    marketingInput?: number | null;
    reason?: string | null;
  }[];
  /** its demand (Σ items' consensus) and production by family and period */
  families: FamilySeriesByPeriod[];
}

/**
 * The latest archived cycle before this plan's start (the last cycle's plan), or null when none:
 * the newest PlanStart in PlanHistory earlier than `data.planPeriods[0]`. Its families are listed
 * only when that cycle's supply plan was archived (family rows).
 */
export function readPreviousCycle(inputs: InputTables, data: PlanningData): PreviousCycle | null {
  const rows = readArchivedPlans(inputs, data);
  const starts = [...new Set(rows.map((r) => r.planStart))].filter((s) => s < data.planPeriods[0]).sort();
  const planStart = starts[starts.length - 1];
  if (planStart === undefined) return null;
  const forecasts: PreviousCycle["forecasts"] = [];
  let supplied = false;
  const families = new Map<
    string,
    { family: string; demand: Record<string, number>; production: Record<string, number> }
  >();
  const familyOf = (name: string) => {
    const entry = families.get(name) ?? { family: name, demand: {}, production: {} };
    families.set(name, entry);
    return entry;
  };
  for (const row of rows) {
    if (row.planStart !== planStart) continue;
    if (row.item !== null) {
      const statistical = row.statistical ?? row.consensus;
      const consensus = row.consensus ?? row.statistical;
      if (statistical === null || consensus === null) continue;
      forecasts.push({
        item: row.item,
        period: row.period,
        statistical,
        consensus,
        salesInput: row.salesInput,
        marketingInput: row.marketingInput,
        reason: row.reason,
      });
      if (row.family) {
        const entry = familyOf(row.family);
        entry.demand[row.period] = (entry.demand[row.period] ?? 0) + consensus;
      }
    } else if (row.production !== null && row.family) {
      supplied = true;
      familyOf(row.family).production[row.period] = row.production;
    }
  }
  if (forecasts.length === 0 && !supplied) return null;
  // Families only when the cycle's supply plan was archived: a demand-only cycle has no production to compare.
  return { planStart, forecasts, families: supplied ? [...families.values()] : [] };
}
