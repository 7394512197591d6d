/**
 * Reconcile (S&OP step 4): production, inventory and backlog plans for every family by each
 * strategy (chase, level, min-cost optimal), families sharing resources through the bill of
 * resources, with KPIs to compare them.
 *
 * How the workbook maps onto the reconciliation engine (`planFamilies`):
 * - a family's demand is its consensus volume; opening inventory and backlog are its items' sums;
 * - its inventory target in every period is the sum of its items' safety stock, or Settings
 *   `SafetyStockDays` of forward demand (`inventoryTargets`); soft in the optimal plan at
 *   Settings `shortfallCost` per unit short per period (default `backlogCost`, else 0), or hard
 *   with Settings `InventoryTarget` = hard; the last period's target is hard either way (Settings
 *   `endingInventory` instead when given), so no plan runs the stock down at the horizon's end;
 * - a family's hours per unit on a resource = its family-level bill line, plus its items' lines
 *   weighted by each item's share of the family's consensus volume over the horizon (the mix),
 *   one line per lead-time offset: the plan's hours fall `offset` periods before the units are
 *   made (past due in the first period), as RCCP_LOAD places them;
 * - Settings cost parameters apply to every family; resource hours are costed at the Capacity
 *   table's CostPerHour / OvertimeCostPerHour.
 *
 * Reference: Chopra & Meindl, "Supply Chain Management", ch. 8 (aggregate planning).
 */
import { PlanningError } from "../errors";
import {
  COST_PARAMETER_NAMES,
  planFamilies,
  type CostParameters,
  type LpSolver,
  type MultiFamilyInput,
  type MultiFamilyPlan,
} from "../reconcile";
import { initiativeResources } from "../initiatives";
import type { DemandPlan } from "./demandPlan";
import { inventoryTargets } from "./inventoryTargets";
import type { PlanningData, Strategy } from "./types";
import { STRATEGIES } from "./types";

export interface PlanKpis {
  strategy: Strategy;
  totalCost: number;
  /** share of demand served in the period asked, over all families (demand-weighted) */
  fillRate: number;
  /** units, all families, all periods */
  demand: number;
  production: number;
  overtimeHours: number;
  /**
   * resource hours the plan needs beyond regular plus overtime capacity. Chase and level plan
   * each family on its own and do not respect shared resource limits (the engine books the
   * excess as overtime so it stays visible); optimal never exceeds them. A plan with hours
   * beyond capacity cannot be executed as is, however cheap it looks.
   */
  hoursBeyondCapacity: number;
  subcontract: number;
  /** mean ending inventory per period, all families (units) */
  averageInventory: number;
  /** backlog at the end of the horizon, all families (units) */
  endingBacklog: number;
  /** units below the inventory targets, summed over families and periods (unit-periods) */
  belowTarget: number;
}

/** One family and period below its inventory target. */
export interface TargetShortfall {
  family: string;
  /** 0-based plan period */
  period: number;
  target: number;
  /** units short: target − (inventory − backlog) */
  shortfall: number;
}

/**
 * Every family and period of a plan below its inventory target, families in input order.
 * @example
 * // F holds 3 against a target of 5 in period 2
 * belowTargetPeriods(input, plan) // => [{ family: "F", period: 1, target: 5, shortfall: 2 }]
 */
export function belowTargetPeriods(input: MultiFamilyInput, plan: MultiFamilyPlan): TargetShortfall[] {
  const out: TargetShortfall[] = [];
  plan.plans.forEach((p, f) =>
    p.belowTarget.forEach((shortfall, period) => {
      if (shortfall > 0)
        out.push({ family: input.families[f].name, period, target: p.inventoryTarget[period], shortfall });
    }),
  );
  return out;
}

export interface StrategyOutcome {
  strategy: Strategy;
  plan: MultiFamilyPlan | null;
  kpis: PlanKpis | null;
  /** why the strategy has no plan (infeasible, no solver) */
  failure: string | null;
}

export interface ReconcileResult {
  input: MultiFamilyInput;
  chosen: Strategy;
  outcomes: StrategyOutcome[];
}

/**
 * The multi-family input the engine plans, built from the data and the demand plan (rules above).
 *
 * @example
 * // family F = items A (consensus 30, 50) and B (6, 6); a family line of 0.5 h/unit on R0 and
 * // an item line of 0.2 h/unit for A → F needs 0.5 + 0.2 × 80/92 h/unit on R0
 * reconcileInput(data, planDemand(data)).bill[0].hoursPerUnit // => 0.6739…
 */
