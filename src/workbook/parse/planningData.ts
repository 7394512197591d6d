/**
 * Gather step: input tables → typed `PlanningData`, with every problem found at once.
 * Nothing here throws on bad data; problems carry the table, row, column, value and a hint.
 */
import type { PlanBillLine, PlanItem, PlanResource, PlanningData } from "../../engine/cycle/types";
import type { CellValue, InputTables, TableData, ValidationProblem } from "../port";
import { inferBucket, periodIndex, periodLabel } from "../schema/periods";
import { BILL_OF_RESOURCES, CAPACITY, INPUT_SPECS, ITEMS, locateColumns, SALES } from "../schema/tables";
import { FORECAST_METHODS, parseMethod } from "../../engine/forecast";
import { findOutliers, type HistoryOutlier } from "../../engine/forecast/outliers";
import { readInitiatives } from "./initiatives";
import { readBudget } from "./budget";
import { readFamilyOverrides, readOverrides } from "./overrides";
import { checkReasons, readReasonCodes } from "./reasonCodes";
import { detectLayout, periodRecords, periodValues } from "./periodRecords";
import { parseSettings } from "./settings";
import { TableReader } from "./tableReader";

export interface ParseResult {
  /** null when there is at least one error */
  data: PlanningData | null;
  problems: ValidationProblem[];
}

