import { Button, Text } from "@fluentui/react-components";
import { DataTable } from "../../components/DataTable";
import { formatKpi } from "../../components/format";
import { StepFrame } from "../../components/StepFrame";
import type { StepRun } from "../../state/cycleReducer";
import type { ExecutiveView } from "../../cycle/views";

/**
 * Step 5: the KPIs of the chosen plan. The executive summary sheet (charts, scenario comparison,
 * changes since the last cycle) extends this step.
 */
export function ExecutiveStep({ run, canRun, onRun }: { run: StepRun<ExecutiveView>; canRun: boolean; onRun(): void }) {
  const view = run.result;
  return (
    <StepFrame
      step="executive"
      run={run}
      actions={
        <Button appearance="primary" disabled={run.status === "running" || !canRun} onClick={onRun}>
          Summarize the plan
        </Button>
      }
    >
      {!canRun && !view && <Text as="p">Write a reconciled plan first (step 4).</Text>}
      {view && (
        <>
          <DataTable
            caption={`Key figures of the ${view.strategy} plan`}
            columns={[
              { header: "KPI", cell: (k) => k.label },
              { header: "Value", cell: (k) => formatKpi(k.value, k.format), numeric: true },
            ]}
            rows={view.kpis}
            rowKey={(k) => k.label}
          />
          {view.decisions.length > 0 && (
            <>
              <Text as="h3" weight="semibold">
                Open decisions
              </Text>
              <ul>
                {view.decisions.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </StepFrame>
  );
}
