/**
 * The sheets that remember: `PreviousPlan` (the last cycle's plan, so changes since then can be
 * shown) and `PlanLog` (one row per run).
 *
 * PreviousPlan rule: when a run writes plan sheets whose first plan period differs from the
 * existing sheets' (a new cycle), the existing sheets are copied into PreviousPlan first; when
 * there is no PreviousPlan yet, the existing sheets are copied whatever their period. Re-runs
 * inside one cycle keep the previous cycle's plan, so "changes since the last cycle" stays
 * true while planners iterate.
 */
import { normalizeName } from "../../engine/names";
import type { PlanKpis } from "../../engine/cycle";
import type { CellValue, InputTables, OutputSheet, TableData } from "../port";
import { markerTableName } from "../port";
import { isBlankCell } from "../regions";
import { archiveOf } from "../outputs";
import { MONEY, PERCENT, UNITS } from "./planSheets";

export const PREVIOUS_PLAN_HEADERS = ["Sheet", "Key", "Measure", "Period", "Value", "PlanStart", "PlannedAt"];
export const PLAN_LOG_HEADERS = [
  "Time",
  "Step",
  "Strategy",
  "PlanStart",
  "Horizon",
  "Demand",
  "Production",
  "AverageInventory",
  "EndingBacklog",
  "TotalCost",
  "FillRate",
  "OverloadedPeriods",
  "Warnings",
  "PlanChecksum",
  "By",
  "Role",
];

const PERIOD = /^\d{4}-(\d{2}|W\d{2})$/;

function column(table: TableData, name: string): number {
  return table.headers.findIndex((h) => normalizeName(h) === normalizeName(name));
}

/** Long rows (Sheet, Key, Measure, Period, Value) from one existing owned plan table. */
function unpivot(
  sheet: string,
  table: TableData,
): { rows: [string, CellValue, CellValue, string, CellValue][]; firstPeriod: string | null } {
  const rows: [string, CellValue, CellValue, string, CellValue][] = [];
  const archive = archiveOf(sheet);
  if (archive === undefined) return { rows, firstPeriod: null };
  if (archive !== "family table") {
    const key = column(table, archive.key);
    const period = column(table, "Period");
    if (key < 0 || period < 0) return { rows, firstPeriod: null };
    let first: string | null = null;
    for (const line of table.rows) {
      const label = String(line[period] ?? "");
      if (!PERIOD.test(label)) continue;
      if (first === null || label < first) first = label;
      for (const measure of archive.measures) {
        const at = column(table, measure);
        if (at >= 0 && !isBlankCell(line[at])) rows.push([sheet, line[key], measure, label, line[at]]);
      }
    }
    return { rows, firstPeriod: first };
  }
  const family = column(table, "Family");
  const measure = column(table, "Measure");
  const periods = table.headers.map((h, c) => (PERIOD.test(h) ? c : -1)).filter((c) => c >= 0);
  if (family < 0) return { rows, firstPeriod: null };
  for (const line of table.rows) {
    for (const c of periods)
      rows.push([
        sheet,
        line[family],
        measure >= 0 ? line[measure] : sheet.replace(/Plan$/, ""),
        table.headers[c],
        line[c],
      ]);
  }
  return { rows, firstPeriod: periods.length > 0 ? table.headers[periods[0]] : null };
}

/** The PreviousPlan sheet to write with `sheets`, or null when it stays as it is (rule above). */
export function previousPlanSheet(
  inputs: InputTables,
  sheets: readonly OutputSheet[],
  planStart: string,
): OutputSheet | null {
  const existing = inputs.owned.find((s) => s.name === "PreviousPlan" && s.ownedByAddIn)?.table;
  const plannedAt = lastLogTime(inputs);
  const replaced = new Map<string, CellValue[][]>();
  for (const sheet of sheets) {
    const table = inputs.owned.find((s) => s.name === sheet.name && s.ownedByAddIn)?.table;
    if (!table) continue;
    const { rows, firstPeriod } = unpivot(sheet.name, table);
    if (rows.length === 0 || (existing && firstPeriod === planStart)) continue;
    replaced.set(
      sheet.name,
      rows.map((r) => [...r, firstPeriod, plannedAt]),
    );
  }
  if (replaced.size === 0) return null;
  const kept = existing
    ? existing.rows
        .filter((row) => !replaced.has(String(row[0])))
        .map((row) => PREVIOUS_PLAN_HEADERS.map((h) => row[column(existing, h)] ?? null))
    : [];
  return {
    name: "PreviousPlan",
    tableName: markerTableName("PreviousPlan"),
    headers: PREVIOUS_PLAN_HEADERS,
    rows: [...kept, ...[...replaced.values()].flat()],
    numberFormats: [null, null, null, null, UNITS, null, null],
    columnWidths: [16, 14, 14, 10, 12, 11, 22],
  };
}

