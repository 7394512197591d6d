/**
 * Demand plan (S&OP step 2): a statistical forecast with bounds per item; consensus = the
 * planner's item override where given, else the item's share of a family override where the
 * family has one (engine/cycle/familySplit), else the statistical forecast (never below 0);
 * aggregated to families (volume) with each item's share of its family (mix).
 *
 * Item controls: an item's own `forecastMethod` replaces the workbook's; from its
 * `discontinuePeriod` on its statistical forecast is 0. History outliers are always flagged
 * (engine/forecast/outliers); with `forecast.cleanOutliers` the forecast uses the cleansed history.
 *
 * Reference: Wallace & Stahl, "Sales & Operations Planning: The How-To Handbook" (volume and
 * mix); forecasts from `forecastSeries` (Hyndman & Athanasopoulos, FPP3).
 */
import { PlanningError } from "../errors";
import { forecastSeries } from "../forecast";
import { cleanHistory, findOutliers, type HistoryOutlier } from "../forecast/outliers";
import { demandMultipliers } from "../initiatives";
import { applyNewProducts } from "../newProducts";
import { splitFamilyOverride, type ConsensusSource } from "./familySplit";
import { plannerDemand } from "./teamInputs";
import type { PlanningData } from "./types";

export interface ItemDemandPlan {
  item: string;
  family: string;
  /** the forecast engine's point forecast per plan period (units) */
  statistical: number[];
  lower: number[] | null;
  upper: number[] | null;
  /** what the forecast engine used, e.g. "ETS(A,N,A)"; or why there is none */
  model: string;
  /** units per plan period: the item override, else the item's share of a family override, else max(0, statistical) */
  consensus: number[];
  /** where each period's consensus came from */
  source: ConsensusSource[];
  /**
   * the consensus before the strategic initiatives' demand layer (engine/initiatives); present
   * only when the data has initiatives, `consensus` then includes the layer
   */
  beforeInitiatives?: number[];
}

export interface FamilyDemandPlan {
  family: string;
  /** Σ items' statistical forecasts */
  statistical: number[];
  /**
   * prediction band of the family volume, or null when the family's own history cannot be
   * forecast: the widths of a forecast of the family's summed history (same method, season and
   * level as the items), placed around `statistical`. Summing the items' bounds would overstate
   * the band (item errors partly cancel in the family total).
   */
  lower: number[] | null;
  upper: number[] | null;
  /** the planner's family volume override per period (null = none) */
  override: (number | null)[];
  /** Σ items' consensus demand: the volume S&OP plans */
  consensus: number[];
}

/** A history period far from the item's robust seasonal fit. */
export interface HistoryOutlierFlag {
  item: string;
  /** history period label */
  period: string;
  value: number;
  /** the robust fit: what the forecast uses instead when cleansing is on */
  fitted: number;
  /** whether the forecast used `fitted` (Settings CleanOutliers) */
  cleaned: boolean;
}

export interface DemandPlan {
  items: ItemDemandPlan[];
  families: FamilyDemandPlan[];
  /** items × periods: the item's share of its family's consensus volume (0 when the family has none) */
  mix: number[][];
  /** outliers found in the Sales history, item by item */
  outliers: HistoryOutlierFlag[];
}

/** One item's statistical forecast: what `planDemand` takes from the forecast engine per item. */
export interface ItemForecast {
  statistical: number[];
  lower: number[] | null;
  upper: number[] | null;
  model: string;
}

/**
 * One item's statistical forecast from its history (all zeros, "no history", for an item without
 * any). Pure: a host may run it for many items in parallel (the CLI does, on worker threads) and
 * hand the results to `planDemand`. Throws `PlanningError` when the series cannot be forecast.
 */
