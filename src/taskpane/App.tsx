import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";

/** The pane's shell; the guided S&OP steps come with their own components. */
export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title2 as="h1">S&amp;OP Planner</Title2>
        <Text as="p">Type =SOP.RCCP_LOAD in a cell to compute rough-cut capacity load.</Text>
      </main>
    </FluentProvider>
  );
}
