/**
 * The optional ReasonCodes table (Code, Description, Source), and the check of DemandPlan's
 * Reason cells against it: a Reason that names no known code is a warning at its cell. Without a
 * ReasonCodes table a Reason is free text and is not checked.
 */
import { REASON_SOURCES, reasonCodeOf, type ReasonCode, type ReasonSource } from "../../engine/measure/reasonCodes";
import { normalizeName } from "../../engine/names";
import type { InputTables, TableData, ValidationProblem } from "../port";
import { columnLetters, isBlankCell } from "../regions";
import { findColumn, locateColumns, REASON_CODES } from "../schema/tables";
import { TableReader } from "./tableReader";

/** The ReasonCodes table as codes; null when there is none (or it lacks Code or Source). Problems are warnings. */
export function readReasonCodes(table: TableData | undefined, problems: ValidationProblem[]): ReasonCode[] | null {
  if (!table) return null;
  const found: ValidationProblem[] = [];
  const at = locateColumns(table, REASON_CODES, found);
  problems.push(...found.map((p) => ({ ...p, severity: "warning" as const })));
  if (at.Code < 0 || at.Source < 0) return null;
  const reader = new TableReader(table, problems);
  const codes: ReasonCode[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < reader.rowCount; r++) {
    const code = reader.text(r, at.Code, null);
    if (code === null) continue;
    const sourceText = String(reader.value(r, at.Source) ?? "").trim();
    const source = REASON_SOURCES.find((s) => normalizeName(s) === normalizeName(sourceText));
    if (!source) {
      reader.report(
        r,
        at.Source,
        `ReasonCodes row ${r + 1}: code "${code}" has Source "${sourceText}", not one of ${REASON_SOURCES.join(", ")}; the code is left out.`,
        `Set Source to ${REASON_SOURCES.join(", ")}.`,
        "warning",
      );
      continue;
    }
    if (seen.has(normalizeName(code))) {
      reader.report(
        r,
        at.Code,
        `ReasonCodes row ${r + 1}: code "${code}" is listed twice; the first row counts.`,
        undefined,
        "warning",
      );
      continue;
    }
    seen.add(normalizeName(code));
    codes.push({
      code,
      description: at.Description >= 0 ? String(reader.value(r, at.Description) ?? "").trim() : "",
      source: source as ReasonSource,
    });
  }
  return codes;
}

/**
 * One warning per DemandPlan Reason (and FamilyPlan Reason) that names no code of `codes`, at its
 * cell (`DemandPlan!J5`).
 */
export function checkReasons(inputs: InputTables, codes: readonly ReasonCode[], problems: ValidationProblem[]): void {
  const known = codes.map((c) => c.code).join(", ");
  for (const sheet of ["DemandPlan", "FamilyPlan"]) {
    const table = inputs.owned.find((s) => s.name === sheet && s.ownedByAddIn)?.table;
    if (!table) continue;
    const reason = findColumn(table.headers, { name: "Reason", required: false, describe: "" });
    if (reason < 0) continue;
    const reader = new TableReader({ ...table, name: sheet }, problems);
    for (let r = 0; r < reader.rowCount; r++) {
      const value = reader.value(r, reason);
      if (isBlankCell(value) || reasonCodeOf(String(value), codes)) continue;
      const address = `${table.sheet}!${columnLetters(table.origin.column + reason)}${table.origin.row + r + 2}`;
      reader.report(
        r,
        reason,
        `${address}: Reason "${String(value).trim()}" names no code of the ReasonCodes table; forecast value added by reason leaves it out.`,
        `Start the Reason with a code (${known || "add codes to ReasonCodes"}), e.g. "${codes[0]?.code ?? "PROMO"}: spring mailing".`,
        "warning",
      );
    }
  }
}
