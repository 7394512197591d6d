import { Button, Text } from "@fluentui/react-components";
import { DataTable } from "../../components/DataTable";
import { formatPercent, formatPercentOrDash as orDash } from "../../components/format";
import { StepFrame } from "../../components/StepFrame";
import type { StepRun } from "../../state/cycleReducer";
import type { MeasureView } from "../../cycle/views";
import { AccuracyTable } from "../../components/AccuracyTable";
import { ValueAddedPanel } from "./ValueAddedPanel";
import { WaterfallPanel } from "./WaterfallPanel";

/**
 * Step 6: did the plan work? Forecast accuracy and value added of an earlier cycle's forecast (or a
 * backtest on the first cycle), value added by reason code and team input, consensus accuracy by lag and the forecast waterfall from
 * PlanHistory, plan adherence from Production actuals and OTD / OTIF from Deliveries — as written
 * to the Measure sheet.
 */
export function MeasureStep({ run, canRun, onRun }: { run: StepRun<MeasureView>; canRun: boolean; onRun(): void }) {
  const view = run.result;
  return (
    <StepFrame
      step="measure"
      run={run}
      actions={
        <Button appearance="primary" disabled={run.status === "running" || !canRun} onClick={onRun}>
          Measure forecast accuracy
        </Button>
      }
    >
      {!canRun && !view && <Text as="p">Check the workbook first (step 1).</Text>}
      {view && view.source === undefined && (
        <AccuracyTable caption={`Held-out accuracy, last ${view.holdout} periods`} rows={view.accuracy} />
      )}
      {view && view.source !== undefined && (
        <>
          <Text as="p">Measured: {view.source}.</Text>
          {view.accuracy.length > 0 && (
            <AccuracyTable caption="Forecast accuracy and value added" rows={view.accuracy} />
          )}
          {view.valueAdded && <ValueAddedPanel rows={view.valueAdded} />}
          {view.byLag && view.byLag.length > 0 && (
            <DataTable
              caption="Consensus accuracy by lag"
              columns={[
                { header: "Lag", cell: (l) => `Lag ${l.lag}`, numeric: false },
                { header: "Item-periods", cell: (l) => l.pairs, numeric: true },
                { header: "WMAPE", cell: (l) => orDash(l.wmape), numeric: true },
                { header: "Bias", cell: (l) => orDash(l.bias), numeric: true },
              ]}
              rows={view.byLag}
              rowKey={(l) => String(l.lag)}
            />
          )}
          {view.waterfall && view.waterfall.length > 0 && <WaterfallPanel waterfalls={view.waterfall} />}
          {view.adherence && (
            <DataTable
              caption="Plan adherence"
              columns={[
                { header: "Family", cell: (a) => a.name },
                { header: "Adherence", cell: (a) => orDash(a.adherence), numeric: true },
                { header: "Attainment", cell: (a) => orDash(a.attainment), numeric: true },
              ]}
              rows={view.adherence}
              rowKey={(a) => a.name}
            />
          )}
          {view.delivery && (
            <DataTable
              caption="Delivery performance"
              columns={[
                { header: "Measure", cell: (d) => d.label },
                { header: "Order lines", cell: (d) => d.share, numeric: true },
              ]}
              rows={[
                { label: "On time (OTD)", share: formatPercent(view.delivery.onTime) },
                { label: "In full", share: formatPercent(view.delivery.inFull) },
                { label: "On time in full (OTIF)", share: formatPercent(view.delivery.otif) },
              ]}
              rowKey={(d) => d.label}
            />
          )}
          {(view.notes ?? []).map((note) => (
            <Text as="p" key={note}>
              {note}
            </Text>
          ))}
        </>
      )}
    </StepFrame>
  );
}
