import { AccuracyTable } from "../../components/AccuracyTable";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { StepFrame } from "../../components/StepFrame";
import { LazyLinesChart } from "../../components/LazyChart";
import { formatUnits } from "../../components/format";
import type { StepRun } from "../../state/cycleReducer";
import type { DemandView, FamilyOverrideInput, ForecastSeriesView } from "../../cycle/views";
import { forecastChartLines } from "./forecastChart";

/**
 * Step 2: run the forecasts, write DemandPlan, chart one family or item, show held-out accuracy,
 * and type a family volume override (split to the items, kept on FamilyPlan).
 */
export function DemandStep({
  run,
  canRun,
  onRun,
  onFamilyOverride,
  onFindItem,
}: {
  run: StepRun<DemandView>;
  canRun: boolean;
  onRun(): void;
  onFamilyOverride?(edit: FamilyOverrideInput): void;
  /** an item's series by its code, when the view lists families only */
  onFindItem?(item: string): Promise<ForecastSeriesView | null>;
}) {
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
      {run.result && <DemandResult view={run.result} onFindItem={onFindItem} />}
      {run.result && onFamilyOverride && (
        <FamilyOverrideForm view={run.result} busy={run.status === "running"} onApply={onFamilyOverride} />
      )}
    </StepFrame>
  );
}

const seriesKey = (s: ForecastSeriesView) => `${s.level}:${s.name}`;

/**
 * The chart of a family or item. Up to MAX_LISTED_ITEMS items the list offers every item; beyond,
 * families only, and an item typed by its code is fetched from the cycle (`onFindItem`).
 */
function DemandResult({
  view,
  onFindItem,
}: {
  view: DemandView;
  onFindItem?(item: string): Promise<ForecastSeriesView | null>;
}) {
  const [chosen, setChosen] = useState(() => (view.series[0] ? seriesKey(view.series[0]) : ""));
  const families = view.series.filter((s) => s.level === "family");
  const items = view.series.filter((s) => s.level === "item");
  const itemCount = view.itemCount ?? items.length;
  const listed = items.length >= itemCount;
  const [code, setCode] = useState("");
  // The item typed by its code: undefined while none is typed or its answer is pending, null when there is none.
  const [found, setFound] = useState<{ code: string; series: ForecastSeriesView | null } | undefined>(undefined);
  const typed = found?.code === code.trim() ? found.series : undefined;
  const series =
    view.series.find((s) => seriesKey(s) === chosen) ??
    (found?.series && seriesKey(found.series) === chosen ? found.series : undefined) ??
    view.series[0];
  const typedNow = useRef("");
  const lookUp = (text: string) => {
    setCode(text);
    const wanted = text.trim();
    typedNow.current = wanted;
    if (!wanted || !onFindItem) return;
    const answered = (answer: ForecastSeriesView | null) => {
      // Keystrokes overtake answers: keep only the answer for what is typed now.
      if (typedNow.current !== wanted) return;
      setFound({ code: wanted, series: answer });
      if (answer) setChosen(seriesKey(answer));
    };
    void onFindItem(wanted).then(answered, () => answered(null));
  };
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
          {!listed && (
            <Field
              label={`Or an item code (${itemCount.toLocaleString("en-US")} items)`}
              validationMessage={code.trim() && typed === null ? "No item with that code." : undefined}
            >
              <Input value={code} onChange={(_, data) => lookUp(data.value)} />
            </Field>
          )}
          <LazyLinesChart {...forecastChartLines(series)} />
          {series.method && <Text as="p">Method: {series.method}</Text>}
        </>
      )}
      <AccuracyTable caption="Accuracy of the statistical forecast on held-out history" rows={view.accuracy} />
    </>
  );
}

/** Family volume override: a family, a period, the units (blank clears) and a reason. */
function FamilyOverrideForm({
  view,
  busy,
  onApply,
}: {
  view: DemandView;
  busy: boolean;
  onApply(edit: FamilyOverrideInput): void;
}) {
  const volumes = view.familyVolumes ?? [];
  const periods = view.periods ?? [];
  const [family, setFamily] = useState(volumes[0]?.family ?? "");
  const [period, setPeriod] = useState(periods[0] ?? "");
  const [units, setUnits] = useState("");
  const [reason, setReason] = useState("");
  if (volumes.length === 0 || periods.length === 0) return null;
  const volume = volumes.find((v) => v.family === family) ?? volumes[0];
  const t = Math.max(0, periods.indexOf(period));
  const typed = units.trim() === "" ? null : Number(units.replace(",", "."));
  const invalid = typed !== null && !(Number.isFinite(typed) && typed >= 0);
  return (
    <form
      aria-label="Family volume override"
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) onApply({ family: volume.family, period: periods[t], override: typed, reason: reason || null });
      }}
    >
      <Text as="h3" weight="semibold">
        Family volume override
      </Text>
      <Field label="Family">
        <Select value={volume.family} onChange={(_, d) => setFamily(d.value)}>
          {volumes.map((v) => (
            <option key={v.family}>{v.family}</option>
          ))}
        </Select>
      </Field>
      <Field label="Period">
        <Select value={periods[t]} onChange={(_, d) => setPeriod(d.value)}>
          {periods.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </Select>
      </Field>
      <Text as="p">
        Statistical {formatUnits(volume.statistical[t])}, consensus {formatUnits(volume.consensus[t])}
        {volume.override[t] !== null ? `, override ${formatUnits(volume.override[t]!)}` : ""}.
      </Text>
      <Field
        label="Family demand (units; blank clears the override)"
        validationMessage={invalid ? "Type a number of units ≥ 0." : undefined}
      >
        <Input value={units} inputMode="decimal" onChange={(_, d) => setUnits(d.value)} />
      </Field>
      <Field label="Reason">
        <Input value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <Button type="submit" disabled={busy || invalid}>
        {typed === null ? "Clear the family override" : "Split to the items"}
      </Button>
    </form>
  );
}
