import { createHighsSolver } from "../../../src/solver/highs";
import {
  changedInputs,
  formatInputChecksums,
  inputChecksums,
  parseInputChecksums,
  PLAN_INPUTS,
  planStaleness,
  StalePlanError,
} from "../../../src/workbook/inputChecksums";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import type { CellValue, InputTables, OwnedSheetState, TableData } from "../../../src/workbook/port";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";

const table = (name: string, headers: string[], rows: CellValue[][]): TableData => ({
  name,
  sheet: name,
  headers,
  rows,
  origin: { row: 0, column: 0 },
});
const owned = (name: OwnedSheetState["name"], headers: string[], rows: CellValue[][]): OwnedSheetState => ({
  name,
  exists: true,
  ownedByAddIn: true,
  table: table(name, headers, rows),
});

/** A small hand-built workbook: two items' history, one resource, a DemandPlan with one override. */
function inputs(
  change: (t: { sales: CellValue[][]; capacity: CellValue[][]; demand: CellValue[][] }) => void = () => {},
) {
  const sales: CellValue[][] = [
    ["A", "2025-11", 10],
    ["A", "2025-12", 12],
    ["B", "2025-11", 5],
    ["B", "2025-12", 6],
  ];
  const capacity: CellValue[][] = [
    ["Line", "2026-01", 160],
    ["Line", "2026-02", 150],
  ];
  const demand: CellValue[][] = [
    ["A", "F", "2026-01", 11, 11, null, null],
    ["B", "F", "2026-01", 6, 8, 8, "promo"],
  ];
  change({ sales, capacity, demand });
  const result: InputTables = {
    tables: {
      Sales: table("Sales", ["Item", "Period", "Quantity"], sales),
      Items: table(
        "Items",
        ["Item", "Family"],
        [
          ["A", "F"],
          ["B", "F"],
        ],
      ),
      Capacity: table("Capacity", ["Resource", "Period", "Hours"], capacity),
    },
    owned: [
      owned("DemandPlan", ["Item", "Family", "Period", "Forecast", "Consensus", "Override", "Reason"], demand),
      owned("PlanLog", ["Time", "Step"], [["2026-01-15T09:30:00Z", "cycle"]]),
    ],
  };
  return result;
}

/** The inputs whose checksum differs between the base workbook and the changed one. */
const changed = (change: Parameters<typeof inputs>[0], extra?: (i: InputTables) => void) => {
  const after = inputs(change);
  extra?.(after);
  return changedInputs(inputChecksums(inputs()), inputChecksums(after));
};

