/** @jest-environment jsdom */
/**
 * The pane's views of volume and mix: the Executive step shows the FamilySOP block of the family
 * chosen in a drop-down; the Measure step shows accuracy by lag and a family's forecast waterfall.
 * Fixed views (the numbers are made up here; the session tests check the numbers themselves).
 */
import "./support/jsdomGaps";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ExecutiveView, FamilySopView, MeasureView } from "../../src/taskpane/cycle/views";
import { ExecutiveStep } from "../../src/taskpane/steps/executive/ExecutiveStep";
import { MeasureStep } from "../../src/taskpane/steps/measure/MeasureStep";

const block = (family: string, demandPlan: number): FamilySopView => ({
  family,
  historyPeriods: ["2025-11", "2025-12"],
  planPeriods: ["2026-01"],
  lines: [
    { measure: "Demand", line: "Plan", values: [demandPlan, 1100, 1200] },
    { measure: "Demand", line: "Actual", values: [1050, 1090, null] },
    { measure: "Fill rate", line: "Actual, then plan", values: [0.975, null, 1] },
    { measure: "Days of supply", line: "Actual, then plan", values: [12.34, null, 9.1] },
  ],
});

async function choose(label: string, option: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox", { name: label }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: option }));
  });
}

const cellsOf = (table: HTMLElement, rowName: string) =>
  within(table)
    .getAllByRole("row")
    .find((r) => r.textContent!.startsWith(rowName))!
    .querySelectorAll("td");

describe("Executive step: FamilySOP for a chosen family", () => {
  it("shows the first family's block, then the family chosen in the drop-down", async () => {
    const view: ExecutiveView = {
      strategy: "optimal",
      kpis: [],
      decisions: [],
      familySop: [block("Chairs", 1000), block("Desks", 400)],
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <ExecutiveStep run={{ status: "done", result: view }} canRun onRun={() => undefined} />
      </FluentProvider>,
    );
    const chairs = screen.getByRole("table", { name: "Family S&OP: Chairs" });
    expect(within(chairs).getByText("2026-01 (plan)")).toBeTruthy();
    expect([...cellsOf(chairs, "DemandPlan")].map((c) => c.textContent)).toEqual([
      "Demand",
      "Plan",
      "1,000",
      "1,100",
      "1,200",
    ]);
    // fill rate as a percent, days of supply to one decimal, blanks blank
    expect([...cellsOf(chairs, "Fill rate")].map((c) => c.textContent)).toEqual([
      "Fill rate",
      "Actual, then plan",
      "97.5 %",
      "",
      "100.0 %",
    ]);
    expect([...cellsOf(chairs, "Days of supply")].map((c) => c.textContent).slice(2)).toEqual(["12.3", "", "9.1"]);
    await choose("Family", "Desks");
    const desks = screen.getByRole("table", { name: "Family S&OP: Desks" });
    expect(cellsOf(desks, "DemandPlan")[2].textContent).toBe("400");
    expect(screen.queryByRole("table", { name: "Family S&OP: Chairs" })).toBeNull();
  });
});

describe("Measure step: accuracy by lag and the forecast waterfall", () => {
  it("shows WMAPE and bias at lag 1 and 3 and the chosen family's waterfall", async () => {
    const view: MeasureView = {
      accuracy: [],
      holdout: 0,
      source: "the earlier cycle's forecast",
      byLag: [
        { lag: 1, pairs: 32, wmape: 0.1234, bias: -0.02 },
        { lag: 3, pairs: 16, wmape: null, bias: null },
      ],
      waterfall: [
        {
          family: "Chairs",
          planStarts: ["2025-10", "2025-11"],
          periods: ["2025-11", "2025-12"],
          volume: [
            [900, 950],
            [880, null],
          ],
        },
        { family: "Desks", planStarts: ["2025-10", "2025-11"], periods: ["2025-11"], volume: [[300, 320]] },
      ],
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <MeasureStep run={{ status: "done", result: view }} canRun onRun={() => undefined} />
      </FluentProvider>,
    );
    const lags = screen.getByRole("table", { name: "Consensus accuracy by lag" });
    expect([...cellsOf(lags, "Lag 1")].map((c) => c.textContent)).toEqual(["Lag 1", "32", "12.3 %", "-2.0 %"]);
    expect([...cellsOf(lags, "Lag 3")].map((c) => c.textContent)).toEqual(["Lag 3", "16", "–", "–"]);
    const chairs = screen.getByRole("table", { name: "Forecast waterfall: Chairs" });
    expect(within(chairs).getByText("Cycle 2025-11")).toBeTruthy();
    expect([...cellsOf(chairs, "2025-12")].map((c) => c.textContent)).toEqual(["2025-12", "880", ""]);
    await choose("Forecast waterfall of", "Desks");
    const desks = screen.getByRole("table", { name: "Forecast waterfall: Desks" });
    expect([...cellsOf(desks, "2025-11")].map((c) => c.textContent)).toEqual(["2025-11", "300", "320"]);
  });
});
