/**
 * Turns a production decision (regular, overtime, subcontract and, when modelled, workers)
 * into a full plan: inventory and backlog from the shared projection, the cost of each
 * category and the fill rate. Every strategy ends here, so their costs are comparable.
 */
import { projectInventory } from "./projectInventory";
import type { ResolvedFamily } from "./resolveFamily";
import type { CostLine, ProductionPlan, Strategy } from "./types";

export interface ProductionDecision {
  regular: number[];
  overtime: number[];
  subcontract: number[];
  /** workers per period, when the workforce is modelled */
  workforce?: number[];
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Builds the plan and its costs (Chopra & Meindl ch. 8 cost lines):
 * regular = regularCost·ΣR, overtime = overtimeCost·ΣO, subcontract = subcontractCost·ΣS,
 * material = materialCost·Σ(R+O), holding = holdingCost·Σ inventory (ending, or the average
 * (opening + ending) / 2), backlog = backlogCost·Σ backlog, workers = workerCost·ΣW,
 * hiring = hireCost·ΣH, layoffs = layoffCost·ΣL with H, L the rises and falls of W from the
 * opening workforce. Units: plans in units per period; costs in money.
 *
 * @example
 * // regular $2: make 10 and 10 against demand 5 and 15 → inventory 5 then 0
 * assemblePlan(resolveFamily({ demand: [5, 15], capacity: [10, 10], costs: { regularCost: 2, holdingCost: 1 } }),
 *   "level", { regular: [10, 10], overtime: [0, 0], subcontract: [0, 0] }).totalCost
 * // => 45  (20 × $2 + 5 × $1)
 */
export function assemblePlan(family: ResolvedFamily, strategy: Strategy, decision: ProductionDecision): ProductionPlan {
  const { regular, overtime, subcontract } = decision;
  const production = regular.map((r, t) => r + overtime[t] + subcontract[t]);
  const { inventory, backlog, onTime } = projectInventory({
    openingInventory: family.openingInventory,
    openingBacklog: family.openingBacklog,
    production,
    demand: family.demand,
  });
  const c = family.cost;
  let heldUnits = 0;
  for (let t = 0; t < family.periods; t++) {
    heldUnits += family.holdingOnAverage
      ? ((t === 0 ? family.openingInventory : inventory[t - 1]) + inventory[t]) / 2
      : inventory[t];
  }
  let hires: number[] | undefined;
  let layoffs: number[] | undefined;
  if (decision.workforce && family.workforce) {
    hires = [];
    layoffs = [];
    let previous = family.workforce.opening;
    for (const workers of decision.workforce) {
      hires.push(Math.max(workers - previous, 0));
      layoffs.push(Math.max(previous - workers, 0));
      previous = workers;
    }
  }
  const made = sum(regular) + sum(overtime);
  const costs: CostLine[] = [
    { category: "regular", amount: c.regular * sum(regular) },
    { category: "overtime", amount: c.overtime * sum(overtime) },
    { category: "subcontract", amount: c.subcontract * sum(subcontract) },
    { category: "material", amount: c.material * made },
    { category: "holding", amount: c.holding * heldUnits },
    { category: "backlog", amount: c.backlog * sum(backlog) },
    { category: "workers", amount: decision.workforce ? c.worker * sum(decision.workforce) : 0 },
    { category: "hiring", amount: hires ? c.hire * sum(hires) : 0 },
    { category: "layoffs", amount: layoffs ? c.layoff * sum(layoffs) : 0 },
  ];
  const totalDemand = sum(family.demand);
  const plan: ProductionPlan = {
    strategy,
    production,
    regular: regular.slice(),
    overtime: overtime.slice(),
    subcontract: subcontract.slice(),
    inventory,
    backlog,
    inventoryTarget: family.inventoryTarget.slice(),
    belowTarget: family.inventoryTarget.map((target, t) => {
      const short = target - (inventory[t] - backlog[t]);
      return short > 1e-7 * Math.max(1, target) ? short : 0;
    }),
    costs,
    totalCost: sum(costs.map((line) => line.amount)),
    fillRate: totalDemand > 0 ? sum(onTime) / totalDemand : 1,
  };
  if (decision.workforce) {
    plan.workforce = decision.workforce.slice();
    plan.hires = hires;
    plan.layoffs = layoffs;
  }
  return plan;
}
