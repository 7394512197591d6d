/**
 * On-time delivery (OTD) and on time in full (OTIF) from the `Deliveries` table, per order line.
 *
 * Each row of `Deliveries` is one shipment: `Quantity` units of `Item` for `Order`, delivered on
 * `Delivered` (blank: not delivered yet) against the line's `Due` date. An order line is all rows
 * with the same Order and Item; its ordered quantity is `Ordered` when the table has that column,
 * else the sum of the line's rows (delivered or not). For each line:
 *
 * - **on time**: something was delivered and every delivered row arrived on or before Due;
 * - **in full**: the delivered quantity (rows with a delivery date, on time or late) ≥ ordered;
 * - **OTIF**: on time and in full — i.e. the whole ordered quantity arrived by the due date.
 *
 * Rates are line counts: OTD = on-time lines ÷ lines measured, likewise in-full and OTIF. With
 * `asOf`, lines due after it are not measured yet (they can still be on time); lines due on or
 * before it count even when nothing arrived (then they are late and short). Dates are numbers
 * (Excel serial days) compared as such.
 * Reference: APICS Dictionary ("on-time delivery"); the OTIF definition of the Consumer Goods
 * Forum / Gartner supply chain metrics.
 */
import { invalidInput, notAvailable } from "../errors";

export interface DeliveryRow {
  order: string;
  item: string;
  /** due date, Excel serial day */
  due: number;
  /** delivery date, Excel serial day; null when not delivered yet */
  delivered: number | null;
  /** units in this shipment */
  quantity: number;
  /** ordered units of the line (optional column `Ordered`; the same on every row of the line) */
  ordered?: number | null;
}

export interface OrderLinePerformance {
  order: string;
  item: string;
  due: number;
  ordered: number;
  delivered: number;
  deliveredOnTime: number;
  onTime: boolean;
  inFull: boolean;
  otif: boolean;
}

export interface DeliveryPerformance {
  lines: OrderLinePerformance[];
  /** lines measured (due on or before asOf, or all) */
  measured: number;
  /** shares of lines measured, 0..1 */
  onTimeRate: number;
  inFullRate: number;
  otifRate: number;
}

/**
 * @example
 * deliveryPerformance([
 *   { order: "1", item: "A", due: 10, delivered: 9, quantity: 5 },    // on time, in full
 *   { order: "2", item: "A", due: 10, delivered: 12, quantity: 5 },   // late
 * ]) // => onTimeRate 0.5, inFullRate 1, otifRate 0.5
 * @throws invalidInput for a negative or non-finite quantity or date; notAvailable when no line is measured.
 */
export function deliveryPerformance(rows: readonly DeliveryRow[], asOf?: number): DeliveryPerformance {
  const lines = new Map<
    string,
    { order: string; item: string; due: number; ordered: number | null; rows: DeliveryRow[] }
  >();
  rows.forEach((row, i) => {
    if (!Number.isFinite(row.quantity) || row.quantity < 0)
      throw invalidInput("Quantity", `Deliveries row ${i + 1}: Quantity must be a number ≥ 0, not ${row.quantity}.`);
    if (!Number.isFinite(row.due)) throw invalidInput("Due", `Deliveries row ${i + 1}: Due is not a date.`);
    if (row.delivered !== null && !Number.isFinite(row.delivered))
      throw invalidInput("Delivered", `Deliveries row ${i + 1}: Delivered is not a date.`);
    const key = JSON.stringify([row.order, row.item]);
    const line = lines.get(key);
    if (!line)
      lines.set(key, { order: row.order, item: row.item, due: row.due, ordered: row.ordered ?? null, rows: [row] });
    else {
      line.rows.push(row);
      line.due = Math.min(line.due, row.due);
      if (row.ordered !== null && row.ordered !== undefined) line.ordered = Math.max(line.ordered ?? 0, row.ordered);
    }
  });
  const measuredLines: OrderLinePerformance[] = [];
  for (const line of lines.values()) {
    if (asOf !== undefined && line.due > asOf) continue;
    let delivered = 0;
    let deliveredOnTime = 0;
    let late = false;
    let all = 0;
    for (const row of line.rows) {
      all += row.quantity;
      if (row.delivered === null) continue;
      delivered += row.quantity;
      if (row.delivered <= line.due) deliveredOnTime += row.quantity;
      else if (row.quantity > 0) late = true;
    }
    const ordered = line.ordered ?? all;
    const onTime = delivered > 0 && !late;
    const inFull = delivered >= ordered;
    measuredLines.push({
      order: line.order,
      item: line.item,
      due: line.due,
      ordered,
      delivered,
      deliveredOnTime,
      onTime,
      inFull,
      otif: onTime && inFull,
    });
  }
  if (measuredLines.length === 0)
    throw notAvailable("no order line is due yet, so delivery performance cannot be measured.", "Deliveries");
  const share = (pick: (l: OrderLinePerformance) => boolean) =>
    measuredLines.filter(pick).length / measuredLines.length;
  return {
    lines: measuredLines,
    measured: measuredLines.length,
    onTimeRate: share((l) => l.onTime),
    inFullRate: share((l) => l.inFull),
    otifRate: share((l) => l.otif),
  };
}