describe("input checksums (what a plan was computed from)", () => {
  it("gives every plan input 16 hex digits, and round-trips through PlanLog's cell", () => {
    const sums = inputChecksums(inputs());
    expect(Object.keys(sums)).toEqual([...PLAN_INPUTS]);
    for (const sum of Object.values(sums)) expect(sum).toMatch(/^[0-9a-f]{16}$/);
    expect(parseInputChecksums(formatInputChecksums(sums))).toEqual(sums);
    // A PlanLog row from before the checksums were recorded holds none.
    expect(parseInputChecksums(null)).toBeNull();
    expect(parseInputChecksums("")).toBeNull();
  });

  it("changes the Sales sum with one history cell, and nothing else", () => {
    expect(changed((t) => (t.sales[2][2] = 7))).toEqual(["Sales"]);
  });

  it("changes the Overrides sum with an override, and nothing else", () => {
    expect(changed((t) => (t.demand[0][5] = 15))).toEqual(["Overrides"]);
    // clearing one counts too
    expect(changed((t) => (t.demand[1][5] = null))).toEqual(["Overrides"]);
  });

  it("changes the Capacity sum with a capacity cell, and nothing else", () => {
    expect(changed((t) => (t.capacity[1][2] = 120))).toEqual(["Capacity"]);
  });

  it("names an input table that appeared or disappeared", () => {
    expect(
      changed(
        () => {},
        (i) => delete i.tables.Capacity,
      ),
    ).toEqual(["Capacity"]);
    // Budget feeds the executive pack and plan vs budget, not the four plan sheets: not a plan input.
    expect(
      changed(
        () => {},
        (i) => (i.tables.Budget = table("Budget", ["Family", "Period", "Revenue"], [["F", "2026-01", 1]])),
      ),
    ).toEqual([]);
  });

  it("sums the input tables as parsed: how a cell is typed, extra columns and ignored rows change nothing", async () => {
    // The demo workbook parses (the small one above does not: no BillOfResources), so its tables
    // are summed as the plan reads them.
    const base = await demoWorkbook().readInputs();
    const sums = (change: (i: InputTables) => void) => {
      const after: InputTables = { ...base, tables: { ...base.tables } };
      change(after);
      return changedInputs(inputChecksums(base), inputChecksums(after));
    };
    const sales = base.tables.Sales!;
    const quantity = sales.headers.findIndex((h) => /quantity/i.test(h));
    const withCell = (value: CellValue) => ({
      ...sales,
      rows: sales.rows.map((r, i) => (i === 0 ? r.map((v, c) => (c === quantity ? value : v)) : r)),
    });
    const first = sales.rows[0][quantity] as number;
    // A quantity stored as text parses to the same number.
    expect(sums((i) => (i.tables.Sales = withCell(String(first))))).toEqual([]);
    // An extra column the add-in does not read (a planner's comment).
    expect(
      sums(
        (i) =>
          (i.tables.Sales = {
            ...sales,
            headers: [...sales.headers, "Comment"],
            rows: sales.rows.map((r) => [...r, "x"]),
          }),
      ),
    ).toEqual([]);
    // The headers in other case, as the parser accepts them.
    expect(sums((i) => (i.tables.Sales = { ...sales, headers: sales.headers.map((h) => h.toUpperCase()) }))).toEqual(
      [],
    );
    // A Budget table feeds the pack and plan vs budget, not the plan sheets.
    expect(sums((i) => delete i.tables.Budget)).toEqual([]);
    // While a real change is still seen.
    expect(sums((i) => (i.tables.Sales = withCell(first + 1)))).toEqual(["Sales"]);
  });

  it("takes the latest run by PlanLog's Time, not by row: a planner may sort PlanLog newest first", () => {
    const now = inputs();
    const before = inputs(({ capacity }) => (capacity[0][2] = 100));
    const log = (rows: CellValue[][]) => {
      const i = inputs();
      i.owned = [
        ...i.owned.filter((s) => s.name !== "PlanLog"),
        owned("PlanLog", ["Time", "Step", "InputChecksums"], rows),
      ];
      return i;
    };
    const older: CellValue[] = ["2026-01-15T09:00:00Z", "cycle", formatInputChecksums(inputChecksums(before))];
    const newer: CellValue[] = ["2026-01-15T10:00:00Z", "cycle", formatInputChecksums(inputChecksums(now))];
    // Oldest first and newest first: the 10:00 run, computed from the inputs as they are, counts.
    expect(planStaleness(log([older, newer]))).toEqual({ checked: true, changed: [], computedAt: newer[0] });
    expect(planStaleness(log([newer, older]))).toEqual({ checked: true, changed: [], computedAt: newer[0] });
    // Without ISO times, row order decides: the last row (09:00's checksums) is stale on Capacity.
    const untimed = (row: CellValue[]) => ["", ...row.slice(1)];
    expect(planStaleness(log([untimed(newer), untimed(older)])).changed).toEqual(["Capacity"]);
  });

  it("ignores row order and column order", () => {
    expect(changed((t) => t.sales.reverse())).toEqual([]);
    expect(changed((t) => t.capacity.reverse())).toEqual([]);
    expect(changed((t) => t.demand.reverse())).toEqual([]);
    expect(
      changed(
        () => {},
        (i) => {
          const sales = i.tables.Sales!;
          i.tables.Sales = table(
            "Sales",
            ["Quantity", "Item", "Period"],
            sales.rows.map((r) => [r[2], r[0], r[1]]),
          );
        },
      ),
    ).toEqual([]);
  });

  it("ignores the add-in's own sheets: the plan's numbers, Reason text and the log", () => {
    expect(
      changed((t) => {
        t.demand[0][3] = 99; // Forecast, written by the add-in
        t.demand[0][4] = 99; // Consensus, written by the add-in
        t.demand[1][6] = "another reason";
      }),
    ).toEqual([]);
    expect(
      changed(
        () => {},
        (i) => {
          i.owned.push(owned("PlanHistory", ["Cycle"], [["2026-01"]]));
          i.owned.find((o) => o.name === "PlanLog")!.table!.rows.push(["2026-01-16T09:30:00Z", "approve"]);
        },
      ),
    ).toEqual([]);
  });

  it("compares only the inputs both sides recorded", () => {
    expect(changedInputs({ Sales: "1", Items: "2" }, { Sales: "1", Items: "3", Capacity: "4" })).toEqual(["Items"]);
  });
});

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now, solver: async () => createHighsSolver() });

