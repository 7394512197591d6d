/** @jest-environment jsdom */
/**
 * The pane's views of what the engine computed and the sheets hold: past-due load apart (Supply
 * step), plan vs budget (Executive step), forecast value added by reason code (Measure step).
 * Hand-built views, the expected cells worked out beside them; paneViewsCycle.test.ts checks
 * that the session's views carry the sheets' numbers.
 */
import "./support/jsdomGaps";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ExecutiveView, MeasureView, PlanVsBudgetView, SupplyView } from "../../src/taskpane/cycle/views";
import { ExecutiveStep } from "../../src/taskpane/steps/executive/ExecutiveStep";
import { MeasureStep } from "../../src/taskpane/steps/measure/MeasureStep";
import { SupplyStep } from "../../src/taskpane/steps/supply/SupplyStep";

const inTheme = (ui: JSX.Element) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

/** The cells of every body row of a table, as text. */
const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("td")].map((c) => c.textContent));

describe("Supply step: past-due load apart", () => {
  const supply = (pastDueHours: number[]): SupplyView => ({
    resources: ["Assembly", "Paint"],
    periods: ["2026-01", "2026-02"],
    loadHours: [
      [90, 80],
      [152.25, 60],
    ],
    capacityHours: [
      [100, 100],
      [120, 120],
    ],
    overloads: [{ resource: "Paint", period: "2026-01", loadHours: 152.25, capacityHours: 120 }],
    pastDueHours,
    written: ["CapacityLoad"],
  });

  it("lists the resources with past-due hours beside their first period's load", () => {
    inTheme(<SupplyStep run={{ status: "done", result: supply([0, 40.25]) }} canRun onRun={() => undefined} />);
    const table = screen.getByRole("table", { name: /^Past-due load: hours lead-time offsets put before 2026-01/ });
    // Assembly has none and is left out; Paint: 40.25 h past due (one decimal: 40.3), counted in 2026-01's 152.25 h
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Resource", "Past due h", "2026-01 load h"]);
    expect(bodyRows(table)).toEqual([["Paint", "40.3", "152.3"]]);
    expect(screen.queryByRole("status", { name: "Past-due load" })).toBeNull();
  });

  it("says so when no offset puts work before the first period", () => {
    inTheme(<SupplyStep run={{ status: "done", result: supply([0, 0]) }} canRun onRun={() => undefined} />);
    expect(screen.getByRole("status", { name: "Past-due load" }).textContent).toBe(
      "No past-due load: no lead-time offset puts work before 2026-01.",
    );
    expect(screen.queryByRole("table", { name: /^Past-due load/ })).toBeNull();
  });
});

describe("Executive step: plan vs budget", () => {
  const executive = (budget: PlanVsBudgetView): ExecutiveView => ({
    strategy: "level",
    kpis: [],
    decisions: [],
    budget,
  });
  const show = (budget: PlanVsBudgetView) =>
    inTheme(<ExecutiveStep run={{ status: "done", result: executive(budget) }} canRun onRun={() => undefined} />);

  it("shows units shipped and revenue against budget by family and for all families", () => {
    // Chairs: budget 1,000 units / 200,000.00, plan 1,100 / 210,000.00 → gap +100 (10.0 %), +10,000 (5.0 %).
    // Desks: a revenue budget only, 50,000.00 against a plan of 45,500.50 → gap −4,499.50 (−9.0 %).
    // All families: units 1,000 vs 1,100; revenue 250,000 vs 255,500.50 → +5,500.50 (2.2 %).
    show({
      hasBudget: true,
      from: "2026-01",
      to: "2026-12",
      rows: [
        {
          family: "Chairs",
          budgetUnits: 1000,
          planUnits: 1100,
          unitsGap: 100,
          unitsGapShare: 0.1,
          budgetRevenue: 200000,
          planRevenue: 210000,
          revenueGap: 10000,
          revenueGapShare: 0.05,
        },
        {
          family: "Desks",
          budgetUnits: null,
          planUnits: null,
          unitsGap: null,
          unitsGapShare: null,
          budgetRevenue: 50000,
          planRevenue: 45500.5,
          revenueGap: -4499.5,
          revenueGapShare: -0.08999,
        },
        {
          family: "All families",
          budgetUnits: 1000,
          planUnits: 1100,
          unitsGap: 100,
          unitsGapShare: 0.1,
          budgetRevenue: 250000,
          planRevenue: 255500.5,
          revenueGap: 5500.5,
          revenueGapShare: 0.022002,
        },
      ],
    });
    const table = screen.getByRole("table", { name: "Plan vs budget, 2026-01 to 2026-12 (gap = plan − budget)" });
    screen.getByRole("heading", { name: "Plan vs budget, 2026-01 to 2026-12" });
    // six columns of money are wider than the pane: the table scrolls sideways in a focusable region
    expect(screen.getByRole("region", { name: /^Plan vs budget, .* \(scrolls sideways\)$/ }).tabIndex).toBe(0);
    // money in whole currency units as elsewhere in the pane; Intl rounds halves away from zero:
    // 45,500.50 → 45,501, −4,499.50 → −4,500, 5,500.50 → 5,501
    expect(bodyRows(table)).toEqual([
      ["Chairs", "Units shipped", "1,000", "1,100", "100", "10.0 %"],
      ["Chairs", "Revenue", "200,000", "210,000", "10,000", "5.0 %"],
      ["Desks", "Revenue", "50,000", "45,501", "-4,500", "-9.0 %"],
      ["All families", "Units shipped", "1,000", "1,100", "100", "10.0 %"],
      ["All families", "Revenue", "250,000", "255,501", "5,501", "2.2 %"],
    ]);
  });

  it("asks for a Budget table when the workbook has none, and says when it covers no plan month", () => {
    const { unmount } = show({ hasBudget: false, rows: [] });
    expect(screen.getByRole("status", { name: "Plan vs budget" }).textContent).toBe(
      "No Budget table in the workbook: add one to compare the plan with budget.",
    );
    expect(screen.queryByRole("table", { name: /^Plan vs budget/ })).toBeNull();
    unmount();
    show({ hasBudget: true, rows: [] });
    expect(screen.getByRole("status", { name: "Plan vs budget" }).textContent).toBe(
      "The Budget table covers no month of the plan: nothing to compare with budget.",
    );
  });
});

