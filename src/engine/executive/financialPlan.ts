/**
 * The financial plan: the reconciled unit plan in money, by family and period and in total
 * (S&OP's bridge to the business plan). Definitions (docs/finance.md):
 *
 * - units shipped[t] = demand[t] + backlog[t−1] − backlog[t]: the period's demand served plus
 *   backlog served late (what leaves the warehouse; opening backlog counts as backlog[−1]);
 * - revenue = units shipped × the family's unit price;
 * - cost of goods = material + regular time + overtime + subcontract + workforce + hiring +
 *   layoffs + holding + backlog penalty, each its own line:
 *   material = units made (regular + overtime + subcontract) × the family's unit cost, plus
 *   Settings' materialCost when given; the conversion and carrying lines are the plan's own
 *   cost by period (`planCostsByPeriod`: hours at the Capacity table's rates, …);
 * - gross margin = revenue − cost of goods; margin % = gross margin ÷ revenue (null without revenue);
 * - a family's unit price (cost) = its items' UnitPrice (UnitCost) weighted by each item's
 *   consensus units over the horizon (the same mix the bill of resources uses); a simple mean
 *   when the family has no demand. Items without a price or cost count 0 and are listed;
 * - budget gap = plan − budget (units shipped and revenue), positive when the plan is above.
 *
 * Money is rounded to cents per family and period, and every total is the sum of the rounded
 * cells, so each table foots; units stay exact (the layouts show them whole).
 *
 * Reference: Wallace & Stahl, "Sales & Operations Planning: The How-To Handbook" (financial
 * view); Chopra & Meindl, "Supply Chain Management", ch. 8 (cost lines of aggregate planning).
 */
import { invalidInput } from "../errors";
import type { InitiativeFinance } from "./initiativeFinance";
import type { FamilyProjection } from "./types";

export interface PricedItem {
  name: string;
  family: string;
  /** money per unit; null when the Items table does not give one */
  unitPrice: number | null;
  unitCost: number | null;
}

/** The plan's conversion and carrying costs of one family, money per period (see planCostsByPeriod). */
export interface FamilyCostsByPeriod {
  family: string;
  regularTime: readonly number[];
  overtime: readonly number[];
  subcontract: readonly number[];
  /** Settings' materialCost on units made in house, when given */
  material: readonly number[];
  workforce: readonly number[];
  hiring: readonly number[];
  layoffs: readonly number[];
  holding: readonly number[];
  backlog: readonly number[];
}

/** One row of the optional Budget table: a family's budgeted units and/or revenue in a plan period. */
export interface BudgetLine {
  family: string;
  /** 0-based plan period */
  period: number;
  units: number | null;
  revenue: number | null;
}

export interface FinancialPlanInput {
  items: readonly PricedItem[];
  /** consensus demand, items × periods: the mix that prices a family's units */
  itemDemand: readonly (readonly number[])[];
  /** the reconciled plan by family */
  families: readonly FamilyProjection[];
  /** the plan's cost lines by family and period (absent: conversion and carrying cost 0) */
  costs?: readonly FamilyCostsByPeriod[];
  budget?: readonly BudgetLine[];
}

/** The cost-of-goods lines (their sum is costOfGoods). */
export const COST_OF_GOODS_LINES = [
  "material",
  "regularTime",
  "overtime",
  "subcontract",
  "workforce",
  "hiring",
  "layoffs",
  "holding",
  "backlogPenalty",
] as const;

/** The lines of the financial plan, in the order the sheet shows them. */
export const FINANCE_LINES = ["unitsShipped", "revenue", ...COST_OF_GOODS_LINES, "costOfGoods", "grossMargin"] as const;
export type FinanceLine = (typeof FINANCE_LINES)[number];

export interface BudgetGap {
  /** budget per period; null where the Budget table gives none */
  units: (number | null)[];
  revenue: (number | null)[];
  /** plan − budget per period; null where there is no budget */
  unitsGap: (number | null)[];
  revenueGap: (number | null)[];
  totalUnitsGap: number | null;
  totalRevenueGap: number | null;
}

export interface FamilyFinance {
  family: string;
  /** mix-weighted money per unit */
  unitPrice: number;
  unitCost: number;
  /** per period */
  lines: Record<FinanceLine, number[]>;
  /** over the horizon */
  totals: Record<FinanceLine, number>;
  /** gross margin ÷ revenue per period; null without revenue */
  marginRate: (number | null)[];
  totalMarginRate: number | null;
  budget: BudgetGap | null;
}