function lastLogRow(wb: MemoryWorkbook): Record<string, CellValue> {
  const [headers, ...rows] = wb.tableValues("SOP_PlanLog")!;
  return Object.fromEntries(headers.map((h, c) => [String(h), rows[rows.length - 1][c]]));
}

/** Sets a cell of an input table by its first column's value and a header. */
function setInput(
  wb: MemoryWorkbook,
  name: string,
  match: (row: CellValue[]) => boolean,
  header: string,
  value: CellValue,
) {
  const { sheet, table: t } = wb.findTable(name)!;
  const headers = sheet.cells[t.row].slice(t.column);
  const rows = sheet.cells.slice(t.row + 1, t.row + t.rowCount);
  const row = rows.find((r) => match(r.slice(t.column)))!;
  expect(row).toBeDefined();
  row[t.column + headers.indexOf(header)] = value;
}

describe("approving a stale plan (session)", () => {
  it("signs a fresh plan off; after a Capacity edit refuses, naming Capacity, unless allowed; the Note says so", async () => {
    const wb = demoWorkbook();
    await session(wb).run("optimal");
    expect(lastLogRow(wb).InputChecksums).toMatch(/^Sales=[0-9a-f]{16}; Items=/);

    const fresh = await session(wb).approve("Dana Chief", "CEO");
    expect(fresh.staleness).toEqual({ checked: true, changed: [], computedAt: "2026-01-15T09:30:00Z" });
    expect(lastLogRow(wb).Note).toBeNull();

    setInput(wb, "Capacity", () => true, "Hours", 1);
    const writes = wb.calls.writeSheets;
    const refused = session(wb).approve("Dana Chief", "CEO");
    await expect(refused).rejects.toThrow(StalePlanError);
    await expect(refused).rejects.toThrow(
      "The plan is stale: Capacity changed since the plan was computed at 2026-01-15T09:30:00Z.",
    );
    expect(wb.calls.writeSheets).toBe(writes);

    const anyway = await session(wb).approve("Dana Chief", "CEO", { allowStale: true });
    expect(anyway.staleness.changed).toEqual(["Capacity"]);
    expect(lastLogRow(wb)).toMatchObject({
      Step: "approve",
      By: "Dana Chief",
      Note: "Approved stale: Capacity changed since the plan was computed at 2026-01-15T09:30:00Z.",
    });

    // Running the cycle again makes the plan fresh.
    await session(wb).run("optimal");
    expect((await session(wb).approve("Dana Chief", "CEO")).staleness.changed).toEqual([]);
  });

  it("is not stale after a family override typed in the pane (written with the plan), stale after a typed override", async () => {
    const wb = demoWorkbook();
    await session(wb).run("optimal");
    const family = String(wb.tableValues("Items")![1][wb.tableValues("Items")![0].indexOf("Family")]);
    const set = await session(wb).familyOverride({ family, period: "2026-03", override: 1000 });
    expect(set.ok).toBe(true);
    await session(wb).reconcile("optimal");
    expect((await session(wb).approve("Dana")).staleness).toMatchObject({ checked: true, changed: [] });

    const demand = wb.sheet("DemandPlan")!.cells;
    const col = (h: string) => demand[0].indexOf(h);
    demand[1][col("Override")] = 400;
    setInput(wb, "Sales", () => true, "Quantity", 999);
    await expect(session(wb).approve("Dana")).rejects.toThrow(
      /^The plan is stale: Sales and DemandPlan's overrides and team inputs changed since the plan was computed at /,
    );
  });

  it("approves a plan written before input checksums were recorded, noting staleness was not checked", async () => {
    const wb = demoWorkbook();
    await session(wb).run("optimal");
    // An older add-in's PlanLog: no InputChecksums column.
    const log = wb.sheet("PlanLog")!.cells;
    const at = log[0].indexOf("InputChecksums");
    for (const row of log) row[at] = row === log[0] ? "Old" : null;
    const approved = await session(wb).approve("Dana");
    expect(approved.staleness).toEqual({ checked: false, changed: [], computedAt: "2026-01-15T09:30:00Z" });
    expect(lastLogRow(wb).Note).toBe(
      "Staleness not checked: the plan was written before input checksums were recorded.",
    );
  });
});