describe("Measure step: forecast value added by reason code", () => {
  const measure = (valueAdded: MeasureView["valueAdded"]): MeasureView => ({
    accuracy: [],
    holdout: 3,
    source: "the earlier cycle's forecast (plan start 2025-10)",
    valueAdded,
  });
  const show = (view: MeasureView) =>
    inTheme(<MeasureStep run={{ status: "done", result: view }} canRun onRun={() => undefined} />);

  it("shows each code's and source's value added, and the team inputs' two steps", () => {
    // PROMO: 4 pairs, actual 400, statistical off by 80 (20.0 %), consensus off by 20 (5.0 %) → FVA +15.0 %.
    // DEAL: consensus worse, 10.0 % → 12.5 % → FVA −2.5 %. Marketing = its only code PROMO.
    // SalesInput: statistical 10.0 % → input 8.0 % (FVA 2.0 %) → consensus 8.0 % (FVA 0.0 %).
    show(
      measure([
        {
          by: "code",
          name: "PROMO",
          detail: "promotion",
          pairs: 4,
          actual: 400,
          wmapeStatistical: 0.2,
          wmapeAfter: 0.05,
          valueAdded: 0.15,
        },
        {
          by: "code",
          name: "DEAL",
          detail: "customer deal",
          pairs: 2,
          actual: 200,
          wmapeStatistical: 0.1,
          wmapeAfter: 0.125,
          valueAdded: -0.025,
        },
        {
          by: "source",
          name: "Marketing",
          detail: "codes PROMO",
          pairs: 4,
          actual: 400,
          wmapeStatistical: 0.2,
          wmapeAfter: 0.05,
          valueAdded: 0.15,
        },
        {
          by: "input",
          name: "SalesInput",
          detail: "statistical → input → consensus",
          pairs: 2,
          actual: 200,
          wmapeStatistical: 0.1,
          wmapeAfter: 0.08,
          valueAdded: 0.02,
          consensusValueAdded: 0,
        },
      ]),
    );
    const reasons = screen.getByRole("table", { name: /^Forecast value added by reason code/ });
    expect(
      within(reasons)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Reason", "Detail", "Pairs", "WMAPE statistical", "WMAPE consensus", "FVA"]);
    expect(bodyRows(reasons)).toEqual([
      ["PROMO", "promotion", "4", "20.0 %", "5.0 %", "15.0 %"],
      ["DEAL", "customer deal", "2", "10.0 %", "12.5 %", "-2.5 %"],
      ["Marketing (source)", "codes PROMO", "4", "20.0 %", "5.0 %", "15.0 %"],
    ]);
    const inputs = screen.getByRole("table", { name: /^Forecast value added by team input/ });
    expect(bodyRows(inputs)).toEqual([["SalesInput", "2", "10.0 %", "8.0 %", "2.0 %", "0.0 %"]]);
    expect(screen.queryByRole("status", { name: "Forecast value added by reason code" })).toBeNull();
  });

  it("says there are no overrides with a reason code yet", () => {
    show(measure([]));
    expect(screen.getByRole("status", { name: "Forecast value added by reason code" }).textContent).toMatch(
      /^No overrides with a reason code yet/,
    );
    expect(screen.queryByRole("table", { name: /^Forecast value added/ })).toBeNull();
  });
});
