/**
 * The input tables' schemas (docs/workbook.md, "Input tables"): which columns each table
 * has, which are required, and how headers are matched (case- and space-insensitive, with a
 * few aliases planners use).
 */
import { normalizeName } from "../../engine/names";
import { type TableData, type ValidationProblem } from "../port";

export interface ColumnSpec {
  /** canonical header */
  name: string;
  required: boolean;
  /** other headers accepted for this column */
  aliases?: string[];
  /** what the column holds, for the hint */
  describe: string;
}

export interface TableSpec {
  name: string;
  /** the table is required for planning */
  required: boolean;
  columns: ColumnSpec[];
  /** periods may run across (wide layout) instead of a Period column */
  wide?: { key: string; value: string };
  describe: string;
}

export const SALES: TableSpec = {
  name: "Sales",
  required: true,
  describe: "units sold per item and period (long: Item, Period, Quantity; or wide: Item then one column per period)",
  wide: { key: "Period", value: "Quantity" },
  columns: [
    { name: "Item", required: true, describe: "item code" },
    { name: "Period", required: true, aliases: ["Month", "Week", "Date"], describe: "a date, YYYY-MM or YYYY-Www" },
    {
      name: "Quantity",
      required: true,
      aliases: ["Qty", "Units", "Sales", "Demand"],
      describe: "units sold, a number ≥ 0",
    },
    { name: "Family", required: false, describe: "the item's family (checked against Items)" },
  ],
};

export const ITEMS: TableSpec = {
  name: "Items",
  required: true,
  describe: "one row per item with its family",
  columns: [
    { name: "Item", required: true, describe: "item code, unique" },
    { name: "Family", required: true, aliases: ["ProductFamily"], describe: "the family the item is planned in" },
    { name: "UnitCost", required: false, describe: "cost per unit" },
    { name: "UnitPrice", required: false, describe: "price per unit" },
    {
      name: "OpeningInventory",
      required: false,
      aliases: ["Inventory", "OnHand"],
      describe: "units on hand at plan start",
    },
    { name: "OpeningBacklog", required: false, aliases: ["Backlog"], describe: "units owed at plan start" },
    { name: "SafetyStock", required: false, describe: "units" },
    { name: "LikeItem", required: false, describe: "an item whose history a new item borrows" },
    { name: "LaunchPeriod", required: false, describe: "first period the item sells" },
    { name: "LikeItemFactor", required: false, describe: "scale on the like item's forecast (default 1)" },
    { name: "ForecastMethod", required: false, describe: "the item's forecast method (overrides Settings)" },
    {
      name: "DiscontinuePeriod",
      required: false,
      aliases: ["Discontinue"],
      describe: "first period with no demand (retired)",
    },
  ],
};

export const CAPACITY: TableSpec = {
  name: "Capacity",
  required: true,
  describe:
    "hours per resource and period (long: Resource, Period, Hours; or wide: Resource then one column per period)",
  wide: { key: "Period", value: "Hours" },
  columns: [
    { name: "Resource", required: true, aliases: ["WorkCenter"], describe: "resource name" },
    { name: "Period", required: true, aliases: ["Month", "Week", "Date"], describe: "a date, YYYY-MM or YYYY-Www" },
    {
      name: "Hours",
      required: true,
      aliases: ["Capacity", "CapacityHours", "AvailableHours"],
      describe: "regular hours available, ≥ 0",
    },
    { name: "OvertimeHours", required: false, describe: "extra hours available at overtime cost, ≥ 0" },
    { name: "CostPerHour", required: false, describe: "cost of a regular hour" },
    { name: "OvertimeCostPerHour", required: false, describe: "cost of an overtime hour" },
  ],
};

export const BILL_OF_RESOURCES: TableSpec = {
  name: "BillOfResources",
  required: true,
  describe: "hours each unit of an item or family needs on each resource",
  columns: [
    {
      name: "ItemOrFamily",
      required: true,
      aliases: ["Item", "Family", "Item or Family", "Product"],
      describe: "an item or a family name",
    },
    { name: "Resource", required: true, aliases: ["WorkCenter"], describe: "a resource of the Capacity table" },
    { name: "HoursPerUnit", required: true, aliases: ["Hours"], describe: "hours per unit, ≥ 0" },
    {
      name: "OffsetPeriods",
      required: false,
      aliases: ["Offset", "LeadTime"],
      describe: "whole periods the work starts before the due period",
    },
    { name: "SetupHours", required: false, describe: "hours per period the resource is used at all (informational)" },
  ],
};

export const SETTINGS: TableSpec = {
  name: "Settings",
  required: false,
  describe: "planning settings as Name / Value pairs",
  columns: [
    { name: "Name", required: true, aliases: ["Setting", "Parameter"], describe: "a setting name" },
    { name: "Value", required: true, describe: "its value" },
  ],
};

