/**
 * Live references survive re-runs: a planner's formula `=SUM(SOP_DemandPlan[Consensus])` on a
 * sheet of their own (added by package surgery, a cell with `<f>` and no cached value) still
 * evaluates after two more runs of the plan, as LibreOffice headless recalculates it. The owned
 * table keeps its id and its part name from run to run (resized and rewritten, never re-created).
 *
 * LibreOffice does not recalculate an .xlsx on load by default: the test uses a private profile
 * whose registrymodifications.xcu sets Calc/Formula/Load/OOXMLRecalcMode = 0 (always), converts
 * to .xlsx and reads the cached value back with openpyxl (data_only).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { createHighsSolver } from "../../../src/solver/highs";

const PYTHON = "/usr/bin/python3";

function toolsAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    execFileSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.CI === "true")
      throw new Error("LibreOffice (libreoffice-calc) and python3-openpyxl are required by this test in CI.");
    console.warn("SKIPPED (local): LibreOffice or python3-openpyxl is missing; the live-reference check did not run.");
    return false;
  }
}

/** A LibreOffice profile that recalculates every formula of an .xlsx on load. */
function recalculatingProfile(dir: string): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
      "</oor:items>",
    ].join("\n"),
  );
  return `-env:UserInstallation=file://${dir}`;
}

/** Adds a sheet "MyChecks" whose A1 holds the formula (no cached value), by editing the package. */
function addFormulaSheet(bytes: Uint8Array, formula: string): Uint8Array {
  const files = unzipSync(bytes);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rId = `rId${Math.max(0, ...ids) + 1}`;
  let n = 1;
  while (files[`xl/worksheets/sheet${n}.xml`]) n++;
  const part = `xl/worksheets/sheet${n}.xml`;
  files[part] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1"><c r="A1"><f>${formula}</f></c></row></sheetData></worksheet>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`,
    ),
  );
  const workbook = strFromU8(files["xl/workbook.xml"]);
  const sheetIds = [...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  files["xl/workbook.xml"] = strToU8(
    workbook.replace(
      "</sheets>",
      `<sheet name="MyChecks" sheetId="${Math.max(0, ...sheetIds) + 1}" r:id="${rId}"/></sheets>`,
    ),
  );
  const types = strFromU8(files["[Content_Types].xml"]);
  files["[Content_Types].xml"] = strToU8(
    types.replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
  );
  return zipSync(files);
}

/** The part name of the table called `name`, found by its definition. */
function tablePart(bytes: Uint8Array, name: string): { part: string; id: number } {
  const files = unzipSync(bytes);
  for (const [part, data] of Object.entries(files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(part)) continue;
    const xml = strFromU8(data);
    const m = /<table\b[^>]*>/.exec(xml)!;
    if (new RegExp(`\\bname="${name}"`).test(m[0])) return { part, id: Number(/\bid="(\d+)"/.exec(m[0])![1]) };
  }
  throw new Error(`no table ${name}`);
}

const session = (wb: XlsxWorkbook) =>
  new PlanningSession(wb, { now: () => new Date(Date.UTC(2026, 0, 15)), solver: async () => createHighsSolver() });

describe("live references survive re-runs (LibreOffice recalculation)", () => {
  it("=SUM(SOP_DemandPlan[Consensus]) on the planner's sheet evaluates to the Consensus column after two re-runs", async () => {
    if (!toolsAvailable()) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-live-"));
    try {
      let wb = await XlsxWorkbook.fromBuffer(await XlsxWorkbook.fromMemory(demoWorkbook()).toBuffer(), "demo.xlsx");
      expect((await session(wb).run("level")).ok).toBe(true);
      let bytes = await wb.toBuffer();
      const first = tablePart(bytes, "SOP_DemandPlan");
      bytes = addFormulaSheet(bytes, "SUM(SOP_DemandPlan[Consensus])");
      for (let run = 0; run < 2; run++) {
        wb = await XlsxWorkbook.fromBuffer(bytes, "plan.xlsx");
        expect((await session(wb).run("level")).ok).toBe(true);
        bytes = await wb.toBuffer();
        // the owned table kept its id and part (rewritten in place, not deleted and re-created)
        expect(tablePart(bytes, "SOP_DemandPlan")).toEqual(first);
      }
      // The expected value: the sum of the Consensus column as the adapter reads it back.
      const reread = await XlsxWorkbook.fromBuffer(bytes, "plan.xlsx");
      const [headers, ...rows] = reread.sheetValues("DemandPlan")!;
      const consensus = headers.indexOf("Consensus");
      expect(consensus).toBeGreaterThanOrEqual(0);
      expect(rows.length).toBeGreaterThan(0);
      const expected = rows.reduce((sum, row) => sum + Number(row[consensus] ?? 0), 0);
      expect(expected).toBeGreaterThan(0);
      expect(reread.sheetNames()).toContain("MyChecks");

      const input = path.join(dir, "plan.xlsx");
      fs.writeFileSync(input, bytes);
      const outDir = path.join(dir, "out");
      execFileSync(
        "soffice",
        [
          recalculatingProfile(path.join(dir, "profile")),
          "--headless",
          "--convert-to",
          "xlsx",
          "--outdir",
          outDir,
          input,
        ],
        { stdio: "ignore", timeout: 180_000 },
      );
      const script = [
        "import sys, openpyxl",
        "wb = openpyxl.load_workbook(sys.argv[1], data_only=True)",
        "print(repr(wb['MyChecks']['A1'].value))",
      ].join("\n");
      const value = execFileSync(PYTHON, ["-c", script, path.join(outDir, "plan.xlsx")])
        .toString()
        .trim();
      expect(Number(value)).toBeCloseTo(expected, 6);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
