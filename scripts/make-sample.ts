/**
 * Regenerates assets/sample-workbook.xlsx from the deterministic demo data
 * (src/workbook/sample/demoWorkbook.ts). Run: npm run make:sample
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { demoWorkbook } from "../src/workbook/sample/demoWorkbook";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";

async function makeSample(): Promise<void> {
  const target = path.join(__dirname, "..", "assets", "sample-workbook.xlsx");
  const workbook = XlsxWorkbook.fromMemory(demoWorkbook());
  // The package writer stamps new parts 1980-01-01 and writes no dates, so the file is identical from run to run.
  fs.writeFileSync(target, await workbook.toBuffer());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
}

makeSample().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exitCode = 1;
});