export function reconcileInput(data: PlanningData, demand: DemandPlan): MultiFamilyInput {
  const costs: Partial<CostParameters> = {};
  for (const [name, value] of Object.entries(data.costs)) {
    if ((COST_PARAMETER_NAMES as readonly string[]).includes(name)) (costs as Record<string, unknown>)[name] = value;
  }
  const horizon = data.planPeriods.length;
  const targets = inventoryTargets(
    data.families,
    data.items,
    demand.families.map((f) => f.consensus),
    data.bucket,
    data.inventoryPolicy,
  );
  const penalty = data.costs.shortfallCost ?? data.costs.backlogCost ?? 0;
  const targetShortfallCost =
    data.inventoryPolicy?.mode === "hard" ? undefined : typeof penalty === "number" ? penalty : 0;
  const families = data.families.map((family, f) => {
    const members = data.items.map((item, i) => ({ item, i })).filter(({ item }) => item.family === family);
    return {
      name: family,
      demand: demand.families[f].consensus.slice(),
      openingInventory: members.reduce((sum, { item }) => sum + item.openingInventory, 0),
      openingBacklog: members.reduce((sum, { item }) => sum + item.openingBacklog, 0),
      // the end stays hard at the target (or Settings endingInventory): no plan runs the stock down at the horizon
      costs: { ...costs, endingInventory: costs.endingInventory ?? targets[f][horizon - 1] },
      inventoryTarget: targets[f],
      ...(targetShortfallCost === undefined ? {} : { targetShortfallCost }),
    };
  });
  const volume = demand.families.map((f) => f.consensus.reduce((a, b) => a + b, 0));
  const itemVolume = demand.items.map((it) => it.consensus.reduce((a, b) => a + b, 0));
  const familyOf = new Map(data.families.map((f, i) => [f, i]));
  const hours = new Map<string, number>();
  const add = (family: number, resource: number, perUnit: number, offset: number) => {
    const key = `${family}|${resource}|${offset}`;
    hours.set(key, (hours.get(key) ?? 0) + perUnit);
  };
  for (const line of data.bill) {
    if (line.target.kind === "family") add(line.target.index, line.resource, line.hoursPerUnit, line.offset);
    else {
      const item = line.target.index;
      const family = familyOf.get(data.items[item].family)!;
      const share =
        volume[family] > 0
          ? itemVolume[item] / volume[family]
          : 1 / data.items.filter((it) => it.family === data.items[item].family).length;
      add(family, line.resource, line.hoursPerUnit * share, line.offset);
    }
  }
  const bill = [...hours.entries()].map(([key, hoursPerUnit]) => {
    const [family, resource, offset] = key.split("|").map(Number);
    return { family, resource, hoursPerUnit, ...(offset > 0 ? { offset } : {}) };
  });
  // Capacity as the plan has it: the Capacity table's hours with the initiatives' changes.
  const resources = initiativeResources(data.resources, data.planPeriods, data.initiatives).map((r) => ({
    name: r.name,
    hours: r.hours.slice(0, horizon),
    overtimeHours: r.overtimeHours.slice(0, horizon),
    ...(r.costPerHour !== null ? { costPerHour: r.costPerHour } : {}),
    ...(r.overtimeCostPerHour !== null ? { overtimeCostPerHour: r.overtimeCostPerHour } : {}),
  }));
  return { families, resources, bill };
}

/**
 * KPIs of one multi-family plan: cost, demand-weighted fill rate, units, hours.
 *
 * @example
 * // two families with fill rates 1 and 0.5 and demand 300 and 100 → fill rate (300 + 50) / 400
 * planKpis("chase", input, plan).fillRate // => 0.875
 */
export function planKpis(strategy: Strategy, input: MultiFamilyInput, plan: MultiFamilyPlan): PlanKpis {
  const sum = (rows: number[][]) => rows.reduce((total, row) => total + row.reduce((a, b) => a + b, 0), 0);
  const demandByFamily = input.families.map((f) => f.demand.reduce((a, b) => a + b, 0));
  const demand = demandByFamily.reduce((a, b) => a + b, 0);
  const periods = input.families[0]?.demand.length ?? 0;
  return {
    strategy,
    totalCost: plan.totalCost,
    fillRate: demand > 0 ? plan.plans.reduce((total, p, f) => total + p.fillRate * demandByFamily[f], 0) / demand : 1,
    demand,
    production: sum(plan.plans.map((p) => p.production)),
    overtimeHours: sum(plan.resourceHours.overtime),
    hoursBeyondCapacity: sum(
      plan.resourceHours.overtime.map((row, r) =>
        row.map((hours, t) => Math.max(0, hours - (input.resources[r].overtimeHours?.[t] ?? 0) - 1e-9)),
      ),
    ),
    subcontract: sum(plan.plans.map((p) => p.subcontract)),
    averageInventory: periods > 0 ? sum(plan.plans.map((p) => p.inventory)) / periods : 0,
    endingBacklog: plan.plans.reduce((total, p) => total + (p.backlog[p.backlog.length - 1] ?? 0), 0),
    belowTarget: sum(plan.plans.map((p) => p.belowTarget)),
  };
}

/**
 * Plans every strategy; a strategy that has no plan (no feasible optimum, no solver) is
 * reported with its reason instead of stopping the others. Throws the chosen strategy's
 * `PlanningError` when the chosen one fails, since there is nothing to write.
 *
 * @example
 * // without a solver: chase and level planned, optimal reported as not planned
 * (await reconcilePlans(data, demand, "chase")).outcomes.map((o) => o.failure === null) // => [true, true, false]
 */
export async function reconcilePlans(
  data: PlanningData,
  demand: DemandPlan,
  chosen: Strategy,
  solver?: LpSolver,
): Promise<ReconcileResult> {
  const input = reconcileInput(data, demand);
  const outcomes: StrategyOutcome[] = [];
  for (const strategy of STRATEGIES) {
    if (strategy === "optimal" && !solver) {
      outcomes.push({ strategy, plan: null, kpis: null, failure: "no linear-programming solver was given" });
      continue;
    }
    try {
      const plan = await planFamilies(input, strategy, solver);
      outcomes.push({ strategy, plan, kpis: planKpis(strategy, input, plan), failure: null });
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      if (strategy === chosen) throw e;
      outcomes.push({ strategy, plan: null, kpis: null, failure: e.message });
    }
  }
  return { input, chosen, outcomes };
}
