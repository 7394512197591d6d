import { Button, Text } from "@fluentui/react-components";
import { StepFrame } from "../../components/StepFrame";
import type { StepRun } from "../../state/cycleReducer";
import type { MeasureView } from "../../cycle/views";
import { AccuracyTable } from "../demand/DemandStep";

/**
 * Step 6: how good the statistical forecast is on history it did not see. Plan adherence and
 * service against actuals extend this step.
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
      {view && <AccuracyTable caption={`Held-out accuracy, last ${view.holdout} periods`} rows={view.accuracy} />}
    </StepFrame>
  );
}
