import { makeStyles, tokens } from "@fluentui/react-components";
import { memo, useEffect, useState } from "react";
import type { CellAddress } from "../cycle/views";
import { DEMO_GRID_ROWS } from "./gridRows";

export type GridValue = string | number | boolean | null | undefined;

export interface SheetSnapshot {
  name: string;
  /** first row is the header */
  rows: GridValue[][];
  /** Excel number format per column; date formats show serials as dates */
  numberFormats?: (string | null)[];
  /** rows below the header in the sheet, when `rows` holds only the first ones (the demo worker sends those) */
  totalRows?: number;
}

const MAX_ROWS = DEMO_GRID_ROWS;
/** Rows rendered per task: the grid grows by this many a frame, so no render blocks the pane for long. */
const ROWS_PER_FRAME = 50;

const useStyles = makeStyles({
  scroll: { overflow: "auto", maxHeight: "70vh", border: `1px solid ${tokens.colorNeutralStroke2}` },
  grid: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  cell: {
    padding: `1px ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
  },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  number: { textAlign: "right" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

/** Excel serial (1900 system) → "2025-01" or "2025-01-31", following the column's date format. */
function serialDate(serial: number, format: string): string {
  const iso = new Date(Math.round((serial - 25569) * 86_400_000)).toISOString();
  return /d/i.test(format) ? iso.slice(0, 10) : iso.slice(0, 7);
}

function show(value: GridValue, format?: string | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && format && /y/i.test(format)) return serialDate(value, format);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}

/**
 * A read-only view of one sheet of the demo workbook, as plain text cells. The rows appear
 * ROWS_PER_FRAME at a time, one task each; `data-complete` says when all shown rows are there.
 */
export const SheetGrid = memo(function SheetGrid({
  sheet,
  selected,
}: {
  sheet: SheetSnapshot;
  selected?: CellAddress;
}) {
  const styles = useStyles();
  const [header = [], ...body] = sheet.rows;
  const shown = body.slice(0, MAX_ROWS);
  const [rendered, setRendered] = useState(ROWS_PER_FRAME);
  useEffect(() => setRendered(ROWS_PER_FRAME), [sheet]);
  useEffect(() => {
    if (rendered >= shown.length) return;
    const timer = setTimeout(() => setRendered((n) => n + ROWS_PER_FRAME), 0);
    return () => clearTimeout(timer);
  }, [rendered, shown.length]);
  const selectedRow = selected?.sheet === sheet.name ? selected.row : -1;
  const selectedColumn = selected?.sheet === sheet.name ? selected.column : -1;
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={`Sheet ${sheet.name}`}>
      <table className={styles.grid} data-sheet={sheet.name} data-complete={rendered >= shown.length}>
        <thead>
          <tr>
            {header.map((h, c) => (
              <th
                key={c}
                scope="col"
                className={`${styles.cell} ${styles.head} ${selectedRow === 0 && selectedColumn === c ? styles.selected : ""}`}
              >
                {show(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, Math.max(rendered, selectedRow)).map((row, r) => (
            <GridRow
              key={r}
              row={row}
              numberFormats={sheet.numberFormats}
              selectedColumn={selectedRow === r + 1 ? selectedColumn : -1}
            />
          ))}
        </tbody>
      </table>
      {(sheet.totalRows ?? body.length) > MAX_ROWS && (
        <p>
          Showing the first {MAX_ROWS} of {sheet.totalRows ?? body.length} rows.
        </p>
      )}
    </div>
  );
});

const GridRow = memo(function GridRow({
  row,
  numberFormats,
  selectedColumn,
}: {
  row: GridValue[];
  numberFormats?: (string | null)[];
  selectedColumn: number;
}) {
  const styles = useStyles();
  return (
    <tr>
      {row.map((value, c) => (
        <td
          key={c}
          className={`${styles.cell} ${typeof value === "number" ? styles.number : ""} ${selectedColumn === c ? styles.selected : ""}`}
          aria-current={selectedColumn === c || undefined}
          data-value={typeof value === "number" ? String(value) : undefined}
        >
          {show(value, numberFormats?.[c])}
        </td>
      ))}
    </tr>
  );
});
