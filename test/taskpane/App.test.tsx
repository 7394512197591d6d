/** @jest-environment jsdom */
import "./support/jsdomGaps";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { PaneCycle } from "../../src/taskpane/cycle/paneCycle";
import type { CellAddress, GatherView } from "../../src/taskpane/cycle/views";

// A cycle that answers from fixed views: these tests pin the pane's behaviour, not the numbers
// (the browser tests compare the numbers with the CLI's).
function fakeCycle(gatherViews: GatherView[]): PaneCycle & { selected: CellAddress[]; templates: number } {
  let gathers = 0;
  const fake = {
    selected: [] as CellAddress[],
    templates: 0,
    gather: async () => gatherViews[Math.min(gathers++, gatherViews.length - 1)],
    insertTemplate: async () => {
      fake.templates++;
    },
    demandPlan: async () => {
      throw new Error("Sales has no history for item W-1.");
    },
    supplyPlan: async () => ({
      resources: ["Assembly"],
      periods: ["2026-01", "2026-02"],
      loadHours: [[90, 130]],
      capacityHours: [[100, 100]],
      overloads: [{ resource: "Assembly", period: "2026-02", loadHours: 130, capacityHours: 100 }],
      pastDueHours: [0],
      written: ["CapacityLoad"],
    }),
    compareStrategies: async () => ({ strategies: [] }),
    choosePlan: async () => ({ strategies: [] }),
    executiveSummary: async () => ({ strategy: "level" as const, kpis: [], decisions: [] }),
    measure: async () => ({ accuracy: [], holdout: 6 }),
    selectCell: async (cell: CellAddress) => {
      fake.selected.push(cell);
    },
  };
  return fake;
}

const browserHost = { kind: "browser" as const, theme: "light" as const, reason: "Office.js is not available." };

const withProblem: GatherView = {
  tables: [{ name: "Sales", rows: 432 }],
  missingTables: [],
  problems: [
    {
      severity: "error",
      table: "Sales",
      row: 4,
      column: "Quantity",
      value: "-5",
      message: "Quantity must be a number ≥ 0.",
      hint: "Type the units sold.",
      cell: { sheet: "Sales", row: 4, column: 2 },
    },
  ],
};

async function click(name: RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

describe("the task pane", () => {
  it("lists every validation problem and selects its cell in the workbook", async () => {
    const cycle = fakeCycle([withProblem]);
    render(<App host={browserHost} cycle={cycle} />);
    await click(/check the workbook/i);
    const problems = screen.getByRole("list", { name: "Validation problems" });
    expect(within(problems).getByText(/Quantity must be a number ≥ 0\. \(value: -5\)/)).toBeTruthy();
    expect(screen.getByText("Found 1 problem to fix.")).toBeTruthy();
    await click(/Error · Sales, row 4, Quantity/);
    expect(cycle.selected).toEqual([{ sheet: "Sales", row: 4, column: 2 }]);
    const gatherNav = screen.getByRole("navigation", { name: "S&OP steps" }).querySelector('[data-step="gather"]');
    expect(gatherNav?.getAttribute("data-status")).toBe("attention");
    expect(gatherNav?.textContent).toContain("needs attention");
  });

  it("offers the template when tables are missing, and checks again after inserting it", async () => {
    const cycle = fakeCycle([
      { tables: [], missingTables: ["Sales", "Items"], problems: [] },
      { tables: [{ name: "Sales", rows: 432 }], missingTables: [], problems: [] },
    ]);
    render(<App host={browserHost} cycle={cycle} />);
    await click(/check the workbook/i);
    expect(screen.getByText("Missing 2 tables: Sales, Items.")).toBeTruthy();
    await click(/insert template/i);
    expect(cycle.templates).toBe(1);
    expect(screen.getByText("Found 1 table; no problems.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /insert template/i })).toBeNull();
  });

  it("keeps a step that needs clean data disabled until the data is clean", async () => {
    render(<App host={browserHost} cycle={fakeCycle([withProblem])} />);
    fireEvent.click(screen.getByRole("button", { name: /Demand plan/ }));
    expect((screen.getByRole("button", { name: /run the forecasts/i }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows a failing step's message instead of a result", async () => {
    render(
      <App
        host={browserHost}
        cycle={fakeCycle([{ tables: [{ name: "Sales", rows: 1 }], missingTables: [], problems: [] }])}
      />,
    );
    await click(/check the workbook/i);
    fireEvent.click(screen.getByRole("button", { name: /Demand plan/ }));
    await click(/run the forecasts/i);
    expect(screen.getByText("Sales has no history for item W-1.")).toBeTruthy();
  });

  it("calls out overloaded periods in the supply step", async () => {
    const cycle = fakeCycle([{ tables: [{ name: "Sales", rows: 1 }], missingTables: [], problems: [] }]);
    render(<App host={browserHost} cycle={cycle} />);
    // The supply step needs a demand plan: give it one.
    cycle.demandPlan = async () => ({ series: [], accuracy: [], written: ["DemandPlan"] });
    await click(/check the workbook/i);
    fireEvent.click(screen.getByRole("button", { name: /Demand plan/ }));
    await click(/run the forecasts/i);
    fireEvent.click(screen.getByRole("button", { name: /Supply plan/ }));
    await click(/compute the capacity load/i);
    // 90/100 = 90.0 %; 130/100 = 130.0 %, overloaded by 30 h.
    expect(screen.getByText("90.0 %")).toBeTruthy();
    expect(screen.getByText("130.0 % ▲")).toBeTruthy();
    expect(screen.getByText("1 overload on 1 resource; wrote CapacityLoad.")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Overloads" }).textContent).toContain("30");
  });

  it("renders planner data as text, never as HTML", async () => {
    const hostile: GatherView = {
      tables: [{ name: "<img src=x onerror=alert(1)>", rows: 1 }],
      missingTables: [],
      problems: [],
    };
    const { container } = render(<App host={browserHost} cycle={fakeCycle([hostile])} />);
    await click(/check the workbook/i);
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeTruthy();
  });
});
