/**
 * An office-addin-mock model of a workbook for the Office.js adapter: Excel Tables and sheets
 * by name (getItemOrNullObject), the write-side calls recorded, and context.sync() counted.
 *
 * office-addin-mock does not mock collections, so the seed supplies getItem/getItemOrNullObject
 * functions; values read before load/sync come back as its error strings, so a forgotten load
 * shows up as a wrong value in the test.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../../src/workbook/port";
import type { ExcelRun } from "../../../src/workbook/office/officeWorkbook";

export interface MockTable {
  name: string;
  sheet: string;
  values: CellValue[][];
  origin?: { row: number; column: number };
}

export interface Recorded {
  added: string[];
  cleared: string[];
  deletedTables: string[];
  tables: { sheet: string; name: string; values: CellValue[][] }[];
  numberFormats: number;
  conditionalFormats: { sheet: string; formula: string }[];
  frozen: string[];
  /** charts added (sheet, chart type, title, series count) and sheets deleted */
  charts: { sheet: string; type: string; title: string; series: number }[];
  deletedSheets: string[];
}

/** Accepts any property read, write or call (chart and font formatting the tests do not inspect). */
function anything(): any {
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get: (_t, key) => (key === "then" ? undefined : anything()),
    apply: () => anything(),
    set: () => true,
  });
}

function rangeSeed(values: CellValue[][], origin = { row: 0, column: 0 }) {
  return { values, rowIndex: origin.row, columnIndex: origin.column };
}

function recorderSheet(name: string, recorded: Recorded) {
  let lastValues: CellValue[][] = [];
  const range = (): any => ({
    set values(v: CellValue[][]) {
      lastValues = v;
    },
    get values() {
      return lastValues;
    },
    set numberFormat(_v: unknown) {
      recorded.numberFormats++;
    },
    format: anything(),
    conditionalFormats: {
      add: () => {
        const cf = { custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } } };
        queueMicrotask(() => recorded.conditionalFormats.push({ sheet: name, formula: cf.custom.rule.formula }));
        return cf;
      },
      clearAll: () => undefined,
    },
    clear: () => recorded.cleared.push(name),
    select: () => undefined,
  });
  return {
    name,
    getRangeByIndexes: () => range(),
    getRange: () => range(),
    tables: {
      add: () => {
        const table = { name: "", style: "" };
        queueMicrotask(() => recorded.tables.push({ sheet: name, name: table.name, values: lastValues }));
        return table;
      },
    },
    freezePanes: { freezeRows: () => recorded.frozen.push(name) },
    charts: {
      add: (type: string) => {
        let series = 1;
        const seriesStub = () => ({ name: "", setValues: () => undefined, setXAxisValues: () => undefined });
        const chart = {
          name: "",
          title: { text: "" },
          legend: { position: "" },
          axes: { valueAxis: { numberFormat: "" } },
          series: { getItemAt: () => seriesStub(), add: () => (series++, seriesStub()) },
          setPosition: () => undefined,
        };
        queueMicrotask(() => recorded.charts.push({ sheet: name, type, title: chart.title.text, series }));
        return chart;
      },
    },
    delete: () => recorded.deletedSheets.push(name),
    pageLayout: { orientation: "", setPrintTitleRows: () => undefined },
    activate: () => undefined,
  };
}

/** A mocked `Excel.run` over the given tables and plain sheets, with a sync counter. */
export function mockExcel(
  tables: MockTable[],
  sheetNames: string[] = [],
): { run: ExcelRun; syncs: () => number; recorded: Recorded } {
  const recorded: Recorded = {
    added: [],
    cleared: [],
    deletedTables: [],
    tables: [],
    numberFormats: 0,
    conditionalFormats: [],
    frozen: [],
    charts: [],
    deletedSheets: [],
  };
  const tableSeeds: Record<string, unknown> = { missing: { worksheet: { name: "" }, range: rangeSeed([]) } };
  for (const t of tables)
    tableSeeds[`t_${t.name.toLowerCase()}`] = { worksheet: { name: t.sheet }, range: rangeSeed(t.values, t.origin) };
  const sheetSeeds: Record<string, unknown> = { missing: { name: "", used: rangeSeed([]) } };
  const allSheets = new Set([...sheetNames, ...tables.map((t) => t.sheet)]);
  for (const s of allSheets) sheetSeeds[`s_${s.toLowerCase()}`] = { name: s, used: rangeSeed([]) };

  const mock = new OfficeMockObject({
    context: {
      workbook: {
        tables: {
          ...tableSeeds,
          getItemOrNullObject: function (this: any, name: string) {
            const table = this[`t_${name.toLowerCase()}`] ?? this.missing;
            table.getRange = function (this: any) {
              return this.range;
            };
            return table;
          },
          getItem: function (name: string) {
            return { delete: () => recorded.deletedTables.push(name) };
          },
        },
        worksheets: {
          ...sheetSeeds,
          getItemOrNullObject: function (this: any, name: string) {
            const sheet = this[`s_${name.toLowerCase()}`] ?? this.missing;
            sheet.getUsedRangeOrNullObject = function (this: any) {
              return this.used;
            };
            return sheet;
          },
          getItem: (name: string) => recorderSheet(name, recorded),
          add: (name: string) => {
            recorded.added.push(name);
            return recorderSheet(name, recorded);
          },
        },
      },
    },
  }) as any;
  // isNullObject is read after sync without a load, as in Office.js; set it outside the mock's load tracking.
  const { workbook } = mock.context;
  for (const key of Object.keys(tableSeeds)) workbook.tables[key].isNullObject = key === "missing";
  for (const key of Object.keys(sheetSeeds)) {
    workbook.worksheets[key].isNullObject = key === "missing";
    workbook.worksheets[key].used.isNullObject = key === "missing";
  }
  let syncs = 0;
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    await sync();
  };
  const run: ExcelRun = async (batch) => batch(mock.context);
  return { run, syncs: () => syncs, recorded };
}
