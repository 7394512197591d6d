/**
 * Reads what the executive and measure steps need beyond `PlanningData`: the optional
 * `Production` (actuals) and `Deliveries` tables, the new-product columns of `Items`
 * (`LikeItem`, `LaunchPeriod`, `LikeItemFactor`) and the `Scenarios` sheet (earlier cycles' plans
 * come from PlanHistory: layout/planHistory.ts). Problems are reported like the other tables' (table, row,
 * column, value, hint), as warnings: these tables never stop the plan.
 */
import { normalizeName } from "../../engine/names";
import type { Bucket } from "../../engine/cycle/types";
import type { DeliveryRow } from "../../engine/measure";
import type { ScenarioBook } from "../../engine/scenarios";
import type { PlanAssumption } from "../../engine/executive";
import { ASSUMPTIONS, locateColumns } from "../schema/tables";
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

/** The optional Assumptions table (Area, Assumption, Owner, Impact); rows without an Assumption are skipped. */
export function readAssumptions(table: TableData | undefined, problems: ValidationProblem[]): PlanAssumption[] | null {
  if (!table) return null;
  const found: ValidationProblem[] = [];
  const at = locateColumns(table, ASSUMPTIONS, found);
  problems.push(...found.map((p) => ({ ...p, severity: "warning" as const })));
  if (at.Assumption < 0) return null;
  const text = (row: CellValue[], c: number) => (c < 0 || isBlankCell(row[c]) ? null : String(row[c]).trim());
  return table.rows.flatMap((row) => {
    const assumption = text(row, at.Assumption);
    return assumption
      ? [{ area: text(row, at.Area), assumption, owner: text(row, at.Owner), impact: text(row, at.Impact) }]
      : [];
  });
}
