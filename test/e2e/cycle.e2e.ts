/**
 * The whole S&OP cycle in the browser demo: every step run on the in-memory demo workbook,
 * each step screenshotted and checked with axe, and the sheets the pane wrote compared number
 * by number with what the CLI writes for the same data.
 */
import type { Page } from "playwright-core";
import { openPane, screenshot, seriousAxeViolations, startHarness, stopHarness, type PaneSession } from "./harness";
import { cliOutputs, compareSheets, readDemoSheet } from "./sheets";

let pane: PaneSession;
let theme: "light" | "dark";
let expectedSheets: ReturnType<typeof cliOutputs> | undefined;

beforeAll(startHarness);
afterAll(stopHarness);

async function openStep(page: Page, title: string) {
  await page
    .getByRole("navigation", { name: "S&OP steps" })
    .getByRole("button", { name: new RegExp(title) })
    .click();
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
}

/** Clicks an action and waits until the step is idle again with a new outcome message; returns it. */
async function act(page: Page, button: string | RegExp): Promise<string> {
  const step = page.locator("main section[aria-labelledby]");
  const before = await messageOf(page);
  await step.getByRole("button", { name: button }).click();
  const handle = await page.waitForFunction(
    (previous) => {
      const section = document.querySelector("main section[aria-labelledby]");
      const bar = section?.querySelector(".fui-MessageBar");
      const text = bar?.textContent ?? "";
      return section?.getAttribute("aria-busy") === "false" && text !== "" && text !== previous ? text : false;
    },
    before,
    { timeout: 120000 },
  );
  return (await handle.jsonValue()) as string;
}

async function messageOf(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector("main section[aria-labelledby] .fui-MessageBar")?.textContent ?? "",
  );
}

async function checkStep(name: string) {
  await screenshot(pane.page, theme === "light" ? name : `${name}-${theme}`);
  expect(await seriousAxeViolations(pane.page)).toEqual([]);
  expect(pane.errors).toEqual([]);
}

