/**
 * Line chart over periods, on @fluentui/react-charts. Loaded lazily (LazyChart.tsx): d3 and the
 * chart code stay out of the pane's first download.
 */
import { LineChart, type LineChartPoints } from "@fluentui/react-charts";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { periodDate } from "./periods";
import { sameChart } from "./sameChart";

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
  /** pixels; by default the width of the space the chart is in */
  width?: number;
  height?: number;
}

/** The width of the element, following resizes (Excel's task pane can be dragged narrower or wider). */
function useWidth(fallback: number): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry.contentRect.width);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function LinesChart({ title, periods, lines, width: fixedWidth, height = 240 }: LinesChartProps) {
  const [ref, measuredWidth] = useWidth(330);
  const width = fixedWidth ?? measuredWidth;
  const data = useMemo(() => {
    const dates = periods.map(periodDate);
    // Period labels that are not months or weeks fall back to their position.
    const useDates = dates.every((d) => d !== undefined);
    const lineChartData: LineChartPoints[] = lines.map((line) => ({
      legend: line.legend,
      color: line.color,
      lineOptions: line.dashed ? { strokeDasharray: "4 3" } : undefined,
      data: line.values.flatMap((y, index) =>
        y === null || !Number.isFinite(y) ? [] : [{ x: useDates ? (dates[index] as Date) : index + 1, y }],
      ),
    }));
    return { chartTitle: title, lineChartData };
  }, [title, periods, lines]);
  return (
    <div role="figure" aria-label={title} ref={ref}>
      <LineChart
        data={data}
        width={width}
        height={height}
        xAxisTickCount={Math.min(6, periods.length)}
        enabledLegendsWrapLines
      />
    </div>
  );
}

export default memo(LinesChart, sameChart);
