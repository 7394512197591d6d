import { Spinner } from "@fluentui/react-components";
import { Component, Suspense, lazy, type ReactNode } from "react";
import type { LinesChartProps } from "./LinesChart";

// The chart library (d3 and friends) is large: it loads when the first chart is shown, not with the pane.
const LinesChart = lazy(() => import(/* webpackChunkName: "charts" */ "./LinesChart"));

/** A line chart loaded on demand; if the chunk cannot load, the tables beside it still tell the story. */
export function LazyLinesChart(props: LinesChartProps) {
  return (
    <ChartBoundary>
      <Suspense fallback={<Spinner size="tiny" label="Loading the chart…" />}>
        <LinesChart {...props} />
      </Suspense>
    </ChartBoundary>
  );
}

class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <p role="status">The chart could not be shown; the numbers are in the table and the workbook.</p>
    ) : (
      this.props.children
    );
  }
}
