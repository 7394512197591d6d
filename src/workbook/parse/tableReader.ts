/**
 * Reads cells of one input table and records problems with the table, row, column, value,
 * a hint and the cell's sheet position, so that validation can list every problem at once.
 */
import type { CellValue, TableData, ValidationProblem } from "../port";
import { isBlankCell } from "../regions";

export interface NumberRule {
  /** blank is a problem (else it reads as `fallback`) */
  required?: boolean;
  nonNegative?: boolean;
  integer?: boolean;
  /** value for a blank optional cell */
  fallback?: number | null;
  /** what the number is, for messages ("units sold") */
  meaning: string;
}

export class TableReader {
  constructor(
    readonly table: TableData,
    readonly problems: ValidationProblem[],
  ) {}

  get rowCount(): number {
    return this.table.rows.length;
  }

  value(row: number, column: number): CellValue {
    return column < 0 ? null : (this.table.rows[row][column] ?? null);
  }

  header(column: number): string {
    return this.table.headers[column] ?? "";
  }

  /** Records a problem at a data row (0-based here, 1-based in the problem) and column. */
  report(
    row: number | undefined,
    column: number | undefined,
    message: string,
    hint?: string,
    severity: "error" | "warning" = "error",
  ): void {
    const { table } = this;
    const problem: ValidationProblem = { table: table.name, message, severity };
    if (row !== undefined) problem.row = row + 1;
    if (column !== undefined && column >= 0) problem.column = this.header(column);
    if (row !== undefined && column !== undefined && column >= 0) problem.value = this.value(row, column);
    if (hint) problem.hint = hint;
    problem.cell = {
      sheet: table.sheet,
      row: table.origin.row + (row === undefined ? 0 : row + 1),
      column: table.origin.column + (column !== undefined && column >= 0 ? column : 0),
    };
    this.problems.push(problem);
  }

  /** Text of a key cell, trimmed; null (with a problem when `required`) for a blank. */
  text(row: number, column: number, required: string | null): string | null {
    const value = this.value(row, column);
    if (isBlankCell(value)) {
      if (required)
        this.report(
          row,
          column,
          `Row ${row + 1} of ${this.table.name} has no ${required}.`,
          `Fill in the ${required} or delete the row.`,
        );
      return null;
    }
    return String(value).trim();
  }

  /** A number cell; `undefined` when the cell is wrong (a problem was recorded). */
  number(row: number, column: number, rule: NumberRule): number | null | undefined {
    const value = this.value(row, column);
    const where = `${this.table.name} row ${row + 1}, ${this.header(column)}`;
    if (isBlankCell(value)) {
      if (rule.required) {
        this.report(
          row,
          column,
          `${where} is blank; it should be ${rule.meaning}.`,
          "Type a number (0 if there is none).",
        );
        return undefined;
      }
      return rule.fallback ?? null;
    }
    const number =
      typeof value === "number"
        ? value
        : typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value.trim()))
          ? Number(value.trim())
          : NaN;
    if (!Number.isFinite(number)) {
      this.report(
        row,
        column,
        `${where} is ${JSON.stringify(value)}, not a number; it should be ${rule.meaning}.`,
        "Type a plain number without units or text.",
      );
      return undefined;
    }
    if (rule.nonNegative && number < 0) {
      this.report(row, column, `${where} is negative (${number}); it should be ${rule.meaning}.`, "Use a number ≥ 0.");
      return undefined;
    }
    if (rule.integer && !Number.isInteger(number)) {
      this.report(
        row,
        column,
        `${where} is ${number}; it should be a whole number (${rule.meaning}).`,
        "Round it to whole periods.",
      );
      return undefined;
    }
    return number;
  }
}
