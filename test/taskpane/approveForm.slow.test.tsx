/** @jest-environment jsdom */
/**
 * The Approve button of the Executive step over the real planning session on the in-memory demo
 * workbook: approving stamps PlanLog, the pane says "Approved by"; a changed override then makes
 * the pane and the pack say the plan changed since approval.
 */
import "./support/jsdomGaps";
import { fireEvent, render, screen } from "@testing-library/react";
import { createHighsSolver } from "../../src/solver/highs";
import type { PaneCycle } from "../../src/taskpane/cycle/paneCycle";
import { SessionCycle } from "../../src/taskpane/cycle/sessionCycle";
import { copyTemplateTables } from "../../src/taskpane/demo/templateCopy";
import { ExecutiveHarness, press } from "./support/executiveHarness";
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

/** The demo workbook planned (demand, the optimal plan) and summarized in the rendered step. */
async function summarized(): Promise<MemoryWorkbook> {
  const workbook = demoWorkbook();
  const cycle = cycleOn(workbook);
  await cycle.demandPlan();
  await cycle.choosePlan("optimal");
  render(<ExecutiveHarness cycle={cycle} />);
  await press(/summarize the plan/i);
  return workbook;
}

describe("Approve in the Executive step", () => {
  it("approves with name and role; after a changed override the pane and pack say the plan changed", async () => {
    const workbook = await summarized();
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

  it("refuses a stale plan with a warning naming Capacity; Run the cycle again, or Approve anyway with a PlanLog note", async () => {
    const workbook = await summarized();
    const logRows = () => workbook.tableValues("SOP_PlanLog")!;
    const setCapacity = (hours: number) => {
      const { sheet, table } = workbook.findTable("Capacity")!;
      const headers = sheet.cells[table.row].slice(table.column);
      sheet.cells[table.row + 1][table.column + headers.indexOf("Hours")] = hours;
    };

    // Capacity edited in the workbook after the plan was written.
    setCapacity(1);
    const before = logRows().length;
    const calls = { ...workbook.calls };
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "Dana Chief" } });
    await press(/^approve$/i);
    // The check costs no round trip beyond the approval's one read; a refusal writes nothing.
    expect(workbook.calls).toEqual({ readInputs: calls.readInputs + 1, writeSheets: calls.writeSheets });
    const warning = screen.getByRole("group", { name: "Not approved" });
    expect(warning.textContent).toMatch(
      /Not approved.*The plan is stale: Capacity changed since the plan was computed at 2026-01-05T00:00:00Z\./,
    );
    expect(logRows().length).toBe(before); // nothing written

    // Running the cycle again makes it fresh: the warning goes, and Approve signs off.
    await press(/run the cycle again/i);
    expect(screen.queryByRole("group", { name: "Not approved" })).toBeNull();
    // (the form is new after a run: the name is typed again)
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "Dana Chief" } });
    await press(/^approve$/i);
    expect(screen.queryByRole("group", { name: "Not approved" })).toBeNull();
    expect(screen.getByText(/^Approved by Dana Chief: stamped in PlanLog/)).toBeTruthy();

    // Stale again; this time the explicit second click approves anyway, and PlanLog says so.
    setCapacity(2);
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "Dana Chief" } });
    await press(/^approve$/i);
    expect(screen.getByRole("group", { name: "Not approved" })).toBeTruthy();
    await press(/approve anyway/i);
    const [headers, ...rows] = logRows();
    // (the pane summarizes the plan again after a sign-off: the approve row is the last but one)
    const last = rows.filter((r) => r[headers.indexOf("Step")] === "approve").pop()!;
    expect(rows.indexOf(last)).toBe(rows.length - 2);
    expect(last[headers.indexOf("By")]).toBe("Dana Chief");
    expect(last[headers.indexOf("Note")]).toBe(
      "Approved stale: Capacity changed since the plan was computed at 2026-01-05T00:00:00Z.",
    );
    expect(screen.getByText(/^Approved anyway by Dana Chief although the plan is stale/)).toBeTruthy();
  }, 60_000);
});
