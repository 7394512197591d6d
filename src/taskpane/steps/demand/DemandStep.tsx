import { AccuracyTable } from "../../components/AccuracyTable";
import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { StepFrame } from "../../components/StepFrame";
import { LazyLinesChart } from "../../components/LazyChart";
import type { StepRun } from "../../state/cycleReducer";
import type { DemandView, ForecastSeriesView } from "../../cycle/views";
import { forecastChartLines } from "./forecastChart";

/** Step 2: run the forecasts, write DemandPlan, chart one family or item, show held-out accuracy. */
export function DemandStep({ run, canRun, onRun }: { run: StepRun<DemandView>; canRun: boolean; onRun(): void }) {
  return (
    <StepFrame
      step="demand"
      run={run}
      actions={
        <Button appearance="primary" disabled={run.status === "running" || !canRun} onClick={onRun}>
          Run the forecasts
        </Button>
      }
    >
      {!canRun && !run.result && <Text as="p">Check the workbook first (step 1).</Text>}
      {run.result && <DemandResult view={run.result} />}
    </StepFrame>
  );
}

const seriesKey = (s: ForecastSeriesView) => `${s.level}:${s.name}`;

function DemandResult({ view }: { view: DemandView }) {
  const [chosen, setChosen] = useState(() => (view.series[0] ? seriesKey(view.series[0]) : ""));
  const series = view.series.find((s) => seriesKey(s) === chosen) ?? view.series[0];
  const families = view.series.filter((s) => s.level === "family");
  const items = view.series.filter((s) => s.level === "item");
  return (
    <>
      {series && (
        <>
          <Field label="Family or item to chart">
            <Select value={chosen} onChange={(_, data) => setChosen(data.value)}>
              {families.length > 0 && (
                <optgroup label="Families">
                  {families.map((s) => (
                    <option key={seriesKey(s)} value={seriesKey(s)}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {items.length > 0 && (
                <optgroup label="Items">
                  {items.map((s) => (
                    <option key={seriesKey(s)} value={seriesKey(s)}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
          </Field>
          <LazyLinesChart {...forecastChartLines(series)} />
          {series.method && <Text as="p">Method: {series.method}</Text>}
        </>
      )}
      <AccuracyTable caption="Accuracy of the statistical forecast on held-out history" rows={view.accuracy} />
    </>
  );
}