export function parsePlanningData(inputs: InputTables): ParseResult {
  const problems: ValidationProblem[] = [];
  for (const spec of INPUT_SPECS) {
    if (spec.required && !inputs.tables[spec.name]) {
      problems.push({
        table: spec.name,
        severity: "error",
        message: `No ${spec.name} table found (${spec.describe}).`,
        hint: `Insert an Excel Table named "${spec.name}" (or a sheet named "${spec.name}" with a header row) with columns ${spec.columns
          .filter((c) => c.required)
          .map((c) => c.name)
          .join(", ")}.`,
      });
    }
  }
  const settings = parseSettings(inputs.tables.Settings, problems);
  const items = readItems(inputs.tables.Items, problems);
  const sales = inputs.tables.Sales;
  // When Sales or Items cannot be read, Capacity and BillOfResources are still checked so that
  // every problem is listed at once.
  const checkRest = (bucket?: PlanningData["bucket"]) => {
    const capacity = inputs.tables.Capacity;
    const resources = readCapacity(capacity, problems, bucket ?? settings.bucket ?? capacityBucket(capacity), null, 0);
    if (resources) readBill(inputs.tables.BillOfResources, problems, items?.list ?? null, resources);
    return finish(null, problems);
  };
  if (!sales || !items) return checkRest();

  // Sales → bucket, history periods and units per item.
  const salesReader = new TableReader(sales, problems);
  const salesColumns = locateColumns(sales, SALES, problems, ["Period", "Quantity"]);
  const salesLayout = detectLayout(salesReader, salesColumns);
  if (!salesLayout.wide) requireLongColumns(salesReader, SALES, salesColumns, ["Period", "Quantity"], problems);
  if (salesColumns.Item < 0 || (!salesLayout.wide && (salesColumns.Period < 0 || salesColumns.Quantity < 0)))
    return checkRest();
  const bucket = settings.bucket ?? inferBucket(periodValues(salesReader, salesColumns, salesLayout));
  const records = periodRecords(salesReader, SALES, salesColumns, salesLayout, "Item", bucket);
  if (records.length === 0) {
    problems.push({
      table: "Sales",
      severity: "error",
      message: "The Sales table has no usable rows.",
      hint: "Add one row per item and period with the units sold.",
    });
    return checkRest(bucket);
  }
  // A loop, not Math.min(...records): spreading 300,000 Sales rows overflows the call stack.
  let firstHistory = Infinity;
  let lastSales = -Infinity;
  for (const record of records) {
    if (record.period < firstHistory) firstHistory = record.period;
    if (record.period > lastSales) lastSales = record.period;
  }
  let planStart = lastSales + 1;
  if (settings.planStart !== null) {
    const start = periodIndex(settings.planStart, bucket);
    if (start === null) {
      problems.push({
        table: "Settings",
        row: (settings.planStartRow ?? 0) + 1,
        column: "Value",
        value: settings.planStart,
        severity: "error",
        message: `PlanStart ${JSON.stringify(settings.planStart)} is not a ${bucket}.`,
        hint: bucket === "month" ? "Use a date or YYYY-MM." : "Use a date or YYYY-Www.",
      });
    } else if (start <= firstHistory) {
      problems.push({
        table: "Settings",
        column: "Value",
        value: settings.planStart,
        severity: "error",
        message: `PlanStart ${periodLabel(start, bucket)} is not after the first Sales period ${periodLabel(firstHistory, bucket)}, so there is no history to forecast from.`,
        hint: "Set PlanStart to the period after the last actual sales.",
      });
    } else planStart = start;
  }
  // Launch and discontinue periods are read the same way: a period of the workbook's bucket, or a cell error.
  const itemPeriods = [
    { rows: items.launchRows, column: items.launchColumn, header: "LaunchPeriod", field: "launchPeriod" },
    {
      rows: items.discontinueRows,
      column: items.discontinueColumn,
      header: "DiscontinuePeriod",
      field: "discontinuePeriod",
    },
  ] as const;
  for (const { rows, column, header, field } of itemPeriods)
    for (const cell of rows) {
      const period = periodIndex(cell.value, bucket);
      if (period === null)
        items.reader.report(
          cell.row,
          column,
          `${header} ${JSON.stringify(cell.value)} of item "${items.list[cell.item].name}" is not a ${bucket}.`,
          bucket === "month" ? "Use a date or YYYY-MM." : "Use a date or YYYY-Www.",
        );
      else items.list[cell.item][field] = periodLabel(period, bucket);
    }
  const historyLength = planStart - firstHistory;
  const history = items.list.map(() => new Array<number | null>(historyLength).fill(0));
  // Per item and period (item × span + period − firstHistory): the Sales row that gave it and the
  // column of its quantity, −1 where none yet; typed arrays, not maps keyed by strings, because a
  // 5,000-item workbook has 300,000 Sales rows. (An outlier points at its cell from here.)
  const span = Math.max(lastSales, planStart - 1) - firstHistory + 1;
  const cellRows = new Int32Array(items.list.length * span).fill(-1);
  const cellColumns = new Int32Array(items.list.length * span);
  const periodsSeen = new Uint8Array(span);
  let lastItemKey = "";
  let lastItem: number | undefined;
  for (const record of records) {
    // long Sales come item by item: look an item up once per run of its rows
    if (record.key !== lastItemKey) {
      lastItemKey = record.key;
      lastItem = items.index.get(record.key.toLowerCase());
    }
    const item = lastItem;
    if (item === undefined) {
      salesReader.report(
        record.row,
        salesColumns.Item,
        `Sales row ${record.row + 1} is for item "${record.key}", which is not in the Items table.`,
        `Add "${record.key}" with its family to Items, or correct the item code.`,
      );
      continue;
    }
    const quantity = salesReader.number(record.row, record.valueColumn, {
      nonNegative: true,
      fallback: null,
      meaning: "units sold (a number ≥ 0)",
    });
    if (quantity === undefined) continue;
    const cell = item * span + record.period - firstHistory;
    if (!salesLayout.wide) {
      if (cellRows[cell] >= 0) {
        salesReader.report(
          record.row,
          salesColumns.Period,
          `Item "${record.key}" has two Sales rows for ${periodLabel(record.period, bucket)} (rows ${cellRows[cell] + 1} and ${record.row + 1}).`,
          "Keep one row per item and period (add the quantities together).",
        );
        continue;
      }
      const family = salesColumns.Family >= 0 ? salesReader.text(record.row, salesColumns.Family, null) : null;
      if (family !== null && family.toLowerCase() !== items.list[item].family.toLowerCase()) {
        salesReader.report(
          record.row,
          salesColumns.Family,
          `Sales row ${record.row + 1} puts "${record.key}" in family "${family}", but Items says "${items.list[item].family}".`,
          "The Items table decides the family; correct one of them.",
          "warning",
        );
      }
    }
    cellRows[cell] = record.row;
    cellColumns[cell] = record.valueColumn;
    if (record.period >= planStart) continue;
    periodsSeen[record.period - firstHistory] = 1;
    history[item][record.period - firstHistory] = quantity;
  }
  const missingPeriods: string[] = [];
  for (let p = firstHistory; p < Math.min(planStart, lastSales + 1); p++)
    if (!periodsSeen[p - firstHistory]) missingPeriods.push(periodLabel(p, bucket));
  if (missingPeriods.length > 0) {
    problems.push({
      table: "Sales",
      column: salesLayout.wide ? undefined : "Period",
      severity: "error",
      message: `The Sales history has gaps: no rows for ${summarize(missingPeriods)}.`,
      hint: "Add the missing periods (Quantity 0 where nothing sold) so forecasts see every period.",
      cell: { sheet: sales.sheet, row: sales.origin.row, column: sales.origin.column },
    });
  }
  if (planStart > lastSales + 1) {
    problems.push({
      table: "Settings",
      column: "Value",
      severity: "warning",
      message: `PlanStart ${periodLabel(planStart, bucket)} leaves ${planStart - lastSales - 1} period(s) after the last Sales period with no sales (read as 0).`,
      hint: "Set PlanStart to the period after the last actual sales.",
    });
  }
  const historyPeriods = Array.from({ length: historyLength }, (_, i) => periodLabel(firstHistory + i, bucket));
  const planPeriods = Array.from({ length: settings.horizon }, (_, i) => periodLabel(planStart + i, bucket));

  const resources = readCapacity(inputs.tables.Capacity, problems, bucket, planStart, settings.horizon);
  const bill = resources ? readBill(inputs.tables.BillOfResources, problems, items.list, resources) : null;
  const { overrides, reasons, teamInputs } = readOverrides(inputs, problems, items.list, planPeriods);
  const reasonCodes = readReasonCodes(inputs.tables.ReasonCodes, problems);
  if (reasonCodes) checkReasons(inputs, reasonCodes, problems);
  const families = [...new Set(items.list.map((i) => i.family))];
  const { familyOverrides, familyReasons } = readFamilyOverrides(inputs, problems, families, planPeriods);
  const salesCell = (item: number, index: number) => {
    const cell = item * span + index;
    return cellRows[cell] >= 0 ? { row: cellRows[cell], column: cellColumns[cell] } : undefined;
  };
  const found = reportOutliers(salesReader, salesCell, items.list, history, historyPeriods, settings);
  if (!resources || !bill) return finish(null, problems);
  const initiatives = readInitiatives(inputs.tables.Initiatives, problems, {
    bucket,
    planPeriods,
    families,
    resources,
  });

  const budget = readBudget(inputs.tables.Budget, problems, { bucket, planPeriods, families });

  const data: PlanningData = {
    bucket,
    historyPeriods,
    planPeriods,
    items: items.list,
    families,
    history,
    historyOutliers: { history, seasonality: settings.seasonality, found },
    overrides,
    reasons,
    ...(teamInputs ? { teamInputs } : {}),
    ...(reasonCodes ? { reasonCodes } : {}),
    familyOverrides,
    familyReasons,
    familySplit: settings.familySplit,
    familySopHistory: settings.familySopHistory,
    resources,
    bill,
    forecast: {
      method: settings.method,
      seasonality: settings.seasonality,
      level: settings.level,
      cleanOutliers: settings.cleanOutliers,
    },
    strategy: settings.strategy,
    costs: settings.costs,
    alertLimits: settings.alertLimits,
    inventoryPolicy: settings.inventoryPolicy,
    ...(initiatives.length > 0 ? { initiatives } : {}),
    ...(inputs.tables.Budget ? { budget } : {}),
  };
  return finish(data, problems);
}

