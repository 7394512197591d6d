/**
 * Renders the demo's executive pack for the README: runs the S&OP cycle on the demo workbook,
 * writes the ExecutiveSummary sheet alone to an .xlsx (with its native charts), converts it to
 * PDF with LibreOffice headless and the first page to PNG with pdftoppm.
 * Run: npm run docs:executive   (needs soffice and pdftoppm: libreoffice-calc, poppler-utils)
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createHighsSolver } from "../src/solver/highs";
import { MemoryWorkbook } from "../src/workbook/memory/memoryWorkbook";
import type { OutputSheet } from "../src/workbook/port";
import { demoWorkbook } from "../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../src/workbook/session";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";

async function render(): Promise<void> {
  const workbook = demoWorkbook();
  const result = await new PlanningSession(workbook, {
    now: () => new Date(Date.UTC(2026, 0, 15)),
    solver: async () => createHighsSolver(),
  }).run();
  if (!result.ok) throw new Error(`the demo cycle failed: ${result.problems.map((p) => p.message).join(" ")}`);
  const sheet = workbook.sheet("ExecutiveSummary")!;
  const output: OutputSheet = {
    name: "ExecutiveSummary",
    tableName: "SOP_ExecutiveSummary",
    headers: sheet.cells[0] as string[],
    rows: [sheet.cells[1]],
    numberFormats: sheet.numberFormats,
    columnWidths: sheet.columnWidths,
    landscape: true,
    sections: sheet.sections,
    charts: sheet.charts,
  };
  const alone = XlsxWorkbook.fromMemory(new MemoryWorkbook());
  await alone.writeSheets([output]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-exec-"));
  try {
    const xlsx = path.join(dir, "executive-summary.xlsx");
    fs.writeFileSync(xlsx, await alone.toBuffer());
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        xlsx,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    execFileSync(
      "pdftoppm",
      [
        "-r",
        "110",
        "-png",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        path.join(dir, "executive-summary.pdf"),
        path.join(dir, "page"),
      ],
      { stdio: "ignore" },
    );
    const target = path.join(__dirname, "..", "docs", "executive-pack.png");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(dir, "page.png"), target);
    process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

render().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exitCode = 1;
});
