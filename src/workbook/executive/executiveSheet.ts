/**
 * The `ExecutiveSummary` sheet: what the executive S&OP meeting reads, as values (no formulas,
 * no add-in needed), laid out to print on landscape pages:
 *
 *   row 1–2   headline KPIs, one column each (the sheet's Excel Table, the ownership marker)
 *   row 4–19  three native charts side by side: demand vs supply by family, utilization by
 *             resource, inventory and backlog projection
 *   row 21…   sections: options compared, plan vs budget (when the workbook has a Budget
 *             table), strategic initiatives (when the workbook has any),
 *             decisions needed, open decisions of earlier cycles, assumptions (when the
 *             workbook has an Assumptions table), changes since the last cycle, and
 *             the three chart tables the charts draw from
 *
 * Every number comes from `ExecutivePack` (src/engine/executive); this file only places them.
 */
import {
  decisionId,
  type ExecutivePack,
  type InitiativeEffect,
  type InitiativesReport,
  type PlanVsBudget,
} from "../../engine/executive";
import { sectionCells, type ChartSpec, type SheetSection } from "./sheetParts";

import type { CellValue, OwnedSheetName } from "../port";

export const EXECUTIVE_SHEET = "ExecutiveSummary" as const satisfies OwnedSheetName;

export const FORMATS = {
  money: "#,##0.00",
  units: "#,##0",
  hours: "#,##0",
  ratio: "0.0%",
  days: "0.0",
  turns: "0.0",
  count: "0",
} as const;

/**
 * The headline KPIs, in the order the strip shows them, each with its basis (the strip's second
 * row), so no figure reads without saying what it is measured on.
 */