function isForecastMethod(name: string): boolean {
  try {
    parseMethod(name);
    return true;
  } catch {
    return false;
  }
}

/** One warning per history outlier, at its Sales cell (engine/forecast/outliers); the outliers found, per item. */
function reportOutliers(
  reader: TableReader,
  /** the Sales cell of item `i`'s history value `index`, when one gave it */
  salesCell: (i: number, index: number) => { row: number; column: number } | undefined,
  items: PlanItem[],
  history: (number | null)[][],
  historyPeriods: string[],
  settings: { seasonality?: number; cleanOutliers: boolean },
): HistoryOutlier[][] {
  return items.map((item, i) => {
    const found = findOutliers(history[i], settings.seasonality);
    for (const outlier of found) {
      const cell = salesCell(i, outlier.index);
      if (!cell) continue;
      const fitted = Math.round(outlier.fitted * 100) / 100;
      reader.report(
        cell.row,
        cell.column,
        `Item "${item.name}" sold ${outlier.value} in ${historyPeriods[outlier.index]}, far from its usual ${fitted} for that period (an outlier).`,
        settings.cleanOutliers
          ? `The forecast uses ${fitted} instead (Settings CleanOutliers); the Sales cell is unchanged.`
          : `If it was a one-off (a promotion, a data error), set CleanOutliers to TRUE in Settings to forecast from ${fitted} instead.`,
        "warning",
      );
    }
    return found;
  });
}

