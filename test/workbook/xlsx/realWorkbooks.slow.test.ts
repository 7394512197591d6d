/**
 * Real workbooks (Apache POI's test files saved by Excel, in ../shared/workbooks): the planning
 * input tables of the demo workbook are put into a copy by package surgery, the copy is planned
 * (level strategy, fast), and
 * - every part the add-in does not own is byte-identical to the input's (the exceptions: the
 *   workbook part and its relationships, [Content_Types].xml, styles.xml, docProps/app.xml and
 *   calcChain.xml, which the adapter edits by design);
 * - every sheet of the input reads the same cell by cell before and after, in openpyxl (an
 *   independent reader);
 * - LibreOffice headless opens the output (converts it to PDF).
 * The same copy saved through LibreOffice (--convert-to xlsx) and through openpyxl (load, save)
 * must plan too, and LibreOffice must open those outputs.
 *
 * The folder is found at ../shared/workbooks beside the repository (SOP_SHARED_WORKBOOKS
 * overrides it, e.g. from a git worktree); when absent the test says so loudly and skips.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { createHighsSolver } from "../../../src/solver/highs";
import { addPlanningSheets } from "../support/packageSurgery";

const PYTHON = "/usr/bin/python3";
const WORKBOOKS = process.env.SOP_SHARED_WORKBOOKS ?? path.resolve(__dirname, "../../../..", "shared/workbooks");
const PLANNING_SHEETS = ["Items", "Sales", "Capacity", "BillOfResources", "Settings"];
/** Parts the adapter edits by design (every other part of the input must come through byte for byte). */
const EDITED =
  /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml|docProps\/app\.xml|xl\/calcChain\.xml)$/;

function available(): string[] {
  if (!fs.existsSync(WORKBOOKS)) {
    console.warn(
      `\n\n*** SKIPPED: the real-workbook tests did not run: ${WORKBOOKS} is absent (set SOP_SHARED_WORKBOOKS). ***\n\n`,
    );
    return [];
  }
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    execFileSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" });
  } catch {
    if (process.env.CI === "true") throw new Error("LibreOffice and python3-openpyxl are required by this test in CI.");
    console.warn("\n\n*** SKIPPED (local): LibreOffice or python3-openpyxl is missing. ***\n\n");
    return [];
  }
  return fs
    .readdirSync(WORKBOOKS)
    .filter((f) => /\.xlsx$/i.test(f))
    .sort();
}

const files = available();
let dir: string;
let surgery: Record<string, Uint8Array>;

/** The demo's planning input tables only. */
function planningTables() {
  const memory = demoWorkbook();
  for (let i = memory.sheets.length - 1; i >= 0; i--)
    if (!PLANNING_SHEETS.includes(memory.sheets[i].name)) memory.sheets.splice(i, 1);
  return memory;
}

async function plan(bytes: Uint8Array, name: string): Promise<{ ok: boolean; out: Uint8Array; why: string }> {
  const wb = await XlsxWorkbook.fromBuffer(bytes, name);
  const result = await new PlanningSession(wb, {
    now: () => new Date(Date.UTC(2026, 0, 15)),
    solver: async () => createHighsSolver(),
  }).run("level");
  return { ok: result.ok, out: await wb.toBuffer(), why: JSON.stringify(result.problems.slice(0, 3)) };
}

/** Every worksheet's cells (formulas as text) read by openpyxl, sheet name → rows. */
function openpyxlCells(file: string): Record<string, unknown[][]> {
  const script = [
    "import json, sys, openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "print(json.dumps({ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}, default=str))",
  ].join("\n");
  return JSON.parse(
    execFileSync(PYTHON, ["-c", script, file], {
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    }).toString(),
  );
}

/** Converts files with one LibreOffice process; returns the converted paths. */
function libreOffice(inputs: string[], format: string, outDir: string): string[] {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...inputs,
    ],
    { stdio: "ignore", timeout: 240_000 },
  );
  return inputs.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${format.split(":")[0]}`)));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-real-"));
  surgery = {};
  for (const f of files) {
    const input = fs.readFileSync(path.join(WORKBOOKS, f));
    try {
      surgery[f] = addPlanningSheets(input, planningTables());
    } catch (e) {
      console.warn(`${f}: cannot take the planning tables by surgery (${String(e)}); planned as is`);
      surgery[f] = input;
    }
  }
});
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

const run = files.length ? it : it.skip;

describe("real workbooks from ../shared/workbooks, with the planning tables", () => {
  run(
    "Excel saves: plan; parts not owned are byte-identical; openpyxl reads the same cells; LibreOffice opens the output",
    async () => {
      const outputs: string[] = [];
      for (const f of files) {
        const inputFile = path.join(dir, `in-${f}`);
        fs.writeFileSync(inputFile, surgery[f]);
        const { ok, out, why } = await plan(surgery[f], f);
        if (!ok) console.warn(`${f}: the plan did not succeed: ${why}`);
        expect({ f, ok }).toEqual({ f, ok: true });
        const before = unzipSync(surgery[f]);
        const after = unzipSync(out);
        for (const part of Object.keys(before).filter((p) => !EDITED.test(p)))
          expect({
            f,
            part,
            same: after[part] !== undefined && Buffer.compare(before[part], after[part]) === 0,
          }).toEqual({
            f,
            part,
            same: true,
          });
        const outFile = path.join(dir, `out-${f}`);
        fs.writeFileSync(outFile, out);
        outputs.push(outFile);
        const cellsBefore = openpyxlCells(inputFile);
        const cellsAfter = openpyxlCells(outFile);
        for (const sheet of Object.keys(cellsBefore))
          expect({ f, sheet, cells: cellsAfter[sheet] }).toEqual({ f, sheet, cells: cellsBefore[sheet] });
      }
      for (const pdf of libreOffice(outputs, "pdf", path.join(dir, "pdf")))
        expect(fs.statSync(pdf).size).toBeGreaterThan(0);
    },
    600_000,
  );

  run(
    "the copies saved by LibreOffice and by openpyxl plan, and LibreOffice opens the outputs",
    async () => {
      const inputs = files.map((f) => {
        const file = path.join(dir, `lo-${f}`);
        fs.writeFileSync(file, surgery[f]);
        return file;
      });
      const saved = libreOffice(inputs, "xlsx", path.join(dir, "lo-saved"));
      for (const f of files) {
        const file = path.join(dir, "openpyxl-saved", f);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(path.join(dir, `py-${f}`), surgery[f]);
        execFileSync(
          PYTHON,
          [
            "-c",
            "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])",
            path.join(dir, `py-${f}`),
            file,
          ],
          { stdio: "ignore" },
        );
        saved.push(file);
      }
      const outputs: string[] = [];
      for (const file of saved) {
        const { ok, out, why } = await plan(fs.readFileSync(file), file);
        if (!ok) console.warn(`${file}: the plan did not succeed: ${why}`);
        expect({ file, ok }).toEqual({ file, ok: true });
        const outFile = path.join(dir, "resaved-out", `${path.basename(path.dirname(file))}-${path.basename(file)}`);
        fs.mkdirSync(path.dirname(outFile), { recursive: true });
        fs.writeFileSync(outFile, out);
        outputs.push(outFile);
      }
      for (const pdf of libreOffice(outputs, "pdf", path.join(dir, "resaved-pdf")))
        expect(fs.statSync(pdf).size).toBeGreaterThan(0);
    },
    600_000,
  );
});
