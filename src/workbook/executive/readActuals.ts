/**
 * Reads what the executive and measure steps need beyond `PlanningData`: the optional
 * `Production` (actuals) and `Deliveries` tables, the new-product columns of `Items`
 * (`LikeItem`, `LaunchPeriod`, `LikeItemFactor`), the `Scenarios` sheet, and the previous
 * cycle's plan kept in `PreviousPlan`. Problems are reported like the other tables' (table, row,
 * column, value, hint), as warnings: these tables never stop the plan.
 */
import { normalizeName } from "../../engine/names";
import type { Bucket } from "../../engine/cycle/types";
import type { DeliveryRow } from "../../engine/measure";
import type { FamilySeriesByPeriod } from "../../engine/executive";
import type { ScenarioBook } from "../../engine/scenarios";
import type { CellValue, InputTables, TableData, ValidationProblem } from "../port";

import { isBlankCell } from "../regions";
import { TableReader } from "../parse/tableReader";
import { dateToSerial, periodIndex, periodLabel } from "../schema/periods";
import { readScenarioRows, SCENARIOS_SHEET } from "./scenariosSheet";

function column(table: TableData, ...names: string[]): number {
  for (const name of names) {
    const at = table.headers.findIndex((h) => normalizeName(h) === normalizeName(name));
    if (at >= 0) return at;
  }
  return -1;
}

