/** @jest-environment jsdom */
/**
 * The Approve form's wiring, on a cycle answering from fixed views (approveForm.slow.test.tsx runs
 * it over the real planning session): the name and role reach the cycle trimmed, the sign-off
 * statement is shown, a changed plan is called out, a failure is a message, a stale plan is a
 * warning with "Run the cycle again" and "Approve anyway".
 */
import "./support/jsdomGaps";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { PaneCycle } from "../../src/taskpane/cycle/paneCycle";
import type { ExecutiveView } from "../../src/taskpane/cycle/views";
import { ExecutiveHarness, press } from "./support/executiveHarness";

const view = (approval: ExecutiveView["approval"]): ExecutiveView => ({
  strategy: "optimal",
  kpis: [],
  decisions: [],
  approval,
  assumptions: [{ area: "Demand", assumption: "Spring promotion runs", owner: "Ann", impact: null }],
});

function fakeCycle(fail = false) {
  const calls: [string, string | null][] = [];
  const cycle = {
    executiveSummary: async () =>
      view({
        statement: "CHANGED since approval by Ann at 2026-01-01T00:00:00Z: approve again.",
        approved: true,
        changedSince: true,
      }),
    approve: async (by: string, role: string | null) => {
      if (fail) throw new Error("There is no whole plan to approve: DemandPlan is missing. Run the cycle first.");
      calls.push([by, role]);
      return view({ statement: `Approved by ${by} at 2026-01-05T00:00:00Z.`, approved: true, changedSince: false });
    },
  } as unknown as PaneCycle;
  return { cycle, calls };
}

