/**
 * The `ExecutiveSummary` sheet: what the executive S&OP meeting reads, as values (no formulas,
 * no add-in needed), laid out to print on landscape pages:
 *
 *   row 1–2   headline KPIs, one column each (the sheet's Excel Table, the ownership marker)
 *   row 4–19  three native charts side by side: demand vs supply by family, utilization by
 *             resource, inventory and backlog projection
 *   row 21…   sections: options compared, decisions needed, changes since the last cycle, and
 *             the three chart tables the charts draw from
 *
 * Every number comes from `ExecutivePack` (src/engine/executive); this file only places them.
 */
import type { ExecutivePack } from "../../engine/executive";
import { sectionCells, type ChartSpec, type SheetSection } from "./sheetParts";

import type { CellValue, OwnedSheetName } from "../port";

export const EXECUTIVE_SHEET = "ExecutiveSummary" as const satisfies OwnedSheetName;

export const FORMATS = {
  money: "#,##0",
  units: "#,##0",
  hours: "#,##0",
  ratio: "0.0%",
  days: "0.0",
  turns: "0.0",
  count: "0",
} as const;

/** The headline KPIs, in the order the strip shows them. */
export const KPI_COLUMNS: { header: string; format: string; pick: (p: ExecutivePack) => number | null }[] = [
  { header: "Revenue", format: FORMATS.money, pick: (p) => p.financial.revenue },
  { header: "Cost", format: FORMATS.money, pick: (p) => p.financial.cost },
  { header: "Margin", format: FORMATS.money, pick: (p) => p.financial.margin },
  { header: "Margin %", format: FORMATS.ratio, pick: (p) => p.financial.marginRate },
  { header: "Fill rate", format: FORMATS.ratio, pick: (p) => p.kpis.fillRate },
  { header: "Ending inventory", format: FORMATS.units, pick: (p) => p.kpis.endingInventory },
  { header: "Days of supply", format: FORMATS.days, pick: (p) => p.kpis.daysOfSupply },
  { header: "Inventory turns", format: FORMATS.turns, pick: (p) => p.kpis.inventoryTurns },
  { header: "Peak utilization", format: FORMATS.ratio, pick: (p) => p.kpis.peakUtilization?.value ?? null },
  { header: "Ending backlog", format: FORMATS.units, pick: (p) => p.kpis.endingBacklog },
  { header: "Peak backlog", format: FORMATS.units, pick: (p) => p.kpis.peakBacklog },
  { header: "Decisions needed", format: FORMATS.count, pick: (p) => p.decisions.length },
];

export interface ExecutiveSheetLayout {
  name: OwnedSheetName;
  tableName: string;
  headers: string[];
  rows: CellValue[][];
  numberFormats: (string | null)[];
  columnWidths: number[];
  landscape: boolean;
  sections: SheetSection[];
  charts: ChartSpec[];
}

const CHART_ROW = 3;
const CHART_ROWS = 16;
const CHART_COLUMNS = 4;
const FIRST_SECTION_ROW = CHART_ROW + CHART_ROWS + 1;
const DECISION_LABEL = {
  overload: "Capacity overload",
  backlog: "Stockout / backlog",
  bias: "Forecast bias",
  override: "Large override",
} as const;
const DECISION_UNIT = {
  overload: "hours short",
  backlog: "units, peak",
  bias: "tracking signal",
  override: "change vs statistical",
} as const;
const DECISION_LIMIT = {
  overload: () => "100 % of capacity",
  backlog: () => "no backlog",
  bias: (t: number) => `±${t}`,
  override: (t: number) => `±${Math.round(t * 100)} %`,
} as const;

/**
 * @example
 * executiveSheet(executivePack({...})).rows[0][4] // => the plan's fill rate (a fraction, shown 0.0%)
 */
