import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { PaneTheme } from "../host/theme";
import { PaneRoot } from "./PaneRoot";

const useStyles = makeStyles({
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: "360px",
  },
});

export interface ConnectingProps {
  theme: PaneTheme;
  /** after this long, also offer demo data (for a page opened in a browser whose Office.js never answers) */
  offerDemoAfterMs: number;
  onChooseDemo(): void;
}

/** What the pane shows while Office.js starts: no demo data unless the planner asks for it. */
export function Connecting({ theme, offerDemoAfterMs, onChooseDemo }: ConnectingProps) {
  const styles = useStyles();
  const [offer, setOffer] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setOffer(true), offerDemoAfterMs);
    return () => clearTimeout(timer);
  }, [offerDemoAfterMs]);
  return (
    <PaneRoot theme={theme}>
      <main className={styles.body} aria-busy="true">
        <Spinner size="small" label="Connecting to Excel…" labelPosition="after" />
        {offer && (
          <>
            <Text role="status">
              Excel has not answered yet. Inside Excel, keep waiting; if this page is open in a browser, you can try the
              add-in on demo data.
            </Text>
            <Button appearance="secondary" onClick={onChooseDemo}>
              Continue with demo data
            </Button>
          </>
        )}
      </main>
    </PaneRoot>
  );
}
