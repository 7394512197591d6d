/**
 * The measure step (S&OP step 6) on the workbook: did the plan work?
 *
 * - Forecast accuracy: the earlier cycle's forecast kept in `PlanHistory` against the actuals
 *   `Sales` now holds for those periods. When no earlier cycle covers a period with actuals
 *   (the first cycle in a workbook), a backtest stands in and says so: the statistical forecast
 *   made from history up to `heldOutPeriods` periods ago (engine/measure/heldOut.ts), measured on those periods — what the
 *   model would have scored had the cycle run then (no overrides existed, so no override FVA).
 * - Plan adherence: `Production` actuals against the previous plan's production, by family.
 * - Delivery performance: OTD, in full and OTIF from `Deliveries`, order lines due before the
 *   plan start.
 */
import type { PlanningData } from "../../engine/cycle";
import { planDemand } from "../../engine/cycle";
import { PlanningError } from "../../engine/errors";
import {
  AccuracyRow,
  accuracyByLag,
  AdherenceResult,
  ArchivedForecast,
  forecastWaterfall,
  LagAccuracy,
  DeliveryPerformance,
  deliveryPerformance,
  forecastAccuracy,
  heldOutForecasts,
  heldOutPeriods,
  planAdherence,
  salesActuals,
  valueAddedByContributor,
  type ValueAddedRow,
} from "../../engine/measure";
import type { InputTables, ValidationProblem } from "../port";
import { dateToSerial } from "../schema/periods";
import type { PreviousCycle } from "../layout/planHistory";
import { readDeliveries, readProduction } from "./readActuals";

export interface MeasureReport {
  /** where the measured forecast came from */
  source:
    | { kind: "earlier cycle"; planStart: string | null }
    | { kind: "backtest"; periods: number }
    | { kind: "none"; reason: string };
  accuracy: AccuracyRow[];
  /** forecast value added by reason code, source and team input (earlier cycle only; engine/measure/valueAdded) */
  valueAdded: ValueAddedRow[];
  adherence: AdherenceResult[] | null;
  delivery: DeliveryPerformance | null;
  /** why a part is missing, in the planner's words */
  notes: string[];
  /** consensus accuracy at lag 1 and lag 3 from PlanHistory (absent when there is none) */
  byLag?: LagAccuracy[];
  /** per family: its consensus volume per period as each archived cycle planned it */
  waterfall?: FamilyWaterfall[];
}

export interface FamilyWaterfall {
  family: string;
  planStarts: string[];
  periods: string[];
  /** periods × plan starts; null where that cycle did not plan the period */
  volume: (number | null)[][];
}

/** The lags the measure step reports. */
export const REPORTED_LAGS = [1, 3] as const;

/** Accuracy by lag and the families' waterfalls from the archived plans (PlanHistory), against Sales. */
export function lagReport(
  data: PlanningData,
  archive: ArchivedForecast[],
): { byLag: LagAccuracy[]; waterfall: FamilyWaterfall[] } | null {
  if (archive.length === 0) return null;
  const actuals = new Map<string, number>();
  data.items.forEach((item, i) =>
    data.historyPeriods.forEach((period, t) => {
      const q = data.history[i][t];
      if (q !== null) actuals.set(`${item.name}|${period}`, q);
    }),
  );
  return {
    byLag: accuracyByLag(archive, actuals, REPORTED_LAGS),
    waterfall: data.families.map((family) => ({ family, ...forecastWaterfall(archive, family) })),
  };
}

/** The day before the plan starts, as an Excel serial (monthly plans); undefined for weekly. */
function dayBeforePlan(data: PlanningData): number | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(data.planPeriods[0] ?? "");
  if (!match) return undefined;
  return dateToSerial(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))) - 1;
}

export function measureReport(
  data: PlanningData,
  inputs: InputTables,
  previous: PreviousCycle | null,
  problems: ValidationProblem[],
  planDemandFor?: (data: PlanningData) => ReturnType<typeof planDemand>,
): MeasureReport {
  const notes: string[] = [];
  const actuals = salesActuals(data);
  const familyOf = new Map(data.items.map((it) => [it.name, it.family]));
  const history = new Set(data.historyPeriods);
  let source: MeasureReport["source"];
  let accuracy: AccuracyRow[] = [];
  let valueAdded: ValueAddedRow[] = [];
  const earlier = (previous?.forecasts ?? [])
    .filter((f) => familyOf.has(f.item) && history.has(f.period))
    .map((f) => ({ ...f, family: familyOf.get(f.item)! }));
  if (earlier.length > 0) {
    source = { kind: "earlier cycle", planStart: previous?.planStart ?? null };
    accuracy = forecastAccuracy(earlier, actuals);
    valueAdded = valueAddedByContributor(earlier, actuals, data.reasonCodes ?? []);
    if (valueAdded.length === 0)
      notes.push(
        data.reasonCodes
          ? "No measured forecast of the earlier cycle had a Reason naming a code or a team input: no value added by reason or input."
          : "No ReasonCodes table and no team inputs in the earlier cycle: no value added by reason or input.",
      );
  } else {
    const periods = heldOutPeriods(data.bucket, data.historyPeriods.length);
    if (periods < 1) source = { kind: "none", reason: "too little history to measure a forecast" };
    else {
      try {
        // no overrides existed then: the consensus is the statistical forecast, so override FVA is not a measurement
        accuracy = forecastAccuracy(heldOutForecasts(data, periods, planDemandFor), actuals).map((row) => ({
          ...row,
          overrideValueAdded: null,
        }));
        source = { kind: "backtest", periods };
        notes.push(
          `No earlier cycle's forecast covers periods with actuals yet, so this is a backtest: the statistical forecast made ${periods} periods ago from the history then, measured on the ${periods} periods since.`,
        );
      } catch (e) {
        if (!(e instanceof PlanningError)) throw e;
        source = { kind: "none", reason: e.message };
      }
    }
  }

  let adherence: AdherenceResult[] | null = null;
  const made = readProduction(inputs.tables.Production, data.bucket, problems);
  if (!made) notes.push("No Production table: plan adherence is not measured.");
  else if (!previous || previous.families.length === 0)
    notes.push("Production actuals need an earlier cycle's plan to compare with (PlanHistory); none is kept yet.");
  else {
    const series = previous.families.map((f) => {
      const periods = Object.keys(f.production).sort();
      const byPeriod = new Map<string, number>();
      for (const [key, perPeriod] of made) {
        const family = familyOf.get(key) ?? key;
        if (family !== f.family) continue;
        for (const [p, units] of perPeriod) byPeriod.set(p, (byPeriod.get(p) ?? 0) + units);
      }
      return {
        name: f.family,
        plan: periods.map((p) => (f.production as Record<string, number>)[p]),
        actual: periods.map((p) => byPeriod.get(p) ?? null),
      };
    });
    try {
      adherence = planAdherence(series);
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      notes.push(`Plan adherence: ${e.message}`);
    }
  }

  let delivery: DeliveryPerformance | null = null;
  const deliveries = readDeliveries(inputs.tables.Deliveries, problems);
  if (!deliveries) notes.push("No Deliveries table: on-time delivery and OTIF are not measured.");
  else {
    try {
      delivery = deliveryPerformance(deliveries, dayBeforePlan(data));
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      notes.push(`Deliveries: ${e.message}`);
    }
  }
  return { source, accuracy, valueAdded, adherence, delivery, notes };
}
