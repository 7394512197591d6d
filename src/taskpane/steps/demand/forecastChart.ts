import type { LinesChartProps } from "../../components/LinesChart";
import { CHART_COLORS } from "../../components/chartColors";
import type { ForecastSeriesView } from "../../cycle/views";

/**
 * History, forecast and the prediction band of one series on one time axis. The forecast line
 * starts at the last actual so the two lines join.
 */
export function forecastChartLines(series: ForecastSeriesView): LinesChartProps {
  const periods = [...series.historyPeriods, ...series.forecastPeriods];
  const h = series.history.length;
  const pad = (n: number) => new Array<number | null>(n).fill(null);
  const lastActual = h > 0 ? series.history[h - 1] : null;
  return {
    title: `${series.name}: history, forecast${series.lower ? " and prediction band" : ""}`,
    periods,
    lines: [
      {
        legend: "History",
        color: CHART_COLORS.history,
        values: [...series.history, ...pad(series.forecastPeriods.length)],
      },
      {
        legend: "Forecast",
        color: CHART_COLORS.forecast,
        values: [...pad(Math.max(h - 1, 0)), ...(h > 0 ? [lastActual] : []), ...series.forecast],
      },
      ...(series.lower && series.upper
        ? [
            { legend: "Lower bound", color: CHART_COLORS.band, dashed: true, values: [...pad(h), ...series.lower] },
            { legend: "Upper bound", color: CHART_COLORS.band, dashed: true, values: [...pad(h), ...series.upper] },
          ]
        : []),
    ],
  };
}
