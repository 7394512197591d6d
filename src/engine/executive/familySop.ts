/**
 * The family S&OP spreadsheet (Wallace & Stahl, "Sales & Operations Planning: The How-To
 * Handbook", the one page per family a review uses): the last months of history as plan vs
 * actual, then the plan, for demand, production, inventory and backlog, with fill rate and days
 * of supply.
 *
 * - Difference = actual − plan; cumulative difference = the running sum of the differences over
 *   the history shown. Only the flows (demand, production) get a cumulative line: inventory and
 *   backlog are levels, whose difference is already the cumulative difference of the flows.
 * - Fill rate = demand served in its own period ÷ demand, served on time as the plan's
 *   projection serves it (backlog first): min(demand, max(inventory[t−1] + production − backlog[t−1], 0))
 *   (`servedOnTime`, headlineKpis.ts). History columns show the actual, plan columns the plan.
 * - Days of supply = ending inventory ÷ (the period's demand × periods per year ÷ 365)
 *   (`daysOfSupply`, APICS); blank without demand.
 *
 * Actual inventory and backlog: a workbook keeps no stock history, so they are derived from the
 * same balance the plan keeps, inventory − backlog = previous + production − demand, walked back
 * from the opening position (Items' OpeningInventory and OpeningBacklog, the position at the end
 * of the last history period) with each period's actual sales and production (`actualPositions`).
 */
import { servedOnTime } from "./headlineKpis";
import { daysOfSupply } from "./inventoryMeasures";

export type FamilySopMeasure = "Demand" | "Production" | "Inventory" | "Backlog" | "Fill rate" | "Days of supply";
export type FamilySopLineName = "Plan" | "Actual" | "Difference" | "Cumulative difference" | "Actual, then plan";

/** A series over the history periods shown; null where unknown. */
type Series = (number | null)[];

export interface FamilySopInput {
  family: string;
  periodsPerYear: number;
  /** the last history periods shown, oldest first */
  historyPeriods: string[];
  /** per history period: what the plan of that period said (null where no archived plan covers it) */
  planned: { demand: Series; production: Series; inventory: Series; backlog: Series };
  /** per history period: units sold (Sales) and made (Production; null without an actual) */
  actual: { demand: Series; production: Series };
  /** the position at the end of the last history period (Items' opening inventory and backlog) */
  closing: { inventory: number; backlog: number };
  /** the current plan over its periods */
  plan: { periods: string[]; demand: number[]; production: number[]; inventory: number[]; backlog: number[] };
}

export interface FamilySopLine {
  measure: FamilySopMeasure;
  line: FamilySopLineName;
  /** over the history periods, then the plan periods; null = blank */
  values: (number | null)[];
}

export interface FamilySopBlock {
  family: string;
  historyPeriods: string[];
  planPeriods: string[];
  lines: FamilySopLine[];
}

/**
 * The positions (inventory, backlog) at the end of each history period, and at the end of the
 * period before the first (index 0 of the result is that one), walked back from `closing`:
 * net[t − 1] = net[t] − made[t] + sold[t], inventory = max(net, 0), backlog = max(−net, 0). A
 * period without sales or production actuals leaves every earlier position unknown (null).
 *
 * @example actualPositions({ inventory: 10, backlog: 0 }, [5, 6], [4, 8])
 * // => inventory [9, 8, 10], backlog [0, 0, 0]   (10 − 8 + 6 = 8; 8 − 4 + 5 = 9)
 */
export function actualPositions(
  closing: { inventory: number; backlog: number },
  sold: Series,
  made: Series,
): { inventory: Series; backlog: Series } {
  const periods = sold.length;
  const net: Series = new Array<number | null>(periods + 1).fill(null);
  net[periods] = closing.inventory - closing.backlog;
  for (let t = periods - 1; t >= 0; t--) {
    const after = net[t + 1];
    const s = sold[t];
    const m = made[t];
    net[t] = after === null || s === null || m === null ? null : after - m + s;
  }
  return {
    inventory: net.map((n, k) => (n === null ? null : k === periods ? closing.inventory : Math.max(n, 0))),
    backlog: net.map((n, k) => (n === null ? null : k === periods ? closing.backlog : Math.max(-n, 0))),
  };
}

