/**
 * The written .xlsx read by programs that share no code with the adapter: openpyxl (Debian's
 * python3-openpyxl under /usr/bin/python3) and LibreOffice headless (CSV export). Both must
 * find every owned table and every value the session wrote.
 *
 * When a tool is missing: with CI=true the test fails and says what to install; locally it
 * prints "SKIPPED (local)" with the reason and passes, so a developer without LibreOffice can
 * still run the suite.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { createHighsSolver } from "../../src/solver/highs";
import type { CellValue, OutputSheet, WorkbookPort } from "../../src/workbook/port";
import { worstBalanceError } from "./support/planTables";

const PYTHON = "/usr/bin/python3";

function toolAvailable(name: string, probe: () => void, install: string): boolean {
  try {
    probe();
    return true;
  } catch {
    if (process.env.CI === "true")
      throw new Error(`${name} is required by this test in CI but was not found; install ${install} (.ci/run does).`);
    console.warn(
      `SKIPPED (local): ${name} is not installed, so the independent-reader check did not run. Install ${install} to run it.`,
    );
    return false;
  }
}

let dir: string;
let file: string;
let written: OutputSheet[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-readers-"));
  file = path.join(dir, "plan.xlsx");
  const xlsx = XlsxWorkbook.fromMemory(demoWorkbook());
  const recorded: OutputSheet[] = [];
  const spy: WorkbookPort = {
    readInputs: () => xlsx.readInputs(),
    writeSheets: async (sheets) => {
      recorded.push(...sheets);
      await xlsx.writeSheets(sheets);
    },
  };
  const result = await new PlanningSession(spy, {
    now: () => new Date(Date.UTC(2026, 0, 15)),
    solver: async () => createHighsSolver(),
  }).run("optimal");
  expect(result.ok).toBe(true);
  fs.writeFileSync(file, await xlsx.toBuffer());
  written = recorded;
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function expectSameCell(actual: unknown, expected: CellValue, where: string): void {
  if (expected === null) {
    expect([null, "", undefined]).toContain(actual);
  } else if (typeof expected === "number") {
    const value = typeof actual === "string" ? Number(actual) : (actual as number);
    if (Math.abs(value - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
      throw new Error(`${where}: expected ${expected}, read ${String(actual)}`);
  } else {
    expect(String(actual)).toBe(String(expected));
  }
}

describe("the written workbook, read by independent programs", () => {
  it("openpyxl finds every owned Excel Table with its range, frozen header and every value", () => {
    if (
      !toolAvailable(
        "python3-openpyxl",
        () => execFileSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" }),
        "python3-openpyxl",
      )
    )
      return;
    const script = [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1], data_only=True)",
      "out = {}",
      "for ws in wb.worksheets:",
      "    for name, ref in ws.tables.items():",
      "        rows = [[c.value for c in row] for row in ws[ref]]",
      "        out[name] = {'sheet': ws.title, 'ref': ref, 'freeze': ws.freeze_panes, 'rows': rows}",
      "print(json.dumps(out, default=str))",
    ].join("\n");
    const read = JSON.parse(
      execFileSync(PYTHON, ["-c", script, file], { maxBuffer: 64 * 1024 * 1024 }).toString(),
    ) as Record<string, { sheet: string; ref: string; freeze: string; rows: unknown[][] }>;
    expect(Object.keys(read).sort()).toEqual([
      "BillOfResources",
      "Budget",
      "Capacity",
      "Deliveries",
      "Items",
      "SOP_BacklogPlan",
      "SOP_CapacityLoad",
      "SOP_DecisionLog",
      "SOP_DemandPlan",
      "SOP_ExecutiveSummary",
      "SOP_FamilyPlan",
      "SOP_FamilySOP",
      "SOP_FinancialPlan",
      "SOP_InventoryPlan",
      "SOP_PlanHistory",
      "SOP_PlanLog",
      "SOP_ProductionPlan",
      "SOP_Scenarios",
      "Sales",
      "Settings",
    ]);
    for (const sheet of written) {
      const table = read[sheet.tableName];
      expect(table.sheet).toBe(sheet.name);
      expect(table.freeze).toBe("A2");
      expect(table.rows[0]).toEqual(sheet.headers);
      expect(table.rows).toHaveLength(sheet.rows.length + 1);
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) =>
          expectSameCell(table.rows[r + 1][c], cell, `${sheet.name} row ${r + 2} column ${c + 1}`),
        ),
      );
    }
    const opening = new Map<string, { inventory: number; backlog: number }>();
    const [itemHeaders, ...items] = read.Items.rows;
    for (const row of items) {
      const family = String(row[itemHeaders.indexOf("Family")]);
      const sum = opening.get(family) ?? { inventory: 0, backlog: 0 };
      sum.inventory += Number(row[itemHeaders.indexOf("OpeningInventory")]);
      sum.backlog += Number(row[itemHeaders.indexOf("OpeningBacklog")]);
      opening.set(family, sum);
    }
    const cells = (name: string) => read[name].rows as CellValue[][];
    expect(
      worstBalanceError(cells("SOP_ProductionPlan"), cells("SOP_InventoryPlan"), cells("SOP_BacklogPlan"), opening),
    ).toBeLessThan(1e-4);
  });

  it("LibreOffice opens it and exports every owned sheet with the same values", () => {
    if (
      !toolAvailable(
        "LibreOffice (soffice)",
        () => execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }),
        "libreoffice-calc",
      )
    )
      return;
    const out = path.join(dir, "csv");
    // CSV filter options: comma, double quote, UTF-8, from line 1, raw values (not as shown), every sheet (-1).
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        out,
        file,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    for (const sheet of written) {
      const csvFile = path.join(out, `plan-${sheet.name}.csv`);
      expect(fs.existsSync(csvFile)).toBe(true);
      const lines = parseCsv(fs.readFileSync(csvFile, "utf8"));
      expect(lines[0]).toEqual(sheet.headers);
      // a sheet with sections (ExecutiveSummary) has more lines below its table
      if (sheet.sections?.length) expect(lines.length).toBeGreaterThan(sheet.rows.length + 1);
      else expect(lines.length).toBe(sheet.rows.length + 1);
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => expectSameCell(lines[r + 1][c], cell, `${sheet.name} row ${r + 2} column ${c + 1}`)),
      );
    }
  }, 180_000);
});

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
