import type { FamilyPlanInput, ProductionPlan } from "../../../src/engine/reconcile";

/** The inventory balance every plan of every strategy must keep, period by period. */
export function expectBalanced(input: FamilyPlanInput, plan: ProductionPlan, digits = 6): void {
  let net = (input.openingInventory ?? 0) - (input.openingBacklog ?? 0);
  input.demand.forEach((demand, t) => {
    expect(plan.production[t]).toBeCloseTo(plan.regular[t] + plan.overtime[t] + plan.subcontract[t], digits);
    net += plan.production[t] - demand;
    expect(plan.inventory[t] - plan.backlog[t]).toBeCloseTo(net, digits);
    expect(plan.inventory[t]).toBeGreaterThanOrEqual(0);
    expect(plan.backlog[t]).toBeGreaterThanOrEqual(0);
  });
  const categories = plan.costs.reduce((total, line) => total + line.amount, 0);
  expect(plan.totalCost).toBeCloseTo(categories, 6);
}

/**
 * Red Tomato Tools (Chopra & Meindl, "Supply Chain Management", ch. 8): demand 1600, 3000,
 * 3200, 3800, 2200, 2200; 80 workers at $640 per worker-month (8 h × 20 days × $4); 4 h per
 * unit → 40 units per worker-month; overtime $6/h → $24 per unit, at most 10 h per worker →
 * 2.5 units per worker-month; holding $2, stockout (backlog) $5 per unit-month; subcontract
 * $30; material $10; hire $300, layoff $500; opening inventory 1000, ending ≥ 500.
 */
export const redTomato: FamilyPlanInput = {
  demand: [1600, 3000, 3200, 3800, 2200, 2200],
  openingInventory: 1000,
  costs: {
    workforce: 80,
    unitsPerWorker: 40,
    workerCost: 640,
    overtimeCost: 24,
    overtimePerWorker: 2.5,
    holdingCost: 2,
    backlogCost: 5,
    subcontractCost: 30,
    materialCost: 10,
    hireCost: 300,
    layoffCost: 500,
    endingInventory: 500,
  },
};