/** Optional: the forecast-change reasons planners may type in DemandPlan's Reason column (docs/meeting.md). */
export const REASON_CODES: TableSpec = {
  name: "ReasonCodes",
  required: false,
  describe: "the reason codes a DemandPlan Reason may name, with the team each comes from",
  columns: [
    { name: "Code", required: true, aliases: ["ReasonCode"], describe: "a short code, e.g. PROMO" },
    { name: "Description", required: false, describe: "what the code means" },
    {
      name: "Source",
      required: true,
      aliases: ["Team"],
      describe: "the team the change comes from: Sales, Marketing, Finance or Operations",
    },
  ],
};

/** Optional: the assumptions the plan rests on, printed in the executive pack (docs/meeting.md). */
export const ASSUMPTIONS: TableSpec = {
  name: "Assumptions",
  required: false,
  describe: "the assumptions the plan rests on (Area, Assumption, Owner, Impact)",
  columns: [
    { name: "Area", required: false, describe: "e.g. Demand, Supply, Finance" },
    { name: "Assumption", required: true, describe: "what the plan assumes" },
    { name: "Owner", required: false, describe: "who answers for it" },
    { name: "Impact", required: false, describe: "what changes if it does not hold" },
  ],
};

/** The optional strategic initiatives plan (engine/initiatives; docs/meeting.md). */
export const INITIATIVES: TableSpec = {
  name: "Initiatives",
  required: false,
  describe: "strategic initiatives: named changes to a family's demand and a resource's hours, with their costs",
  columns: [
    { name: "Initiative", required: true, aliases: ["Name"], describe: "the initiative's name, unique" },
    { name: "Owner", required: false, describe: "who is accountable for it" },
    {
      name: "Start",
      required: false,
      aliases: ["StartPeriod", "From"],
      describe: "first period it runs (blank: the plan start)",
    },
    { name: "End", required: false, aliases: ["EndPeriod", "To"], describe: "last period it runs (blank: to the end)" },
    { name: "Family", required: false, describe: "the family whose demand it changes" },
    { name: "Resource", required: false, aliases: ["WorkCenter"], describe: "the resource whose hours it changes" },
    {
      name: "DemandChangePct",
      required: false,
      aliases: ["DemandChange", "DemandChange%"],
      describe: "percent change of the family's consensus, ≥ −100 (10 = +10 %)",
    },
    {
      name: "CapacityChangeHours",
      required: false,
      aliases: ["CapacityChange", "HoursChange"],
      describe: "regular hours added per period on the resource (negative removes)",
    },
    { name: "OneOffCost", required: false, aliases: ["OneTimeCost"], describe: "money, in the start period, ≥ 0" },
    { name: "PeriodCost", required: false, aliases: ["CostPerPeriod"], describe: "money per period it runs, ≥ 0" },
  ],
};

/** The optional budget by family and period (docs/finance.md, "Budget"). */
export const BUDGET: TableSpec = {
  name: "Budget",
  required: false,
  describe: "the budget by family and plan period: units and/or revenue",
  columns: [
    { name: "Family", required: true, aliases: ["ProductFamily"], describe: "a family of the Items table" },
    { name: "Period", required: true, aliases: ["Month", "Week", "Date"], describe: "a date, YYYY-MM or YYYY-Www" },
    { name: "Units", required: false, aliases: ["Quantity", "BudgetUnits"], describe: "budgeted units, ≥ 0" },
    { name: "Revenue", required: false, aliases: ["BudgetRevenue"], describe: "budgeted revenue, ≥ 0" },
  ],
};

export const INPUT_SPECS: readonly TableSpec[] = [SALES, ITEMS, CAPACITY, BILL_OF_RESOURCES, SETTINGS];

/** Column positions found in a table, by canonical name; -1 when absent. */
export type ColumnIndex = Record<string, number>;

export function findColumn(headers: readonly string[], spec: ColumnSpec): number {
  const wanted = [spec.name, ...(spec.aliases ?? [])].map(normalizeName);
  for (const name of wanted) {
    const at = headers.findIndex((h) => normalizeName(h) === name);
    if (at >= 0) return at;
  }
  return -1;
}

/** Locates every spec column; adds one problem per missing required column (unless `skip`). */
export function locateColumns(
  table: TableData,
  spec: TableSpec,
  problems: ValidationProblem[],
  skip: readonly string[] = [],
): ColumnIndex {
  const index: ColumnIndex = {};
  for (const column of spec.columns) {
    index[column.name] = findColumn(table.headers, column);
    if (column.required && index[column.name] < 0 && !skip.includes(column.name)) {
      problems.push({
        table: spec.name,
        column: column.name,
        severity: "error",
        message: `The ${spec.name} table has no "${column.name}" column (${column.describe}).`,
        hint: `Found ${
          table.headers
            .filter((h) => h)
            .map((h) => `"${h}"`)
            .join(", ") || "no headers"
        }. Add or rename a column "${column.name}"${column.aliases?.length ? ` (also accepted: ${column.aliases.join(", ")})` : ""}.`,
        cell: { sheet: table.sheet, row: table.origin.row, column: table.origin.column },
      });
    }
  }
  return index;
}
