/**
 * The Settings table (Name / Value pairs): plan start, horizon, bucket, strategy, forecast
 * method, seasonality, confidence level, and the reconciliation cost parameters.
 */
import { normalizeName } from "../../engine/names";
import type { Bucket, FamilySplitBasis, Strategy } from "../../engine/cycle/types";
import type { InventoryPolicy } from "../../engine/cycle/inventoryTargets";
import { STRATEGIES } from "../../engine/cycle/types";
import { type CellValue, type TableData, type ValidationProblem } from "../port";
import { locateColumns, SETTINGS } from "../schema/tables";
import { TableReader } from "./tableReader";
import type { AlertLimits } from "../../engine/executive/decisionsNeeded";
import { PlanningError } from "../../engine/errors";
import { parseMethod } from "../../engine/forecast";

export interface PlanningSettings {
  /** the raw PlanStart cell (a period), parsed once the bucket is known */
  planStart: CellValue;
  planStartRow?: number;
  horizon: number;
  bucket?: Bucket;
  strategy: Strategy;
  method?: string;
  seasonality?: number;
  level: number;
  /** how a family override is split to items (Settings FamilySplit) */
  familySplit: FamilySplitBasis;
  /** forecast from the cleansed history (Settings CleanOutliers) */
  cleanOutliers: boolean;
  /** history periods FamilySOP shows before the plan (Settings FamilySOPHistory) */
  familySopHistory: number;
  costs: Record<string, number | boolean | string>;
  alertLimits: Partial<AlertLimits>;
  /** Settings InventoryTarget (soft/hard) and SafetyStockDays */
  inventoryPolicy: InventoryPolicy;
}

export const DEFAULT_HORIZON = 12;
export const DEFAULT_LEVEL = 0.95;
/** History periods FamilySOP shows by default (Wallace & Stahl's spreadsheet: the last 6 months). */
export const DEFAULT_FAMILY_SOP_HISTORY = 6;

/** Cost parameters passed to reconciliation (issue 4's documented names). */
export const COST_SETTINGS = [
  "regularCost",
  "overtimeCost",
  "subcontractCost",
  "subcontractCapacity",
  "holdingCost",
  "backlogCost",
  "materialCost",
  "endingInventory",
  "shortfallCost",
  "hireCost",
  "layoffCost",
  "holdingOn",
] as const;

/** The alert limits (see engine/executive/decisionsNeeded.ts), each a Settings row. */
const ALERT_SETTINGS: { name: string; limit: keyof AlertLimits; meaning: string; max?: number }[] = [
  {
    name: "UtilizationLimit",
    limit: "utilization",
    meaning: "load ÷ capacity that raises an overload, e.g. 1 for 100 %",
  },
  { name: "BacklogLimit", limit: "backlog", meaning: "backlog units above which a family's backlog is a decision" },
  {
    name: "TrackingSignalLimit",
    limit: "trackingSignal",
    meaning: "the |tracking signal| that marks a biased forecast, e.g. 4",
  },
  {
    name: "OverrideLimit",
    limit: "overrideShare",
    meaning: "the override share that needs confirming, e.g. 0.3 for 30 %",
  },
  {
    name: "InventoryShortfallLimit",
    limit: "inventoryShortfall",
    meaning: "units below a family's inventory target above which it is a decision, e.g. 0",
  },
];

const GENERAL_SETTINGS = [
  "PlanStart",
  "Horizon",
  "Bucket",
  "Strategy",
  "ForecastMethod",
  "Seasonality",
  "ConfidenceLevel",
  "FamilySplit",
  "CleanOutliers",
  "FamilySOPHistory",
  "InventoryTarget",
  "SafetyStockDays",
  ...ALERT_SETTINGS.map((a) => a.name),
];