export interface FinancialPlan {
  families: FamilyFinance[];
  /** all families together, family "All families" */
  total: FamilyFinance;
  revenue: number;
  costOfGoods: number;
  grossMargin: number;
  /** gross margin ÷ revenue; null when revenue is 0 */
  marginRate: number | null;
  /** the plan's conversion and carrying cost (cost of goods without material) */
  planCost: number;
  itemsWithoutPrice: string[];
  itemsWithoutCost: string[];
  hasBudget: boolean;
  /** the strategic initiatives' costs below gross margin (initiativeFinance), when the plan has initiatives */
  initiatives?: InitiativeFinance;
}

/** Rounds money to cents: `cents(422274.99999999994)` → 422275. */
export function cents(amount: number): number {
  const rounded = Math.round(amount * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * The sum of the given values (null = not given), in cents when `money`; null when none is
 * given. `sumGiven([1.005, null, 2], true)` → 3.01; `sumGiven([null], false)` → null.
 */
export function sumGiven(values: readonly (number | null)[], money: boolean): number | null {
  const given = values.filter((v): v is number => v !== null);
  if (given.length === 0) return null;
  return money ? cents(sum(given)) : sum(given);
}

const MONEY_LINES = new Set<FinanceLine>(FINANCE_LINES.filter((line) => line !== "unitsShipped"));

function ratio(margin: number, revenue: number): number | null {
  return revenue !== 0 ? margin / revenue : null;
}

/**
 * @example
 * // family F: item A, price 10, cost 6; demand 5, 5; made 5, 5; no plan costs
 * financialPlan({ items: [{ name: "A", family: "F", unitPrice: 10, unitCost: 6 }], itemDemand: [[5, 5]],
 *   families: [{ family: "F", demand: [5, 5], production: [5, 5], inventory: [0, 0], backlog: [0, 0],
 *   openingInventory: 0, openingBacklog: 0 }] })
 * // => revenue 100, costOfGoods 60, grossMargin 40, marginRate 0.4
 * @throws invalidInput when itemDemand does not match the items, or a family has no items.
 */
export function financialPlan(input: FinancialPlanInput): FinancialPlan {
  const { items, itemDemand, families } = input;
  if (itemDemand.length !== items.length)
    throw invalidInput(
      "units",
      `units has ${itemDemand.length} rows but there are ${items.length} items; give one row per item.`,
    );
  const periods = families[0]?.demand.length ?? itemDemand[0]?.length ?? 0;
  items.forEach((item, i) => {
    const row = itemDemand[i];
    if (row.length !== periods)
      throw invalidInput("units", `units for ${item.name} has ${row.length} periods, the plan ${periods}.`);
    row.forEach((u, t) => {
      if (!Number.isFinite(u))
        throw invalidInput("units", `units for ${item.name} in period ${t + 1} is not a number.`);
    });
  });
  const itemsWithoutPrice = items.filter((item) => item.unitPrice === null).map((item) => item.name);
  const itemsWithoutCost = items.filter((item) => item.unitCost === null).map((item) => item.name);
  const hasBudget = (input.budget ?? []).length > 0;

  // Each item's volume once, grouped by family: O(items × periods), not once per family.
  const membersOf = new Map<string, { item: PricedItem; volume: number }[]>();
  items.forEach((item, i) => {
    const list = membersOf.get(item.family) ?? [];
    list.push({ item, volume: sum(itemDemand[i]) });
    membersOf.set(item.family, list);
  });
  const result = families.map((f) => {
    const members = membersOf.get(f.family) ?? [];
    const volume = sum(members.map((m) => m.volume));
    const weighted = (pick: (item: PricedItem) => number | null) =>
      members.length === 0
        ? 0
        : volume > 0
          ? sum(members.map((m) => m.volume * (pick(m.item) ?? 0))) / volume
          : sum(members.map((m) => pick(m.item) ?? 0)) / members.length;
    const unitPrice = weighted((item) => item.unitPrice);
    const unitCost = weighted((item) => item.unitCost);
    const costs = input.costs?.find((c) => c.family === f.family);
    const at = (series: readonly number[] | undefined, t: number) => series?.[t] ?? 0;
    const lines = Object.fromEntries(FINANCE_LINES.map((line) => [line, [] as number[]])) as Record<
      FinanceLine,
      number[]
    >;
    for (let t = 0; t < periods; t++) {
      const owed = t === 0 ? f.openingBacklog : f.backlog[t - 1];
      const shipped = f.demand[t] + owed - f.backlog[t];
      lines.unitsShipped.push(shipped);
      lines.revenue.push(cents(shipped * unitPrice));
      lines.material.push(cents(f.production[t] * unitCost + at(costs?.material, t)));
      lines.regularTime.push(cents(at(costs?.regularTime, t)));
      lines.overtime.push(cents(at(costs?.overtime, t)));
      lines.subcontract.push(cents(at(costs?.subcontract, t)));
      lines.workforce.push(cents(at(costs?.workforce, t)));
      lines.hiring.push(cents(at(costs?.hiring, t)));
      lines.layoffs.push(cents(at(costs?.layoffs, t)));
      lines.holding.push(cents(at(costs?.holding, t)));
      lines.backlogPenalty.push(cents(at(costs?.backlog, t)));
      lines.costOfGoods.push(cents(sum(COST_OF_GOODS_LINES.map((line) => lines[line][t]))));
      lines.grossMargin.push(cents(lines.revenue[t] - lines.costOfGoods[t]));
    }
    const budget = hasBudget ? budgetGap(f.family, periods, lines, input.budget ?? []) : null;
    return finance(f.family, unitPrice, unitCost, lines, budget);
  });

  const totalLines = Object.fromEntries(
    FINANCE_LINES.map((line) => [
      line,
      Array.from({ length: periods }, (_, t) => {
        const s = sum(result.map((f) => f.lines[line][t]));
        return MONEY_LINES.has(line) ? cents(s) : s;
      }),
    ]),
  ) as Record<FinanceLine, number[]>;
  const totalBudget = hasBudget
    ? sumBudgets(
        result.map((f) => f.budget!),
        periods,
      )
    : null;
  const shippedAll = sum(totalLines.unitsShipped);
  const total = finance(
    "All families",
    shippedAll > 0 ? sum(totalLines.revenue) / shippedAll : 0,
    0,
    totalLines,
    totalBudget,
  );
  total.unitCost = sum(result.map((f) => f.unitCost * sum(f.lines.unitsShipped))) / (shippedAll || 1);
  return {
    families: result,
    total,
    revenue: total.totals.revenue,
    costOfGoods: total.totals.costOfGoods,
    grossMargin: total.totals.grossMargin,
    marginRate: total.totalMarginRate,
    planCost: cents(total.totals.costOfGoods - total.totals.material),
    itemsWithoutPrice,
    itemsWithoutCost,
    hasBudget,
  };
}

function finance(
  family: string,
  unitPrice: number,
  unitCost: number,
  lines: Record<FinanceLine, number[]>,
  budget: BudgetGap | null,
): FamilyFinance {
  const totals = Object.fromEntries(
    FINANCE_LINES.map((line) => [line, MONEY_LINES.has(line) ? cents(sum(lines[line])) : sum(lines[line])]),
  ) as Record<FinanceLine, number>;
  return {
    family,
    unitPrice,
    unitCost,
    lines,
    totals,
    marginRate: lines.grossMargin.map((m, t) => ratio(m, lines.revenue[t])),
    totalMarginRate: ratio(totals.grossMargin, totals.revenue),
    budget,
  };
}

function budgetGap(
  family: string,
  periods: number,
  lines: Record<FinanceLine, number[]>,
  budget: readonly BudgetLine[],
): BudgetGap {
  const units: (number | null)[] = new Array(periods).fill(null);
  const revenue: (number | null)[] = new Array(periods).fill(null);
  for (const line of budget) {
    if (line.family !== family || line.period < 0 || line.period >= periods) continue;
    if (line.units !== null) units[line.period] = (units[line.period] ?? 0) + line.units;
    if (line.revenue !== null) revenue[line.period] = cents((revenue[line.period] ?? 0) + line.revenue);
  }
  return withGaps(units, revenue, lines);
}

function withGaps(
  units: (number | null)[],
  revenue: (number | null)[],
  lines: Record<FinanceLine, number[]>,
): BudgetGap {
  const unitsGap = units.map((u, t) => (u === null ? null : lines.unitsShipped[t] - u));
  const revenueGap = revenue.map((r, t) => (r === null ? null : cents(lines.revenue[t] - r)));
  return {
    units,
    revenue,
    unitsGap,
    revenueGap,
    totalUnitsGap: sumGiven(unitsGap, false),
    totalRevenueGap: sumGiven(revenueGap, true),
  };
}

function sumBudgets(budgets: readonly BudgetGap[], periods: number): BudgetGap {
  const add = (pick: (b: BudgetGap) => (number | null)[], money: boolean) =>
    Array.from({ length: periods }, (_, t) =>
      sumGiven(
        budgets.map((b) => pick(b)[t]),
        money,
      ),
    );
  const unitsGap = add((b) => b.unitsGap, false);
  const revenueGap = add((b) => b.revenueGap, true);
  return {
    units: add((b) => b.units, false),
    revenue: add((b) => b.revenue, true),
    unitsGap,
    revenueGap,
    totalUnitsGap: sumGiven(unitsGap, false),
    totalRevenueGap: sumGiven(revenueGap, true),
  };
}
