import { MessageBar, MessageBarBody, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { PaneRoot } from "./components/PaneRoot";
import { StepNav } from "./components/StepNav";
import { CancelContext } from "./components/StepFrame";
import type { PaneCycle } from "./cycle/paneCycle";
import type { CellAddress } from "./cycle/views";
import { DemoWorkbook } from "./demo/DemoWorkbook";
import type { SheetSnapshot } from "./demo/SheetGrid";
import type { PaneHost } from "./host/officeHost";
import type { CycleState } from "./state/cycleReducer";
import { useCycle, type CycleActions } from "./state/useCycle";
import { DemandStep } from "./steps/demand/DemandStep";
import { ExecutiveStep } from "./steps/executive/ExecutiveStep";
import { GatherStep } from "./steps/gather/GatherStep";
import { MeasureStep } from "./steps/measure/MeasureStep";
import { ReconcileStep } from "./steps/reconcile/ReconcileStep";
import { SupplyStep } from "./steps/supply/SupplyStep";

const useStyles = makeStyles({
  // Side by side in a wide browser; in a task-pane-wide window the demo workbook goes below.
  layout: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXXL,
    padding: tokens.spacingHorizontalL,
    alignItems: "flex-start",
  },
  pane: {
    width: "360px",
    maxWidth: "100%",
    minWidth: 0,
    flexShrink: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
});

export interface AppProps {
  host: PaneHost;
  cycle: PaneCycle;
  /** in demo mode: the in-memory workbook's sheets, read after every action */
  demoSheets?: () => SheetSnapshot[];
}

/** The pane: the cycle's steps on the left; in a plain browser, the demo workbook on the right. */
export function App({ host, cycle, demoSheets }: AppProps) {
  const styles = useStyles();
  const [sheets, setSheets] = useState<SheetSnapshot[]>(() => demoSheets?.() ?? []);
  const [selected, setSelected] = useState<CellAddress | undefined>(undefined);
  const refresh = useCallback(() => demoSheets && setSheets(demoSheets()), [demoSheets]);
  const [state, actions] = useCycle(cycle, refresh);
  const selectCell = useCallback(
    (cell: CellAddress) => {
      setSelected(cell);
      void cycle.selectCell(cell).catch(() => undefined);
    },
    [cycle],
  );
  return (
    <PaneRoot theme={host.theme}>
      <div className={styles.layout}>
        <main className={styles.pane}>
          <Title2 as="h1">S&amp;OP Planner</Title2>
          {host.kind === "browser" && (
            <MessageBar intent="info">
              <MessageBarBody>
                Demo mode: the pane runs on a sample workbook shown beside it. {host.reason}
              </MessageBarBody>
            </MessageBar>
          )}
          <StepNav current={state.current} steps={state.steps} onSelect={actions.select} />
          <CancelContext.Provider value={actions.cancel}>
            <CurrentStep state={state} actions={actions} onSelectCell={selectCell} />
          </CancelContext.Provider>
        </main>
        {demoSheets && <DemoWorkbook sheets={sheets} selected={selected} />}
      </div>
    </PaneRoot>
  );
}

function gatherClean(state: CycleState): boolean {
  const view = state.steps.gather.result;
  return !!view && view.missingTables.length === 0 && !view.problems.some((p) => p.severity === "error");
}

function CurrentStep({
  state,
  actions,
  onSelectCell,
}: {
  state: CycleState;
  actions: CycleActions;
  onSelectCell(cell: CellAddress): void;
}) {
  const { steps } = state;
  switch (state.current) {
    case "gather":
      return (
        <GatherStep
          run={steps.gather}
          onGather={actions.gather}
          onInsertTemplate={actions.insertTemplate}
          onSelectCell={onSelectCell}
        />
      );
    case "demand":
      return (
        <DemandStep
          run={steps.demand}
          canRun={gatherClean(state)}
          onRun={actions.demandPlan}
          onFindItem={actions.findItemSeries}
          onFamilyOverride={actions.familyOverride}
        />
      );
    case "supply":
      return <SupplyStep run={steps.supply} canRun={!!steps.demand.result} onRun={actions.supplyPlan} />;
    case "reconcile":
      return (
        <ReconcileStep
          run={steps.reconcile}
          canRun={!!steps.demand.result}
          onCompare={actions.compareStrategies}
          onChoose={actions.choosePlan}
        />
      );
    case "executive":
      return (
        <ExecutiveStep
          run={steps.executive}
          canRun={!!steps.reconcile.result?.chosen}
          onRun={actions.executiveSummary}
          onPromote={actions.promoteScenario}
          onRevert={actions.revertPromotion}
          onSave={actions.saveScenario}
          onApprove={actions.approve}
          onRerunCycle={actions.rerunCycle}
        />
      );
    case "measure":
      return <MeasureStep run={steps.measure} canRun={gatherClean(state)} onRun={actions.measure} />;
  }
}
