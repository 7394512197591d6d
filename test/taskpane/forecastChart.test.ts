import { forecastChartLines } from "../../src/taskpane/steps/demand/forecastChart";
import { periodDate, periodStart } from "../../src/taskpane/components/periods";
import { sameChart } from "../../src/taskpane/components/sameChart";

describe("the demand chart's lines", () => {
  const series = {
    level: "item" as const,
    name: "Oak chair",
    historyPeriods: ["2025-11", "2025-12"],
    history: [40, 50],
    forecastPeriods: ["2026-01", "2026-02"],
    forecast: [55, 60],
    lower: [45, 48],
    upper: [65, 72],
  };

  it("puts history, forecast and the band on one period axis, the forecast joining the last actual", () => {
    const chart = forecastChartLines(series);
    expect(chart.periods).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(chart.lines.map((l) => [l.legend, l.values])).toEqual([
      ["History", [40, 50, null, null]],
      ["Forecast", [null, 50, 55, 60]],
      ["Lower bound", [null, null, 45, 48]],
      ["Upper bound", [null, null, 65, 72]],
    ]);
    expect(chart.title).toBe("Oak chair: history, forecast and prediction band");
  });

  it("places months and ISO weeks on their first day", () => {
    expect(periodStart("2026-03")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    // ISO week 1 of 2026 starts Monday 29 December 2025 (1 January 2026 is a Thursday).
    expect(periodStart("2026-W01")?.toISOString()).toBe("2025-12-29T00:00:00.000Z");
    // Week 5 is four weeks later: 26 January 2026.
    expect(periodStart("2026-W05")?.toISOString()).toBe("2026-01-26T00:00:00.000Z");
    expect(periodStart("Q1 2026")).toBeUndefined();
  });
});

describe("what the chart is given", () => {
  it("labels a period's date with the period, for the chart's callouts and aria-labels", () => {
    const march = periodDate("2026-03")!;
    expect(march).toBeInstanceOf(Date);
    expect(march.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(march.toLocaleString()).toBe("2026-03");
    expect(periodDate("Q1 2026")).toBeUndefined();
  });

  it("counts a chart with the same values as the same chart, and any changed value as another", () => {
    const chart = forecastChartLines({
      level: "family",
      name: "Chairs",
      historyPeriods: ["2025-12"],
      history: [50],
      forecastPeriods: ["2026-01"],
      forecast: [55],
    });
    const copy = JSON.parse(JSON.stringify(chart)) as typeof chart;
    expect(sameChart(chart, copy)).toBe(true);
    copy.lines[1].values[1] = 56;
    expect(sameChart(chart, copy)).toBe(false);
    expect(sameChart(chart, { ...chart, periods: ["2025-12", "2026-02"] })).toBe(false);
  });
});
