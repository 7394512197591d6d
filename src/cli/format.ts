/** Plain-text tables and problem lists for the terminal. */
import type { ValidationProblem } from "../workbook/port";

/** A left/right-aligned text table: numbers right, text left. */
export function textTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? "").length)));
  const numeric = headers.map(
    (_, c) =>
      rows.length > 0 && rows.every((row) => typeof row[c] === "number" || /^[-+]?[\d,.]+%?$/.test(String(row[c]))),
  );
  const line = (row: string[]) =>
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatPercent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** One problem per line: where, what, and the hint. */
export function formatProblems(problems: ValidationProblem[]): string {
  return problems
    .map((p) => {
      const where = [p.table, p.row !== undefined ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
        .filter(Boolean)
        .join(", ");
      const cell = p.cell ? ` [${p.cell.sheet}!${columnName(p.cell.column)}${p.cell.row + 1}]` : "";
      return `${p.severity === "error" ? "error  " : "warning"} ${where}${cell}: ${p.message}${p.hint ? `\n        hint: ${p.hint}` : ""}`;
    })
    .join("\n");
}

function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
