/** The Executive step wired to `useCycle` as the App wires it, and a button press, for the step's form tests. */
import { act, fireEvent, screen } from "@testing-library/react";
import type { PaneCycle } from "../../../src/taskpane/cycle/paneCycle";
import { useCycle } from "../../../src/taskpane/state/useCycle";
import { ExecutiveStep } from "../../../src/taskpane/steps/executive/ExecutiveStep";

/** `rerun`: offer "Run the cycle again" (the App does); without it the step has no such action. */
export function ExecutiveHarness({ cycle, rerun = true }: { cycle: PaneCycle; rerun?: boolean }) {
  const [state, actions] = useCycle(cycle);
  return (
    <ExecutiveStep
      run={state.steps.executive}
      canRun
      onRun={actions.executiveSummary}
      onPromote={actions.promoteScenario}
      onRevert={actions.revertPromotion}
      onSave={actions.saveScenario}
      onApprove={actions.approve}
      onRerunCycle={rerun ? actions.rerunCycle : undefined}
    />
  );
}

export async function press(name: RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}
