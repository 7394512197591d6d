/** @jest-environment jsdom */
import "./support/jsdomGaps";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { PaneCycle } from "../../src/taskpane/cycle/paneCycle";
import type { ExecutiveView, Strategy } from "../../src/taskpane/cycle/views";
import { ExecutiveHarness, press } from "./support/executiveHarness";

// A cycle answering from fixed views: these tests pin the form's wiring, not the numbers.
const summary: ExecutiveView = {
  strategy: "optimal",
  kpis: [],
  decisions: [],
  options: [
    {
      name: "optimal (plan)",
      totalCost: 1000,
      revenue: null,
      margin: null,
      fillRate: 1,
      peakBacklog: 0,
      peakUtilization: 0.9,
    },
  ],
  scenarios: [],
} as unknown as ExecutiveView;

function fakeCycle(fail = false) {
  const saves: [string, Strategy | null][] = [];
  const cycle = {
    executiveSummary: async () => summary,
    saveScenario: async (name: string, strategy: Strategy | null) => {
      if (fail) throw new Error('Sheet "Scenarios" was not created by S&OP Planner.');
      saves.push([name, strategy]);
      return {
        ...summary,
        options: [...summary.options!, { ...summary.options![0], name: `scenario: ${name}` }],
        scenarios: [{ name, promoted: false }],
      };
    },
  } as unknown as PaneCycle;
  return { cycle, saves };
}

describe("Save as scenario in the Executive step", () => {
  it("saves the named scenario with the chosen strategy, says so and compares it", async () => {
    const { cycle, saves } = fakeCycle();
    render(<ExecutiveHarness cycle={cycle} />);
    await press(/summarize the plan/i);
    const save = screen.getByRole("button", { name: /save scenario/i });
    expect(save.hasAttribute("disabled")).toBe(true); // no name yet
    fireEvent.change(screen.getByLabelText(/scenario name/i), {
      target: { value: " Level push " },
    });
    fireEvent.click(screen.getByRole("radio", { name: "Level" }));
    await press(/save scenario/i);
    expect(saves).toEqual([["Level push", "level"]]);
    expect(screen.getByText(/Saved scenario "Level push"; the options compared include it\./)).toBeTruthy();
    const options = screen.getByRole("table", { name: /options compared/i });
    expect(within(options).getByText("scenario: Level push")).toBeTruthy();
  });

  it("keeps the plan's strategy by default and shows a failure as a message", async () => {
    const { cycle } = fakeCycle(true);
    render(<ExecutiveHarness cycle={cycle} />);
    await press(/summarize the plan/i);
    fireEvent.change(screen.getByLabelText(/scenario name/i), {
      target: { value: "Mine" },
    });
    expect((screen.getByRole("radio", { name: "The plan's" }) as HTMLInputElement).checked).toBe(true);
    await press(/save scenario/i);
    expect(screen.getByText(/was not created by S&OP Planner/)).toBeTruthy();
  });
});
