/**
 * Forecast value added by contributor (Gilliland, "The Business Forecasting Deal": FVA by step of
 * the forecasting process; SAP IBP's FVA by reason code): did the changes made for a reason, by a
 * team, or a team's input, make the earlier cycle's forecast better than the statistical one?
 *
 * Measured on the item × period pairs of the earlier forecast whose period has actuals (an item
 * with no Sales row in such a period sold 0, as in forecastAccuracy), with WMAPE over the pairs:
 * - by reason code: the pairs whose Reason names the code; FVA = WMAPE(statistical) − WMAPE(consensus);
 * - by source: the pairs whose Reason names a code of that source (Sales, Marketing, Finance,
 *   Operations), the same FVA;
 * - by input (SalesInput, MarketingInput): the pairs where the team gave a number; two steps,
 *   statistical → input (`valueAdded`) and input → consensus (`consensusValueAdded`).
 * Positive: the step reduced the error. Ratios are null when the pairs' actuals sum to 0.
 */
import { forecastValueAdded, wmape } from "../metrics";
import type { EarlierForecast, SalesActual } from "./forecastAccuracy";
import { REASON_SOURCES, reasonCodeOf, type ReasonCode } from "./reasonCodes";

/** An earlier forecast with what the planner and the teams put into it. */
export interface ContributedForecast extends EarlierForecast {
  reason?: string | null;
  salesInput?: number | null;
  marketingInput?: number | null;
}

export interface ValueAddedRow {
  by: "code" | "source" | "input";
  /** the code, the source, or SalesInput / MarketingInput */
  name: string;
  /** the code's description, or the source of a code */
  detail: string;
  /** item × period pairs measured */
  pairs: number;
  actual: number;
  wmapeStatistical: number | null;
  /** WMAPE of the consensus (code, source) or of the input (input) */
  wmapeAfter: number | null;
  /** statistical → consensus (code, source) or statistical → input (input) */
  valueAdded: number | null;
  /** input → consensus (input rows only) */
  consensusValueAdded?: number | null;
}

export const TEAM_INPUTS = [
  { name: "SalesInput", pick: (f: ContributedForecast) => f.salesInput ?? null },
  { name: "MarketingInput", pick: (f: ContributedForecast) => f.marketingInput ?? null },
] as const;

/**
 * @example
 * // one pair with reason PROMO (Marketing): actual 100, statistical 80, consensus 95
 * // → WMAPE 20/100 → 5/100: valueAdded 0.15 for PROMO and for Marketing
 * Rows: codes in the table's order, then sources, then inputs; only those with measured pairs.
 */
export function valueAddedByContributor(
  forecasts: readonly ContributedForecast[],
  actuals: readonly SalesActual[],
  codes: readonly ReasonCode[],
): ValueAddedRow[] {
  const actualPeriods = new Set(actuals.map((a) => a.period));
  const sold = new Map<string, number>();
  for (const a of actuals)
    sold.set(`${a.item}\u0000${a.period}`, (sold.get(`${a.item}\u0000${a.period}`) ?? 0) + a.quantity);
  const measured = forecasts
    .filter((f) => actualPeriods.has(f.period))
    .map((f) => ({
      ...f,
      actual: sold.get(`${f.item}\u0000${f.period}`) ?? 0,
      code: reasonCodeOf(f.reason ?? null, codes),
    }));
  const rows: ValueAddedRow[] = [];
  const add = (by: ValueAddedRow["by"], name: string, detail: string, pairs: typeof measured, after: number[]) => {
    if (pairs.length === 0) return;
    const actual = pairs.map((p) => p.actual);
    const statistical = pairs.map((p) => p.statistical);
    const total = actual.reduce((a, b) => a + b, 0);
    const defined = total > 0;
    const row: ValueAddedRow = {
      by,
      name,
      detail,
      pairs: pairs.length,
      actual: total,
      wmapeStatistical: defined ? wmape(actual, statistical) : null,
      wmapeAfter: defined ? wmape(actual, after) : null,
      valueAdded: defined ? forecastValueAdded(actual, statistical, after) : null,
    };
    if (by === "input")
      row.consensusValueAdded = defined
        ? forecastValueAdded(
            actual,
            after,
            pairs.map((p) => p.consensus),
          )
        : null;
    rows.push(row);
  };
  for (const code of codes) {
    const pairs = measured.filter((p) => p.code === code);
    add(
      "code",
      code.code,
      code.description,
      pairs,
      pairs.map((p) => p.consensus),
    );
  }
  for (const source of REASON_SOURCES) {
    const pairs = measured.filter((p) => p.code?.source === source);
    add(
      "source",
      source,
      `codes ${codes
        .filter((c) => c.source === source)
        .map((c) => c.code)
        .join(", ")}`,
      pairs,
      pairs.map((p) => p.consensus),
    );
  }
  for (const input of TEAM_INPUTS) {
    const pairs = measured.filter((p) => input.pick(p) !== null);
    add(
      "input",
      input.name,
      "statistical → input → consensus",
      pairs,
      pairs.map((p) => input.pick(p) as number),
    );
  }
  return rows;
}
