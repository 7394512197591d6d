/**
 * Sales and Capacity come long (one row per key and period) or wide (a key column, then one
 * column per period). Both become the same records: key, period, and where the value sits.
 */
import type { Bucket } from "../../engine/cycle/types";
import type { CellValue } from "../port";
import { isPeriodLike, periodIndex } from "../schema/periods";
import type { ColumnIndex, TableSpec } from "../schema/tables";
import { TableReader } from "./tableReader";

export interface PeriodRecord {
  key: string;
  period: number;
  row: number;
  valueColumn: number;
}

export interface PeriodLayout {
  wide: boolean;
  /** wide: the columns holding periods */
  periodColumns: number[];
}

/** Long when the table has a Period column; wide when it has none but period-like headers. */
export function detectLayout(reader: TableReader, columns: ColumnIndex): PeriodLayout {
  if (columns.Period >= 0) return { wide: false, periodColumns: [] };
  const periodColumns = reader.table.headers.map((h, c) => (isPeriodLike(h) ? c : -1)).filter((c) => c >= 0);
  return { wide: periodColumns.length > 0, periodColumns };
}

/** The period cells of a table, for inferring the bucket. */
export function periodValues(reader: TableReader, columns: ColumnIndex, layout: PeriodLayout): CellValue[] {
  if (layout.wide) return layout.periodColumns.map((c) => reader.header(c));
  return reader.table.rows.map((row) => row[columns.Period] ?? null);
}

/** Every (key, period) record with its value cell; problems for blank keys and bad periods. */
export function periodRecords(
  reader: TableReader,
  spec: TableSpec,
  columns: ColumnIndex,
  layout: PeriodLayout,
  keyColumn: string,
  bucket: Bucket,
): PeriodRecord[] {
  const records: PeriodRecord[] = [];
  const bucketHint =
    bucket === "month"
      ? "Use a date or YYYY-MM (the plan is monthly)."
      : "Use a date or YYYY-Www (the plan is weekly).";
  const valueName = spec.wide!.value;
  if (layout.wide) {
    const periods = layout.periodColumns.map((c) => periodIndex(reader.header(c), bucket));
    layout.periodColumns.forEach((c, i) => {
      if (periods[i] === null)
        reader.report(undefined, c, `${spec.name} column header "${reader.header(c)}" is not a ${bucket}.`, bucketHint);
    });
    for (let row = 0; row < reader.rowCount; row++) {
      const key = reader.text(row, columns[keyColumn], keyColumn);
      if (key === null) continue;
      layout.periodColumns.forEach((c, i) => {
        if (periods[i] !== null) records.push({ key, period: periods[i]!, row, valueColumn: c });
      });
    }
    return records;
  }
  for (let row = 0; row < reader.rowCount; row++) {
    const key = reader.text(row, columns[keyColumn], keyColumn);
    const raw = reader.value(row, columns.Period);
    const period = periodIndex(raw, bucket);
    if (period === null) {
      reader.report(
        row,
        columns.Period,
        `${spec.name} row ${row + 1}: ${JSON.stringify(raw)} is not a ${bucket} period.`,
        bucketHint,
      );
      continue;
    }
    if (key !== null) records.push({ key, period, row, valueColumn: columns[valueName] });
  }
  return records;
}
