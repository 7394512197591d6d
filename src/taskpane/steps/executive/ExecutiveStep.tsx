import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { DataTable } from "../../components/DataTable";
import { formatKpi, formatMoney, formatOrDash as orDash, formatPercent, formatUnits } from "../../components/format";
import { StepFrame } from "../../components/StepFrame";
import type { StepRun } from "../../state/cycleReducer";
import type { ExecutiveView, Strategy } from "../../cycle/views";
import { FamilySopPanel } from "./FamilySopPanel";
import { PlanVsBudgetPanel } from "./PlanVsBudgetPanel";

/**
 * Step 5: the executive pack of the chosen plan — headline KPIs, the options compared
 * (strategies and saved scenarios), the plan vs budget, the decisions needed, the changes since the last cycle — as
 * written to the ExecutiveSummary sheet, whose native charts Excel shows — and the family S&OP
 * block of a chosen family, as on the FamilySOP sheet.
 */
export function ExecutiveStep({
  run,
  canRun,
  onRun,
  onPromote,
  onRevert,
  onSave,
  onApprove,
  onRerunCycle,
}: {
  run: StepRun<ExecutiveView>;
  canRun: boolean;
  onRun(): void;
  onPromote?(name: string): void;
  onRevert?(): void;
  onSave?(name: string, strategy: Strategy | null): void;
  onApprove?(by: string, role: string | null, allowStale?: boolean): void;
  /** runs the whole cycle again (offered when an approval found the plan stale) */
  onRerunCycle?(): void;
}) {
  const busy = run.status === "running";
  const view = run.result;
  // Held here, not in the form: the form unmounts while the step runs, and a planner who typed a
  // name before "Summarize the plan" or "Run the cycle again" should not have to type it again.
  const [approver, setApprover] = useState<Approver>({ by: "", role: "" });
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
          {view.approval && (
            <Text
              as="p"
              role="status"
              aria-label="Sign-off"
              weight={view.approval.changedSince ? "semibold" : "regular"}
            >
              {view.approval.changedSince ? "Plan changed since approval. " : ""}
              {view.approval.statement}
            </Text>
          )}
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
          {view.assumptions && view.assumptions.length > 0 && (
            <DataTable
              caption="Assumptions"
              columns={[
                { header: "Area", cell: (a) => a.area ?? "" },
                { header: "Assumption", cell: (a) => a.assumption },
                { header: "Owner", cell: (a) => a.owner ?? "" },
                { header: "Impact", cell: (a) => a.impact ?? "" },
              ]}
              rows={view.assumptions}
              rowKey={(a) => `${a.area ?? ""}|${a.assumption}`}
            />
          )}
          {view.options && view.options.length > 0 && (
            <DataTable
              caption="Options compared"
              columns={[
                { header: "Option", cell: (o) => o.name },
                { header: "Plan cost", cell: (o) => formatMoney(o.totalCost), numeric: true },
                { header: "Gross margin", cell: (o) => orDash(o.margin, formatMoney), numeric: true },
                { header: "Fill rate", cell: (o) => formatPercent(o.fillRate), numeric: true },
                { header: "Peak backlog", cell: (o) => formatUnits(o.peakBacklog), numeric: true },
              ]}
              rows={view.options}
              rowKey={(o) => o.name}
            />
          )}
          {view.budget && <PlanVsBudgetPanel view={view.budget} />}
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
          {view.familySop && view.familySop.length > 0 && <FamilySopPanel blocks={view.familySop} />}
          {view.scenarios && view.scenarios.length > 0 && onPromote && (
            <DataTable
              caption="Scenarios"
              columns={[
                { header: "Scenario", cell: (s) => (s.promoted ? `${s.name} (the plan)` : s.name) },
                {
                  header: "Action",
                  cell: (s) =>
                    s.promoted ? null : (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => onPromote(s.name)}
                        aria-label={`Make it the plan: ${s.name}`}
                      >
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
          {onSave && <SaveScenarioForm busy={busy} onSave={onSave} />}
          {onApprove && (
            <ApproveForm
              busy={busy}
              approver={approver}
              onChange={setApprover}
              onApprove={onApprove}
              stale={view.staleApproval}
              onRerunCycle={onRerunCycle}
            />
          )}
          {view.written && view.written.length > 0 && (
            <Text as="p">
              Written to {view.written.join(", ")}, with charts of demand vs supply, utilization and the inventory and
              backlog projection.
            </Text>
          )}
        </>
      )}
    </StepFrame>
  );
}

const PLAN_STRATEGY = "plan";

/**
 * "Save as scenario": the DemandPlan overrides as they stand, with a strategy (or the plan's),
 * under a name; the summary then compares the new scenario with the others.
 */
function SaveScenarioForm({ busy, onSave }: { busy: boolean; onSave(name: string, strategy: Strategy | null): void }) {
  const [name, setName] = useState("");
  const [strategy, setStrategy] = useState<string>(PLAN_STRATEGY);
  const blank = name.trim() === "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blank || busy) return;
    onSave(name.trim(), strategy === PLAN_STRATEGY ? null : (strategy as Strategy));
  };
  return (
    <form aria-label="Save as scenario" onSubmit={submit}>
      <Text as="h3" weight="semibold">
        Save as scenario
      </Text>
      <Field label="Scenario name" hint="Saves DemandPlan's overrides and the strategy below to the Scenarios sheet.">
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label="Strategy">
        <RadioGroup layout="horizontal" value={strategy} onChange={(_, data) => setStrategy(data.value)}>
          <Radio value={PLAN_STRATEGY} label="The plan's" />
          <Radio value="optimal" label="Optimal" />
          <Radio value="chase" label="Chase" />
          <Radio value="level" label="Level" />
        </RadioGroup>
      </Field>
      <Button type="submit" disabled={busy || blank}>
        Save scenario
      </Button>
    </form>
  );
}

/**
 * "Approve the plan": the approver's name and role; the sign-off stamps PlanLog with them, the
 * time and the plan's checksum (the session's approve, as `sop-planner approve`). A refusal
 * because the plan is stale shows a warning naming the changed inputs, with "Run the cycle again"
 * and "Approve anyway" (an explicit second click, for the name and role that were refused).
 */
/** The Approve form's fields, as typed. */
interface Approver {
  by: string;
  role: string;
}

function ApproveForm({
  busy,
  approver,
  onChange,
  onApprove,
  stale,
  onRerunCycle,
}: {
  busy: boolean;
  approver: Approver;
  onChange(approver: Approver): void;
  onApprove(by: string, role: string | null, allowStale?: boolean): void;
  stale?: ExecutiveView["staleApproval"];
  onRerunCycle?(): void;
}) {
  const { by, role } = approver;
  const blank = by.trim() === "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blank || busy) return;
    onApprove(by.trim(), role.trim() || null);
  };
  return (
    <form aria-label="Approve the plan" onSubmit={submit}>
      <Text as="h3" weight="semibold">
        Approve the plan
      </Text>
      <Field label="Approved by" required hint="Stamps PlanLog with the name, role, time and the plan's checksum.">
        <Input value={by} onChange={(_, data) => onChange({ by: data.value, role })} />
      </Field>
      <Field label="Role">
        <Input value={role} onChange={(_, data) => onChange({ by, role: data.value })} />
      </Field>
      <Button type="submit" disabled={busy || blank}>
        Approve
      </Button>
      {stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not approved</MessageBarTitle>
            {stale.message} Run the cycle again, or approve anyway: PlanLog will record that the plan was approved
            stale.
          </MessageBarBody>
          <MessageBarActions>
            {onRerunCycle && (
              <Button disabled={busy} onClick={onRerunCycle}>
                Run the cycle again
              </Button>
            )}
            <Button disabled={busy} onClick={() => onApprove(stale.by, stale.role, true)}>
              Approve anyway
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </form>
  );
}
