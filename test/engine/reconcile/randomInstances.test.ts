/**
 * Small random instances (500 in `npm run test:slow`, 100 in `npm test`): HiGHS's optimum
 * equals javascript-lp-solver's (an independent simplex) on the very same model, infeasible
 * instances are infeasible for both, and no strategy beats the optimal one. Seeded, so every
 * run checks the same instances.
 */
import { CostParameters, FamilyPlanInput, planFamily, resolveFamily } from "../../../src/engine/reconcile";
import { buildReconcileModel } from "../../../src/engine/reconcile/reconcileModel";
import { PlanningError } from "../../../src/engine/errors";
import { createHighsSolver } from "../../../src/solver/highs";
import { solveWithJsLp } from "../../support/jsLpSolver";
import { expectBalanced } from "./support";
import { seededRandom } from "../../../src/engine/random";
import { testRuns } from "../../support/runs";

function randomInstance(random: () => number, alwaysFeasible: boolean): FamilyPlanInput {
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const periods = int(2, 6);
  const demand = Array.from({ length: periods }, () => int(0, 120));
  const costs: Partial<CostParameters> = {
    holdingCost: int(0, 5),
    materialCost: int(0, 10),
    holdingOn: random() < 0.3 ? "average" : "ending",
    endingInventory: random() < 0.5 ? int(0, 40) : 0,
  };
  if (alwaysFeasible || random() < 0.5) costs.backlogCost = int(1, 12);
  if (random() < 0.6) {
    costs.overtimeCost = int(2, 15);
    if (random() < 0.7) costs.overtimeCapacity = int(0, 40);
  }
  // Chase and level must be able to meet every need for "no strategy beats optimal" to be fair.
  if (alwaysFeasible) costs.subcontractCost = int(5, 30);
  else if (random() < 0.5) {
    costs.subcontractCost = int(5, 30);
    costs.subcontractCapacity = int(0, 30);
  }
  const input: FamilyPlanInput = { demand, openingInventory: random() < 0.5 ? int(0, 80) : 0, costs };
  if (random() < 0.2) input.openingBacklog = int(0, 30);
  if (random() < 0.4) {
    costs.workforce = int(0, 8);
    costs.unitsPerWorker = int(5, 20);
    costs.workerCost = int(20, 100);
    costs.hireCost = int(0, 200);
    costs.layoffCost = int(0, 200);
    if (costs.overtimeCost !== undefined && random() < 0.5) costs.overtimePerWorker = int(1, 5);
    costs.integerWorkforce = random() < 0.3;
    if (random() < 0.3) input.capacity = demand.map(() => int(30, 150));
  } else {
    costs.regularCost = int(1, 8);
    input.capacity = demand.map(() => int(0, 120));
  }
  return input;
}

const highs = createHighsSolver();

describe("random small instances", () => {
  it("HiGHS and javascript-lp-solver agree on every model (optimum to the cent, or both infeasible)", async () => {
    const random = seededRandom(20260427);
    let optimal = 0;
    let infeasible = 0;
    const instances = testRuns(300, 60);
    for (let k = 0; k < instances; k++) {
      const input = randomInstance(random, k % 2 === 0);
      const model = buildReconcileModel([resolveFamily(input)], [], []);
      const fromHighs = await highs.solve(model.program);
      const fromJs = solveWithJsLp(model.program);
      expect({ k, status: fromHighs.status }).toEqual({ k, status: fromJs.status });
      if (fromHighs.status === "optimal") {
        optimal++;
        expect(Math.abs(fromHighs.objective - fromJs.objective)).toBeLessThan(
          0.005 + 1e-9 * Math.abs(fromJs.objective),
        );
      } else infeasible++;
    }
    // both kinds of outcome must be exercised for the test to mean anything (at 300 instances:
    // more than 150 optimal, more than 10 infeasible)
    expect(optimal).toBeGreaterThan(instances / 2);
    expect(infeasible).toBeGreaterThan(instances / 30);
  });

  it("no strategy beats optimal, every plan keeps the inventory balance, and infeasible input is #N/A-worthy", async () => {
    const random = seededRandom(7);
    for (let k = 0, instances = testRuns(200, 40); k < instances; k++) {
      const input = randomInstance(random, true);
      const best = await planFamily(input, "optimal", highs);
      expectBalanced(input, best);
      expect(best.backlog[best.backlog.length - 1]).toBe(0);
      for (const strategy of ["chase", "level"] as const) {
        const plan = await planFamily(input, strategy);
        expectBalanced(input, plan);
        expect({ k, strategy, beaten: plan.totalCost < best.totalCost - 1e-6 }).toEqual({ k, strategy, beaten: false });
      }
    }
    const stuck = { demand: [100, 100], capacity: [50, 50] };
    await expect(planFamily(stuck, "optimal", highs)).rejects.toBeInstanceOf(PlanningError);
  });
});
