/**
 * The few formulas a planner writes against the add-in's tables, evaluated on read:
 * `=SUM(SOP_DemandPlan[Consensus])`, `=SOP_DemandPlan[@Consensus]`-free structured references
 * (`Table[Column]`), cell references (`=DemandPlan!I2`, `='My sheet'!A1:B3`), `SUM` of those and
 * numbers. A reference to a deleted table or sheet has been rewritten to `#REF!` (model.ts) and
 * evaluates to `#REF!`; anything else the simulator does not know evaluates to `#NAME?`.
 *
 * Structured references: https://support.microsoft.com/office/f5ed2452-2337-4f71-bed3-c8ae6d2b276e
 */
import type { Stored } from "./typedEntry";
import type { SimWorkbook } from "./model";

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function referencesTable(formula: string, table: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_.])${escape(table)}\\[`, "i").test(formula);
}

export function referencesSheet(formula: string, sheet: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_.'])'?${escape(sheet)}'?!`, "i").test(formula);
}

export function renameTableInFormula(formula: string, from: string, to: string): string {
  return formula.replace(new RegExp(`(^|[^A-Za-z0-9_.])${escape(from)}\\[`, "gi"), `$1${to}[`);
}

/** The values a reference stands for, or an error text. */
function resolve(reference: string, workbook: SimWorkbook): Stored[] | string {
  const ref = reference.trim();
  if (ref.includes("#REF!")) return "#REF!";
  const structured = /^([A-Za-z_\\][A-Za-z0-9_.]*)\[([^\]]+)\]$/.exec(ref);
  if (structured) {
    const table = workbook.table(structured[1]);
    if (!table) return "#NAME?";
    return workbook.tableColumn(table, structured[2].trim()) ?? "#REF!";
  }
  const onSheet = /^(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!(.+)$/.exec(ref);
  if (onSheet) {
    const sheet = workbook.sheet((onSheet[1] ?? onSheet[2]).replace(/''/g, "'"));
    if (!sheet) return "#REF!";
    const [from, to = from] = onSheet[3].split(":");
    const a = CELL.exec(from);
    const b = CELL.exec(to);
    if (!a || !b) return "#NAME?";
    const out: Stored[] = [];
    for (let r = Number(a[2]) - 1; r <= Number(b[2]) - 1; r++)
      for (let c = columnIndex(a[1]); c <= columnIndex(b[1]); c++) out.push(workbook.readValue(sheet, r, c));
    return out;
  }
  const n = Number(ref);
  if (ref !== "" && Number.isFinite(n)) return [n];
  return "#NAME?";
}

/** Evaluates a formula (with its `=`) against the workbook as it is now. */
export function evaluateFormula(formula: string, workbook: SimWorkbook): Stored {
  const body = formula.replace(/^=/, "").trim();
  const sum = /^SUM\((.*)\)$/i.exec(body);
  if (sum) {
    let total = 0;
    for (const argument of sum[1].split(",")) {
      const values = resolve(argument, workbook);
      if (typeof values === "string") return values;
      for (const v of values) {
        if (typeof v === "string" && v.startsWith("#")) return v;
        if (typeof v === "number") total += v;
      }
    }
    return total;
  }
  const values = resolve(body, workbook);
  if (typeof values === "string") return values;
  return values.length === 1 ? values[0] : "#VALUE!";
}
