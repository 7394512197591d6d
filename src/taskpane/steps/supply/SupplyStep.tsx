import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DataTable } from "../../components/DataTable";
import { StepFrame } from "../../components/StepFrame";
import { formatHours, formatPercent } from "../../components/format";
import type { StepRun } from "../../state/cycleReducer";
import type { SupplyView } from "../../cycle/views";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  grid: { borderCollapse: "collapse", fontVariantNumeric: "tabular-nums", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "right",
    whiteSpace: "nowrap",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
  },
  over: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Step 3: RCCP on the consensus demand, written as CapacityLoad; utilization by resource and period, overloads and past-due load called out. */
export function SupplyStep({ run, canRun, onRun }: { run: StepRun<SupplyView>; canRun: boolean; onRun(): void }) {
  return (
    <StepFrame
      step="supply"
      run={run}
      actions={
        <Button appearance="primary" disabled={run.status === "running" || !canRun} onClick={onRun}>
          Compute the capacity load
        </Button>
      }
    >
      {!canRun && !run.result && <Text as="p">Run the demand plan first (step 2).</Text>}
      {run.result && <SupplyResult view={run.result} />}
    </StepFrame>
  );
}

export function utilization(load: number, capacity: number): number {
  return capacity > 0 ? load / capacity : load > 0 ? Infinity : 0;
}

function SupplyResult({ view }: { view: SupplyView }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="Utilization by resource and period">
        <table className={styles.grid}>
          <caption style={{ textAlign: "left" }}>Utilization (load ÷ capacity); overloaded periods marked ▲</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.head}>
                Resource
              </th>
              {view.periods.map((p) => (
                <th scope="col" key={p} className={styles.head}>
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.resources.map((resource, r) => (
              <tr key={resource}>
                <th scope="row" className={styles.head}>
                  {resource}
                </th>
                {view.periods.map((p, t) => {
                  const u = utilization(view.loadHours[r][t], view.capacityHours[r][t]);
                  const over = view.loadHours[r][t] > view.capacityHours[r][t];
                  return (
                    <td key={p} className={`${styles.cell} ${over ? styles.over : ""}`}>
                      {Number.isFinite(u) ? formatPercent(u) : "no capacity"}
                      {over ? " ▲" : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.overloads.length > 0 && (
        <DataTable
          caption="Overloads"
          columns={[
            { header: "Resource", cell: (o) => o.resource },
            { header: "Period", cell: (o) => o.period },
            { header: "Load h", cell: (o) => formatHours(o.loadHours), numeric: true },
            { header: "Over by h", cell: (o) => formatHours(o.loadHours - o.capacityHours), numeric: true },
          ]}
          rows={view.overloads}
          rowKey={(o) => `${o.resource}|${o.period}`}
        />
      )}
      <PastDueLoad view={view} />
    </>
  );
}

/**
 * Past-due load apart (one convention with =SOP.RCCP_LOAD, CapacityLoad and the executive pack):
 * hours that lead-time offsets put before the first period, already counted in its load above.
 */
function PastDueLoad({ view }: { view: SupplyView }) {
  const first = view.periods[0] ?? "the first period";
  const rows = view.resources
    .map((resource, r) => ({ resource, pastDue: view.pastDueHours[r], firstLoad: view.loadHours[r][0] ?? 0 }))
    .filter((row) => row.pastDue > 0);
  const heading = (
    <Text as="h3" weight="semibold">
      Past-due load
    </Text>
  );
  if (rows.length === 0)
    return (
      <>
        {heading}
        <Text as="p" role="status" aria-label="Past-due load">
          No past-due load: no lead-time offset puts work before {first}.
        </Text>
      </>
    );
  return (
    <>
      {heading}
      <Text as="p">
        Hours that lead-time offsets put before {first}: work to release now, counted in {first}&apos;s load above.
      </Text>
      <DataTable
        caption={`Past-due load: hours lead-time offsets put before ${first}, to release now (counted in ${first}'s load)`}
        columns={[
          { header: "Resource", cell: (p) => p.resource },
          { header: "Past due h", cell: (p) => formatHours(p.pastDue), numeric: true },
          { header: `${first} load h`, cell: (p) => formatHours(p.firstLoad), numeric: true },
        ]}
        rows={rows}
        rowKey={(p) => p.resource}
      />
    </>
  );
}
