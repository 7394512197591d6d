/**
 * Scenarios from the pane's Executive step: promote one (the plan is re-made with it) and go back
 * to the previous plan, on the in-memory demo workbook.
 */
import { createHighsSolver } from "../../src/solver/highs";
import { SessionCycle } from "../../src/taskpane/cycle/sessionCycle";
import { describeExecutive } from "../../src/taskpane/state/outcomes";
import type { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";

const solver = createHighsSolver();

function cycleOn(workbook: MemoryWorkbook) {
  const session = new PlanningSession(workbook, { now: () => new Date(Date.UTC(2026, 0, 5)), solver: async () => solver });
  return new SessionCycle(workbook, session, { insertTemplate: async () => undefined, solver: async () => solver });
}

const planTables = (wb: MemoryWorkbook) => JSON.stringify(["SOP_ProductionPlan", "SOP_InventoryPlan", "SOP_BacklogPlan"].map((t) => wb.tableValues(t)));

describe("scenarios in the pane's Executive step", () => {
  it("lists the saved scenarios, promotes one into the plan and reverts to the previous plan", async () => {
    const workbook = demoWorkbook();
    const cycle = cycleOn(workbook);
    await cycle.choosePlan("optimal");
    const summary = await cycle.executiveSummary();
    expect(summary.scenarios).toEqual([
      { name: "Second paint shift", promoted: false },
      { name: "Chair promotion, chase", promoted: false },
    ]);
    expect(summary.canRevert).toBe(false);
    const before = planTables(workbook);

    const promoted = await cycle.promoteScenario("Chair promotion, chase");
    expect(promoted.planName).toBe('scenario "Chair promotion, chase" (chase)');
    expect(promoted.scenarios?.find((s) => s.promoted)?.name).toBe("Chair promotion, chase");
    expect(promoted.canRevert).toBe(true);
    expect(describeExecutive(promoted).message).toMatch(/for the scenario "Chair promotion, chase" \(chase\) plan/);
    expect(planTables(workbook)).not.toEqual(before);

    const reverted = await cycle.revertPromotion();
    expect(reverted.planName).toBe("optimal");
    expect(reverted.canRevert).toBe(false);
    expect(planTables(workbook)).toEqual(before);
  }, 120_000);
});