export function forecastItem(
  history: readonly (number | null)[],
  horizon: number,
  settings: PlanningData["forecast"],
): ItemForecast {
  if (!history.some((v) => v !== null))
    return { statistical: new Array<number>(horizon).fill(0), lower: null, upper: null, model: "no history" };
  const forecast = forecastSeries({
    history: history as (number | null)[],
    horizon,
    seasonality: settings.seasonality,
    method: settings.method,
    level: settings.level,
  });
  return {
    statistical: forecast.point,
    lower: forecast.lower ?? null,
    upper: forecast.upper ?? null,
    model: describeModel(forecast.model, forecast.seasonLength),
  };
}

/**
 * The Model column's text: the method and the season it used, so a planner sees whether a season
 * was found (detected or given). @example describeModel("ETS(M,A,M)", 12); // => "ETS(M,A,M), season 12"
 */
export function describeModel(model: string, seasonLength: number): string {
  return `${model}, ${seasonLength > 1 ? `season ${seasonLength}` : "no season"}`;
}

/**
 * What each item is forecast from: its history (cleansed of outliers when
 * `forecast.cleanOutliers`; the data's history is never changed), its method (the item's own
 * `forecastMethod`, else the workbook's), and the outliers flagged. Hosts that forecast items
 * elsewhere (the CLI's worker threads) forecast these, so the plan is the same.
 */
export function forecastInputs(data: PlanningData): ForecastInputs {
  const clean = data.forecast.cleanOutliers === true;
  const outliers: HistoryOutlierFlag[] = [];
  const known = knownOutliers(data);
  const histories = data.items.map((item, i) => {
    const prepared = itemForecastInput(data.history[i], data.forecast.seasonality, clean, known?.[i]);
    outliers.push(...outlierFlags(item.name, data.historyPeriods, prepared.outliers, clean));
    return prepared.history;
  });
  return { histories, methods: data.items.map((item) => item.forecastMethod ?? data.forecast.method), outliers };
}

/** `data.historyOutliers` when they were found in this data's history with its seasonality, else undefined. */
export function knownOutliers(data: PlanningData): HistoryOutlier[][] | undefined {
  const known = data.historyOutliers;
  return known && known.history === data.history && known.seasonality === data.forecast.seasonality
    ? known.found
    : undefined;
}

/** What `forecastInputs` gives: per item the history to forecast and its method; the outliers flagged. */
export interface ForecastInputs {
  histories: (number | null)[][];
  methods: (string | undefined)[];
  outliers: HistoryOutlierFlag[];
}

/**
 * One item's part of `forecastInputs`: its outliers, and the history to forecast (cleansed of
 * them when `clean`, else the history itself). Pure and per item, so a host forecasting items in
 * parallel finds the outliers there too; `found`: what `findOutliers(history, seasonality)` gave
 * already (validation's, see `knownOutliers`).
 */
export function itemForecastInput(
  history: (number | null)[],
  seasonality: number | undefined,
  clean: boolean,
  found?: HistoryOutlier[],
): { history: (number | null)[]; outliers: HistoryOutlier[] } {
  const outliers = found ?? findOutliers(history, seasonality);
  return { history: clean && outliers.length > 0 ? cleanHistory(history, outliers) : history, outliers };
}

/** An item's outliers as the plan flags them, with their history periods. */
export function outlierFlags(
  item: string,
  historyPeriods: readonly string[],
  found: readonly Pick<HistoryOutlier, "index" | "value" | "fitted">[],
  cleaned: boolean,
): HistoryOutlierFlag[] {
  return found.map((o) => ({ item, period: historyPeriods[o.index], value: o.value, fitted: o.fitted, cleaned }));
}

/**
 * @example
 * // one item, history 10, 12, 14, 16, 18, 20, method "holt", override 30 in the 2nd period
 * planDemand(data).items[0].consensus // ≈ [22, 30]
 *
 * `forecasts`, when given, are the items' forecasts already made by `forecastItem` (in item
 * order; a `PlanningError` in place of an item that could not be forecast), and `prepared` the
 * `forecastInputs` they were made from; `familyForecasts` the families' own forecasts (their
 * bands' widths) made by `familyForecast`, in `data.families` order: the result is then the same
 * as without them.
 */
