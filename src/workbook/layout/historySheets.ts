/**
 * `PlanLog`: one row per run (the step, the plan's headline numbers and checksum, a sign-off's
 * name and role). The plans themselves are archived in PlanHistory (planHistory.ts).
 */
import { normalizeName } from "../../engine/names";
import type { PlanKpis } from "../../engine/cycle";
import type { CellValue, InputTables, OutputSheet, TableData } from "../port";
import { markerTableName } from "../port";
import { isBlankCell } from "../regions";
import { MONEY, PERCENT, UNITS } from "./planSheets";

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
  "InputChecksums",
  "Note",
];

function column(table: TableData, name: string): number {
  return table.headers.findIndex((h) => normalizeName(h) === normalizeName(name));
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
  /** checksums of the inputs the run planned from (inputChecksums.ts formatInputChecksums) */
  inputChecksums?: string | null;
  /** e.g. a sign-off of a stale plan: which inputs changed */
  note?: string | null;
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
    entry.inputChecksums ?? null,
    entry.note ?? null,
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
      null,
      null,
    ],
    columnWidths: [22, 10, 10, 10, 9, 12, 12, 17, 14, 15, 9, 18, 10, 18, 18, 14, 24, 40],
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

/** PlanLog's rows, oldest first: the step, its time and the input checksums it recorded (blank before they were). */
export function planLogRuns(inputs: InputTables): { step: string; time: string; inputChecksums: CellValue }[] {
  const log = inputs.owned.find((s) => s.name === "PlanLog" && s.ownedByAddIn)?.table;
  if (!log) return [];
  const [step, time, sums] = ["Step", "Time", "InputChecksums"].map((h) => column(log, h));
  if (step < 0) return [];
  return log.rows.map((row) => ({
    step: String(row[step] ?? "").trim(),
    time: time >= 0 ? String(row[time] ?? "") : "",
    inputChecksums: sums >= 0 ? row[sums] : null,
  }));
}
