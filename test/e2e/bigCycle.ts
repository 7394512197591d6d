/**
 * The pane's cycle on a generated workbook (`?items=N`, N items × 60 months) with the main
 * thread watched by a `longtask` PerformanceObserver (tasks over 50 ms, as Chromium reports
 * them): shared by the responsiveness test and bench:pane.
 */
import type { Page } from "playwright-core";

export interface CycleMeasure {
  /** the longest main-thread task during the cycle (ms); 0 when none passed 50 ms */
  longestTaskMs: number;
  /** main-thread tasks over 50 ms during the cycle */
  longTasks: number;
  /** wall time of the cycle, clicks to last result (ms) */
  totalMs: number;
  /** per step: wall time (ms) and its longest task */
  steps: { step: string; ms: number; longestTaskMs: number }[];
  /** progress texts seen while forecasting ("1,234 of 5,000 items forecast") */
  progressSeen: string[];
}

/** Records long tasks from the page's start; `window.__longTasks` holds [start, duration] pairs. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: [number, number][] = [];
    (window as unknown as { __longTasks: [number, number][] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
    const seen: string[] = [];
    (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
    // textContent of the one progress element: innerText of the page would force a layout per
    // mutation and make long tasks of its own.
    new MutationObserver(() => {
      const text = document.querySelector("[data-progress]")?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

async function openStep(page: Page, title: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "S&OP steps" })
    .getByRole("button", { name: new RegExp(title) })
    .click();
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
}

/** Clicks an action and waits until the step is idle with a new outcome; returns the message. */
async function act(page: Page, button: string | RegExp, timeout: number): Promise<string> {
  const before = await page.evaluate(
    () => document.querySelector("main section[aria-labelledby] .fui-MessageBar")?.textContent ?? "",
  );
  await page.locator("main section[aria-labelledby]").getByRole("button", { name: button }).click();
  const handle = await page.waitForFunction(
    (previous) => {
      const section = document.querySelector("main section[aria-labelledby]");
      const text = section?.querySelector(".fui-MessageBar")?.textContent ?? "";
      return section?.getAttribute("aria-busy") === "false" && text !== "" && text !== previous ? text : false;
    },
    before,
    { timeout, polling: 250 },
  );
  return (await handle.jsonValue()) as string;
}

const now = (page: Page) => page.evaluate(() => performance.now());
const tasksBetween = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([a, b]) =>
      (window as unknown as { __longTasks: [number, number][] }).__longTasks.filter(
        ([start]) => start >= a && start <= b,
      ),
    [from, to] as const,
  );

/**
 * Opens `url?items=N`, waits for the pane, then runs gather → demand → supply → reconcile
 * (compare, write level) and measures each step. The page's start (generating the workbook in
 * memory, which stands in for Excel's own workbook) is not part of the cycle.
 */
export async function runBigCycle(
  page: Page,
  url: string,
  items: number,
  options: { timeout?: number; workers?: boolean } = {},
): Promise<CycleMeasure> {
  const timeout = options.timeout ?? 900000;
  await watchLongTasks(page);
  await page.goto(`${url}?items=${items}${options.workers === false ? "&worker=off" : ""}`);
  await page.getByRole("navigation", { name: "S&OP steps" }).waitFor({ timeout });
  const plan: [string, string | RegExp, RegExp][] = [
    ["Gather data", "Check the workbook", /Found \d+ tables/],
    ["Demand plan", "Run the forecasts", /wrote DemandPlan/],
    ["Supply plan", "Compute the capacity load", /wrote CapacityLoad/],
    ["Reconcile", "Compare strategies", /pick one/],
  ];
  const steps: CycleMeasure["steps"] = [];
  const start = await now(page);
  for (const [title, button, expected] of plan) {
    await openStep(page, title);
    const from = await now(page);
    const message = await act(page, button, timeout);
    if (!expected.test(message)) throw new Error(`${title}: unexpected outcome "${message}"`);
    const to = await now(page);
    const tasks = await tasksBetween(page, from, to);
    steps.push({ step: title, ms: to - from, longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)) });
  }
  await page.getByRole("radio", { name: /Level/ }).check();
  const from = await now(page);
  const message = await act(page, /Write the level/, timeout);
  if (!/Wrote the level plan/.test(message)) throw new Error(`Reconcile: unexpected outcome "${message}"`);
  const end = await now(page);
  const chooseTasks = await tasksBetween(page, from, end);
  steps.push({
    step: "Write the level plan",
    ms: end - from,
    longestTaskMs: Math.max(0, ...chooseTasks.map(([, d]) => d)),
  });
  const tasks = await tasksBetween(page, start, end);
  return {
    longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)),
    longTasks: tasks.length,
    totalMs: end - start,
    steps,
    progressSeen: await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen),
  };
}
