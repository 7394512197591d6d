/** @jest-environment jsdom */
/**
 * The Approve button of the Executive step over the real planning session on the in-memory demo
 * workbook: approving stamps PlanLog, the pane says "Approved by"; a changed override then makes
 * the pane and the pack say the plan changed since approval.
 */
import "./support/jsdomGaps";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { createHighsSolver } from "../../src/solver/highs";
import type { PaneCycle } from "../../src/taskpane/cycle/paneCycle";
import { SessionCycle } from "../../src/taskpane/cycle/sessionCycle";
import { copyTemplateTables } from "../../src/taskpane/demo/templateCopy";
import { useCycle } from "../../src/taskpane/state/useCycle";
import { ExecutiveStep } from "../../src/taskpane/steps/executive/ExecutiveStep";
import type { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../src/workbook/session";

const solver = createHighsSolver();

function cycleOn(workbook: MemoryWorkbook): PaneCycle {
  const session = new PlanningSession(workbook, {
    now: () => new Date(Date.UTC(2026, 0, 5)),
    solver: async () => solver,
  });
  return new SessionCycle(workbook, session, {
    insertTemplate: async () => copyTemplateTables(demoWorkbook(), workbook),
    solver: async () => solver,
  });
}

function Harness({ cycle }: { cycle: PaneCycle }) {
  const [state, actions] = useCycle(cycle);
  return (
    <ExecutiveStep run={state.steps.executive} canRun onRun={actions.executiveSummary} onApprove={actions.approve} />
  );
}

async function press(name: RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

describe("Approve in the Executive step", () => {
  it("approves with name and role; after a changed override the pane and pack say the plan changed", async () => {
    const workbook = demoWorkbook();
    const cycle = cycleOn(workbook);
    await cycle.demandPlan();
    await cycle.choosePlan("optimal");
    render(<Harness cycle={cycle} />);
    await press(/summarize the plan/i);
    expect(screen.getByRole("status", { name: "Sign-off" }).textContent).toBe("Not approved yet.");

    const approve = screen.getByRole("button", { name: /^approve$/i });
    expect(approve.hasAttribute("disabled")).toBe(true); // no name yet
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: " Dana Chief " } });
    fireEvent.change(screen.getByLabelText(/^role/i), { target: { value: "CEO" } });
    await press(/^approve$/i);
    expect(screen.getByText(/^Approved by Dana Chief \(CEO\): stamped in PlanLog/)).toBeTruthy();
    expect(screen.getByRole("status", { name: "Sign-off" }).textContent).toBe(
      "Approved by Dana Chief (CEO) at 2026-01-05T00:00:00Z.",
    );
    const [log, ...rows] = workbook.tableValues("SOP_PlanLog")!;
    expect(rows.some((r) => r[log.indexOf("Step")] === "approve" && r[log.indexOf("By")] === "Dana Chief")).toBe(true);

    // A planner types an override on DemandPlan, then summarizes again.
    const demand = workbook.sheet("DemandPlan")!.cells;
    const col = (h: string) => demand[0].indexOf(h);
    const row = demand.findIndex((r) => r[col("Item")] === "DK-SIT" && r[col("Period")] === "2026-03");
    demand[row][col("Override")] = 400;
    await press(/summarize the plan/i);
    expect(screen.getByRole("status", { name: "Sign-off" }).textContent).toBe(
      "Plan changed since approval. CHANGED since approval by Dana Chief (CEO) at 2026-01-05T00:00:00Z: approve again.",
    );
    expect(screen.getByText(/The plan changed since approval/)).toBeTruthy();
    expect(workbook.sheet("ExecutiveSummary")!.cells.flat().join(" ")).toContain(
      "CHANGED since approval by Dana Chief (CEO)",
    );
  }, 60_000);
});
