import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { StepRuns, StepStatus } from "../state/cycleReducer";
import { STEP_IDS, STEPS, type StepId } from "../state/steps";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  button: { width: "100%", justifyContent: "space-between" },
});

const STATUS_TEXT: Record<StepStatus, string> = {
  notStarted: "not started",
  running: "running",
  done: "done",
  attention: "needs attention",
};
const STATUS_COLOR = { notStarted: "informative", running: "brand", done: "success", attention: "warning" } as const;

/** The cycle's steps with their status; the current one is marked for screen readers with aria-current. Every step is a button in tab order (no arrow-key group: tabster's focus sentinels are aria-hidden yet focusable, which axe rejects). */
export function StepNav({
  current,
  steps,
  onSelect,
}: {
  current: StepId;
  steps: StepRuns;
  onSelect: (step: StepId) => void;
}) {
  const styles = useStyles();
  return (
    <nav aria-label="S&OP steps">
      <ol className={styles.list}>
        {STEP_IDS.map((id, index) => (
          <li key={id}>
            <Button
              className={styles.button}
              appearance={id === current ? "primary" : "subtle"}
              aria-current={id === current ? "step" : undefined}
              data-step={id}
              data-status={steps[id].status}
              onClick={() => onSelect(id)}
            >
              <span>
                {index + 1}. {STEPS[id].title}
              </span>
              <Badge appearance="tint" color={STATUS_COLOR[steps[id].status]}>
                {STATUS_TEXT[steps[id].status]}
              </Badge>
            </Button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
