import { ToggleButton, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { memo, useEffect, useRef, useState } from "react";
import type { CellAddress } from "../cycle/views";
import { SheetGrid, type SheetSnapshot } from "./SheetGrid";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: "280px",
    maxWidth: "100%",
    flex: 1,
  },
  sheets: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
});

/** Sheets every step writes along with its plan; showing them after each step would hide the plan. */
const BOOKKEEPING = new Set(["PlanLog", "PlanHistory"]);

/** The in-memory demo workbook beside the pane: one toggle per sheet (like Excel's sheet tabs), read-only grids. */
// Memoized: progress updates re-render the pane many times a second; the grid must not follow.
export const DemoWorkbook = memo(function DemoWorkbook({
  sheets,
  selected,
}: {
  sheets: SheetSnapshot[];
  selected?: CellAddress;
}) {
  const styles = useStyles();
  const [current, setCurrent] = useState<string | undefined>(sheets[0]?.name);
  // Jump to the sheet of a selected cell, as Excel does.
  useEffect(() => {
    if (selected) setCurrent(selected.sheet);
  }, [selected]);
  // Show the plan a step just wrote: the in-memory workbook replaces a sheet's cells when it writes it.
  const seen = useRef(new Map(sheets.map((s) => [s.name, s.rows])));
  useEffect(() => {
    const written = sheets.filter((s) => seen.current.get(s.name) !== s.rows && !BOOKKEEPING.has(s.name));
    seen.current = new Map(sheets.map((s) => [s.name, s.rows]));
    if (written.length > 0) setCurrent(written[0].name);
  }, [sheets]);
  const sheet = sheets.find((s) => s.name === current) ?? sheets[0];
  return (
    <section className={styles.panel} aria-labelledby="demo-workbook-heading">
      <Title3 as="h2" id="demo-workbook-heading">
        Demo workbook
      </Title3>
      {sheets.length === 0 ? (
        <Text as="p">The workbook is empty.</Text>
      ) : (
        <>
          <ul className={styles.sheets} aria-label="Sheets">
            {sheets.map((s) => (
              <li key={s.name}>
                <ToggleButton
                  size="small"
                  appearance="subtle"
                  checked={s.name === sheet?.name}
                  onClick={() => setCurrent(s.name)}
                  data-sheet-tab={s.name}
                >
                  {s.name}
                </ToggleButton>
              </li>
            ))}
          </ul>
          {/* One grid per sheet: another sheet opens at its top; a sheet re-written while shown keeps its place. */}
          {sheet && <SheetGrid key={sheet.name} sheet={sheet} selected={selected} />}
        </>
      )}
    </section>
  );
});