function finish(data: PlanningData | null, problems: ValidationProblem[]): ParseResult {
  return { data: problems.some((p) => p.severity === "error") ? null : data, problems };
}

function summarize(labels: string[]): string {
  return labels.length <= 6 ? labels.join(", ") : `${labels.slice(0, 5).join(", ")} and ${labels.length - 5} more`;
}

function requireLongColumns(
  reader: TableReader,
  spec: typeof SALES,
  columns: Record<string, number>,
  names: string[],
  problems: ValidationProblem[],
): void {
  for (const name of names) {
    if (columns[name] >= 0) continue;
    problems.push({
      table: spec.name,
      column: name,
      severity: "error",
      message: `The ${spec.name} table has no "${name}" column, and no period headers for a wide layout.`,
      hint: `Use long columns ${spec.columns
        .filter((c) => c.required)
        .map((c) => c.name)
        .join(
          ", ",
        )}, or put one period per column header (YYYY-MM, YYYY-Www or dates). Found ${reader.table.headers.map((h) => `"${h}"`).join(", ")}.`,
      cell: { sheet: reader.table.sheet, row: reader.table.origin.row, column: reader.table.origin.column },
    });
  }
}

interface ItemsRead {
  list: PlanItem[];
  index: Map<string, number>;
  /** LaunchPeriod cells, parsed once the bucket is known */
  launchRows: { row: number; item: number; value: CellValue }[];
  launchColumn: number;
  /** DiscontinuePeriod cells, parsed once the bucket is known */
  discontinueRows: { row: number; item: number; value: CellValue }[];
  discontinueColumn: number;
  reader: TableReader;
}

