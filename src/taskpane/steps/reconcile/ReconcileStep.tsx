import { Button, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { useState } from "react";
import { DataTable } from "../../components/DataTable";
import { LazyLinesChart } from "../../components/LazyChart";
import { CHART_COLORS } from "../../components/chartColors";
import { formatMoney, formatPercent, formatUnits, formatHours } from "../../components/format";
import { StepFrame } from "../../components/StepFrame";
import type { StepRun } from "../../state/cycleReducer";
import type { ReconcileView, Strategy, StrategySummary } from "../../cycle/views";

const STRATEGY_LABEL: Record<Strategy, string> = { chase: "Chase", level: "Level", optimal: "Optimal (min cost)" };

export interface ReconcileStepProps {
  run: StepRun<ReconcileView>;
  canRun: boolean;
  onCompare(): void;
  onChoose(strategy: Strategy): void;
}

/** Step 4: chase, level and optimal side by side; the planner picks one and it is written. */
export function ReconcileStep({ run, canRun, onCompare, onChoose }: ReconcileStepProps) {
  const view = run.result;
  const busy = run.status === "running";
  // Suggest the cheapest plan that fits the resources; the planner decides.
  const feasible = view ? view.strategies.filter((s) => !s.failure) : [];
  const cheapest = [...feasible].sort(
    (a, b) => Number(a.hoursBeyondCapacity > 0) - Number(b.hoursBeyondCapacity > 0) || a.totalCost - b.totalCost,
  )[0]?.strategy;
  const [picked, setPicked] = useState<Strategy | undefined>(undefined);
  const strategy = picked ?? view?.chosen?.strategy ?? cheapest;
  return (
    <StepFrame
      step="reconcile"
      run={run}
      actions={
        <Button appearance={view ? "secondary" : "primary"} disabled={busy || !canRun} onClick={onCompare}>
          Compare strategies
        </Button>
      }
    >
      {!canRun && !view && <Text as="p">Run the demand plan first (step 2).</Text>}
      {view && (
        <>
          <StrategyTable strategies={view.strategies} />
          {view.strategies
            .filter((s) => s.failure)
            .map((s) => (
              <Text as="p" key={s.strategy}>
                {STRATEGY_LABEL[s.strategy]}: no plan ({s.failure}).
              </Text>
            ))}
          <Field label="Strategy to write">
            <RadioGroup value={strategy} onChange={(_, data) => setPicked(data.value as Strategy)}>
              {view.strategies.map((s) => (
                <Radio key={s.strategy} value={s.strategy} label={STRATEGY_LABEL[s.strategy]} disabled={!!s.failure} />
              ))}
            </RadioGroup>
          </Field>
          <div>
            <Button appearance="primary" disabled={busy || !strategy} onClick={() => strategy && onChoose(strategy)}>
              Write the {strategy ? STRATEGY_LABEL[strategy].toLowerCase() : ""} plan
            </Button>
          </div>
          {view.chosen && <BelowTarget strategy={view.strategies.find((s) => s.strategy === view.chosen?.strategy)} />}
          {view.chosen && (
            <LazyLinesChart
              title={`Projection of the ${view.chosen.strategy} plan (all families)`}
              periods={view.chosen.projection.periods}
              lines={[
                { legend: "Demand", color: CHART_COLORS.demand, values: view.chosen.projection.demand },
                { legend: "Production", color: CHART_COLORS.production, values: view.chosen.projection.production },
                { legend: "Inventory", color: CHART_COLORS.inventory, values: view.chosen.projection.inventory },
                {
                  legend: "Backlog",
                  color: CHART_COLORS.backlog,
                  values: view.chosen.projection.backlog,
                  dashed: true,
                },
              ]}
            />
          )}
        </>
      )}
    </StepFrame>
  );
}

function StrategyTable({ strategies }: { strategies: StrategySummary[] }) {
  const metrics: { label: string; value: (s: StrategySummary) => string }[] = [
    { label: "Total cost", value: (s) => formatMoney(s.totalCost) },
    { label: "Overtime h", value: (s) => formatHours(s.overtimeHours) },
    { label: "Hours beyond capacity", value: (s) => formatHours(s.hoursBeyondCapacity) },
    { label: "Subcontract", value: (s) => formatUnits(s.subcontractUnits) },
    { label: "Peak backlog", value: (s) => formatUnits(s.peakBacklog) },
    { label: "Ending inventory", value: (s) => formatUnits(s.endingInventory) },
    {
      label: "Below inventory target",
      value: (s) => formatUnits(s.belowTarget.reduce((total, b) => total + b.shortfall, 0)),
    },
    { label: "Fill rate", value: (s) => formatPercent(s.fillRate) },
  ];
  return (
    <DataTable
      caption="Strategies compared"
      columns={[
        { header: "Measure", cell: (m) => m.label },
        ...strategies.map((s) => ({
          header: STRATEGY_LABEL[s.strategy],
          cell: (m: (typeof metrics)[number]) => (s.failure ? "—" : m.value(s)),
          numeric: true,
        })),
      ]}
      rows={metrics}
      rowKey={(m) => m.label}
    />
  );
}

/** Every family and period of the written plan below its inventory target, with the units short. */
function BelowTarget({ strategy }: { strategy: StrategySummary | undefined }) {
  if (!strategy) return null;
  if (strategy.belowTarget.length === 0)
    return <Text as="p">Inventory is at or above target in every period for every family.</Text>;
  return (
    <DataTable
      caption="Periods below inventory target"
      columns={[
        { header: "Family", cell: (b) => b.family },
        { header: "Period", cell: (b) => b.period },
        { header: "Target", cell: (b) => formatUnits(b.target), numeric: true },
        { header: "Units short", cell: (b) => formatUnits(b.shortfall), numeric: true },
      ]}
      rows={strategy.belowTarget}
      rowKey={(b) => `${b.family}|${b.period}`}
    />
  );
}
