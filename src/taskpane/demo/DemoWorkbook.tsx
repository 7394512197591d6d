import { ToggleButton, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { CellAddress } from "../cycle/views";
import { SheetGrid, type SheetSnapshot } from "./SheetGrid";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, flex: 1 },
  sheets: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyleType: "none", margin: 0, padding: 0 },
});

/** The in-memory demo workbook beside the pane: one toggle per sheet (like Excel's sheet tabs), read-only grids. */
export function DemoWorkbook({ sheets, selected }: { sheets: SheetSnapshot[]; selected?: CellAddress }) {
  const styles = useStyles();
  const [current, setCurrent] = useState<string | undefined>(sheets[0]?.name);
  // Jump to the sheet of a selected cell, as Excel does.
  useEffect(() => {
    if (selected) setCurrent(selected.sheet);
  }, [selected]);
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
                <ToggleButton size="small" appearance="subtle" checked={s.name === sheet?.name} onClick={() => setCurrent(s.name)} data-sheet-tab={s.name}>
                  {s.name}
                </ToggleButton>
              </li>
            ))}
          </ul>
          {sheet && <SheetGrid sheet={sheet} selected={selected} />}
        </>
      )}
    </section>
  );
}