function readItems(table: TableData | undefined, problems: ValidationProblem[]): ItemsRead | null {
  if (!table) return null;
  const reader = new TableReader(table, problems);
  const columns = locateColumns(table, ITEMS, problems);
  if (columns.Item < 0 || columns.Family < 0) return null;
  const list: PlanItem[] = [];
  const index = new Map<string, number>();
  const rowOf = new Map<string, number>();
  const likeRows: { row: number; name: string; likeItem: string }[] = [];
  const launchRows: { row: number; item: number; value: CellValue }[] = [];
  const discontinueRows: { row: number; item: number; value: CellValue }[] = [];
  for (let row = 0; row < reader.rowCount; row++) {
    const name = reader.text(row, columns.Item, "Item");
    if (name === null) continue;
    const key = name.toLowerCase();
    if (rowOf.has(key)) {
      reader.report(
        row,
        columns.Item,
        `Item "${name}" is listed twice in Items (rows ${rowOf.get(key)! + 1} and ${row + 1}).`,
        "Keep one row per item.",
      );
      continue;
    }
    rowOf.set(key, row);
    const family = reader.text(row, columns.Family, null);
    if (family === null)
      reader.report(
        row,
        columns.Family,
        `Item "${name}" has no family.`,
        "S&OP plans families: give every item a Family.",
      );
    const optional = (column: string, meaning: string) =>
      reader.number(row, columns[column], { nonNegative: true, fallback: null, meaning });
    const unitCost = optional("UnitCost", "a cost per unit ≥ 0");
    const unitPrice = optional("UnitPrice", "a price per unit ≥ 0");
    const openingInventory = optional("OpeningInventory", "units on hand ≥ 0");
    const openingBacklog = optional("OpeningBacklog", "units owed ≥ 0");
    const safetyStock = optional("SafetyStock", "units ≥ 0");
    const likeItem = columns.LikeItem >= 0 ? reader.text(row, columns.LikeItem, null) : null;
    const launch = columns.LaunchPeriod >= 0 ? reader.value(row, columns.LaunchPeriod) : null;
    const likeItemFactor = reader.number(row, columns.LikeItemFactor, {
      nonNegative: true,
      fallback: null,
      meaning: "a factor ≥ 0 on the like item's forecast",
    });
    const method = columns.ForecastMethod >= 0 ? reader.text(row, columns.ForecastMethod, null) : null;
    if (method !== null && !isForecastMethod(method))
      reader.report(
        row,
        columns.ForecastMethod,
        `ForecastMethod "${method}" of item "${name}" is not a known method.`,
        `Use one of ${FORECAST_METHODS.slice(0, 12).join(", ")}, … or leave it blank for the Settings method.`,
      );
    const discontinue = columns.DiscontinuePeriod >= 0 ? reader.value(row, columns.DiscontinuePeriod) : null;
    if (discontinue !== null && discontinue !== "")
      discontinueRows.push({ row, item: list.length, value: discontinue });
    if (likeItem !== null) likeRows.push({ row, name, likeItem });
    if (launch !== null) launchRows.push({ row, item: list.length, value: launch });
    index.set(key, list.length);
    list.push({
      likeItem,
      launchPeriod: null,
      likeItemFactor: likeItemFactor ?? null,
      forecastMethod: method !== null && isForecastMethod(method) ? method : null,
      discontinuePeriod: null,
      name,
      family: family ?? "",
      unitCost: unitCost ?? null,
      unitPrice: unitPrice ?? null,
      openingInventory: openingInventory ?? 0,
      openingBacklog: openingBacklog ?? 0,
      safetyStock: safetyStock ?? 0,
    });
  }
  for (const like of likeRows) {
    const target = index.get(like.likeItem.toLowerCase());
    if (target === undefined)
      reader.report(
        like.row,
        columns.LikeItem,
        `Item "${like.name}" is like "${like.likeItem}", which is not in Items.`,
        "Name an existing item whose forecast the new item borrows.",
      );
    else if (list[target].name.toLowerCase() === like.name.toLowerCase())
      reader.report(like.row, columns.LikeItem, `Item "${like.name}" cannot be its own LikeItem.`);
    else list[index.get(like.name.toLowerCase())!].likeItem = list[target].name;
  }
  return {
    list,
    index,
    launchRows,
    launchColumn: columns.LaunchPeriod,
    discontinueRows,
    discontinueColumn: columns.DiscontinuePeriod,
    reader,
  };
}

/** The bucket the Capacity table's periods imply (used only when Sales cannot say). */
function capacityBucket(table: TableData | undefined): PlanningData["bucket"] {
  if (!table) return "month";
  const reader = new TableReader(table, []);
  const columns = locateColumns(table, CAPACITY, [], ["Period", "Hours"]);
  return inferBucket(periodValues(reader, columns, detectLayout(reader, columns)));
}