export const KPI_COLUMNS: {
  header: string;
  format: string;
  pick: (p: ExecutivePack) => number | null;
  basis: (p: ExecutivePack) => string;
}[] = [
  {
    header: "Revenue",
    format: FORMATS.money,
    pick: (p) => p.financial.revenue,
    basis: () => "units shipped × unit price (FinancialPlan)",
  },
  {
    header: "Cost of goods",
    format: FORMATS.money,
    pick: (p) => p.financial.costOfGoods,
    basis: () => "UnitCost × units made + conversion + holding + backlog penalty",
  },
  {
    header: "Gross margin",
    format: FORMATS.money,
    pick: (p) => p.financial.grossMargin,
    basis: () => "revenue − cost of goods",
  },
  {
    header: "Margin %",
    format: FORMATS.ratio,
    pick: (p) => p.financial.marginRate,
    basis: () => "gross margin ÷ revenue",
  },
  {
    header: "Fill rate",
    format: FORMATS.ratio,
    pick: (p) => p.kpis.fillRate,
    basis: () => "the plan: demand served in its period ÷ consensus demand",
  },
  {
    header: "Ending inventory",
    format: FORMATS.units,
    pick: (p) => p.kpis.endingInventory,
    basis: (p) => `the plan, units, ${p.periods[p.periods.length - 1] ?? "last period"}`,
  },
  {
    header: "Days of supply",
    format: FORMATS.days,
    pick: (p) => p.kpis.daysOfSupply,
    basis: () => "ending inventory ÷ average daily consensus demand",
  },
  {
    header: "Inventory turns",
    format: FORMATS.turns,
    pick: (p) => p.kpis.inventoryTurns,
    basis: () => "annual consensus demand ÷ the plan's average inventory (units)",
  },
  {
    header: "Peak utilization",
    format: FORMATS.ratio,
    pick: (p) => p.kpis.peakUtilization?.value ?? null,
    basis: (p) =>
      `the plan's hours (regular + overtime) ÷ regular hours${p.kpis.peakUtilization ? `: ${p.kpis.peakUtilization.resource}, ${p.periods[p.kpis.peakUtilization.period]}` : ""}`,
  },
  {
    header: "Ending backlog",
    format: FORMATS.units,
    pick: (p) => p.kpis.endingBacklog,
    basis: () => "the plan, units, last period",
  },
  {
    header: "Peak backlog",
    format: FORMATS.units,
    pick: (p) => p.kpis.peakBacklog,
    basis: () => "the plan, units, largest period",
  },
  {
    header: "Decisions needed",
    format: FORMATS.count,
    pick: (p) => p.decisions.length,
    basis: () => "listed below",
  },
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
export const DECISION_LABEL = {
  overload: "Capacity overload",
  pastDue: "Past-due load",
  backlog: "Stockout / backlog",
  inventory: "Below inventory target",
  bias: "Forecast bias",
  override: "Large override",
} as const;
export const DECISION_UNIT = {
  overload: "hours short",
  pastDue: "hours past due",
  backlog: "units, peak",
  inventory: "units short, peak",
  bias: "tracking signal",
  override: "change vs statistical",
} as const;
export const DECISION_LIMIT = {
  overload: (t: number) => `${Math.round(t * 1000) / 10} % of capacity`,
  pastDue: () => "any past due",
  backlog: (t: number) => (t === 0 ? "no backlog" : `${t} units`),
  inventory: (t: number) => (t === 0 ? "no shortfall" : `${t} units short`),
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
    title: `Plan: ${pack.planName}, ${pack.periods[0] ?? ""} to ${pack.periods[pack.periods.length - 1] ?? ""}. Cost of goods: UnitCost × units made plus the plan's conversion, holding and backlog cost (FinancialPlan sheet).${pack.kpis.peakUtilization ? ` Peak utilization: ${pack.kpis.peakUtilization.resource} in ${pack.periods[pack.kpis.peakUtilization.period]}.` : ""}${pack.financial.itemsWithoutPrice.length ? ` No UnitPrice for ${pack.financial.itemsWithoutPrice.length} item(s).` : ""}${approvalText(pack)}`,
    headers: [],
    rows: [],
  });
  row -= 1;
  add({
    title: "Options compared",
    headers: [
      "Option",
      "Plan cost",
      "Revenue",
      "Cost of goods",
      "Gross margin",
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
      c.costOfGoods,
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
      FORMATS.money,
      FORMATS.ratio,
      FORMATS.units,
      FORMATS.units,
      FORMATS.ratio,
      FORMATS.hours,
      FORMATS.units,
    ],
  });
  if (pack.budget) add(budgetSection(pack.budget, span));
  if (pack.initiatives) add(initiativesSection(pack.initiatives));
  const logged = new Map((pack.decisionLog ?? []).map((e) => [e.id, e]));
  const entryOf = (d: (typeof pack.decisions)[number]) =>
    logged.get(decisionId(d.kind, d.subject, pack.periods[d.firstPeriod] ?? "", pack.periods[d.lastPeriod] ?? ""));
  add({
    title: "Decisions needed",
    headers: ["Kind", "Subject", "Periods", "Size", "Unit", "Limit", "What to decide", "Owner", "Due", "Status"],
    rows: pack.decisions.length
      ? pack.decisions.map((d) => [
          DECISION_LABEL[d.kind],
          d.subject,
          span(d.firstPeriod, d.lastPeriod),
          Number.isFinite(d.value) ? decisionSize(d.kind, d.value) : null,
          DECISION_UNIT[d.kind],
          DECISION_LIMIT[d.kind](d.threshold),
          d.message,
          entryOf(d)?.owner ?? null,
          entryOf(d)?.due ?? null,
          entryOf(d)?.status ?? null,
        ])
      : [
          [
            "None",
            "",
            "",
            null,
            null,
            null,
            "No overloads, past-due load, backlog, biased forecasts or large overrides.",
            null,
            null,
            null,
          ],
        ],
    numberFormats: [null, null, null, "#,##0.0#", null, null, null, null, "yyyy-mm-dd", null],
  });
  const carried = (pack.decisionLog ?? []).filter((e) => !e.current && e.status === "open");
  if (carried.length > 0)
    add({
      title: "Open decisions from earlier cycles (DecisionLog)",
      headers: ["Id", "Raised", "Subject", "Periods", "What to decide", "Owner", "Due"],
      rows: carried.map((e) => [e.id, e.raised, e.subject, e.periods, e.message, e.owner, e.due]),
      numberFormats: [null, null, null, null, null, null, "yyyy-mm-dd"],
    });
  if (pack.assumptions && pack.assumptions.length > 0)
    add({
      title: "Assumptions (the Assumptions table)",
      headers: ["Area", "Assumption", "Owner", "Impact"],
      rows: pack.assumptions.map((a) => [a.area, a.assumption, a.owner, a.impact]),
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
    title: "Utilization by resource (the plan's hours ÷ regular hours; past-due hours count in the first period)",
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
    rows: [KPI_COLUMNS.map((k) => roundFor(k.format, k.pick(pack))), KPI_COLUMNS.map((k) => k.basis(pack))],
    numberFormats: KPI_COLUMNS.map((k) => k.format),
    columnWidths: KPI_COLUMNS.map((_, c) => (c === 0 ? 30 : 18)),
    landscape: true,
    sections,
    charts,
  };
}

