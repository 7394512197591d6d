/**
 * The pane's accuracy rows, made from the engine's (src/engine/measure): the demand step's
 * held-out accuracy of the statistical forecast, and the measure step's accuracy of the
 * consensus with its tracking signal and value added.
 */
import type { PlanningData } from "../../engine/cycle";
import {
  forecastAccuracy,
  heldOutForecasts,
  heldOutPeriods,
  salesActuals,
  type AccuracyRow,
} from "../../engine/measure";
import type { AccuracyView } from "./views";

/** The first row of the demand step: every item scored on its own (mix level), the stricter measure. */
export const ALL_ITEMS = "All items (item level)";

/**
 * Held-out accuracy of the statistical forecast: all items pooled at item level, then each
 * family's volume. Item level: Σ over items of Σ|A − F| ÷ ΣA, which is Σ WMAPEᵢ·Aᵢ ÷ Σ Aᵢ of the
 * engine's item rows.
 */
export function heldOutAccuracy(data: PlanningData): AccuracyView[] {
  const holdout = heldOutPeriods(data.bucket, data.historyPeriods.length);
  if (holdout < 1) return [];
  const rows = forecastAccuracy(heldOutForecasts(data, holdout), salesActuals(data));
  const items = rows.filter((r) => r.level === "item" && r.wmapeStatistical !== null);
  const actual = items.reduce((s, r) => s + r.actual, 0);
  const views: AccuracyView[] = [];
  if (actual > 0)
    views.push({
      name: ALL_ITEMS,
      wmape: items.reduce((s, r) => s + r.wmapeStatistical! * r.actual, 0) / actual,
      bias: items.reduce((s, r) => s + (r.statistical - r.actual), 0) / actual,
      holdout,
    });
  for (const row of rows)
    if (row.level === "family" && row.wmapeStatistical !== null)
      views.push({ name: row.name, wmape: row.wmapeStatistical, bias: row.biasStatistical ?? 0, holdout });
  return views;
}

/** The measure step's rows: the consensus forecast by family (and the total), with tracking signal and FVA. */
export function measuredAccuracy(rows: readonly AccuracyRow[]): AccuracyView[] {
  return rows
    .filter((a) => a.level !== "item" && a.wmapeConsensus !== null)
    .map((a) => ({
      name: a.name,
      wmape: a.wmapeConsensus!,
      bias: a.biasConsensus ?? 0,
      holdout: a.periods.length,
      trackingSignal: a.trackingSignal,
      overrideValueAdded: a.overrideValueAdded,
      modelValueAdded: a.statisticalValueAdded,
    }));
}