const difference = (actual: Series, plan: Series): Series =>
  actual.map((a, t) => (a === null || plan[t] === null ? null : a - plan[t]!));

function cumulative(values: Series): Series {
  let total = 0;
  return values.map((v) => {
    if (v === null) return null;
    total += v;
    return total;
  });
}

function days(inventory: number | null, demand: number | null, periodsPerYear: number): number | null {
  if (inventory === null || demand === null || !(demand > 0)) return null;
  return daysOfSupply(Math.max(inventory, 0), demand * periodsPerYear);
}

/**
 * One family's block: every line over the history periods then the plan periods.
 *
 * @example
 * familySop({ family: "F", periodsPerYear: 12, historyPeriods: ["2025-12"],
 *   planned: { demand: [100], production: [100], inventory: [20], backlog: [0] },
 *   actual: { demand: [110], production: [90] }, closing: { inventory: 10, backlog: 0 },
 *   plan: { periods: ["2026-01"], demand: [100], production: [120], inventory: [30], backlog: [0] } })
 * // Demand: Plan [100, 100], Actual [110, null], Difference [10, null];
 * // Inventory Actual [10, null]; Fill rate [1 (110 of 110 from 30 + 90), 1]; Days of supply [10 ÷ (110·12/365) ≈ 2.77, 30 ÷ (100·12/365) ≈ 9.13]
 */
export function familySop(input: FamilySopInput): FamilySopBlock {
  const { planned, actual, plan, periodsPerYear } = input;
  const blanks = (n: number) => new Array<number | null>(n).fill(null);
  const planBlank = blanks(plan.periods.length);
  const positions = actualPositions(input.closing, actual.demand, actual.production);
  const actualInventory = positions.inventory.slice(1);
  const actualBacklog = positions.backlog.slice(1);
  const lines: FamilySopLine[] = [];
  const block = (
    measure: FamilySopMeasure,
    plannedThen: Series,
    actualThen: Series,
    planNow: number[],
    withCumulative: boolean,
  ) => {
    const diff = difference(actualThen, plannedThen);
    lines.push({ measure, line: "Plan", values: [...plannedThen, ...planNow] });
    lines.push({ measure, line: "Actual", values: [...actualThen, ...planBlank] });
    lines.push({ measure, line: "Difference", values: [...diff, ...planBlank] });
    if (withCumulative)
      lines.push({ measure, line: "Cumulative difference", values: [...cumulative(diff), ...planBlank] });
  };
  block("Demand", planned.demand, actual.demand, plan.demand, true);
  block("Production", planned.production, actual.production, plan.production, true);
  block("Inventory", planned.inventory, actualInventory, plan.inventory, false);
  block("Backlog", planned.backlog, actualBacklog, plan.backlog, false);

  const fillHistory = actual.demand.map((sold, t) => {
    const made = actual.production[t];
    const onHand = positions.inventory[t];
    const owed = positions.backlog[t];
    if (sold === null || made === null || onHand === null || owed === null || !(sold > 0)) return null;
    const [onTime] = servedOnTime({
      family: input.family,
      demand: [sold],
      production: [made],
      inventory: [0],
      backlog: [0],
      openingInventory: onHand,
      openingBacklog: owed,
    });
    return onTime / sold;
  });
  const served = servedOnTime({
    family: input.family,
    demand: plan.demand,
    production: plan.production,
    inventory: plan.inventory,
    backlog: plan.backlog,
    openingInventory: input.closing.inventory,
    openingBacklog: input.closing.backlog,
  });
  const fillPlan = plan.demand.map((d, t) => (d > 0 ? served[t] / d : null));
  lines.push({ measure: "Fill rate", line: "Actual, then plan", values: [...fillHistory, ...fillPlan] });
  lines.push({
    measure: "Days of supply",
    line: "Actual, then plan",
    values: [
      ...actual.demand.map((sold, t) => days(actualInventory[t], sold, periodsPerYear)),
      ...plan.demand.map((d, t) => days(plan.inventory[t], d, periodsPerYear)),
    ],
  });
  return { family: input.family, historyPeriods: input.historyPeriods, planPeriods: plan.periods, lines };
}
