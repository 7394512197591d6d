import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { createContext, useContext, type ReactNode } from "react";
import type { StepRun } from "../state/cycleReducer";
import { STEPS, type StepId } from "../state/steps";

const useStyles = makeStyles({
  frame: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  question: { color: tokens.colorNeutralForeground2 },
});

/** Stops the running step's background work (forecasts, solves); absent when nothing can be cancelled. */
export const CancelContext = createContext<(() => void) | undefined>(undefined);

/** The frame every step shares: title, the planner's question, the actions, progress, the outcome, then the result. */
export function StepFrame({
  step,
  run,
  actions,
  children,
}: {
  step: StepId;
  run: StepRun<unknown>;
  actions: ReactNode;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const info = STEPS[step];
  const headingId = `step-${step}-heading`;
  const cancel = useContext(CancelContext);
  const counted = run.status === "running" && run.total !== undefined && run.done !== undefined && run.total > 0;
  return (
    <section className={styles.frame} aria-labelledby={headingId} aria-busy={run.status === "running"}>
      <div>
        <Title3 as="h2" id={headingId}>
          {info.title}
        </Title3>
        <Text as="p" block className={styles.question}>
          {info.question}
        </Text>
      </div>
      <div className={styles.actions}>{actions}</div>
      <div aria-live="polite">
        {run.status === "running" && <Spinner size="tiny" labelPosition="after" label={run.progress ?? "Working…"} />}
        {counted && (
          <>
            <ProgressBar value={run.done! / run.total!} aria-label="Items forecast" />
            <Text size={200} data-progress="">
              {run.done!.toLocaleString("en-US")} of {run.total!.toLocaleString("en-US")} items forecast
            </Text>
          </>
        )}
        {run.status === "running" && cancel && (
          <div>
            <Button size="small" onClick={cancel}>
              Cancel
            </Button>
          </div>
        )}
        {run.status !== "running" && run.message && (
          <MessageBar intent={run.status === "done" ? "success" : run.result ? "warning" : "error"}>
            <MessageBarBody>{run.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {run.status !== "running" && children}
    </section>
  );
}
