/**
 * The measure step's forecast accuracy: an earlier cycle's forecast (kept in `PlanHistory`)
 * against the actuals `Sales` now holds for those periods.
 *
 * For every item, family (volume: items summed per period) and the total:
 * - WMAPE = Σ|A − F| ÷ ΣA and bias = Σ(F − A) ÷ ΣA of the consensus and the statistical forecast;
 * - tracking signal of the consensus: running Σ(A − F) ÷ MAD at the last measured period
 *   (outside ±4: biased);
 * - forecast value added (Gilliland), WMAPE of the earlier step minus WMAPE of the later one:
 *   `overrideValueAdded` = statistical → consensus (did the overrides help?),
 *   `statisticalValueAdded` = naive → statistical, `consensusValueAdded` = naive → consensus.
 *   The naive forecast is the last actual before the earlier cycle's first forecast period,
 *   carried flat (what a planner knew at the time).
 *
 * Periods measured: those where the earlier forecast has a figure and `Sales` has any actual for
 * that period; an item with no Sales row in such a period sold 0 there. Ratios are null when the
 * actuals sum to 0. Reference: Hyndman & Athanasopoulos, FPP3 §5.8; Gilliland, "The Business
 * Forecasting Deal" (FVA); the project's KPI definitions (WMAPE, bias, tracking signal).
 */
import { bias, forecastValueAdded, trackingSignal, wmape } from "../metrics";

export interface EarlierForecast {
  item: string;
  family: string;
  period: string;
  statistical: number;
  consensus: number;
}

export interface SalesActual {
  item: string;
  period: string;
  quantity: number;
}

export interface AccuracyRow {
  level: "total" | "family" | "item";
  name: string;
  /** periods measured, labels in order */
  periods: string[];
  actual: number;
  consensus: number;
  statistical: number;
  /** fractions (0.12 = 12 %); null when the actuals sum to 0 */
  wmapeConsensus: number | null;
  wmapeStatistical: number | null;
  biasConsensus: number | null;
  biasStatistical: number | null;
  /** the consensus forecast's tracking signal at the last measured period */
  trackingSignal: number;
  overrideValueAdded: number | null;
  statisticalValueAdded: number | null;
  consensusValueAdded: number | null;
}

interface Series {
  actual: number[];
  consensus: number[];
  statistical: number[];
  naive: (number | null)[];
}

/**
 * @example
 * forecastAccuracy(
 *   [{ item: "A", family: "F", period: "2026-01", statistical: 100, consensus: 110 }],
 *   [{ item: "A", period: "2025-12", quantity: 90 }, { item: "A", period: "2026-01", quantity: 120 }])
 * // => total row: wmapeConsensus 10/120, wmapeStatistical 20/120, overrideValueAdded 10/120,
 * //    naive 90 → statisticalValueAdded (30 − 20)/120
 * Returns the total row first, then families, then items (each in first-seen order); empty when no
 * period has actuals yet.
 */
export function forecastAccuracy(
  forecasts: readonly EarlierForecast[],
  actuals: readonly SalesActual[],
): AccuracyRow[] {
  const actualPeriods = new Set(actuals.map((a) => a.period));
  const sold = new Map<string, number>();
  for (const a of actuals) sold.set(key(a.item, a.period), (sold.get(key(a.item, a.period)) ?? 0) + a.quantity);

  const measured = forecasts.filter((f) => actualPeriods.has(f.period));
  const periods = [...new Set(measured.map((f) => f.period))].sort();
  if (periods.length === 0) return [];
  const index = new Map(periods.map((p, t) => [p, t]));

  const firstForecastPeriod = new Map<string, string>();
  for (const f of forecasts) {
    const first = firstForecastPeriod.get(f.item);
    if (first === undefined || f.period < first) firstForecastPeriod.set(f.item, f.period);
  }
  const lastPeriodBeforeOrigin = new Map<string, string>();
  for (const a of actuals) {
    const origin = firstForecastPeriod.get(a.item);
    if (origin === undefined || a.period >= origin) continue;
    const latest = lastPeriodBeforeOrigin.get(a.item);
    if (latest === undefined || a.period > latest) lastPeriodBeforeOrigin.set(a.item, a.period);
  }
  const naiveLevel = (item: string): number | null => {
    const latest = lastPeriodBeforeOrigin.get(item);
    return latest === undefined ? null : (sold.get(key(item, latest)) ?? 0);
  };

  const empty = (): Series => ({
    actual: zeros(periods.length),
    consensus: zeros(periods.length),
    statistical: zeros(periods.length),
    naive: zeros(periods.length),
  });
  const total = empty();
  const families = new Map<string, Series>();
  const items = new Map<string, Series>();
  const familyOf = new Map<string, string>();
  for (const f of measured) {
    const t = index.get(f.period) as number;
    familyOf.set(f.item, f.family);
    if (!families.has(f.family)) families.set(f.family, empty());
    if (!items.has(f.item)) items.set(f.item, empty());
    const naive = naiveLevel(f.item);
    for (const s of [total, families.get(f.family) as Series, items.get(f.item) as Series]) {
      s.actual[t] += sold.get(key(f.item, f.period)) ?? 0;
      s.consensus[t] += f.consensus;
      s.statistical[t] += f.statistical;
      s.naive[t] = s.naive[t] === null || naive === null ? null : (s.naive[t] as number) + naive;
    }
  }
  return [
    row("total", "Total", periods, total),
    ...[...families].map(([name, s]) => row("family", name, periods, s)),
    ...[...items].map(([name, s]) => row("item", name, periods, s)),
  ];
}

function row(level: AccuracyRow["level"], name: string, periods: string[], s: Series): AccuracyRow {
  const actualTotal = sum(s.actual);
  const defined = actualTotal > 0;
  const naive = s.naive.every((v) => v !== null) ? (s.naive as number[]) : null;
  const signal = trackingSignal(s.actual, s.consensus);
  return {
    level,
    name,
    periods,
    actual: actualTotal,
    consensus: sum(s.consensus),
    statistical: sum(s.statistical),
    wmapeConsensus: defined ? wmape(s.actual, s.consensus) : null,
    wmapeStatistical: defined ? wmape(s.actual, s.statistical) : null,
    biasConsensus: defined ? bias(s.actual, s.consensus) : null,
    biasStatistical: defined ? bias(s.actual, s.statistical) : null,
    trackingSignal: signal[signal.length - 1],
    overrideValueAdded: defined ? forecastValueAdded(s.actual, s.statistical, s.consensus) : null,
    statisticalValueAdded: defined && naive ? forecastValueAdded(s.actual, naive, s.statistical) : null,
    consensusValueAdded: defined && naive ? forecastValueAdded(s.actual, naive, s.consensus) : null,
  };
}

function key(item: string, period: string): string {
  return `${item}\u0000${period}`;
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
