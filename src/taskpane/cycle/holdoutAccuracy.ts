/**
 * Accuracy of the statistical forecast on held-out history: forecast each item from all but its
 * last `holdout` periods with the plan's forecast settings, and compare with what was sold.
 * Families are scored on their volume (Σ items, as S&OP plans them); the first row scores every
 * item on its own (mix level), the stricter measure.
 *
 * Only engine calls (forecastSeries, wmape, bias): the same numbers a planner gets from
 * =SOP.FORECAST_SOP on the shortened history.
 *
 * Reference: Hyndman & Athanasopoulos, FPP3 §5.8 (evaluating point forecast accuracy on a test
 * set); WMAPE and bias as fractions (src/engine/metrics).
 */
import { forecastSeries } from "../../engine/forecast";
import { bias, wmape } from "../../engine/metrics";
import type { AccuracyView } from "./views";

/** What the scoring needs of the planning data (a subset of the engine's PlanningData). */
export interface HoldoutData {
  bucket: "month" | "week";
  historyPeriods: readonly string[];
  items: readonly { family: string }[];
  families: readonly string[];
  /** units sold, items × history periods; null is a gap */
  history: readonly (readonly (number | null)[])[];
  forecast: { method?: string; seasonality?: number };
}

export const ALL_ITEMS = "All items (item level)";

/** Periods held out: half a year of months or a quarter of weeks, leaving at least two seasons to fit. */
export function defaultHoldout(data: Pick<HoldoutData, "bucket" | "historyPeriods">): number {
  const wanted = data.bucket === "week" ? 13 : 6;
  return Math.max(0, Math.min(wanted, data.historyPeriods.length - 24));
}

export function holdoutAccuracy(data: HoldoutData, holdout = defaultHoldout(data)): AccuracyView[] {
  if (holdout < 1) return [];
  const fitLength = data.historyPeriods.length - holdout;
  const actuals: number[][] = [];
  const forecasts: number[][] = [];
  data.items.forEach((_, i) => {
    const history = data.history[i];
    const fit = history.slice(0, fitLength);
    const held = history.slice(fitLength);
    // An item with no history before the cut (a launch) has nothing to be scored on.
    if (!fit.some((v) => v !== null)) {
      actuals.push([]);
      forecasts.push([]);
      return;
    }
    const point = forecastSeries({
      history: fit,
      horizon: holdout,
      seasonality: data.forecast.seasonality,
      method: data.forecast.method,
    }).point;
    // Gaps in the held-out periods are not zeros: skip them.
    const kept = held.flatMap((a, t) => (a === null ? [] : [t]));
    actuals.push(kept.map((t) => held[t] as number));
    forecasts.push(kept.map((t) => Math.max(0, point[t])));
  });
  const rows: AccuracyView[] = [];
  const score = (name: string, a: number[], f: number[]) => {
    if (a.length > 0 && a.reduce((s, x) => s + x, 0) > 0)
      rows.push({ name, wmape: wmape(a, f), bias: bias(a, f), holdout });
  };
  score(ALL_ITEMS, actuals.flat(), forecasts.flat());
  for (const family of data.families) {
    const members = data.items.flatMap((item, i) => (item.family === family ? [i] : []));
    // Family volume per held-out period, over the items with an actual in that period.
    const actualVolume = new Array<number>(holdout).fill(0);
    const forecastVolume = new Array<number>(holdout).fill(0);
    const seen = new Array<boolean>(holdout).fill(false);
    for (const i of members) {
      const held = data.history[i].slice(fitLength);
      let k = 0;
      held.forEach((a, t) => {
        if (a === null || actuals[i].length === 0) return;
        actualVolume[t] += actuals[i][k];
        forecastVolume[t] += forecasts[i][k];
        seen[t] = true;
        k++;
      });
    }
    const periods = seen.flatMap((s, t) => (s ? [t] : []));
    score(
      family,
      periods.map((t) => actualVolume[t]),
      periods.map((t) => forecastVolume[t]),
    );
  }
  return rows;
}