export function executiveSheet(pack: ExecutivePack): ExecutiveSheetLayout {
  const sections: SheetSection[] = [];
  let row = FIRST_SECTION_ROW;
  const add = (section: Omit<SheetSection, "row">): SheetSection => {
    const placed = { ...section, row };
    sections.push(placed);
    row += section.rows.length + 3;
    return placed;
  };
  const span = (first: number, last: number) =>
    first === last ? pack.periods[first] : `${pack.periods[first]} to ${pack.periods[last]}`;

  add({
    title: `Plan: ${pack.planName}, ${pack.periods[0] ?? ""} to ${pack.periods[pack.periods.length - 1] ?? ""}. Cost basis: ${pack.financial.costBasis === "plan" ? "the reconciled plan's cost" : "units × UnitCost"}.${pack.kpis.peakUtilization ? ` Peak utilization: ${pack.kpis.peakUtilization.resource} in ${pack.periods[pack.kpis.peakUtilization.period]}.` : ""}${pack.financial.itemsWithoutPrice.length ? ` No UnitPrice for ${pack.financial.itemsWithoutPrice.length} item(s).` : ""}`,
    headers: [],
    rows: [],
  });
  row -= 1;
  add({
    title: "Options compared",
    headers: [
      "Option",
      "Total cost",
      "Revenue",
      "Margin",
      "Fill rate",
      "Ending inventory",
      "Peak backlog",
      "Peak utilization",
      "Overtime hours",
      "Subcontract units",
    ],
    rows: pack.comparison.map((c) => [
      c.name,
      c.totalCost,
      c.revenue,
      c.margin,
      c.fillRate,
      c.endingInventory,
      c.peakBacklog,
      c.peakUtilization,
      c.overtimeHours,
      c.subcontractUnits,
    ]),
    numberFormats: [
      null,
      FORMATS.money,
      FORMATS.money,
      FORMATS.money,
      FORMATS.ratio,
      FORMATS.units,
      FORMATS.units,
      FORMATS.ratio,
      FORMATS.hours,
      FORMATS.units,
    ],
  });
  add({
    title: "Decisions needed",
    headers: ["Kind", "Subject", "Periods", "Size", "Unit", "Limit", "What to decide"],
    rows: pack.decisions.length
      ? pack.decisions.map((d) => [
          DECISION_LABEL[d.kind],
          d.subject,
          span(d.firstPeriod, d.lastPeriod),
          Number.isFinite(d.value) ? d.value : null,
          DECISION_UNIT[d.kind],
          DECISION_LIMIT[d.kind](d.threshold),
          d.message,
        ])
      : [["None", "", "", null, null, null, "No overloads, backlog, biased forecasts or large overrides."]],
    numberFormats: [null, null, null, "#,##0.0#", null, null, null],
  });
  add({
    title: pack.changes
      ? `Changes since the last cycle (${pack.changes.periods[0] ?? "–"} to ${pack.changes.periods[pack.changes.periods.length - 1] ?? "–"})`
      : "Changes since the last cycle",
    headers: ["Family", "Measure", "Previous", "Current", "Change", "Change %"],
    rows: pack.changes
      ? pack.changes.rows.map((c) => [
          c.family,
          c.measure === "demand" ? "Consensus demand" : "Production",
          c.previous,
          c.current,
          c.change,
          c.changeShare,
        ])
      : [["First cycle", "no previous plan to compare with", null, null, null, null]],
    numberFormats: [null, null, FORMATS.units, FORMATS.units, FORMATS.units, FORMATS.ratio],
  });
  const supply = add({
    title: "Demand vs supply by family (units over the horizon)",
    headers: ["Family", "Demand", "Supply", "Gap"],
    rows: pack.demandVsSupply.map((f) => [f.family, f.demand, f.supply, f.supply - f.demand]),
    numberFormats: [null, FORMATS.units, FORMATS.units, FORMATS.units],
  });
  const projection = add({
    title: "Inventory and backlog projection (units, all families)",
    headers: ["Period", "Demand", "Production", "Inventory", "Backlog"],
    rows: pack.projection.map((p) => [p.period, p.demand, p.production, p.inventory, p.backlog]),
    numberFormats: [null, FORMATS.units, FORMATS.units, FORMATS.units, FORMATS.units],
  });
  const utilization = add({
    title: "Utilization by resource (load ÷ capacity)",
    headers: ["Period", ...pack.utilization.map((u) => u.resource)],
    rows: pack.periods.map((period, t) => [period, ...pack.utilization.map((u) => u.values[t])]),
    numberFormats: [null, ...pack.utilization.map(() => FORMATS.ratio)],
  });

  const column = (section: SheetSection, c: number) => ({
    column: c,
    firstRow: section.row + 2,
    lastRow: section.row + 1 + Math.max(section.rows.length, 1),
  });
  const anchor = (k: number) => ({
    row: CHART_ROW,
    column: k * CHART_COLUMNS,
    columns: CHART_COLUMNS,
    rows: CHART_ROWS,
  });
  const charts: ChartSpec[] = [
    {
      title: "Demand vs supply by family",
      type: "column",
      categories: column(supply, 0),
      series: [
        { name: "Demand", values: column(supply, 1) },
        { name: "Supply", values: column(supply, 2) },
      ],
      valueFormat: FORMATS.units,
      anchor: anchor(0),
    },
    {
      title: "Utilization by resource",
      type: "line",
      categories: column(utilization, 0),
      series: pack.utilization.map((u, k) => ({ name: u.resource, values: column(utilization, k + 1) })),
      valueFormat: "0%",
      anchor: anchor(1),
    },
    {
      title: "Inventory and backlog projection",
      type: "line",
      categories: column(projection, 0),
      series: [
        { name: "Inventory", values: column(projection, 3) },
        { name: "Backlog", values: column(projection, 4) },
      ],
      valueFormat: FORMATS.units,
      anchor: anchor(2),
    },
  ].filter((chart) => chart.series.length > 0 && chart.categories.lastRow >= chart.categories.firstRow) as ChartSpec[];

  return {
    name: EXECUTIVE_SHEET,
    tableName: `SOP_${EXECUTIVE_SHEET}`,
    headers: KPI_COLUMNS.map((k) => k.header),
    rows: [KPI_COLUMNS.map((k) => k.pick(pack))],
    numberFormats: KPI_COLUMNS.map((k) => k.format),
    columnWidths: KPI_COLUMNS.map((_, c) => (c === 0 ? 30 : 18)),
    landscape: true,
    sections,
    charts,
  };
}

/** The sheet as a grid of values (0-based), table and sections placed: what every adapter writes, and what chart caches read. */
export function layoutGrid(layout: Pick<ExecutiveSheetLayout, "headers" | "rows" | "sections">): CellValue[][] {
  const grid: CellValue[][] = [];
  const set = (r: number, c: number, v: CellValue) => {
    while (grid.length <= r) grid.push([]);
    const line = grid[r];
    while (line.length < c) line.push(null);
    line[c] = v;
  };
  [layout.headers, ...layout.rows].forEach((line, r) => line.forEach((v, c) => set(r, c, v)));
  for (const cell of sectionCells(layout.sections)) set(cell.row, cell.column, cell.value);
  return grid;
}
