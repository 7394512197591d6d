/**
 * The optional `Budget` table → the engine's budget lines (engine/executive/financialPlan), every
 * problem named with its table, row, column and cell. The financial plan sets the gap to budget
 * by family and month beside the plan (docs/finance.md, "Budget").
 */
import type { Bucket } from "../../engine/cycle/types";
import type { BudgetLine } from "../../engine/executive/financialPlan";
import type { TableData, ValidationProblem } from "../port";
import { isBlankCell } from "../regions";
import { periodIndex, periodLabel } from "../schema/periods";
import { BUDGET, locateColumns } from "../schema/tables";
import { TableReader } from "./tableReader";

export interface BudgetContext {
  bucket: Bucket;
  planPeriods: readonly string[];
  families: readonly string[];
}

/**
 * Reads the Budget table: one line per family and plan period, Units and/or Revenue (≥ 0, blank =
 * no budget). Errors: an unknown family, a period that is not a month/week, a negative or
 * non-numeric amount, a family and period given twice, no Units and no Revenue column. A period
 * outside the plan horizon is a warning (the line is not used).
 * @example
 * // Family Desks, Period 2026-03, Units 400, Revenue 120000, plan from 2026-01
 * readBudget(table, problems, context) // => [{ family: "Desks", period: 2, units: 400, revenue: 120000 }]
 */
export function readBudget(
  table: TableData | undefined,
  problems: ValidationProblem[],
  context: BudgetContext,
): BudgetLine[] {
  if (!table) return [];
  const reader = new TableReader(table, problems);
  const columns = locateColumns(table, BUDGET, problems);
  if (columns.Family < 0 || columns.Period < 0) return [];
  if (columns.Units < 0 && columns.Revenue < 0) {
    problems.push({
      table: "Budget",
      severity: "error",
      message: "The Budget table has neither a Units nor a Revenue column.",
      hint: "Add a Units column, a Revenue column, or both.",
      cell: { sheet: table.sheet, row: table.origin.row, column: table.origin.column },
    });
    return [];
  }
  const families = new Map(context.families.map((f) => [f.toLowerCase(), f]));
  const firstPeriod = context.planPeriods.length > 0 ? periodIndex(context.planPeriods[0], context.bucket) : null;
  const seen = new Map<string, number>();
  const outside: string[] = [];
  const out: BudgetLine[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    if (table.rows[row].every((cell) => isBlankCell(cell))) continue;
    const familyText = reader.text(row, columns.Family, "Family");
    const raw = reader.value(row, columns.Period);
    const index = periodIndex(raw, context.bucket);
    if (index === null)
      reader.report(
        row,
        columns.Period,
        `Budget row ${row + 1}: ${JSON.stringify(raw)} is not a ${context.bucket}.`,
        context.bucket === "month" ? "Use a date or YYYY-MM." : "Use a date or YYYY-Www.",
      );
    const amount = (column: number, meaning: string) =>
      column < 0 ? null : reader.number(row, column, { nonNegative: true, fallback: null, meaning });
    const units = amount(columns.Units, "budgeted units (a number ≥ 0)");
    const revenue = amount(columns.Revenue, "budgeted revenue (a number ≥ 0)");
    if (familyText === null || index === null || units === undefined || revenue === undefined) continue;
    const family = families.get(familyText.toLowerCase());
    if (family === undefined) {
      reader.report(
        row,
        columns.Family,
        `Budget row ${row + 1} is for family "${familyText}", which is not in Items.`,
        `Families: ${context.families.join(", ")}.`,
      );
      continue;
    }
    const label = periodLabel(index, context.bucket);
    const key = `${family}|${label}`;
    if (seen.has(key)) {
      reader.report(
        row,
        columns.Period,
        `Family "${family}" has two Budget rows for ${label} (rows ${seen.get(key)! + 1} and ${row + 1}).`,
        "Keep one row per family and period.",
      );
      continue;
    }
    seen.set(key, row);
    const period = firstPeriod === null ? -1 : index - firstPeriod;
    if (period < 0 || period >= context.planPeriods.length) {
      outside.push(label);
      continue;
    }
    if (units === null && revenue === null) continue;
    out.push({ family, period, units, revenue });
  }
  if (outside.length > 0)
    problems.push({
      table: "Budget",
      column: "Period",
      severity: "warning",
      message: `${outside.length} Budget row(s) fall outside the plan horizon (${context.planPeriods[0]} to ${context.planPeriods[context.planPeriods.length - 1]}) and are not used: ${[...new Set(outside)].slice(0, 6).join(", ")}${outside.length > 6 ? ", …" : ""}.`,
      hint: "Budget lines count only for plan periods.",
    });
  return out;
}
