/**
 * Forecast accuracy by lag: how good was the forecast made L periods before the period it was
 * for (SAP IBP's "lag-based" snapshots; Gilliland, "The Business Forecasting Deal").
 *
 * Lag convention: a cycle whose plan starts in period P was made with actuals up to P − 1; its
 * forecast for period P + L − 1 is its lag-L forecast (lag 1 = the first plan period, the
 * one-period-ahead forecast).
 */

/** One archived forecast: what the cycle that started `planStart` planned for `period`. */
export interface ArchivedForecast {
  planStart: string;
  item: string;
  family: string;
  period: string;
  /** periods ahead, 1 = the cycle's first plan period */
  lag: number;
  consensus: number;
}

export interface LagAccuracy {
  lag: number;
  /** item × period pairs with an actual */
  pairs: number;
  actual: number;
  forecast: number;
  /** Σ|F − A| / ΣA; null when the actuals sum to 0 or no pair exists */
  wmape: number | null;
  /** Σ(F − A) / ΣA: > 0 over-forecast; null as for wmape */
  bias: number | null;
}

/**
 * WMAPE and bias of the lag-L consensus forecasts over every item × period with an actual, for
 * each lag asked. O(n) in the archived rows.
 *
 * @example
 * // item A: actual 100 in 2026-03; forecast 90 at lag 1, 120 at lag 3
 * accuracyByLag(archive, new Map([["A|2026-03", 100]]), [1, 3]).map((r) => r.wmape) // => [0.1, 0.2]
 */
export function accuracyByLag(
  archive: readonly ArchivedForecast[],
  actuals: ReadonlyMap<string, number>,
  lags: readonly number[],
): LagAccuracy[] {
  return lags.map((lag) => {
    let actual = 0;
    let forecast = 0;
    let absolute = 0;
    let pairs = 0;
    for (const row of archive) {
      if (row.lag !== lag) continue;
      const a = actuals.get(`${row.item}|${row.period}`);
      if (a === undefined) continue;
      pairs++;
      actual += a;
      forecast += row.consensus;
      absolute += Math.abs(row.consensus - a);
    }
    const defined = pairs > 0 && actual > 0;
    return {
      lag,
      pairs,
      actual,
      forecast,
      wmape: defined ? absolute / actual : null,
      bias: defined ? (forecast - actual) / actual : null,
    };
  });
}

/**
 * The forecast waterfall of one family: for each period, the family's consensus as planned by
 * each archived cycle (oldest cycle first), so a planner sees how the number moved as the
 * period came closer. Rows: periods; columns: the cycles' plan starts.
 */
export function forecastWaterfall(
  archive: readonly ArchivedForecast[],
  family: string,
): { planStarts: string[]; periods: string[]; volume: (number | null)[][] } {
  const rows = archive.filter((r) => r.family === family);
  const planStarts = [...new Set(rows.map((r) => r.planStart))].sort();
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const at = new Map<string, number>();
  for (const r of rows) at.set(`${r.period}|${r.planStart}`, (at.get(`${r.period}|${r.planStart}`) ?? 0) + r.consensus);
  return {
    planStarts,
    periods,
    volume: periods.map((p) => planStarts.map((s) => at.get(`${p}|${s}`) ?? null)),
  };
}
