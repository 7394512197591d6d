/**
 * The `DecisionLog` sheet: the decision log kept across runs (src/engine/executive/decisionLog.ts).
 * The add-in writes Id to Message; Owner, Due, Status and Decision are the planner's and survive
 * every re-run, matched on Id. A Status other than open / decided / dropped is a warning naming
 * its cell, and the row is read as open.
 */
import { DECISION_STATUSES, type DecisionLogEntry, type DecisionStatus } from "../../engine/executive";
import { normalizeName } from "../../engine/names";
import type { CellValue, InputTables, OutputSheet, OwnedSheetName, ValidationProblem } from "../port";
import { markerTableName } from "../port";

export const DECISION_LOG_SHEET = "DecisionLog" as const satisfies OwnedSheetName;

export const DECISION_LOG_HEADERS = [
  "Id",
  "Raised",
  "Cycle",
  "Kind",
  "Subject",
  "Periods",
  "Size",
  "Limit",
  "What to decide",
  "Owner",
  "Due",
  "Status",
  "Decision",
] as const;

/** The log as the workbook holds it; empty on the first cycle. */
export function readDecisionLog(inputs: InputTables, problems: ValidationProblem[]): DecisionLogEntry[] {
  const table = inputs.owned.find((s) => s.name === DECISION_LOG_SHEET && s.ownedByAddIn)?.table;
  if (!table) return [];
  const at = (name: string) => table.headers.findIndex((h) => normalizeName(h) === normalizeName(name));
  const columns = Object.fromEntries(DECISION_LOG_HEADERS.map((h) => [h, at(h)])) as Record<
    (typeof DECISION_LOG_HEADERS)[number],
    number
  >;
  if (columns.Id < 0) return [];
  const text = (row: CellValue[], c: number): string | null => {
    if (c < 0) return null;
    const v = row[c];
    return v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim();
  };
  const entries: DecisionLogEntry[] = [];
  table.rows.forEach((row, r) => {
    const id = text(row, columns.Id);
    if (!id) return;
    const statusText = (text(row, columns.Status) ?? "open").toLowerCase();
    let status: DecisionStatus = "open";
    if ((DECISION_STATUSES as readonly string[]).includes(statusText)) status = statusText as DecisionStatus;
    else
      problems.push({
        table: DECISION_LOG_SHEET,
        row: r + 1,
        column: "Status",
        value: row[columns.Status],
        severity: "warning",
        message: `Decision ${id} has Status "${text(row, columns.Status)}"; it is read as open.`,
        hint: `Use one of ${DECISION_STATUSES.join(", ")}.`,
        cell: { sheet: DECISION_LOG_SHEET, row: r + 1, column: columns.Status },
      });
    const size = columns.Size >= 0 ? row[columns.Size] : null;
    const due = columns.Due >= 0 ? row[columns.Due] : null;
    entries.push({
      id,
      raised: text(row, columns.Raised) ?? "",
      cycle: text(row, columns.Cycle) ?? "",
      kind: text(row, columns.Kind) ?? "",
      subject: text(row, columns.Subject) ?? "",
      periods: text(row, columns.Periods) ?? "",
      size: typeof size === "number" ? size : null,
      limit: text(row, columns.Limit),
      message: text(row, columns["What to decide"]) ?? "",
      current: false,
      owner: text(row, columns.Owner),
      due:
        typeof due === "number" || typeof due === "string"
          ? typeof due === "string"
            ? due.trim() || null
            : due
          : null,
      status,
      decision: text(row, columns.Decision),
    });
  });
  return entries;
}

/** The sheet holding `log`. */
export function decisionLogSheet(log: readonly DecisionLogEntry[]): OutputSheet {
  return {
    name: DECISION_LOG_SHEET,
    tableName: markerTableName(DECISION_LOG_SHEET),
    headers: [...DECISION_LOG_HEADERS],
    rows: log.map((e) => [
      e.id,
      e.raised,
      e.cycle,
      e.kind,
      e.subject,
      e.periods,
      e.size === null ? null : Math.round(e.size * 100) / 100,
      e.limit,
      e.message,
      e.owner,
      e.due,
      e.status,
      e.decision,
    ]),
    numberFormats: [null, null, null, null, null, null, "#,##0.##", null, null, null, "yyyy-mm-dd", null, null],
    columnWidths: [12, 9, 9, 10, 16, 20, 10, 18, 60, 16, 12, 10, 40],
    landscape: true,
  };
}
