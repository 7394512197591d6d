import { Button, Text } from "@fluentui/react-components";
import { DataTable } from "../../components/DataTable";
import { formatKpi, formatMoney, formatPercent, formatUnits } from "../../components/format";
import { StepFrame } from "../../components/StepFrame";
import type { StepRun } from "../../state/cycleReducer";
import type { ExecutiveView } from "../../cycle/views";

const orDash = (value: number | null, format: (v: number) => string) => (value === null ? "–" : format(value));

/**
 * Step 5: the executive pack of the chosen plan — headline KPIs, the options compared
 * (strategies and saved scenarios), the decisions needed and the changes since the last cycle —
 * as written to the ExecutiveSummary sheet, whose native charts Excel shows.
 */
export function ExecutiveStep({ run, canRun, onRun, onPromote, onRevert }: { run: StepRun<ExecutiveView>; canRun: boolean; onRun(): void; onPromote?(name: string): void; onRevert?(): void }) {
  const busy = run.status === "running";
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
            caption={`Key figures of the ${view.planName ?? view.strategy} plan`}
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
                Decisions needed
              </Text>
              <ul aria-label="Decisions needed">
                {view.decisions.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          )}
          {view.options && view.options.length > 0 && (
            <DataTable
              caption="Options compared"
              columns={[
                { header: "Option", cell: (o) => o.name },
                { header: "Total cost", cell: (o) => formatMoney(o.totalCost), numeric: true },
                { header: "Margin", cell: (o) => orDash(o.margin, formatMoney), numeric: true },
                { header: "Fill rate", cell: (o) => formatPercent(o.fillRate), numeric: true },
                { header: "Peak backlog", cell: (o) => formatUnits(o.peakBacklog), numeric: true },
              ]}
              rows={view.options}
              rowKey={(o) => o.name}
            />
          )}
          {view.changes && view.changes.length > 0 ? (
            <DataTable
              caption="Changes since the last cycle"
              columns={[
                { header: "Family", cell: (c) => c.family },
                { header: "Measure", cell: (c) => c.measure },
                { header: "Previous", cell: (c) => formatUnits(c.previous), numeric: true },
                { header: "Current", cell: (c) => formatUnits(c.current), numeric: true },
                { header: "Change", cell: (c) => formatUnits(c.change), numeric: true },
              ]}
              rows={view.changes}
              rowKey={(c) => `${c.family}|${c.measure}`}
            />
          ) : (
            view.written && <Text as="p">First cycle: no previous plan to compare with yet.</Text>
          )}
          {view.scenarios && view.scenarios.length > 0 && onPromote && (
            <DataTable
              caption="Scenarios"
              columns={[
                { header: "Scenario", cell: (s) => (s.promoted ? `${s.name} (the plan)` : s.name) },
                {
                  header: "Action",
                  cell: (s) =>
                    s.promoted ? null : (
                      <Button size="small" disabled={busy} onClick={() => onPromote(s.name)} aria-label={`Make ${s.name} the plan`}>
                        Make it the plan
                      </Button>
                    ),
                },
              ]}
              rows={view.scenarios}
              rowKey={(s) => s.name}
            />
          )}
          {view.canRevert && onRevert && (
            <Button disabled={busy} onClick={onRevert}>
              Back to the previous plan
            </Button>
          )}
          {view.written && view.written.length > 0 && <Text as="p">Written to {view.written.join(", ")}, with charts of demand vs supply, utilization and the inventory and backlog projection.</Text>}
        </>
      )}
    </StepFrame>
  );
}
