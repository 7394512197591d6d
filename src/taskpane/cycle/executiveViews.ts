/**
 * The executive pack and the measure report (computed by the planning session, the same numbers
 * as the ExecutiveSummary and Measure sheets) turned into the pane's views.
 */
import { measuredAccuracy } from "./accuracyViews";
import type { ExecutivePack } from "../../engine/executive";
import type { MeasureReport } from "../../workbook/executive/measureReport";
import { KPI_COLUMNS, FORMATS, approvalStatement } from "../../workbook/executive/executiveSheet";
import type { ExecutiveView, KpiView, MeasureView, Strategy } from "./views";

/** How the pane formats each headline KPI of the sheet (by its header). */
const KPI_FORMAT: Record<string, KpiView["format"]> = {
  Revenue: "money",
  "Cost of goods": "money",
  "Gross margin": "money",
  "Days of supply": "days",
  "Inventory turns": "turns",
  "Decisions needed": "count",
};

export function executiveView(pack: ExecutivePack, strategy: Strategy, written: string[]): ExecutiveView {
  const kpis: KpiView[] = [];
  for (const column of KPI_COLUMNS) {
    const value = column.pick(pack);
    if (value === null) continue;
    const format = KPI_FORMAT[column.header] ?? (column.format === FORMATS.ratio ? "ratio" : "units");
    kpis.push({ label: column.header, value, format });
  }
  return {
    strategy,
    planName: pack.planName,
    kpis,
    decisions: pack.decisions.map((d) => d.message),
    options: pack.comparison.map((c) => ({
      name: c.name,
      totalCost: c.totalCost,
      revenue: c.revenue,
      margin: c.margin,
      fillRate: c.fillRate,
      peakBacklog: c.peakBacklog,
      peakUtilization: c.peakUtilization,
    })),
    changes: (pack.changes?.rows ?? []).map((c) => ({
      family: c.family,
      measure: c.measure === "demand" ? "Consensus demand" : "Production",
      previous: c.previous,
      current: c.current,
      change: c.change,
    })),
    budget: {
      hasBudget: pack.financial.hasBudget,
      from: pack.budget ? pack.periods[pack.budget.firstPeriod] : undefined,
      to: pack.budget ? pack.periods[pack.budget.lastPeriod] : undefined,
      rows: pack.budget?.rows.map((r) => ({ ...r })) ?? [],
    },
    written,
    familySop: pack.familySop,
    assumptions: pack.assumptions?.map((a) => ({ ...a })),
    approval: {
      statement: approvalStatement(pack.approval),
      approved: !!pack.approval,
      changedSince: pack.approval?.changedSince ?? false,
    },
  };
}

export function measureView(report: MeasureReport, written: string[]): MeasureView {
  const accuracy = measuredAccuracy(report.accuracy);
  return {
    accuracy,
    holdout: accuracy[0]?.holdout ?? 0,
    source:
      report.source.kind === "earlier cycle"
        ? `the earlier cycle's forecast${report.source.planStart ? ` (plan start ${report.source.planStart})` : ""}`
        : report.source.kind === "backtest"
          ? `a backtest of the last ${report.source.periods} periods (no earlier cycle on record yet)`
          : `nothing: ${report.source.reason}`,
    adherence: report.adherence?.map((a) => ({ name: a.name, adherence: a.adherence, attainment: a.attainment })),
    delivery: report.delivery
      ? {
          lines: report.delivery.measured,
          onTime: report.delivery.onTimeRate,
          inFull: report.delivery.inFullRate,
          otif: report.delivery.otifRate,
        }
      : undefined,
    valueAdded: report.valueAdded.map((v) => ({ ...v })),
    byLag: report.byLag?.map((l) => ({ lag: l.lag, pairs: l.pairs, wmape: l.wmape, bias: l.bias })),
    waterfall: report.waterfall,
    notes: report.notes,
    written,
  };
}
