/**
 * `PlanHistory`: the demand plans of the last `PLAN_HISTORY_CYCLES` cycles in long form, one row
 * per cycle × item × period (PlanStart, Item, Family, Period, Lag, Statistical, Consensus,
 * PlannedAt), so accuracy can be measured by lag and a family's forecast followed as its period
 * comes closer (the forecast waterfall).
 *
 * Rule: every run that writes DemandPlan puts its plan in as the snapshot of its cycle (its
 * PlanStart), replacing an earlier snapshot of the same cycle, so the last run of a cycle is the
 * one kept. Only the newest `PLAN_HISTORY_CYCLES` plan starts are kept: the sheet holds at most
 * 12 × items × horizon rows (1,000 items × 18 months → 216,000 rows). A workbook that only has the
 * older single-cycle PreviousPlan gets that plan imported as the first snapshot.
 */
import type { PlanningData } from "../../engine/cycle";
import type { ArchivedForecast } from "../../engine/measure";
import { normalizeName } from "../../engine/names";
import type { CellValue, InputTables, OutputSheet, TableData } from "../port";
import { markerTableName } from "../port";
import { periodIndex } from "../schema/periods";
import { UNITS } from "./planSheets";

/** Cycles kept in PlanHistory. */
export const PLAN_HISTORY_CYCLES = 12;

export const PLAN_HISTORY_HEADERS = [
  "PlanStart",
  "Item",
  "Family",
  "Period",
  "Lag",
  "Statistical",
  "Consensus",
  "PlannedAt",
] as const;

function column(table: TableData, name: string): number {
  return table.headers.findIndex((h) => normalizeName(h) === normalizeName(name));
}

/** Lag of `period` in a cycle starting `planStart`: 1 for the first plan period; null when not a period. */
export function lagOf(planStart: string, period: string, bucket: PlanningData["bucket"]): number | null {
  const start = periodIndex(planStart, bucket);
  const at = periodIndex(period, bucket);
  return start === null || at === null ? null : at - start + 1;
}

/** The archived rows of an existing PlanHistory, or of an old PreviousPlan's DemandPlan rows. */
function existingRows(inputs: InputTables, data: PlanningData): CellValue[][] {
  const history = inputs.owned.find((s) => s.name === "PlanHistory" && s.ownedByAddIn)?.table;
  if (history) {
    const at = PLAN_HISTORY_HEADERS.map((h) => column(history, h));
    return history.rows.map((row) => at.map((c) => (c >= 0 ? (row[c] ?? null) : null)));
  }
  const previous = inputs.owned.find((s) => s.name === "PreviousPlan" && s.ownedByAddIn)?.table;
  if (!previous) return [];
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
    if (row[sheet] !== "DemandPlan") continue;
    const start = String(row[planStart] ?? "");
    const item = String(row[key] ?? "");
    const label = String(row[period] ?? "");
    const k = `${start}|${item}|${label}`;
    const line = byKey.get(k) ?? [
      start,
      item,
      family.get(item.toLowerCase()) ?? null,
      label,
      lagOf(start, label, data.bucket),
      null,
      null,
      plannedAt >= 0 ? (row[plannedAt] ?? null) : null,
    ];
    if (row[measure] === "Statistical") line[5] = row[value];
    if (row[measure] === "Consensus") line[6] = row[value];
    byKey.set(k, line);
  }
  return [...byKey.values()];
}

/** PlanHistory with this run's demand plan (the DemandPlan sheet written) as its cycle's snapshot. */
export function planHistorySheet(
  inputs: InputTables,
  data: PlanningData,
  demandPlan: OutputSheet,
  plannedAt: CellValue,
): OutputSheet {
  const planStart = data.planPeriods[0];
  const at = (h: string) => demandPlan.headers.indexOf(h);
  const [item, family, period, statistical, consensus] = ["Item", "Family", "Period", "Statistical", "Consensus"].map(
    at,
  );
  const planned = new Set(data.planPeriods);
  const current: CellValue[][] = demandPlan.rows
    .filter((row) => planned.has(String(row[period])) && row[consensus] !== null)
    .map((row) => [
      planStart,
      row[item],
      row[family],
      row[period],
      lagOf(planStart, String(row[period]), data.bucket),
      row[statistical],
      row[consensus],
      plannedAt,
    ]);
  const older = existingRows(inputs, data).filter((row) => String(row[0]) !== planStart);
  const starts = [...new Set([...older.map((row) => String(row[0])), planStart])].sort();
  const kept = new Set(starts.slice(-PLAN_HISTORY_CYCLES));
  return {
    name: "PlanHistory",
    tableName: markerTableName("PlanHistory"),
    headers: [...PLAN_HISTORY_HEADERS],
    rows: [...older.filter((row) => kept.has(String(row[0]))), ...current],
    numberFormats: [null, null, null, null, "0", UNITS, UNITS, null],
    columnWidths: [10, 12, 12, 10, 6, 12, 12, 22],
  };
}

/** The archived forecasts in PlanHistory (rows without a number are skipped). */
export function readPlanHistory(inputs: InputTables): ArchivedForecast[] {
  const table = inputs.owned.find((s) => s.name === "PlanHistory" && s.ownedByAddIn)?.table;
  if (!table) return [];
  const at = PLAN_HISTORY_HEADERS.map((h) => column(table, h));
  if (at.some((c) => c < 0 && c !== at[7])) return [];
  const out: ArchivedForecast[] = [];
  for (const row of table.rows) {
    const lag = row[at[4]];
    const consensus = row[at[6]];
    if (typeof lag !== "number" || typeof consensus !== "number") continue;
    out.push({
      planStart: String(row[at[0]] ?? ""),
      item: String(row[at[1]] ?? ""),
      family: String(row[at[2]] ?? ""),
      period: String(row[at[3]] ?? ""),
      lag,
      consensus,
    });
  }
  return out;
}
