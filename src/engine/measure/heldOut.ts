/**
 * Held-out accuracy (a backtest): the statistical forecast made from history up to `periods`
 * periods ago, measured on those periods. The demand step shows it as the model's accuracy, and
 * the measure step falls back to it when no earlier cycle's forecast covers periods with actuals.
 * Both call these functions, so the two never disagree.
 *
 * Reference: Hyndman & Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.), §5.8
 * (evaluating point forecast accuracy on a test set).
 */
import { planDemand, type DemandPlan, type PlanningData } from "../cycle";
import type { EarlierForecast, SalesActual } from "./forecastAccuracy";

/**
 * Periods to hold out: half a year of months or a quarter of weeks, at most a third of the
 * history (the rest is left to fit the model on).
 *
 * @example heldOutPeriods("month", 36) // => 6
 * @example heldOutPeriods("month", 12) // => 4
 */
export function heldOutPeriods(bucket: PlanningData["bucket"], historyLength: number): number {
  const wanted = bucket === "week" ? 13 : 6;
  return Math.max(0, Math.min(wanted, Math.floor(historyLength / 3)));
}

/** What Sales holds, one row per item and period with a figure (gaps are not zeros). */
export function salesActuals(data: Pick<PlanningData, "items" | "historyPeriods" | "history">): SalesActual[] {
  const out: SalesActual[] = [];
  data.items.forEach((item, i) =>
    data.historyPeriods.forEach((period, t) => {
      const q = data.history[i][t];
      if (q !== null) out.push({ item: item.name, period, quantity: q });
    }),
  );
  return out;
}

/**
 * The forecast of the last `periods` history periods made from the history before them, with the
 * plan's own forecast settings and no overrides (none existed then, so the consensus equals the
 * statistical forecast). Negative forecasts count as 0, as in the plan. An item with no history
 * before the cut (launched since) had no forecast to judge and is left out.
 */
export function heldOutForecasts(
  data: PlanningData,
  periods: number,
  planDemandFor: (data: PlanningData) => DemandPlan = planDemand,
): EarlierForecast[] {
  const cut = data.historyPeriods.length - periods;
  const truncated: PlanningData = {
    ...data,
    historyPeriods: data.historyPeriods.slice(0, cut),
    planPeriods: data.historyPeriods.slice(cut),
    history: data.history.map((row) => row.slice(0, cut)),
    overrides: data.items.map(() => new Array<number | null>(periods).fill(null)),
    reasons: data.items.map(() => new Array<string | null>(periods).fill(null)),
    teamInputs: undefined,
    // the family overrides are for the plan periods, not these
    familyOverrides: undefined,
    familyReasons: undefined,
  };
  const demand = planDemandFor(truncated);
  return demand.items.flatMap((it, i) =>
    !truncated.history[i].some((v) => v !== null) && !data.items[i].likeItem
      ? []
      : truncated.planPeriods.map((period, t) => ({
          item: it.item,
          family: it.family,
          period,
          statistical: Math.max(0, it.statistical[t]),
          consensus: it.consensus[t],
        })),
  );
}
