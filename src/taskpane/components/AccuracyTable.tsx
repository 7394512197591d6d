import type { AccuracyView } from "../cycle/views";
import { DataTable } from "./DataTable";
import { formatPercent, formatPercentOrDash as orDash } from "./format";

/**
 * Forecast accuracy by family: WMAPE and bias, and, where the rows carry them (the measure
 * step), the tracking signal and the forecast value added of the overrides and of the model.
 */
export function AccuracyTable({ caption, rows }: { caption: string; rows: AccuracyView[] }) {
  const measured = rows.some((a) => a.trackingSignal !== undefined);
  return (
    <DataTable
      caption={caption}
      columns={[
        { header: "Family", cell: (a: AccuracyView) => a.name },
        { header: "WMAPE", cell: (a: AccuracyView) => formatPercent(a.wmape), numeric: true },
        { header: "Bias", cell: (a: AccuracyView) => formatPercent(a.bias), numeric: true },
        ...(measured
          ? [
              {
                header: "Tracking signal",
                cell: (a: AccuracyView) => (a.trackingSignal ?? 0).toFixed(2),
                numeric: true,
              },
              { header: "FVA of overrides", cell: (a: AccuracyView) => orDash(a.overrideValueAdded), numeric: true },
              { header: "FVA vs naive", cell: (a: AccuracyView) => orDash(a.modelValueAdded), numeric: true },
            ]
          : []),
      ]}
      rows={rows}
      rowKey={(a) => a.name}
    />
  );
}
