/**
 * Changes since the last cycle: previous vs current consensus demand and production by family,
 * over the periods both plans cover (the previous plan's horizon, rolled one period on, overlaps
 * the current one; periods only one plan has are left out so the comparison is like for like).
 * A family only one plan has still appears, with 0 on the other side.
 */

/** A plan's per-family series, keyed by period label. */
export interface FamilySeriesByPeriod {
  family: string;
  /** period label → units */
  demand: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  production: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

export interface PlanChange {
  family: string;
  measure: "demand" | "production";
  previous: number;
  current: number;
  /** current − previous, units */
  change: number;
  /** change ÷ previous; null when previous is 0 */
  changeShare: number | null;
}

export interface ChangesSinceLastCycle {
  /** the period labels compared, in order */
  periods: string[];
  rows: PlanChange[];
}

/**
 * @example
 * changesSinceLastCycle(
 *   [{ family: "F", demand: { "2026-01": 100, "2026-02": 100 }, production: { "2026-01": 90, "2026-02": 90 } }],
 *   [{ family: "F", demand: { "2026-02": 120, "2026-03": 130 }, production: { "2026-02": 100, "2026-03": 110 } }])
 * // => periods ["2026-02"]; demand 100 → 120 (+20, +20 %), production 90 → 100 (+10)
 */
export function changesSinceLastCycle(
  previous: readonly FamilySeriesByPeriod[],
  current: readonly FamilySeriesByPeriod[],
): ChangesSinceLastCycle {
  const periodsOf = (plans: readonly FamilySeriesByPeriod[]) => {
    const set = new Set<string>();
    for (const p of plans) for (const key of keysOf(p.demand).concat(keysOf(p.production))) set.add(key);
    return set;
  };
  const previousPeriods = periodsOf(previous);
  const periods = [...periodsOf(current)].filter((p) => previousPeriods.has(p)).sort();
  const families: string[] = [];
  for (const f of [...current, ...previous]) if (!families.includes(f.family)) families.push(f.family);
  const rows: PlanChange[] = [];
  for (const family of families) {
    for (const measure of ["demand", "production"] as const) {
      const before = total(previous.find((f) => f.family === family)?.[measure], periods);
      const now = total(current.find((f) => f.family === family)?.[measure], periods);
      rows.push({
        family,
        measure,
        previous: before,
        current: now,
        change: now - before,
        changeShare: before !== 0 ? (now - before) / before : null,
      });
    }
  }
  return { periods, rows };
}

function keysOf(series: FamilySeriesByPeriod["demand"]): string[] {
  return series instanceof Map ? [...series.keys()] : Object.keys(series);
}

function valueAt(series: FamilySeriesByPeriod["demand"], period: string): number {
  const v = series instanceof Map ? series.get(period) : (series as Record<string, number>)[period];
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

function total(series: FamilySeriesByPeriod["demand"] | undefined, periods: readonly string[]): number {
  if (!series) return 0;
  let s = 0;
  for (const p of periods) s += valueAt(series, p);
  return s;
}