function lastLogTime(inputs: InputTables): CellValue {
  const log = inputs.owned.find((s) => s.name === "PlanLog" && s.ownedByAddIn)?.table;
  if (!log || log.rows.length === 0) return null;
  const time = column(log, "Time");
  return time >= 0 ? log.rows[log.rows.length - 1][time] : null;
}

export interface LogEntry {
  time: Date;
  step: string;
  strategy: string | null;
  planStart: string;
  horizon: number;
  kpis: Partial<PlanKpis>;
  overloadedPeriods: number | null;
  warnings: number;
  /** the plan's checksum (engine/executive/planChecksum), when the step knows the whole plan */
  checksum?: string | null;
  /** a sign-off: who approved, and in what role */
  by?: string | null;
  role?: string | null;
}

/** PlanLog with the previous rows (matched by header) and this run's row appended. */
export function planLogSheet(inputs: InputTables, entry: LogEntry): OutputSheet {
  const existing = inputs.owned.find((s) => s.name === "PlanLog" && s.ownedByAddIn)?.table;
  const previous = existing
    ? existing.rows.map((row) =>
        PLAN_LOG_HEADERS.map((h) => (column(existing, h) >= 0 ? row[column(existing, h)] : null)),
      )
    : [];
  const round = (value: number | undefined, digits: number) =>
    value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;
  const row: CellValue[] = [
    entry.time.toISOString().replace(/\.\d{3}Z$/, "Z"),
    entry.step,
    entry.strategy,
    entry.planStart,
    entry.horizon,
    round(entry.kpis.demand, 2),
    round(entry.kpis.production, 2),
    round(entry.kpis.averageInventory, 2),
    round(entry.kpis.endingBacklog, 2),
    round(entry.kpis.totalCost, 2),
    round(entry.kpis.fillRate, 6),
    entry.overloadedPeriods,
    entry.warnings,
    entry.checksum ?? null,
    entry.by ?? null,
    entry.role ?? null,
  ];
  return {
    name: "PlanLog",
    tableName: markerTableName("PlanLog"),
    headers: PLAN_LOG_HEADERS,
    rows: [...previous, row],
    numberFormats: [
      null,
      null,
      null,
      null,
      "0",
      UNITS,
      UNITS,
      UNITS,
      UNITS,
      MONEY,
      PERCENT,
      "0",
      "0",
      null,
      null,
      null,
    ],
    columnWidths: [22, 10, 10, 10, 9, 12, 12, 17, 14, 15, 9, 18, 10, 18, 18, 14],
    landscape: true,
  };
}

/** The last sign-off in PlanLog (a row whose Step is "approve"), or null. */
export function lastApproval(
  inputs: InputTables,
): { by: string; role: string | null; at: string; checksum: string } | null {
  const log = inputs.owned.find((s) => s.name === "PlanLog" && s.ownedByAddIn)?.table;
  if (!log) return null;
  const [step, by, role, time, checksum] = ["Step", "By", "Role", "Time", "PlanChecksum"].map((h) => column(log, h));
  if (step < 0 || by < 0 || checksum < 0) return null;
  for (let r = log.rows.length - 1; r >= 0; r--) {
    const row = log.rows[r];
    if (
      String(row[step] ?? "")
        .trim()
        .toLowerCase() !== "approve"
    )
      continue;
    return {
      by: String(row[by] ?? "").trim(),
      role: role >= 0 && !isBlankCell(row[role]) ? String(row[role]).trim() : null,
      at: time >= 0 ? String(row[time] ?? "") : "",
      checksum: String(row[checksum] ?? "").trim(),
    };
  }
  return null;
}
