import { Tab, TabList, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { CellAddress } from "../cycle/views";
import { SheetGrid, type SheetSnapshot } from "./SheetGrid";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, flex: 1 },
});

/** The in-memory demo workbook beside the pane: one tab per sheet, read-only. */
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
          <TabList selectedValue={sheet?.name} onTabSelect={(_, data) => setCurrent(String(data.value))} aria-label="Sheets" size="small">
            {sheets.map((s) => (
              <Tab key={s.name} value={s.name} data-sheet-tab={s.name}>
                {s.name}
              </Tab>
            ))}
          </TabList>
          {sheet && <SheetGrid sheet={sheet} selected={selected} />}
        </>
      )}
    </section>
  );
}
