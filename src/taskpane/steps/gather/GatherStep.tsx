import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DataTable } from "../../components/DataTable";
import { StepFrame } from "../../components/StepFrame";
import type { StepRun } from "../../state/cycleReducer";
import type { CellAddress, GatherView, ProblemView } from "../../cycle/views";

const useStyles = makeStyles({
  problems: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface GatherStepProps {
  run: StepRun<GatherView>;
  onGather(): void;
  onInsertTemplate(): void;
  onSelectCell(cell: CellAddress): void;
}

/** Step 1: find the input tables, list every validation problem, jump to the offending cell. */
export function GatherStep({ run, onGather, onInsertTemplate, onSelectCell }: GatherStepProps) {
  const view = run.result;
  const busy = run.status === "running";
  return (
    <StepFrame
      step="gather"
      run={run}
      actions={
        <>
          <Button appearance="primary" disabled={busy} onClick={onGather}>
            Check the workbook
          </Button>
          {view && view.missingTables.length > 0 && (
            <Button disabled={busy} onClick={onInsertTemplate}>
              Insert template with sample data
            </Button>
          )}
        </>
      }
    >
      {view && <GatherResult view={view} onSelectCell={onSelectCell} />}
    </StepFrame>
  );
}

function GatherResult({ view, onSelectCell }: { view: GatherView; onSelectCell(cell: CellAddress): void }) {
  const styles = useStyles();
  return (
    <>
      {view.tables.length > 0 && (
        <DataTable
          caption="Input tables found"
          columns={[
            { header: "Table", cell: (t) => t.name },
            { header: "Rows", cell: (t) => t.rows, numeric: true },
          ]}
          rows={view.tables}
          rowKey={(t) => t.name}
        />
      )}
      {view.problems.length > 0 && (
        <>
          <Text as="h3" weight="semibold">
            Problems ({view.problems.length})
          </Text>
          <ol className={styles.problems} aria-label="Validation problems">
            {view.problems.map((problem, index) => (
              <li key={index}>
                <ProblemLine problem={problem} onSelectCell={onSelectCell} />
                {problem.hint && (
                  <Text as="p" block size={200} className={styles.hint}>
                    {problem.hint}
                  </Text>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** Where a problem is, in the planner's words: "Sales, row 4, Quantity". */
export function problemPlace(problem: ProblemView): string {
  return [problem.table, problem.row !== undefined ? `row ${problem.row}` : undefined, problem.column]
    .filter(Boolean)
    .join(", ");
}

function ProblemLine({ problem, onSelectCell }: { problem: ProblemView; onSelectCell(cell: CellAddress): void }) {
  const label = `${problem.severity === "error" ? "Error" : "Warning"} · ${problemPlace(problem)}`;
  const text = `${problem.message}${problem.value !== undefined && problem.value !== "" ? ` (value: ${problem.value})` : ""}`;
  const cell = problem.cell;
  return (
    <Text as="p" block>
      {cell ? (
        <Link as="button" onClick={() => onSelectCell(cell)} aria-label={`${label}: select the cell in the workbook`}>
          {label}
        </Link>
      ) : (
        <Text weight="semibold">{label}</Text>
      )}
      {": "}
      {text}
    </Text>
  );
}