/** Reads Capacity; with `planStart` null (no plan horizon known) it checks the rows only. */
function readCapacity(
  table: TableData | undefined,
  problems: ValidationProblem[],
  bucket: PlanningData["bucket"],
  planStart: number | null,
  horizon: number,
): PlanResource[] | null {
  if (!table) return null;
  const reader = new TableReader(table, problems);
  const columns = locateColumns(table, CAPACITY, problems, ["Period", "Hours"]);
  const layout = detectLayout(reader, columns);
  if (!layout.wide) requireLongColumns(reader, CAPACITY, columns, ["Period", "Hours"], problems);
  if (columns.Resource < 0 || (!layout.wide && (columns.Period < 0 || columns.Hours < 0))) return null;
  const records = periodRecords(reader, CAPACITY, columns, layout, "Resource", bucket);
  const resources: PlanResource[] = [];
  const byName = new Map<string, PlanResource>();
  const seen = new Map<string, number>();
  for (const record of records) {
    const key = record.key.toLowerCase();
    let resource = byName.get(key);
    if (!resource) {
      resource = {
        name: record.key,
        hours: new Array(horizon).fill(NaN),
        overtimeHours: new Array(horizon).fill(0),
        costPerHour: null,
        overtimeCostPerHour: null,
      };
      byName.set(key, resource);
      resources.push(resource);
    }
    const cellKey = `${key}|${record.period}`;
    if (!layout.wide && seen.has(cellKey)) {
      reader.report(
        record.row,
        columns.Period,
        `Resource "${record.key}" has two Capacity rows for ${periodLabel(record.period, bucket)} (rows ${seen.get(cellKey)! + 1} and ${record.row + 1}).`,
        "Keep one row per resource and period.",
      );
      continue;
    }
    seen.set(cellKey, record.row);
    const hours = reader.number(record.row, record.valueColumn, {
      required: true,
      nonNegative: true,
      meaning: "hours available (≥ 0)",
    });
    const overtime = layout.wide
      ? 0
      : reader.number(record.row, columns.OvertimeHours, {
          nonNegative: true,
          fallback: 0,
          meaning: "overtime hours (≥ 0)",
        });
    const cost = layout.wide
      ? null
      : reader.number(record.row, columns.CostPerHour, {
          nonNegative: true,
          fallback: null,
          meaning: "a cost per hour (≥ 0)",
        });
    const overtimeCost = layout.wide
      ? null
      : reader.number(record.row, columns.OvertimeCostPerHour, {
          nonNegative: true,
          fallback: null,
          meaning: "a cost per overtime hour (≥ 0)",
        });
    if (typeof cost === "number") resource.costPerHour = cost;
    if (typeof overtimeCost === "number") resource.overtimeCostPerHour = overtimeCost;
    if (planStart === null) continue;
    const t = record.period - planStart;
    if (t < 0 || t >= horizon) continue;
    resource.hours[t] = typeof hours === "number" ? hours : 0;
    resource.overtimeHours[t] = typeof overtime === "number" ? overtime : 0;
  }
  if (resources.length === 0) {
    problems.push({
      table: "Capacity",
      severity: "error",
      message: "The Capacity table has no usable rows.",
      hint: "Add one row per resource and plan period with the hours available.",
    });
    return null;
  }
  if (planStart === null) return resources;
  const lastPlanPeriod = planStart + horizon - 1;
  for (const resource of resources) {
    const missing = resource.hours
      .map((h, t) => (Number.isNaN(h) ? periodLabel(planStart + t, bucket) : null))
      .filter((p): p is string => p !== null);
    if (missing.length === 0) continue;
    const firstMissing = resource.hours.findIndex((h) => Number.isNaN(h));
    const beyond = resource.hours.slice(firstMissing).every((h) => Number.isNaN(h));
    problems.push({
      table: "Capacity",
      severity: "error",
      message: beyond
        ? `The plan horizon (${periodLabel(planStart, bucket)} to ${periodLabel(lastPlanPeriod, bucket)}) is longer than the Capacity table for "${resource.name}": no hours for ${summarize(missing)}.`
        : `Resource "${resource.name}" has no capacity for ${summarize(missing)} inside the plan horizon.`,
      hint: "Add Capacity rows for every plan period, or shorten Horizon in Settings.",
      cell: { sheet: table.sheet, row: table.origin.row, column: table.origin.column },
    });
    resource.hours = resource.hours.map((h) => (Number.isNaN(h) ? 0 : h));
  }
  return resources;
}