export function parseSettings(table: TableData | undefined, problems: ValidationProblem[]): PlanningSettings {
  const settings: PlanningSettings = {
    planStart: null,
    horizon: DEFAULT_HORIZON,
    strategy: "optimal",
    level: DEFAULT_LEVEL,
    familySplit: "statistical",
    cleanOutliers: false,
    familySopHistory: DEFAULT_FAMILY_SOP_HISTORY,
    costs: {},
    alertLimits: {},
    inventoryPolicy: { mode: "soft" },
  };
  if (!table) return settings;
  const reader = new TableReader(table, problems);
  const columns = locateColumns(table, SETTINGS, problems);
  if (columns.Name < 0 || columns.Value < 0) return settings;
  const seen = new Map<string, number>();
  const known = [...GENERAL_SETTINGS, ...COST_SETTINGS];
  for (let row = 0; row < reader.rowCount; row++) {
    const name = reader.text(row, columns.Name, null);
    if (name === null) continue;
    const key = normalizeName(name);
    const canonical = known.find((k) => normalizeName(k) === key);
    if (!canonical) {
      reader.report(
        row,
        columns.Name,
        `Unknown setting "${name}"; it is ignored.`,
        `Known settings: ${known.join(", ")}.`,
        "warning",
      );
      continue;
    }
    if (seen.has(key)) {
      reader.report(
        row,
        columns.Name,
        `Setting "${name}" is given twice (rows ${seen.get(key)! + 1} and ${row + 1}).`,
        "Keep one row per setting.",
      );
      continue;
    }
    seen.set(key, row);
    const value = reader.value(row, columns.Value);
    const text = typeof value === "string" ? value.trim().toLowerCase() : null;
    const alert = ALERT_SETTINGS.find((a) => a.name === canonical);
    if (alert) {
      const limit = reader.number(row, columns.Value, { required: true, nonNegative: true, meaning: alert.meaning });
      if (typeof limit === "number") settings.alertLimits[alert.limit] = limit;
      continue;
    }
    switch (canonical) {
      case "PlanStart":
        settings.planStart = value;
        settings.planStartRow = row;
        break;
      case "Horizon": {
        const horizon = reader.number(row, columns.Value, {
          required: true,
          nonNegative: true,
          integer: true,
          meaning: "the number of periods to plan",
        });
        if (horizon === 0)
          reader.report(
            row,
            columns.Value,
            "Horizon is 0; plan at least one period.",
            "Use e.g. 12 (months) or 26 (weeks).",
          );
        else if (typeof horizon === "number") settings.horizon = horizon;
        break;
      }
      case "Bucket":
        if (text === "month" || text === "monthly" || text === "m") settings.bucket = "month";
        else if (text === "week" || text === "weekly" || text === "w") settings.bucket = "week";
        else reader.report(row, columns.Value, `Bucket is ${JSON.stringify(value)}; it should be "month" or "week".`);
        break;
      case "Strategy":
        if (text && (STRATEGIES as readonly string[]).includes(text)) settings.strategy = text as Strategy;
        else
          reader.report(
            row,
            columns.Value,
            `Strategy is ${JSON.stringify(value)}; it should be one of ${STRATEGIES.join(", ")}.`,
          );
        break;
      case "ForecastMethod":
        if (value === null || value === "") break;
        if (typeof value !== "string") {
          reader.report(
            row,
            columns.Value,
            `ForecastMethod is ${JSON.stringify(value)}; it should be a method name such as "auto", "ets" or "theta".`,
          );
          break;
        }
        try {
          parseMethod(value);
          settings.method = value.trim();
        } catch (e) {
          if (!(e instanceof PlanningError)) throw e;
          reader.report(
            row,
            columns.Value,
            `ForecastMethod "${value}" is unknown.`,
            e.message.replace(/^method /, "Method "),
          );
        }
        break;
      case "Seasonality": {
        const seasonality = reader.number(row, columns.Value, {
          nonNegative: true,
          integer: true,
          meaning: "0 (none), 1 (detect) or a season length in periods",
        });
        if (typeof seasonality === "number") settings.seasonality = seasonality;
        break;
      }
      case "ConfidenceLevel": {
        const level = reader.number(row, columns.Value, {
          required: true,
          meaning: "a level between 0 and 1, e.g. 0.95",
        });
        if (typeof level === "number" && (level <= 0 || level >= 1))
          reader.report(row, columns.Value, `ConfidenceLevel ${level} is not between 0 and 1.`, "Type 0.95 for 95 %.");
        else if (typeof level === "number") settings.level = level;
        break;
      }
      case "FamilySplit":
        if (text === "statistical" || text === "forecast") settings.familySplit = "statistical";
        else if (text === "history" || text === "sales") settings.familySplit = "history";
        else
          reader.report(
            row,
            columns.Value,
            `FamilySplit is ${JSON.stringify(value)}; it should be "statistical" (each item's share of the family's forecast in the period) or "history" (its share of the last year's sales).`,
          );
        break;
      case "CleanOutliers":
        if (typeof value === "boolean") settings.cleanOutliers = value;
        else if (text === "yes" || text === "true" || text === "on" || value === 1) settings.cleanOutliers = true;
        else if (text === "no" || text === "false" || text === "off" || value === 0 || value === null)
          settings.cleanOutliers = false;
        else
          reader.report(
            row,
            columns.Value,
            `CleanOutliers is ${JSON.stringify(value)}; it should be TRUE or FALSE.`,
            "TRUE forecasts from the history with outliers replaced by their fitted value.",
          );
        break;
      case "FamilySOPHistory": {
        const periods = reader.number(row, columns.Value, {
          required: true,
          nonNegative: true,
          integer: true,
          meaning: "the history periods FamilySOP shows before the plan",
        });
        if (typeof periods === "number") settings.familySopHistory = periods;
        break;
      }
      case "InventoryTarget":
        if (text === "soft" || text === "hard") settings.inventoryPolicy.mode = text;
        else
          reader.report(
            row,
            columns.Value,
            `InventoryTarget is ${JSON.stringify(value)}; it should be "soft" (the optimal plan may go below a family's target at shortfallCost per unit) or "hard" (it may not).`,
          );
        break;
      case "SafetyStockDays": {
        const days = reader.number(row, columns.Value, {
          nonNegative: true,
          meaning: "days of forward demand each family holds, e.g. 14",
        });
        if (typeof days === "number") settings.inventoryPolicy.safetyStockDays = days;
        break;
      }
      case "holdingOn":
        if (text === "ending" || text === "average") settings.costs.holdingOn = text;
        else
          reader.report(
            row,
            columns.Value,
            `holdingOn is ${JSON.stringify(value)}; it should be "ending" (holding cost on each period's ending inventory) or "average".`,
          );
        break;
      default: {
        {
          const amount = reader.number(row, columns.Value, {
            required: true,
            nonNegative: true,
            meaning: `the ${canonical} (a number ≥ 0)`,
          });
          if (typeof amount === "number") settings.costs[canonical] = amount;
        }
      }
    }
  }
  return settings;
}
