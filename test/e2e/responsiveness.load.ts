/**
 * The pane stays responsive on a 5,000-item × 60-month workbook: forecasting, RCCP and HiGHS
 * run in the planning worker, the demo grid renders only the rows in view, and the demand view
 * crosses from the worker without every item's series, so no main-thread task in the cycle
 * should last 200 ms or more (the criterion; Chromium's longtask entries, tasks over
 * 50 ms). The figure and each step's are printed, with the target met or not.
 *
 * A longtask is wall time: on a shared machine the operating system's scheduler stretches every
 * task (at a load average of 20 on 2 cores, a 100 ms task can take a second), and tests assert
 * no wall clock. So the test fails only on a gross breach, GROSS_BREACH_MS (10× the target; the
 * pane froze 2.3-4.4 s at 1,000 items before this work), and the report says whether 200 ms was
 * met. Slow (many minutes on a shared machine): its own script, npm run test:pane-load.
 */
import { openPane, startHarness, stopHarness } from "./harness";
import { runBigCycle } from "./bigCycle";

const ITEMS = 5000;
/** The target for the longest main-thread task (ms): reported. */
const TARGET_MS = 200;
/** What fails the test (ms): a freeze, whatever the machine's load. */
const GROSS_BREACH_MS = 10 * TARGET_MS;
// Minutes on a shared two-core machine: forecasting 5,000 items is the bulk.
jest.setTimeout(1_200_000);

beforeAll(startHarness);
afterAll(stopHarness);

describe("a 5,000-item cycle in the browser demo", () => {
  it("never freezes the pane (longest main-thread task reported against 200 ms), with progress shown while forecasting", async () => {
    const pane = await openPane({ viewport: { width: 1400, height: 900 } });
    try {
      const measure = await runBigCycle(pane.page, pane.url, ITEMS);
      console.log(
        [
          `5,000-item cycle: longest main-thread task ${measure.longestTaskMs.toFixed(0)} ms, ` +
            `${measure.longTasks} tasks over 50 ms, total ${(measure.totalMs / 1000).toFixed(1)} s; ` +
            `target < ${TARGET_MS} ms ${measure.longestTaskMs < TARGET_MS ? "met" : "NOT met"}`,
          ...measure.steps.map(
            (s) =>
              `  ${s.step.padEnd(22)} ${(s.ms / 1000).toFixed(1).padStart(6)} s  longest ${s.longestTaskMs.toFixed(0)} ms`,
          ),
        ].join("\n"),
      );
      // Progress counted items while the forecasts ran (the worker reports about every 1%).
      expect(measure.progressSeen.some((text) => /of 5,000 items forecast/.test(text))).toBe(true);
      expect(measure.longestTaskMs).toBeLessThan(GROSS_BREACH_MS);
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
