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
  const session = new PlanningSession(workbook, {
    now: () => new Date(Date.UTC(2026, 0, 5)),
    solver: async () => solver,
  });
  return new SessionCycle(workbook, session, { insertTemplate: async () => undefined, solver: async () => solver });
}

const planTables = (wb: MemoryWorkbook) =>
  JSON.stringify(["SOP_ProductionPlan", "SOP_InventoryPlan", "SOP_BacklogPlan"].map((t) => wb.tableValues(t)));

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

  it("saves a named scenario with a strategy; the summary then lists and compares it", async () => {
    const workbook = demoWorkbook();
    const cycle = cycleOn(workbook);
    await cycle.choosePlan("optimal");
    const saved = await cycle.saveScenario("All level", "level");
    // the demo ships two scenarios; the saved one comes third and is not the plan
    expect(saved.scenarios).toEqual([
      { name: "Second paint shift", promoted: false },
      { name: "Chair promotion, chase", promoted: false },
      { name: "All level", promoted: false },
    ]);
    expect(saved.options?.map((o) => o.name)).toContain("scenario: All level");
    expect(saved.planName ?? saved.strategy).toBe("optimal");
    // it was kept on the Scenarios sheet with its strategy
    const session = new PlanningSession(workbook, { now: () => new Date(Date.UTC(2026, 0, 5)) });
    expect((await session.scenarios()).scenarios.find((s) => s.name === "All level")?.strategy).toBe("level");
    await expect(cycle.saveScenario("  ", null)).rejects.toThrow(/needs a name/);
  }, 120_000);
});