describe.each(["light", "dark"] as const)("the S&OP cycle in the browser demo, %s theme", (colorScheme) => {
  beforeAll(async () => {
    theme = colorScheme;
    pane = await openPane({ colorScheme });
  });
  afterAll(() => pane?.close());

  it("offers the template on an empty workbook and inserts it", async () => {
    await pane.page.goto(`${pane.url}?workbook=empty`);
    await openStep(pane.page, "Gather data");
    expect(await act(pane.page, "Check the workbook")).toMatch(/Missing \d+ tables?: .*Sales/);
    await checkStep("01-gather-empty");
    expect(await act(pane.page, /Insert template/)).toMatch(/Found \d+ tables/);
    await checkStep("01-gather-template");
  });

  it("lists the problems of a broken workbook and selects a problem's cell", async () => {
    await pane.page.goto(`${pane.url}?workbook=broken`);
    expect(await act(pane.page, "Check the workbook")).toMatch(/Found 2 problems to fix/);
    const problems = pane.page.getByRole("list", { name: "Validation problems" });
    await problems.getByText(/value: -12/).waitFor();
    await problems.getByText(/value: twelve/).waitFor();
    await problems.getByRole("button", { name: /Sales, row 5, Quantity/ }).click();
    // The demo grid shows the Sales sheet with that cell marked current: data row 5, the quantity.
    const current = pane.page.locator('table[data-sheet="Sales"] td[aria-current="true"]');
    await current.waitFor();
    expect(await current.textContent()).toBe("-12");
    await checkStep("01-gather-problems");
    await openStep(pane.page, "Demand plan");
    expect(await pane.page.getByRole("button", { name: "Run the forecasts" }).isDisabled()).toBe(true);
  });

  it("runs every step on the demo workbook", async () => {
    const page = pane.page;
    await page.goto(pane.url);
    await openStep(page, "Gather data");
    expect(await act(page, "Check the workbook")).toMatch(/Found \d+ tables/);
    await checkStep("01-gather");

    await openStep(page, "Demand plan");
    expect(await act(page, "Run the forecasts")).toMatch(/wrote DemandPlan/);
    // The first family's chart carries the family volume's prediction band.
    await page.locator('[role="figure"][aria-label$=": history, forecast and prediction band"] svg').first().waitFor();
    await page.getByRole("table", { name: /held-out history/ }).waitFor();
    await checkStep("02-demand");
    // So does an item's chart.
    await page.getByLabel("Family or item to chart").selectOption({ label: "CH-100" });
    await page
      .locator('[role="figure"][aria-label="CH-100: history, forecast and prediction band"] svg')
      .first()
      .waitFor();
    await page.getByText("Lower bound").first().waitFor();
    await checkStep("02-demand-item");

    await openStep(page, "Supply plan");
    expect(await act(page, "Compute the capacity load")).toMatch(/wrote CapacityLoad/);
    await page.getByRole("region", { name: "Utilization by resource and period" }).waitFor();
    // The demo's Paint lines have a one-month offset: their first month's hours are past due.
    await page
      .getByRole("table", { name: /^Past-due load/ })
      .getByRole("cell", { name: "Paint" })
      .waitFor();
    await checkStep("03-supply");

    await openStep(page, "Reconcile");
    expect(await act(page, "Compare strategies")).toMatch(/pick one/);
    await page.getByRole("table", { name: "Strategies compared" }).waitFor();
    await page.getByRole("radio", { name: /Optimal/ }).check();
    expect(await act(page, /Write the optimal/)).toMatch(
      /Wrote the optimal plan to CapacityLoad, ProductionPlan, InventoryPlan, BacklogPlan/,
    );
    await page.locator('[role="figure"] svg').first().waitFor();
    await checkStep("04-reconcile");

    await openStep(page, "Executive summary");
    expect(await act(page, "Summarize the plan")).toMatch(/wrote ExecutiveSummary/);
    await page.getByRole("table", { name: /Key figures/ }).waitFor();
    await page.getByRole("table", { name: "Options compared" }).waitFor();
    await page.getByRole("list", { name: "Decisions needed" }).waitFor();
    // The demo's Budget covers the finance year that starts with the plan.
    await page.getByRole("table", { name: /^Plan vs budget, 2026-01 to 2026-12/ }).waitFor();
    await checkStep("05-executive");

    await openStep(page, "Measure");
    expect(await act(page, "Measure forecast accuracy")).toMatch(/WMAPE .* OTIF \d+\.\d %. Wrote Measure/);
    await page.getByRole("table", { name: "Forecast accuracy and value added" }).waitFor();
    await page.getByRole("table", { name: "Delivery performance" }).waitFor();
    // The demo has no ReasonCodes table: the empty state.
    await page.getByRole("status", { name: "Forecast value added by reason code" }).waitFor();
    await checkStep("06-measure");

    const statuses = await page
      .locator("nav [data-step]")
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-status")));
    expect(statuses).not.toContain("notStarted");
    expect(pane.offsite.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/"))).toEqual([]);
  });

  it("writes the same numbers as the CLI on the same data", async () => {
    expectedSheets ??= cliOutputs("optimal");
    const expected = await expectedSheets;
    for (const sheet of [
      "DemandPlan",
      "CapacityLoad",
      "ProductionPlan",
      "InventoryPlan",
      "BacklogPlan",
      "ExecutiveSummary",
    ]) {
      const written = await readDemoSheet(pane.page, sheet);
      // A header and at least one row per family (3 in the demo), with numbers in them.
      expect(written.length).toBeGreaterThan(3);
      expect(written.flat().filter((v) => typeof v === "number").length).toBeGreaterThan(10);
      compareSheets(sheet, written, expected[sheet]);
    }
  });

  it("promotes a scenario into the plan from the Executive step and goes back to the previous plan", async () => {
    const page = pane.page;
    await openStep(page, "Executive summary");
    await page.getByRole("table", { name: "Scenarios" }).waitFor();
    expect(await act(page, "Make it the plan: Second paint shift")).toMatch(
      /for the scenario "Second paint shift" \(optimal\) plan/,
    );
    await page.getByText("Second paint shift (the plan)").waitFor();
    await checkStep("05-executive-scenario");
    expect(await act(page, "Back to the previous plan")).toMatch(/for the optimal plan/);
    const executive = await readDemoSheet(page, "ExecutiveSummary");
    expect(String(executive.find((row) => String(row[0]).startsWith("Plan:"))?.[0])).toMatch(/^Plan: optimal,/);
    expect(pane.errors).toEqual([]);
  });
});