/** Reads the bill; with `items` null (Items unreadable) it checks resources and numbers only. */
function readBill(
  table: TableData | undefined,
  problems: ValidationProblem[],
  knownItems: PlanItem[] | null,
  resources: PlanResource[],
): PlanBillLine[] | null {
  if (!table) return null;
  const reader = new TableReader(table, problems);
  const columns = locateColumns(table, BILL_OF_RESOURCES, problems);
  if (columns.ItemOrFamily < 0 || columns.Resource < 0 || columns.HoursPerUnit < 0) return null;
  const items = knownItems ?? [];
  const itemIndex = new Map(items.map((item, i) => [item.name.toLowerCase(), i]));
  const families = [...new Set(items.map((i) => i.family))];
  const familyIndex = new Map(families.map((f, i) => [f.toLowerCase(), i]));
  const resourceIndex = new Map(resources.map((r, i) => [r.name.toLowerCase(), i]));
  const lines: PlanBillLine[] = [];
  const seen = new Map<string, number>();
  for (let row = 0; row < reader.rowCount; row++) {
    const target = reader.text(row, columns.ItemOrFamily, "item or family");
    const resourceName = reader.text(row, columns.Resource, "resource");
    const hours = reader.number(row, columns.HoursPerUnit, {
      required: true,
      nonNegative: true,
      meaning: "hours per unit (≥ 0)",
    });
    const offset = reader.number(row, columns.OffsetPeriods, {
      nonNegative: true,
      integer: true,
      fallback: 0,
      meaning: "an offset in whole periods ≥ 0",
    });
    if (target === null || resourceName === null) continue;
    const item = itemIndex.get(target.toLowerCase());
    const family = familyIndex.get(target.toLowerCase());
    const resource = resourceIndex.get(resourceName.toLowerCase());
    if (knownItems && item === undefined && family === undefined) {
      reader.report(
        row,
        columns.ItemOrFamily,
        `BillOfResources row ${row + 1} is for "${target}", which is neither an item nor a family in Items.`,
        "Correct the name, or add the item to Items.",
      );
    }
    if (resource === undefined) {
      reader.report(
        row,
        columns.Resource,
        `BillOfResources row ${row + 1} uses resource "${resourceName}", which has no Capacity rows.`,
        `Known resources: ${resources.map((r) => r.name).join(", ")}.`,
      );
    }
    if (item !== undefined && family !== undefined) {
      reader.report(
        row,
        columns.ItemOrFamily,
        `"${target}" is both an item and a family; the line is read as the item's.`,
        "Give items and families distinct names.",
        "warning",
      );
    }
    if (item === undefined && family === undefined) continue;
    if (resource === undefined || typeof hours !== "number" || offset === undefined) continue;
    const key = `${target.toLowerCase()}|${resource}`;
    if (seen.has(key)) {
      reader.report(
        row,
        columns.Resource,
        `"${target}" on "${resourceName}" is listed twice in BillOfResources (rows ${seen.get(key)! + 1} and ${row + 1}).`,
        "Keep one line per item (or family) and resource.",
      );
      continue;
    }
    seen.set(key, row);
    lines.push({
      target: item !== undefined ? { kind: "item", index: item } : { kind: "family", index: family! },
      resource,
      hoursPerUnit: hours,
      offset: offset ?? 0,
    });
  }
  for (let i = 0; i < items.length; i++) {
    const family = familyIndex.get(items[i].family.toLowerCase());
    const loaded = lines.some(
      (l) =>
        (l.target.kind === "item" && l.target.index === i) || (l.target.kind === "family" && l.target.index === family),
    );
    if (!loaded && items[i].family) {
      problems.push({
        table: "BillOfResources",
        severity: "warning",
        message: `Item "${items[i].name}" (family "${items[i].family}") has no bill of resources, so it loads no resource.`,
        hint: "Add a line for the item or its family if it uses a key resource.",
      });
    }
  }
  return lines;
}
