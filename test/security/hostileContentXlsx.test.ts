/**
 * Hostile item, family and resource names (hostileNames.ts) through the whole cycle on an .xlsx
 * workbook (the .xlsx adapter, as the CLI runs it): every output sheet holds them as text cells,
 * never as formulas — checked in the saved file's XML (no <f> element in any owned sheet; the
 * names are shared or inline strings) and read back through ExcelJS, an independent reader.
 */
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { PlanningSession } from "../../src/workbook/session";
import { OWNED_SHEETS, type CellValue } from "../../src/workbook/port";
import { HOSTILE_NAMES } from "./hostileNames";

const RENAMES: Record<string, string> = {
  "CH-100": HOSTILE_NAMES.script,
  "CH-110": HOSTILE_NAMES.long,
  "DK-SIT": HOSTILE_NAMES.rtl,
  "ST-CAB": HOSTILE_NAMES.minus,
  Chairs: HOSTILE_NAMES.hyperlink,
  Desks: HOSTILE_NAMES.at,
  Storage: HOSTILE_NAMES.html,
  Assembly: HOSTILE_NAMES.dde,
  Paint: HOSTILE_NAMES.at + " paint",
};

jest.setTimeout(120_000);

describe("hostile names through the cycle on an .xlsx workbook", () => {
  let zip: Record<string, Uint8Array>;
  let reread: ExcelJS.Workbook;
  let written: string[];

  beforeAll(async () => {
    const memory = demoWorkbook({ historyMonths: 24, horizon: 6 });
    for (const sheet of memory.sheets)
      sheet.cells = sheet.cells.map((row) =>
        row.map((v: CellValue) => (typeof v === "string" && v in RENAMES ? RENAMES[v] : v)),
      );
    const wb = XlsxWorkbook.fromMemory(memory);
    const result = await new PlanningSession(wb, { now: () => new Date(Date.UTC(2026, 10, 27)) }).run("level");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    written = result.written;
    const buffer = await wb.toBuffer();
    zip = unzipSync(buffer);
    reread = new ExcelJS.Workbook();
    await reread.xlsx.load(buffer as unknown as ArrayBuffer);
  });

  it("writes the plan sheets", () => {
    expect(written).toEqual(
      expect.arrayContaining([
        "DemandPlan",
        "CapacityLoad",
        "ProductionPlan",
        "InventoryPlan",
        "BacklogPlan",
        "ExecutiveSummary",
      ]),
    );
  });

  it("holds no formula cell in any owned sheet of the saved file", async () => {
    const workbookXml = strFromU8(zip["xl/workbook.xml"]);
    const rels = strFromU8(zip["xl/_rels/workbook.xml.rels"]);
    const sheets = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => ({
      name: m[1],
      id: m[2],
    }));
    const owned = sheets.filter((s) => (OWNED_SHEETS as readonly string[]).includes(s.name));
    expect(owned.length).toBeGreaterThanOrEqual(6);
    for (const sheet of owned) {
      const target = new RegExp(`Id="${sheet.id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${sheet.id}"`).exec(
        rels,
      )!;
      const path = "xl/" + (target[1] ?? target[2]).replace(/^\/?xl\//, "");
      const xml = strFromU8(zip[path]);
      expect({ sheet: sheet.name, formulas: (xml.match(/<f[ >]/g) ?? []).length }).toEqual({
        sheet: sheet.name,
        formulas: 0,
      });
    }
  });

  it("reads every hostile name back as the same plain text, wherever it was written", () => {
    const found = new Set<string>();
    for (const ws of reread.worksheets) {
      if (!(OWNED_SHEETS as readonly string[]).includes(ws.name)) continue;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v))
            throw new Error(`${ws.name}!${cell.address} holds a formula`);
          if (typeof v === "string")
            for (const name of Object.values(RENAMES)) if (v === name || v.includes(name)) found.add(name);
        }),
      );
    }
    // Items appear in DemandPlan, families in the plan sheets, resources in CapacityLoad.
    for (const name of Object.values(RENAMES)) expect(found).toContain(name);
  });
});
