/**
 * The financial plan: the unit plan in money (S&OP's bridge to the business plan, IBP).
 *
 * - revenue = Σ items consensus units × UnitPrice, per family and period;
 * - cost of goods = Σ items units × UnitCost (standard cost);
 * - cost = the reconciled plan's cost (its cost lines: regular, overtime, subcontract, material,
 *   holding, backlog, …) when the plan reports one (total > 0), else the cost of goods — so the
 *   margin is that of the plan the meeting decides on, not of a standard-cost guess;
 * - margin = revenue − cost; margin rate = margin ÷ revenue (null without revenue).
 *
 * Items without a UnitPrice (or UnitCost) count 0 and are listed, so the sheet can say so.
 * Reference: Wallace & Stahl, "Sales & Operations Planning: The How-To Handbook" (financial view).
 */
import { invalidInput } from "../errors";

export interface PricedItem {
  name: string;
  family: string;
  /** money per unit; null when the Items table does not give one */
  unitPrice: number | null;
  unitCost: number | null;
}

export interface PlanCostLine {
  category: string;
  amount: number;
}

export interface FinancialPlanInput {
  items: readonly PricedItem[];
  /** consensus demand (or sales) in units, items × periods */
  units: readonly (readonly number[])[];
  /** the reconciled plan's cost by category, summed over families (optional) */
  planCosts?: readonly PlanCostLine[];
}

export interface FamilyMoney {
  family: string;
  /** money per period */
  revenue: number[];
  costOfGoods: number[];
  totalRevenue: number;
  totalCostOfGoods: number;
}

export interface FinancialPlan {
  families: FamilyMoney[];
  revenue: number;
  costOfGoods: number;
  /** the reconciled plan's cost lines, as given (empty when none) */
  planCosts: PlanCostLine[];
  /** which cost the margin uses */
  costBasis: "plan" | "unitCost";
  cost: number;
  margin: number;
  /** margin ÷ revenue; null when revenue is 0 */
  marginRate: number | null;
  itemsWithoutPrice: string[];
  itemsWithoutCost: string[];
}

/**
 * @example
 * financialPlan({ items: [{ name: "A", family: "F", unitPrice: 10, unitCost: 6 }], units: [[5, 5]] })
 * // => revenue 100, costOfGoods 60, cost 60 (basis "unitCost"), margin 40, marginRate 0.4
 * @throws invalidInput when units has a row count other than items', or a negative/non-finite value.
 */
export function financialPlan(input: FinancialPlanInput): FinancialPlan {
  const { items, units } = input;
  if (units.length !== items.length)
    throw invalidInput(
      "units",
      `units has ${units.length} rows but there are ${items.length} items; give one row per item.`,
    );
  const periods = units[0]?.length ?? 0;
  const byFamily = new Map<string, FamilyMoney>();
  const itemsWithoutPrice: string[] = [];
  const itemsWithoutCost: string[] = [];
  items.forEach((item, i) => {
    const row = units[i];
    if (row.length !== periods)
      throw invalidInput("units", `units for ${item.name} has ${row.length} periods, the others ${periods}.`);
    row.forEach((u, t) => {
      if (!Number.isFinite(u))
        throw invalidInput("units", `units for ${item.name} in period ${t + 1} is not a number.`);
    });
    if (item.unitPrice === null) itemsWithoutPrice.push(item.name);
    if (item.unitCost === null) itemsWithoutCost.push(item.name);
    let money = byFamily.get(item.family);
    if (!money) {
      money = {
        family: item.family,
        revenue: new Array(periods).fill(0),
        costOfGoods: new Array(periods).fill(0),
        totalRevenue: 0,
        totalCostOfGoods: 0,
      };
      byFamily.set(item.family, money);
    }
    for (let t = 0; t < periods; t++) {
      money.revenue[t] += row[t] * (item.unitPrice ?? 0);
      money.costOfGoods[t] += row[t] * (item.unitCost ?? 0);
    }
  });
  const families = [...byFamily.values()];
  for (const f of families) {
    f.totalRevenue = sum(f.revenue);
    f.totalCostOfGoods = sum(f.costOfGoods);
  }
  const revenue = sum(families.map((f) => f.totalRevenue));
  const costOfGoods = sum(families.map((f) => f.totalCostOfGoods));
  const planCosts = (input.planCosts ?? []).map((line) => ({ ...line }));
  const planCost = sum(planCosts.map((line) => line.amount));
  const costBasis = planCost > 0 ? "plan" : "unitCost";
  const cost = costBasis === "plan" ? planCost : costOfGoods;
  const margin = revenue - cost;
  return {
    families,
    revenue,
    costOfGoods,
    planCosts,
    costBasis,
    cost,
    margin,
    marginRate: revenue !== 0 ? margin / revenue : null,
    itemsWithoutPrice,
    itemsWithoutCost,
  };
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
