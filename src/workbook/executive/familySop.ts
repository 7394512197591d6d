/**
 * Gathers what each family's S&OP block needs (engine/executive/familySop.ts) from the workbook:
 *
 * - history: the last `FamilySOPHistory` periods of Sales (Settings; default 6);
 * - plan in a history period: what the plan had for it when the period began, from PlanHistory:
 *   the newest archived cycle that started at or before the period (lag ≥ 1; normally the cycle
 *   starting in that period), separately for demand (Σ the family's item rows' Consensus) and for
 *   production, inventory and backlog (its family row); blank when no archived cycle covers it;
 * - actual demand: Σ Sales of the family's items; actual production: the optional Production
 *   table (by Family, or by Item summed to its family); blank without a figure;
 * - the position at the end of the history: Σ the items' OpeningInventory and OpeningBacklog;
 * - the plan periods: the plan being written (consensus demand and the chosen strategy's plan).
 */
import type { DemandPlan, PlanningData, ReconcileResult } from "../../engine/cycle";
import { familySop, periodsPerYear, type FamilySopBlock } from "../../engine/executive";
import type { InputTables } from "../port";
import { readArchivedPlans, type ArchivedPlanRow } from "../layout/planHistory";
import { chosenPlan } from "../layout/planSheets";
import { DEFAULT_FAMILY_SOP_HISTORY } from "../parse/settings";
import { readProduction } from "./readActuals";

type PlannedMeasure = "demand" | "production" | "inventory" | "backlog";

/** Per family, period and plan start: the archived plan's figures. */
function archivedByFamily(rows: readonly ArchivedPlanRow[]) {
  const plans = new Map<string, Map<string, Partial<Record<PlannedMeasure, number>>>>();
  for (const row of rows) {
    const key = `${row.family}|${row.period}`;
    const byStart = plans.get(key) ?? new Map<string, Partial<Record<PlannedMeasure, number>>>();
    plans.set(key, byStart);
    const entry = byStart.get(row.planStart) ?? {};
    byStart.set(row.planStart, entry);
    if (row.item !== null) {
      if (row.consensus !== null) entry.demand = (entry.demand ?? 0) + row.consensus;
    } else
      for (const measure of ["production", "inventory", "backlog"] as const) {
        const value = row[measure];
        if (value !== null) entry[measure] = value;
      }
  }
  /** The newest plan start ≤ period with a figure for the measure. */
  return (family: string, period: string, measure: PlannedMeasure): number | null => {
    const byStart = plans.get(`${family}|${period}`);
    if (!byStart) return null;
    const starts = [...byStart.keys()].filter((s) => s <= period).sort();
    for (let k = starts.length - 1; k >= 0; k--) {
      const value = byStart.get(starts[k])![measure];
      if (value !== undefined) return value;
    }
    return null;
  };
}

/** One block per family (in Items order) for the FamilySOP sheet and the pane's Executive step. */
export function familySopBlocks(
  data: PlanningData,
  inputs: InputTables,
  demand: DemandPlan,
  reconcile: ReconcileResult,
): FamilySopBlock[] {
  const shown = Math.min(data.familySopHistory ?? DEFAULT_FAMILY_SOP_HISTORY, data.historyPeriods.length);
  const first = data.historyPeriods.length - shown;
  const historyPeriods = data.historyPeriods.slice(first);
  const plannedAt = archivedByFamily(readArchivedPlans(inputs, data));
  // Problems of the Production table are reported by the measure step; here it is only read.
  const made = readProduction(inputs.tables.Production, data.bucket, []);
  const familyOf = new Map([
    ...data.families.map((family): [string, string] => [family.toLowerCase(), family]),
    ...data.items.map((it): [string, string] => [it.name.toLowerCase(), it.family]),
  ]);
  const madeBy = new Map<string, number>();
  for (const [key, byPeriod] of made ?? [])
    for (const [period, units] of byPeriod) {
      const family = familyOf.get(key.toLowerCase()) ?? key;
      madeBy.set(`${family}|${period}`, (madeBy.get(`${family}|${period}`) ?? 0) + units);
    }
  const plan = chosenPlan(reconcile);
  return data.families.map((family, f) => {
    const items = data.items.map((it, i) => ({ it, i })).filter(({ it }) => it.family === family);
    const sold = historyPeriods.map((_, k) => {
      const figures = items.map(({ i }) => data.history[i][first + k]).filter((v): v is number => v !== null);
      return figures.length === 0 ? null : figures.reduce((a, b) => a + b, 0);
    });
    const planned = (measure: PlannedMeasure) => historyPeriods.map((p) => plannedAt(family, p, measure));
    return familySop({
      family,
      periodsPerYear: periodsPerYear(data.bucket),
      historyPeriods,
      planned: {
        demand: planned("demand"),
        production: planned("production"),
        inventory: planned("inventory"),
        backlog: planned("backlog"),
      },
      actual: { demand: sold, production: historyPeriods.map((p) => madeBy.get(`${family}|${p}`) ?? null) },
      closing: {
        inventory: items.reduce((total, { it }) => total + it.openingInventory, 0),
        backlog: items.reduce((total, { it }) => total + it.openingBacklog, 0),
      },
      plan: {
        periods: data.planPeriods,
        demand: demand.families[f].consensus,
        production: plan.plans[f].production,
        inventory: plan.plans[f].inventory,
        backlog: plan.plans[f].backlog,
      },
    });
  });
}
