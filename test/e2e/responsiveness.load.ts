/**
 * The pane stays responsive on a 5,000-item × 60-month workbook: forecasting, RCCP and HiGHS
 * run in the planning worker, so no main-thread task in the cycle lasts 200 ms or more (the
 * issue's criterion; Chromium's longtask entries, tasks over 50 ms). The figure is printed.
 *
 * Slow (many minutes on a shared machine): its own script, npm run test:pane-load.
 */
import { openPane, startHarness, stopHarness } from "./harness";
import { runBigCycle } from "./bigCycle";

const ITEMS = 5000;
// Minutes on a shared two-core machine: forecasting 5,000 items is the bulk.
jest.setTimeout(1_200_000);

beforeAll(startHarness);
afterAll(stopHarness);

describe("a 5,000-item cycle in the browser demo", () => {
  it("keeps every main-thread task under 200 ms, with progress shown while forecasting", async () => {
    const pane = await openPane({ viewport: { width: 1400, height: 900 } });
    try {
      const measure = await runBigCycle(pane.page, pane.url, ITEMS);
      console.log(
        [
          `5,000-item cycle: longest main-thread task ${measure.longestTaskMs.toFixed(0)} ms, ` +
            `${measure.longTasks} tasks over 50 ms, total ${(measure.totalMs / 1000).toFixed(1)} s`,
          ...measure.steps.map(
            (s) =>
              `  ${s.step.padEnd(22)} ${(s.ms / 1000).toFixed(1).padStart(6)} s  longest ${s.longestTaskMs.toFixed(0)} ms`,
          ),
        ].join("\n"),
      );
      // Progress counted items while the forecasts ran (the worker reports about every 1%).
      expect(measure.progressSeen.some((text) => /of 5,000 items forecast/.test(text))).toBe(true);
      expect(measure.longestTaskMs).toBeLessThan(200);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  it("cancels the forecasts: nothing written, the step says so, and it runs again afterwards", async () => {
    const pane = await openPane();
    try {
      const page = pane.page;
      await page.goto(`${pane.url}?items=${ITEMS}`);
      await page.getByRole("button", { name: "Check the workbook" }).click();
      await page.getByText(/Found \d+ tables/).waitFor({ timeout: 300000 });
      await page
        .getByRole("navigation", { name: "S&OP steps" })
        .getByRole("button", { name: /Demand plan/ })
        .click();
      await page.getByRole("button", { name: "Run the forecasts" }).click();
      await page.getByText(/of 5,000 items forecast/).waitFor({ timeout: 300000 });
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.getByText("Cancelled: nothing was written.").waitFor({ timeout: 60000 });
      // The demo workbook has no DemandPlan sheet: the cancelled step wrote nothing.
      expect(await page.getByRole("button", { name: "DemandPlan" }).count()).toBe(0);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
