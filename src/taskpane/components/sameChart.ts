import type { LinesChartProps } from "./LinesChart";

const sameValues = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Same title, periods and lines (value by value): the pane re-renders often (progress), the chart need not. */
export function sameChart(a: LinesChartProps, b: LinesChartProps): boolean {
  return (
    a.title === b.title &&
    a.width === b.width &&
    a.height === b.height &&
    sameValues(a.periods, b.periods) &&
    a.lines.length === b.lines.length &&
    a.lines.every((line, i) => {
      const other = b.lines[i];
      return (
        line.legend === other.legend &&
        line.color === other.color &&
        line.dashed === other.dashed &&
        sameValues(line.values, other.values)
      );
    })
  );
}
