/**
 * Line chart over periods, on @fluentui/react-charts. Loaded lazily (LazyChart.tsx): d3 and the
 * chart code stay out of the pane's first download.
 */
import { LineChart, type LineChartPoints } from "@fluentui/react-charts";
import { periodStart } from "./periods";

export interface ChartLine {
  legend: string;
  /** one value per period; null where the line has no value */
  values: (number | null)[];
  color: string;
  dashed?: boolean;
}

export interface LinesChartProps {
  title: string;
  periods: string[];
  lines: ChartLine[];
  width?: number;
  height?: number;
}

export default function LinesChart({ title, periods, lines, width = 330, height = 240 }: LinesChartProps) {
  const dates = periods.map(periodStart);
  // Period labels that are not months or weeks fall back to their position.
  const useDates = dates.every((d) => d !== undefined);
  const lineChartData: LineChartPoints[] = lines.map((line) => ({
    legend: line.legend,
    color: line.color,
    lineOptions: line.dashed ? { strokeDasharray: "4 3" } : undefined,
    data: line.values.flatMap((y, index) => (y === null || !Number.isFinite(y) ? [] : [{ x: useDates ? (dates[index] as Date) : index + 1, y }])),
  }));
  return (
    <div role="figure" aria-label={title}>
      <LineChart data={{ chartTitle: title, lineChartData }} width={width} height={height} xAxisTickCount={Math.min(6, periods.length)} enabledLegendsWrapLines />
    </div>
  );
}