/** An Excel serial day from a number, a date-typed cell or ISO date text; null when blank or not a date. */
export function serialDay(value: CellValue): number | null {
  if (isBlankCell(value)) return null;
  if (typeof value === "number" && Number.isFinite(value)) return Math.floor(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    const date = new Date(`${value.trim().slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : dateToSerial(date);
  }
  return null;
}

/** The `Deliveries` table (Order, Item, Due, Delivered, Quantity, optional Ordered) as engine rows. */
export function readDeliveries(table: TableData | undefined, problems: ValidationProblem[]): DeliveryRow[] | null {
  if (!table) return null;
  const reader = new TableReader(table, problems);
  const at = {
    order: column(table, "Order", "OrderNumber"),
    item: column(table, "Item"),
    due: column(table, "Due", "DueDate"),
    delivered: column(table, "Delivered", "DeliveredDate", "DeliveryDate"),
    quantity: column(table, "Quantity", "Qty", "Units"),
    ordered: column(table, "Ordered", "OrderedQuantity"),
  };
  const missing = (["order", "item", "due", "delivered", "quantity"] as const).filter((k) => at[k] < 0);
  if (missing.length > 0) {
    reader.report(
      undefined,
      undefined,
      `Deliveries lacks column(s) ${missing.map((m) => m[0].toUpperCase() + m.slice(1)).join(", ")}; on-time delivery is not measured.`,
      "Columns: Order, Item, Due, Delivered, Quantity (Ordered optional).",
      "warning",
    );
    return null;
  }
  const rows: DeliveryRow[] = [];
  for (let r = 0; r < reader.rowCount; r++) {
    const order = reader.value(r, at.order);
    const item = reader.value(r, at.item);
    if (isBlankCell(order) && isBlankCell(item)) continue;
    const due = serialDay(reader.value(r, at.due));
    const deliveredCell = reader.value(r, at.delivered);
    const delivered = serialDay(deliveredCell);
    const quantity = reader.value(r, at.quantity);
    const units = typeof quantity === "number" ? quantity : Number(String(quantity ?? "").trim());
    if (due === null) {
      reader.report(
        r,
        at.due,
        `Deliveries row ${r + 1}: Due is not a date; the row is left out.`,
        "Use a date.",
        "warning",
      );
      continue;
    }
    if (!isBlankCell(deliveredCell) && delivered === null) {
      reader.report(
        r,
        at.delivered,
        `Deliveries row ${r + 1}: Delivered is not a date; the row is left out.`,
        "Use a date, or leave it blank while not delivered.",
        "warning",
      );
      continue;
    }
    if (!Number.isFinite(units) || units < 0 || isBlankCell(quantity)) {
      reader.report(
        r,
        at.quantity,
        `Deliveries row ${r + 1}: Quantity is not a number ≥ 0; the row is left out.`,
        "Type the units shipped.",
        "warning",
      );
      continue;
    }
    const orderedCell = at.ordered >= 0 ? reader.value(r, at.ordered) : null;
    rows.push({
      order: String(order ?? "").trim(),
      item: String(item ?? "").trim(),
      due,
      delivered,
      quantity: units,
      ordered: typeof orderedCell === "number" ? orderedCell : null,
    });
  }
  return rows;
}

/** The `Production` actuals table (Family or Item, Period, Quantity): units made per key and period label. */
export function readProduction(
  table: TableData | undefined,
  bucket: Bucket,
  problems: ValidationProblem[],
): Map<string, Map<string, number>> | null {
  if (!table) return null;
  const reader = new TableReader(table, problems);
  const key = column(table, "Family", "Item");
  const period = column(table, "Period", "Month", "Week", "Date");
  const quantity = column(table, "Quantity", "Qty", "Units");
  if (key < 0 || period < 0 || quantity < 0) {
    reader.report(
      undefined,
      undefined,
      "Production needs columns Family (or Item), Period and Quantity; plan adherence is not measured.",
      undefined,
      "warning",
    );
    return null;
  }
  const made = new Map<string, Map<string, number>>();
  for (let r = 0; r < reader.rowCount; r++) {
    const name = reader.text(r, key, null);
    if (name === null) continue;
    const index = periodIndex(reader.value(r, period), bucket);
    if (index === null) {
      reader.report(
        r,
        period,
        `Production row ${r + 1}: Period is not a ${bucket}; the row is left out.`,
        bucket === "month" ? "Use a date or YYYY-MM." : "Use a date or YYYY-Www.",
        "warning",
      );
      continue;
    }
    const units = reader.number(r, quantity, { nonNegative: true, meaning: "units made" });
    if (typeof units !== "number") continue;
    const label = periodLabel(index, bucket);
    const byPeriod = made.get(name) ?? new Map<string, number>();
    byPeriod.set(label, (byPeriod.get(label) ?? 0) + units);
    made.set(name, byPeriod);
  }
  return made;
}

/** The scenario book kept on the owned `Scenarios` sheet (empty when there is none). */
export function readScenarioBook(inputs: InputTables, problems: ValidationProblem[]): ScenarioBook {
  const table = inputs.owned.find((s) => s.name === SCENARIOS_SHEET && s.ownedByAddIn)?.table;
  if (!table) return { scenarios: [], promoted: [] };
  const { book, problems: found } = readScenarioRows(table.headers, table.rows);
  for (const p of found)
    problems.push({
      table: SCENARIOS_SHEET,
      row: p.row || undefined,
      severity: "warning",
      message: p.message,
      hint: "Fix or delete the row on the Scenarios sheet.",
    });
  return book;
}

export interface PreviousCycle {
  /** the previous plan's start period, when known */
  planStart: string | null;
  /** DemandPlan rows: item, period, statistical, consensus, and the teams' inputs and the Reason when kept */
  forecasts: {
    item: string;
    period: string;
    statistical: number;
    consensus: number;
    salesInput?: number | null;
    marketingInput?: number | null;
    reason?: string | null;
  }[];
  /** ProductionPlan rows: demand and production by family and period */
  families: FamilySeriesByPeriod[];
}

/** The previous cycle's plan from `PreviousPlan` (long rows: Sheet, Key, Measure, Period, Value); null when none. */
export function readPreviousCycle(inputs: InputTables): PreviousCycle | null {
  const table = inputs.owned.find((s) => s.name === "PreviousPlan" && s.ownedByAddIn)?.table;
  if (!table || table.rows.length === 0) return null;
  const at = {
    sheet: column(table, "Sheet"),
    key: column(table, "Key"),
    measure: column(table, "Measure"),
    period: column(table, "Period"),
    value: column(table, "Value"),
    start: column(table, "PlanStart"),
  };
  if (Object.values(at).some((c) => c < 0)) return null;
  const forecastByKey = new Map<string, PreviousCycle["forecasts"][number]>();
  const contributions = new Map<string, { salesInput?: number; marketingInput?: number; reason?: string }>();
  const families = new Map<
    string,
    { family: string; demand: Record<string, number>; production: Record<string, number> }
  >();
  let planStart: string | null = null;
  for (const row of table.rows) {
    const sheet = String(row[at.sheet] ?? "");
    const key = String(row[at.key] ?? "");
    const measure = String(row[at.measure] ?? "");
    const period = String(row[at.period] ?? "");
    const value = row[at.value];
    if (sheet === "DemandPlan" && key && period && !isBlankCell(value)) {
      const field = measure === "SalesInput" ? "salesInput" : measure === "MarketingInput" ? "marketingInput" : null;
      const id = `${key}\u0000${period}`;
      if (field && typeof value === "number") contributions.set(id, { ...contributions.get(id), [field]: value });
      else if (measure === "Reason") contributions.set(id, { ...contributions.get(id), reason: String(value) });
    }
    if (typeof value !== "number" || !key || !period) continue;
    if (sheet === "DemandPlan" && (measure === "Statistical" || measure === "Consensus")) {
      if (planStart === null && !isBlankCell(row[at.start])) planStart = String(row[at.start]);
      const id = `${key}\u0000${period}`;
      const entry = forecastByKey.get(id) ?? { item: key, period, statistical: NaN, consensus: NaN };
      if (measure === "Statistical") entry.statistical = value;
      else entry.consensus = value;
      forecastByKey.set(id, entry);
    } else if (
      sheet === "ProductionPlan" &&
      (measure === "Demand" || measure === "Production") &&
      key !== "All families"
    ) {
      const entry = families.get(key) ?? { family: key, demand: {}, production: {} };
      entry[measure === "Demand" ? "demand" : "production"][period] = value;
      families.set(key, entry);
    }
  }
  const forecasts = [...forecastByKey.values()]
    .map((f) => ({
      ...f,
      ...contributions.get(`${f.item}\u0000${f.period}`),
      statistical: Number.isNaN(f.statistical) ? f.consensus : f.statistical,
      consensus: Number.isNaN(f.consensus) ? f.statistical : f.consensus,
    }))
    .filter((f) => Number.isFinite(f.statistical) && Number.isFinite(f.consensus));
  if (forecasts.length === 0 && families.size === 0) return null;
  return { planStart, forecasts, families: [...families.values()] };
}
