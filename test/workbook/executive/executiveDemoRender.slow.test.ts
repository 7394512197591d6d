/**
 * The executive pack of the demo workbook as a file: the .xlsx carries three native charts that
 * openpyxl reads back and LibreOffice draws (pages kept under test-artifacts/executive/). Slow
 * lane (`npm run test:slow`): both programs take seconds to start. The numbers themselves are
 * checked in executiveDemo.test.ts.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { createHighsSolver } from "../../../src/solver/highs";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import type { OutputSheet } from "../../../src/workbook/port";
import { countColourPixels, renderToPng } from "../../support/renderXlsx";

const ARTIFACTS = path.join(__dirname, "../../../test-artifacts/executive");
const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));

describe("ExecutiveSummary of the demo workbook, read by other programs", () => {
  let wb: MemoryWorkbook;

  beforeAll(async () => {
    wb = demoWorkbook();
    const result = await new PlanningSession(wb, { now, solver: async () => createHighsSolver() }).run();
    expect(result.ok).toBe(true);
  }, 120_000);

  it("writes three native charts into the .xlsx that openpyxl reads and LibreOffice draws", async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The demo workbook through the .xlsx adapter, as the CLI writes it
    const xlsx = XlsxWorkbook.fromMemory(demoWorkbook());
    const run = await new PlanningSession(xlsx, { now, solver: async () => createHighsSolver() }).run();
    expect(run.ok).toBe(true);
    const file = path.join(ARTIFACTS, "sop-demo.xlsx");
    fs.writeFileSync(file, await xlsx.toBuffer());
    const script = [
      "import sys, openpyxl",
      "ws = openpyxl.load_workbook(sys.argv[1])['ExecutiveSummary']",
      "for ch in ws._charts:",
      "    print(type(ch).__name__, len(ch.series), ch.series[0].val.numRef.f)",
    ].join("\n");
    const charts = execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }).trim().split("\n");
    expect(charts).toHaveLength(3);
    expect(charts[0]).toMatch(/^BarChart 2 'ExecutiveSummary'!\$B\$\d+:\$B\$\d+$/);
    expect(charts[1]).toMatch(/^LineChart 4 /); // one line per resource: Assembly, Paint, Upholstery, Packing
    expect(charts[2]).toMatch(/^LineChart 2 /);

    // The summary alone (as the executive receives it), rendered to PDF and PNG pages
    const alone = XlsxWorkbook.fromMemory(new MemoryWorkbook());
    const sheet = wb.sheet("ExecutiveSummary")!;
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
    await alone.writeSheets([output]);
    const summaryFile = path.join(ARTIFACTS, "executive-summary.xlsx");
    fs.writeFileSync(summaryFile, await alone.toBuffer());
    const pages = renderToPng(summaryFile, path.join(ARTIFACTS, "pages"), 80);
    expect(pages.length).toBeGreaterThan(0);
    // Supply bars and the Paint line are Office orange ED7D31, the Packing line Office gold FFC000:
    // colours only the charts use on this sheet (the table header is blue)
    const [orange, gold] = countColourPixels([pages[0]], ["ED7D31", "FFC000"]);
    expect(orange).toBeGreaterThan(300);
    expect(gold).toBeGreaterThan(50);
  }, 180_000);
});
