/**
 * "Run the cycle again" after a stale refusal, over the real planning session on the demo
 * workbook: with a promoted scenario the plan keeps the scenario's strategy (the meeting promoted
 * it), not the one picked in step 4. Found by a review: the rerun used to replan with step 4's.
 */
import { createHighsSolver } from "../../src/solver/highs";
import { SessionCycle } from "../../src/taskpane/cycle/sessionCycle";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";

it("keeps a promoted scenario's strategy when the cycle runs again after a stale refusal", async () => {
  let second = 0;
  const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30, second++));
  const wb = demoWorkbook();
  const solver = async () => createHighsSolver();
  const session = new PlanningSession(wb, { now, solver });
  const cycle = new SessionCycle(wb, session, { insertTemplate: async () => undefined, solver });
  await cycle.demandPlan();
  await cycle.supplyPlan();
  await cycle.choosePlan("optimal");
  await cycle.executiveSummary();
  await cycle.saveScenario("Level it", "level");
  expect((await cycle.promoteScenario("Level it")).strategy).toBe("level");

  // A capacity cell edited after the plan: the approval is refused as stale.
  const { sheet, table } = wb.findTable("Capacity")!;
  const hours = sheet.cells[table.row].indexOf("Hours");
  const cell = sheet.cells[table.row + 1];
  cell[table.column + hours] = Number(cell[table.column + hours]) + 1;
  expect((await cycle.approve("Dana", "CEO")).staleApproval?.changed).toEqual(["Capacity"]);

  // Run the cycle again: the promoted scenario's level plan, not step 4's optimal; then fresh.
  expect((await cycle.rerunCycle()).strategy).toBe("level");
  expect((await cycle.approve("Dana", "CEO")).staleApproval).toBeUndefined();
});
