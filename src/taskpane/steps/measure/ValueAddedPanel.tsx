import { Text } from "@fluentui/react-components";
import { DataTable } from "../../components/DataTable";
import { formatPercentOrDash as orDash, formatUnits } from "../../components/format";
import type { MeasureView } from "../../cycle/views";

type Row = NonNullable<MeasureView["valueAdded"]>[number];

/**
 * Forecast value added by contributor, as the Measure sheet prints it (engine/measure/valueAdded):
 * did the overrides made for each reason code (and each source's codes together) make the earlier
 * cycle's forecast better than the statistical one, and did the teams' inputs? FVA > 0: the step
 * reduced the error (WMAPE, a share of actual demand).
 */
export function ValueAddedPanel({ rows }: { rows: Row[] }) {
  const byReason = rows.filter((r) => r.by === "code" || r.by === "source");
  const byInput = rows.filter((r) => r.by === "input");
  return (
    <>
      <Text as="h3" weight="semibold">
        Value added by reason code
      </Text>
      {byReason.length === 0 ? (
        <Text as="p" role="status" aria-label="Forecast value added by reason code">
          No overrides with a reason code yet: value added by reason needs an earlier cycle&apos;s overrides whose
          Reason names a code of the ReasonCodes table.
        </Text>
      ) : (
        <DataTable
          caption="Forecast value added by reason code (statistical → consensus; FVA > 0: the overrides helped)"
          minWidth={36}
          columns={[
            { header: "Reason", cell: (r) => (r.by === "source" ? `${r.name} (source)` : r.name) },
            { header: "Detail", cell: (r) => r.detail },
            { header: "Pairs", cell: (r) => formatUnits(r.pairs), numeric: true },
            { header: "WMAPE statistical", cell: (r) => orDash(r.wmapeStatistical), numeric: true },
            { header: "WMAPE consensus", cell: (r) => orDash(r.wmapeAfter), numeric: true },
            { header: "FVA", cell: (r) => orDash(r.valueAdded), numeric: true },
          ]}
          rows={byReason}
          rowKey={(r) => `${r.by}|${r.name}`}
        />
      )}
      {byInput.length > 0 && (
        <DataTable
          caption="Forecast value added by team input (statistical → input → consensus)"
          minWidth={36}
          columns={[
            { header: "Input", cell: (r) => r.name },
            { header: "Pairs", cell: (r) => formatUnits(r.pairs), numeric: true },
            { header: "WMAPE statistical", cell: (r) => orDash(r.wmapeStatistical), numeric: true },
            { header: "WMAPE input", cell: (r) => orDash(r.wmapeAfter), numeric: true },
            { header: "FVA of the input", cell: (r) => orDash(r.valueAdded), numeric: true },
            { header: "FVA input → consensus", cell: (r) => orDash(r.consensusValueAdded ?? null), numeric: true },
          ]}
          rows={byInput}
          rowKey={(r) => r.name}
        />
      )}
    </>
  );
}
