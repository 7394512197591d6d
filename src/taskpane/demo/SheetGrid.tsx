import { makeStyles, tokens } from "@fluentui/react-components";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
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
/** Every row has this height (px), so the rows in view follow from the scroll position alone. */
export const GRID_ROW_HEIGHT = 20;
/** Rows rendered above and below the ones in view, so a scroll shows rows already there. */
const OVERSCAN = 10;
/** Before the grid has measured itself (and in jsdom, which has no layout): the height it assumes. */
const ASSUMED_VIEWPORT = 600;
/** Column widths in characters: the longest text shown in the column, within these bounds. */
const MIN_COLUMN_CH = 4;
const MAX_COLUMN_CH = 40;

const useStyles = makeStyles({
  scroll: { overflow: "auto", maxHeight: "70vh", border: `1px solid ${tokens.colorNeutralStroke2}` },
  grid: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${GRID_ROW_HEIGHT - 4}px`,
    fontVariantNumeric: "tabular-nums",
  },
  row: { height: `${GRID_ROW_HEIGHT}px` },
  cell: {
    padding: `1px ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
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

/** Each column's width in characters, from the longest text it shows (header included). */
function columnWidths(header: GridValue[], body: GridValue[][], numberFormats?: (string | null)[]): number[] {
  const widths = header.map((h) => show(h).length);
  // A date column's text has one length ("2025-01" or "2025-01-31"): no need to format every cell.
  const dateWidth = (numberFormats ?? []).map((f) => (f && /y/i.test(f) ? (/d/i.test(f) ? 10 : 7) : 0));
  for (const row of body)
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      const length =
        typeof value === "number" && dateWidth[c]
          ? dateWidth[c]
          : typeof value === "number" && !Number.isInteger(value)
            ? String(Math.trunc(value)).length + 3
            : show(value).length;
      if (length > (widths[c] ?? 0)) widths[c] = length;
    }
  return widths.map((w) => Math.min(MAX_COLUMN_CH, Math.max(MIN_COLUMN_CH, w + 1)));
}

/**
 * A read-only view of one sheet of the demo workbook, as plain text cells. Only the rows in
 * view (and a few around them) are in the page: a 1,000-row sheet costs the same to show, lay
 * out and scroll as a 40-row one. Rows have one height and columns fixed widths, so the
 * browser lays out the rows it has without measuring the others. `aria-rowcount` and each
 * row's `aria-rowindex` (1 = header) tell assistive technology and tests where a row is.
 */
export const SheetGrid = memo(function SheetGrid({
  sheet,
  selected,
}: {
  sheet: SheetSnapshot;
  selected?: CellAddress;
}) {
  const styles = useStyles();
  const header = sheet.rows[0] ?? [];
  const bodyRows = Math.max(0, sheet.rows.length - 1);
  const shown = useMemo(() => sheet.rows.slice(1, MAX_ROWS + 1), [sheet.rows]);
  const widths = useMemo(
    () => columnWidths(sheet.rows[0] ?? [], shown, sheet.numberFormats),
    [sheet.rows, shown, sheet.numberFormats],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: ASSUMED_VIEWPORT });
  // The scroll position comes from scroll events and the height from a ResizeObserver: neither
  // reads layout from script, which would force the browser to lay out a just-changed page
  // inside React's commit (one long task instead of two short ones).
  const onScroll = useCallback(() => {
    const top = scroller.current?.scrollTop ?? 0;
    setView((v) => (v.top === top ? v : { ...v, top }));
  }, []);
  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const height = Math.round(entry.contentRect.height) || ASSUMED_VIEWPORT;
      setView((v) => (v.height === height ? v : { ...v, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const selectedRow = selected?.sheet === sheet.name ? selected.row : -1;
  const selectedColumn = selected?.sheet === sheet.name ? selected.column : -1;
  // A selected cell is scrolled into view, as Excel does (the scroll event then moves the rows).
  useEffect(() => {
    const element = scroller.current;
    if (element && selectedRow > 0)
      element.scrollTop = Math.max(0, (selectedRow - 1) * GRID_ROW_HEIGHT - ASSUMED_VIEWPORT / 3);
  }, [selectedRow]);
  const first = Math.max(0, Math.floor(view.top / GRID_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((view.top + view.height) / GRID_ROW_HEIGHT) + OVERSCAN);
  return (
    <div
      ref={scroller}
      className={styles.scroll}
      tabIndex={0}
      role="region"
      aria-label={`Sheet ${sheet.name}`}
      onScroll={onScroll}
    >
      <table
        className={styles.grid}
        data-sheet={sheet.name}
        aria-rowcount={shown.length + 1}
        style={{ width: `calc(${widths.reduce((a, b) => a + b, 0)}ch + ${widths.length * 10}px)` }}
      >
        <colgroup>
          {widths.map((w, c) => (
            <col key={c} style={{ width: `calc(${w}ch + 10px)` }} />
          ))}
        </colgroup>
        <thead>
          <tr className={styles.row} aria-rowindex={1}>
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
          {first > 0 && <tr aria-hidden="true" style={{ height: `${first * GRID_ROW_HEIGHT}px` }} />}
          {shown.slice(first, last).map((row, i) => (
            <GridRow
              key={first + i}
              index={first + i + 2}
              row={row}
              numberFormats={sheet.numberFormats}
              selectedColumn={selectedRow === first + i + 1 ? selectedColumn : -1}
            />
          ))}
          {last < shown.length && (
            <tr aria-hidden="true" style={{ height: `${(shown.length - last) * GRID_ROW_HEIGHT}px` }} />
          )}
        </tbody>
      </table>
      {(sheet.totalRows ?? bodyRows) > MAX_ROWS && (
        <p>
          Showing the first {MAX_ROWS} of {sheet.totalRows ?? bodyRows} rows.
        </p>
      )}
    </div>
  );
});

const GridRow = memo(function GridRow({
  index,
  row,
  numberFormats,
  selectedColumn,
}: {
  /** aria-rowindex: 1-based, the header is 1 */
  index: number;
  row: GridValue[];
  numberFormats?: (string | null)[];
  selectedColumn: number;
}) {
  const styles = useStyles();
  return (
    <tr className={styles.row} aria-rowindex={index}>
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