export function planDemand(
  data: PlanningData,
  forecasts?: readonly (ItemForecast | PlanningError)[],
  prepared?: ForecastInputs,
  familyForecasts?: readonly (ItemForecast | PlanningError)[],
): DemandPlan {
  const horizon = data.planPeriods.length;
  if (forecasts && forecasts.length !== data.items.length)
    throw new Error(`planDemand: ${forecasts.length} forecasts for ${data.items.length} items`);
  if (familyForecasts && familyForecasts.length !== data.families.length)
    throw new Error(`planDemand: ${familyForecasts.length} family forecasts for ${data.families.length} families`);
  const inputs = prepared ?? forecastInputs(data);
  const items: ItemDemandPlan[] = data.items.map((item, i) => {
    let forecast: ItemForecast | PlanningError;
    try {
      forecast = forecasts
        ? forecasts[i]
        : forecastItem(inputs.histories[i], horizon, { ...data.forecast, method: inputs.methods[i] });
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      forecast = e;
    }
    if (forecast instanceof PlanningError)
      throw new PlanningError(forecast.kind, `Item "${item.name}": ${forecast.message}`, forecast.argument);
    const { statistical, lower, upper, model } = forecast;
    return {
      item: item.name,
      family: item.family,
      statistical: statistical.slice(),
      lower: lower?.slice() ?? null,
      upper: upper?.slice() ?? null,
      model,
      consensus: [],
      source: [],
    };
  });
  // New products (a LikeItem and no history) borrow their like item's forecast from launch on.
  if (data.items.some((item) => item.likeItem)) {
    const borrowed = applyNewProducts(data.items, data.history, data.planPeriods, {
      point: items.map((it) => it.statistical),
      ...(items.every((it) => it.lower && it.upper)
        ? { lower: items.map((it) => it.lower!), upper: items.map((it) => it.upper!) }
        : {}),
    });
    for (const i of borrowed.newProducts) {
      const item = items[i];
      item.statistical = borrowed.point[i];
      item.lower = borrowed.lower?.[i] ?? null;
      item.upper = borrowed.upper?.[i] ?? null;
      item.model = `like ${data.items[i].likeItem}${data.items[i].likeItemFactor != null && data.items[i].likeItemFactor !== 1 ? ` × ${data.items[i].likeItemFactor}` : ""}`;
    }
  }
  // Retired items: no statistical demand from their DiscontinuePeriod on.
  data.items.forEach((planItem, i) => {
    const stop = planItem.discontinuePeriod;
    if (!stop) return;
    const item = items[i];
    data.planPeriods.forEach((period, t) => {
      if (period < stop) return;
      item.statistical[t] = 0;
      if (item.lower) item.lower[t] = 0;
      if (item.upper) item.upper[t] = 0;
    });
    if (data.planPeriods.some((p) => p >= stop)) item.model = `${item.model}, discontinued from ${stop}`;
  });
  items.forEach((item, i) => {
    const set = item.statistical.map((_, t) => plannerDemand(data, i, t));
    item.consensus = item.statistical.map((value, t) => set[t]?.units ?? Math.max(0, value));
    item.source = set.map((s) => s?.source ?? "statistical");
  });
  applyFamilyOverrides(data, items, inputs.histories);
  applyInitiativeLayer(data, items);
  const families: FamilyDemandPlan[] = data.families.map((family, f) => {
    const members = items.filter((it) => it.family === family);
    const sum = (pick: (it: ItemDemandPlan) => number[]) =>
      Array.from({ length: horizon }, (_, t) => members.reduce((total, it) => total + pick(it)[t], 0));
    const statistical = sum((it) => it.statistical);
    return {
      family,
      statistical,
      ...familyBand(familyForecasts?.[f] ?? familyForecast(data, family), statistical),
      override: data.familyOverrides?.[f]?.slice() ?? new Array<number | null>(horizon).fill(null),
      consensus: sum((it) => it.consensus),
    };
  });
  const familyIndex = new Map(data.families.map((f, i) => [f, i]));
  const mix = items.map((it) => {
    const volume = families[familyIndex.get(it.family)!].consensus;
    return it.consensus.map((units, t) => (volume[t] > 0 ? units / volume[t] : 0));
  });
  return { items, families, mix, outliers: inputs.outliers };
}

