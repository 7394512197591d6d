import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

/**
 * A small read-only table with a caption for screen readers. With `minWidth` (in em) a table wider
 * than the pane keeps its columns readable and scrolls sideways in a focusable region, as the
 * utilization grid does (the columns share the pane's width otherwise, and long numbers overlap).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  minWidth,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  minWidth?: number;
}) {
  const table = (
    <Table size="small" aria-label={caption} style={minWidth ? { minWidth: `${minWidth}em` } : undefined}>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c.header} style={c.numeric ? { justifyContent: "flex-end" } : undefined}>
              {c.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={rowKey(row, index)}>
            {columns.map((c) => (
              <TableCell
                key={c.header}
                style={c.numeric ? { textAlign: "right", fontVariantNumeric: "tabular-nums" } : undefined}
              >
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  if (!minWidth) return table;
  return (
    <div role="region" aria-label={`${caption} (scrolls sideways)`} tabIndex={0} style={{ overflowX: "auto" }}>
      {table}
    </div>
  );
}
