/**
 * The sheets the pane wrote into the demo workbook (read from the read-only grids beside the
 * pane, whose cells carry their full-precision value) against what the CLI writes to an .xlsx
 * file for the same demo data (read back with ExcelJS).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";

export type SheetCell = string | number | null;
export type SheetRows = SheetCell[][];

export async function readDemoSheet(page: Page, sheet: string): Promise<SheetRows> {
  await page.locator(`[data-sheet-tab="${sheet}"]`).click();
  const table = page.locator(`table[data-sheet="${sheet}"]`);
  await table.waitFor();
  // The grid keeps only the rows in view in the page: scroll it from top to bottom and collect
  // every row by its aria-rowindex (1 = header) until aria-rowcount rows are in hand.
  return table.evaluate(async (element) => {
    const scroller = element.closest('[role="region"]') as HTMLElement;
    const count = Number(element.getAttribute("aria-rowcount"));
    const rows = new Map<number, (string | number | null)[]>();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    scroller.scrollTop = 0;
    for (let guard = 0; rows.size < count && guard < 10_000; guard++) {
      await frame();
      for (const tr of Array.from(element.querySelectorAll("tr[aria-rowindex]")))
        rows.set(
          Number(tr.getAttribute("aria-rowindex")),
          Array.from(tr.children).map((cell) => {
            const raw = cell.getAttribute("data-value");
            if (raw !== null) return Number(raw);
            const text = cell.textContent ?? "";
            return text === "" ? null : text;
          }),
        );
      const before = scroller.scrollTop;
      scroller.scrollTop += Math.max(1, scroller.clientHeight - 40);
      if (scroller.scrollTop === before && rows.size < count) await frame();
      if (scroller.scrollTop === before) break;
    }
    return Array.from({ length: count }, (_, i) => rows.get(i + 1) ?? []);
  });
}

const ROOT = path.resolve(__dirname, "..", "..");

/** Runs `sop-planner template` then `sop-planner plan --strategy <strategy>` and reads every written table. */
export async function cliOutputs(strategy: string): Promise<Record<string, SheetRows>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-e2e-"));
  const input = path.join(dir, "demo.xlsx");
  const output = path.join(dir, "plan.xlsx");
  const cli = path.join(ROOT, "bin", "sop-planner.js");
  execFileSync(process.execPath, [cli, "template", input], { cwd: ROOT, stdio: "pipe" });
  execFileSync(process.execPath, [cli, "plan", input, "-o", output, "--strategy", strategy], {
    cwd: ROOT,
    stdio: "pipe",
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const sheets: Record<string, SheetRows> = {};
  workbook.eachSheet((worksheet) => {
    const rows: SheetRows = [];
    worksheet.eachRow({ includeEmpty: true }, (row) => {
      const values: SheetCell[] = [];
      for (let c = 1; c <= worksheet.columnCount; c++) values.push(plain(row.getCell(c).value));
      rows.push(values);
    });
    sheets[worksheet.name] = rows;
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return sheets;
}

function plain(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "result" in value) return plain((value as { result: ExcelJS.CellValue }).result);
  if (typeof value === "object" && "richText" in value)
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  return String(value);
}

/** Same shape, same text, numbers equal to 1e-9 (relative): the same engine ran on the same data. */
export function compareSheets(name: string, written: SheetRows, expected: SheetRows | undefined): void {
  if (!expected) throw new Error(`The CLI wrote no ${name} sheet.`);
  const trim = (rows: SheetRows) =>
    rows.map((r) => trimEnd(r)).filter((r, i, all) => r.length > 0 || all.slice(i).some((x) => x.length > 0));
  const a = trim(written);
  const b = trim(expected);
  const problems: string[] = [];
  if (a.length !== b.length) problems.push(`${name}: ${a.length} rows in the pane, ${b.length} from the CLI`);
  for (let r = 0; r < Math.min(a.length, b.length); r++) {
    const width = Math.max(a[r].length, b[r].length);
    for (let c = 0; c < width; c++) {
      const x = a[r][c] ?? null;
      const y = b[r][c] ?? null;
      const same =
        typeof x === "number" && typeof y === "number" ? Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y)) : x === y;
      if (!same)
        problems.push(`${name} row ${r + 1} column ${c + 1}: pane ${JSON.stringify(x)}, CLI ${JSON.stringify(y)}`);
    }
  }
  if (problems.length)
    throw new Error(
      problems.slice(0, 20).join("\n") + (problems.length > 20 ? `\n… ${problems.length - 20} more` : ""),
    );
}

function trimEnd(row: SheetCell[]): SheetCell[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === "")) end--;
  return row.slice(0, end);
}