/** A decision's size as its message says it: hours and units whole, a tracking signal to 0.1. */
function decisionSize(kind: keyof typeof DECISION_UNIT, value: number): number {
  if (kind === "overload" || kind === "pastDue" || kind === "backlog" || kind === "inventory") return Math.round(value);
  if (kind === "bias") return Math.round(value * 10) / 10;
  return value;
}

/** Money to cents, units whole: what a planner reads is what the cell holds. */
function roundFor(format: string, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  if (format === FORMATS.money) return Math.round(value * 100) / 100;
  if (format === FORMATS.units) return Math.round(value);
  return value;
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

/**
 * The strategic initiatives plan: each initiative's effect (the plan with all initiatives minus
 * the plan without it), then all of them against the plan without any.
 */
/** Plan vs budget: units shipped and revenue of the FinancialPlan against the Budget table, gap and gap %. */
function budgetSection(budget: PlanVsBudget, span: (first: number, last: number) => string): Omit<SheetSection, "row"> {
  return {
    title: `Plan vs budget, ${span(budget.firstPeriod, budget.lastPeriod)}: the FinancialPlan's units shipped and revenue against the Budget table, over the family-months the budget covers; gap = plan − budget`,
    headers: [
      "Family",
      "Budget units",
      "Plan units",
      "Units gap",
      "Units gap %",
      "Budget revenue",
      "Plan revenue",
      "Revenue gap",
      "Revenue gap %",
    ],
    rows: budget.rows.map((r) => [
      r.family,
      roundFor(FORMATS.units, r.budgetUnits),
      roundFor(FORMATS.units, r.planUnits),
      roundFor(FORMATS.units, r.unitsGap),
      r.unitsGapShare,
      r.budgetRevenue,
      r.planRevenue,
      r.revenueGap,
      r.revenueGapShare,
    ]),
    numberFormats: [
      null,
      FORMATS.units,
      FORMATS.units,
      FORMATS.units,
      FORMATS.ratio,
      FORMATS.money,
      FORMATS.money,
      FORMATS.money,
      FORMATS.ratio,
    ],
  };
}

function initiativesSection(report: InitiativesReport): Omit<SheetSection, "row"> {
  const target = (e: InitiativeEffect) =>
    [
      e.family !== null && e.demandChangePct !== 0
        ? `${e.family} demand ${e.demandChangePct > 0 ? "+" : ""}${e.demandChangePct} %`
        : null,
      e.resource !== null && e.capacityChangeHours !== 0
        ? `${e.resource} ${e.capacityChangeHours > 0 ? "+" : ""}${e.capacityChangeHours} h/period`
        : null,
    ]
      .filter((x) => x !== null)
      .join("; ") || "costs only";
  const row = (e: InitiativeEffect) => [
    e.name,
    e.owner,
    e.name === "All initiatives" ? "" : target(e),
    e.periods,
    e.units,
    e.capacityHours,
    e.planHours,
    e.revenue,
    e.grossMargin,
    e.cost,
    e.netMargin,
    e.failure ?? "",
  ];
  return {
    title: "Strategic initiatives (each: the plan with it minus the plan without it)",
    headers: [
      "Initiative",
      "Owner",
      "Changes",
      "Periods",
      "Units",
      "Capacity hours",
      "Plan hours",
      "Revenue",
      "Gross margin",
      "Initiative cost",
      "Margin after cost",
      "Note",
    ],
    rows: [...report.effects.map(row), row(report.all)],
    numberFormats: [
      null,
      null,
      null,
      null,
      FORMATS.units,
      FORMATS.hours,
      FORMATS.hours,
      FORMATS.money,
      FORMATS.money,
      FORMATS.money,
      FORMATS.money,
      null,
    ],
  };
}

/** "Approved by …", "CHANGED since approval by …" or "Not approved yet.": the pack's, the pane's and the CLI's words. */
export function approvalStatement(approval: ExecutivePack["approval"]): string {
  if (!approval) return "Not approved yet.";
  const who = `${approval.by}${approval.role ? ` (${approval.role})` : ""} at ${approval.at}`;
  return approval.changedSince ? `CHANGED since approval by ${who}: approve again.` : `Approved by ${who}.`;
}

/** The approval statement for the plan's title line. */
function approvalText(pack: ExecutivePack): string {
  return ` ${approvalStatement(pack.approval)}`;
}