/**
 * The strategic initiatives' demand layer, on top of the consensus: each item's consensus times
 * its family's multiplier (engine/initiatives), the consensus before it kept beside.
 */
function applyInitiativeLayer(data: PlanningData, items: ItemDemandPlan[]): void {
  if (!data.initiatives || data.initiatives.length === 0) return;
  const multipliers = demandMultipliers(data.families, data.planPeriods, data.initiatives);
  const familyIndex = new Map(data.families.map((f, i) => [f, i]));
  for (const item of items) {
    const factor = multipliers[familyIndex.get(item.family)!];
    item.beforeInitiatives = item.consensus;
    item.consensus = item.consensus.map((units, t) => units * factor[t]);
  }
}

/** Periods in the "history" split basis: the last year of history (12 months or 52 weeks). */
const basisPeriods = (data: PlanningData) => (data.bucket === "week" ? 52 : 12);

/** Splits each family override over the family's items that have no item override (familySplit). */
function applyFamilyOverrides(data: PlanningData, items: ItemDemandPlan[], histories: (number | null)[][]): void {
  if (!data.familyOverrides) return;
  const recent = histories.map((h) =>
    h.slice(Math.max(0, h.length - basisPeriods(data))).reduce<number>((sum, v) => sum + (v ?? 0), 0),
  );
  data.families.forEach((family, f) => {
    const members = data.items.flatMap((item, i) => (item.family === family ? [i] : []));
    data.planPeriods.forEach((period, t) => {
      const target = data.familyOverrides![f]?.[t];
      if (target === null || target === undefined || members.length === 0) return;
      const split = splitFamilyOverride(
        target,
        members.map((i) => {
          const retired = !!data.items[i].discontinuePeriod && period >= data.items[i].discontinuePeriod!;
          return {
            override: plannerDemand(data, i, t)?.units ?? null,
            basis:
              retired || (data.familySplit ?? "statistical") === "statistical"
                ? Math.max(0, items[i].statistical[t])
                : recent[i],
          };
        }),
      );
      members.forEach((i, k) => {
        if (plannerDemand(data, i, t) !== null) return;
        items[i].consensus[t] = split[k];
        items[i].source[t] = "family override";
      });
    });
  });
}

/** Σ of the members' history per period; a period where every member has a gap stays a gap. */
export function familyHistory(data: PlanningData, family: string): (number | null)[] {
  const members = data.items.flatMap((item, i) => (item.family === family ? [data.history[i]] : []));
  return data.historyPeriods.map((_, t) => {
    let total: number | null = null;
    for (const history of members) if (history[t] !== null) total = (total ?? 0) + history[t]!;
    return total;
  });
}

/**
 * The family's own forecast from its summed history (`familyHistory`), with the workbook's method
 * and no outlier cleansing: its band's widths become the family volume's band. Pure, like
 * `forecastItem` (the CLI runs it on its worker threads); a `PlanningError` when it cannot be made.
 */
export function familyForecast(data: PlanningData, family: string): ItemForecast | PlanningError {
  try {
    return forecastItem(familyHistory(data, family), data.planPeriods.length, data.forecast);
  } catch (e) {
    if (e instanceof PlanningError) return e;
    throw e;
  }
}

/** The family volume's band: the widths of the family-level forecast around the summed point forecast. */
function familyBand(
  own: ItemForecast | PlanningError,
  statistical: number[],
): { lower: number[] | null; upper: number[] | null } {
  if (own instanceof PlanningError || !own.lower || !own.upper) return { lower: null, upper: null };
  const { lower, upper, statistical: point } = own;
  return {
    lower: statistical.map((value, t) => value - (point[t] - lower[t])),
    upper: statistical.map((value, t) => value + (upper[t] - point[t])),
  };
}
