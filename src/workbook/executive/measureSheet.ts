/**
 * The `Measure` sheet: the measure step's report as values — forecast accuracy and value added
 * by total, family and item (the sheet's Excel Table), then plan adherence and delivery
 * performance as sections below.
 */
import type { MeasureReport } from "./measureReport";
import type { SheetSection } from "./sheetParts";
import { FORMATS } from "./executiveSheet";

import type { CellValue, OwnedSheetName } from "../port";

export const MEASURE_SHEET = "Measure" as const satisfies OwnedSheetName;

export const ACCURACY_HEADERS = [
  "Level",
  "Name",
  "Periods",
  "Actual",
  "Consensus",
  "Statistical",
  "WMAPE consensus",
  "WMAPE statistical",
  "Bias consensus",
  "Tracking signal",
  "FVA of overrides",
  "FVA of model vs naive",
  "FVA of consensus vs naive",
];

export function measureSheet(report: MeasureReport) {
  const rows: CellValue[][] = report.accuracy.map((a) => [
    a.level,
    a.name,
    a.periods.length,
    a.actual,
    a.consensus,
    a.statistical,
    a.wmapeConsensus,
    a.wmapeStatistical,
    a.biasConsensus,
    a.trackingSignal,
    a.overrideValueAdded,
    a.statisticalValueAdded,
    a.consensusValueAdded,
  ]);
  const sections: SheetSection[] = [];
  let row = rows.length + 2;
  const add = (section: Omit<SheetSection, "row">) => {
    sections.push({ ...section, row });
    row += section.rows.length + (section.headers.length ? 3 : 1);
  };
  const source =
    report.source.kind === "earlier cycle"
      ? `Forecast measured: the earlier cycle's${report.source.planStart ? ` (plan start ${report.source.planStart})` : ""}, against the actuals in Sales.`
      : report.source.kind === "backtest"
        ? `Forecast measured: a backtest over the last ${report.source.periods} periods (no earlier cycle on record yet).`
        : `Forecast accuracy not measured: ${report.source.reason}.`;
  add({ title: source, headers: [], rows: [] });
  add({
    title:
      "WMAPE and bias are fractions of actual demand; tracking signal outside ±4 means bias; FVA > 0 means the step reduced the error.",
    headers: [],
    rows: [],
  });
  if (report.valueAdded.length > 0) {
    add({
      title:
        "Forecast value added by reason code, source and team input (item × period pairs of the earlier cycle; statistical → consensus, or statistical → input → consensus)",
      headers: [
        "By",
        "Name",
        "Detail",
        "Pairs",
        "Actual",
        "WMAPE statistical",
        "WMAPE after",
        "FVA",
        "FVA input → consensus",
      ],
      rows: report.valueAdded.map((v) => [
        v.by,
        v.name,
        v.detail,
        v.pairs,
        v.actual,
        v.wmapeStatistical,
        v.wmapeAfter,
        v.valueAdded,
        v.consensusValueAdded ?? null,
      ]),
      numberFormats: [null, null, null, "0", FORMATS.units, FORMATS.ratio, FORMATS.ratio, FORMATS.ratio, FORMATS.ratio],
    });
  }
  if (report.adherence) {
    add({
      title: "Plan adherence (Production actuals against the previous plan)",
      headers: ["Family", "Periods", "Planned", "Made", "Adherence", "Attainment"],
      rows: report.adherence.map((a) => [a.name, a.periods, a.planned, a.made, a.adherence, a.attainment]),
      numberFormats: [null, "0", FORMATS.units, FORMATS.units, FORMATS.ratio, FORMATS.ratio],
    });
  }
  if (report.delivery) {
    const d = report.delivery;
    add({
      title: "Delivery performance (order lines due before the plan start)",
      headers: ["Measure", "Value", "Order lines"],
      rows: [
        ["On-time delivery (OTD)", d.onTimeRate, d.measured],
        ["In full", d.inFullRate, d.measured],
        ["On time in full (OTIF)", d.otifRate, d.measured],
      ],
      numberFormats: [null, FORMATS.ratio, "0"],
    });
  }
  if (report.byLag) {
    add({
      title: "Consensus accuracy by lag (PlanHistory: lag 1 = a cycle's first plan period, lag 3 = its third)",
      headers: ["Lag", "Pairs", "Actual", "Forecast", "WMAPE", "Bias"],
      rows: report.byLag.map((l) => [l.lag, l.pairs, l.actual, l.forecast, l.wmape, l.bias]),
      numberFormats: ["0", "0", FORMATS.units, FORMATS.units, FORMATS.ratio, FORMATS.ratio],
    });
  }
  for (const w of report.waterfall ?? []) {
    if (w.planStarts.length === 0) continue;
    add({
      title: `Forecast waterfall, ${w.family}: consensus volume per period as each cycle planned it (columns: plan start)`,
      headers: ["Period", ...w.planStarts],
      rows: w.periods.map((p, r) => [p, ...w.volume[r]]),
      numberFormats: [null, ...w.planStarts.map(() => FORMATS.units)],
    });
  }
  for (const note of report.notes) add({ title: note, headers: [], rows: [] });
  return {
    name: MEASURE_SHEET,
    tableName: `SOP_${MEASURE_SHEET}`,
    headers: ACCURACY_HEADERS,
    rows,
    numberFormats: [
      null,
      null,
      "0",
      FORMATS.units,
      FORMATS.units,
      FORMATS.units,
      FORMATS.ratio,
      FORMATS.ratio,
      FORMATS.ratio,
      "0.00",
      FORMATS.ratio,
      FORMATS.ratio,
      FORMATS.ratio,
    ],
    columnWidths: [9, 18, 9, 11, 11, 11, 12, 12, 11, 10, 12, 13, 13],
    landscape: true,
    sections,
  };
}
