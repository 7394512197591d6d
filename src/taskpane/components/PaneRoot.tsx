import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { PaneTheme } from "../host/theme";

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
});

/** Fluent UI's provider with the pane's light or dark theme, filling the pane's height. */
export function PaneRoot({ theme, children }: { theme: PaneTheme; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} className={styles.provider}>
      {children}
    </FluentProvider>
  );
}