describe("the Approve form of the Executive step", () => {
  it("calls out a plan changed since approval, then approves with the trimmed name and no role", async () => {
    const { cycle, calls } = fakeCycle();
    render(<ExecutiveHarness cycle={cycle} />);
    await press(/summarize the plan/i);
    expect(screen.getByRole("status", { name: "Sign-off" }).textContent).toBe(
      "Plan changed since approval. CHANGED since approval by Ann at 2026-01-01T00:00:00Z: approve again.",
    );
    expect(screen.getByText(/The plan changed since approval/)).toBeTruthy();
    // The pack's assumptions are listed too.
    expect(within(screen.getByRole("table", { name: /assumptions/i })).getByText("Spring promotion runs")).toBeTruthy();
    expect(screen.getByRole("button", { name: /^approve$/i }).hasAttribute("disabled")).toBe(true);
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "  Bo  " } });
    fireEvent.change(screen.getByLabelText(/^role/i), { target: { value: "   " } });
    await press(/^approve$/i);
    expect(calls).toEqual([["Bo", null]]);
    expect(screen.getByRole("status", { name: "Sign-off" }).textContent).toBe(
      "Approved by Bo at 2026-01-05T00:00:00Z.",
    );
    expect(screen.getByText(/^Approved by Bo: stamped in PlanLog/)).toBeTruthy();
  });

  it("keeps the typed name and role while the step runs again (the form is not emptied by a run)", async () => {
    const { cycle } = fakeCycle();
    render(<ExecutiveHarness cycle={cycle} />);
    await press(/summarize the plan/i);
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "Bo" } });
    fireEvent.change(screen.getByLabelText(/^role/i), { target: { value: "CFO" } });
    await press(/summarize the plan/i);
    expect((screen.getByLabelText(/approved by/i) as HTMLInputElement).value).toBe("Bo");
    expect((screen.getByLabelText(/^role/i) as HTMLInputElement).value).toBe("CFO");
  });

  it("words the sign-off from what the session found: fresh after all, or not checkable (an older workbook)", async () => {
    const signedOff = { changed: [] as string[], checked: true };
    const cycle = {
      executiveSummary: async () => view(undefined),
      approve: async () => ({ ...view(undefined), signedOff }),
    } as unknown as PaneCycle;
    render(<ExecutiveHarness cycle={cycle} />);
    await press(/summarize the plan/i);
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "Bo" } });
    await press(/^approve$/i);
    expect(screen.getByText(/^Approved by Bo: stamped in PlanLog with the plan's checksum\. /)).toBeTruthy();
    signedOff.checked = false;
    await press(/^approve$/i);
    expect(
      screen.getByText(
        /^Approved by Bo: stamped in PlanLog with the plan's checksum\. Staleness could not be checked: the plan was written before input checksums were recorded\./,
      ),
    ).toBeTruthy();
  });

  it("shows a refused approval as the step's message", async () => {
    const { cycle } = fakeCycle(true);
    render(<ExecutiveHarness cycle={cycle} />);
    await press(/summarize the plan/i);
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "Bo" } });
    await press(/^approve$/i);
    expect(screen.getByText(/no whole plan to approve/)).toBeTruthy();
  });

  it("shows a stale plan's refusal with Run the cycle again and Approve anyway (the same name and role, allowed)", async () => {
    const calls: [string, string | null, boolean | undefined][] = [];
    let reruns = 0;
    const stale = "The plan is stale: Sales changed since the plan was computed at 2026-01-01T00:00:00Z.";
    const cycle = {
      executiveSummary: async () => view(undefined),
      rerunCycle: async () => {
        reruns++;
        return view(undefined);
      },
      approve: async (by: string, role: string | null, allowStale?: boolean) => {
        calls.push([by, role, allowStale]);
        return allowStale
          ? {
              ...view({ statement: `Approved by ${by} at 2026-01-05T00:00:00Z.`, approved: true, changedSince: false }),
              signedOff: { changed: ["Sales"], checked: true },
            }
          : { ...view(undefined), staleApproval: { message: stale, changed: ["Sales"], by, role } };
      },
    } as unknown as PaneCycle;
    render(<ExecutiveHarness cycle={cycle} />);
    await press(/summarize the plan/i);
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "Bo" } });
    fireEvent.change(screen.getByLabelText(/^role/i), { target: { value: "CFO" } });
    await press(/^approve$/i);
    expect(calls).toEqual([["Bo", "CFO", false]]);
    const warning = screen.getByRole("group", { name: "Not approved" });
    expect(warning.textContent).toContain(stale);
    expect(screen.getByText(`Not approved: ${stale} Nothing was written.`)).toBeTruthy();

    await press(/run the cycle again/i);
    expect(reruns).toBe(1);
    expect(screen.queryByRole("group", { name: "Not approved" })).toBeNull();

    // The name and role typed before the re-run are still there: Approve again, then anyway.
    expect((screen.getByLabelText(/approved by/i) as HTMLInputElement).value).toBe("Bo");
    await press(/^approve$/i);
    await press(/approve anyway/i);
    expect(calls).toEqual([
      ["Bo", "CFO", false],
      ["Bo", "CFO", false],
      ["Bo", "CFO", true],
    ]);
    expect(
      screen.getByText(/^Approved anyway by Bo \(CFO\) although the plan is stale \(Sales changed\)/),
    ).toBeTruthy();
    expect(screen.queryByRole("group", { name: "Not approved" })).toBeNull();
  });

  it("offers no Run the cycle again where the pane has no such action", async () => {
    const cycle = {
      executiveSummary: async () => view(undefined),
      approve: async (by: string, role: string | null) => ({
        ...view(undefined),
        staleApproval: {
          message: "The plan is stale: Capacity changed since the plan was computed.",
          changed: [],
          by,
          role,
        },
      }),
    } as unknown as PaneCycle;
    render(<ExecutiveHarness cycle={cycle} rerun={false} />);
    await press(/summarize the plan/i);
    fireEvent.change(screen.getByLabelText(/approved by/i), { target: { value: "Bo" } });
    await press(/^approve$/i);
    expect(screen.getByRole("button", { name: /approve anyway/i })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /run the cycle again/i })).toBeNull();
  });
});
