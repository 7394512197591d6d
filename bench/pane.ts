/**
 * Task pane bench: what the pane downloads (gzipped) and how fast it first renders in headless
 * Chromium. Targets: initial JavaScript ≤ 300 KB gzipped (HiGHS's WebAssembly and the chart code
 * load later), first render ≤ 1 s.
 *
 * Baselines measured in the same run: React + ReactDOM alone (what any React pane downloads),
 * and the page's DOMContentLoaded (the browser fetching and running the scripts), so the
 * ratios say how much the pane adds.
 *
 * The pane's cycle on a generated workbook (gather → demand → supply → reconcile, BENCH_PANE_ITEMS
 * items × 60 months, default 5,000): total time and the longest main-thread task (`longtask`
 * PerformanceObserver), with the planning workers (as shipped) against a baseline in the same run
 * computed on the pane's thread (`?worker=off`). Target: longest task < 200 ms. The baseline
 * freezes the page for minutes at 5,000 items: that is what it shows.
 *
 * Then the same steps inside Excel's path: the Office.js adapter in the Excel behaviour simulator
 * (test/support/excelSimulator) on a BENCH_PANE_ITEMS-item workbook, with per step the syncs,
 * the largest request and response of a sync, and syncs refused for their size; baseline in the
 * same run: the adapter without its byte budget (one read and one write whatever the size, as
 * before chunking), which Excel on the web refuses over 5 MB. Target: every sync ≤ 4 MB.
 *
 *   ALLOW_PLACEHOLDER_HOST=1 npm run build && npm run bench:pane
 *   BENCH_PANE_ITEMS=1000 npm run bench:pane
 *   BENCH_PANE_PARTS=adapter npm run bench:pane      (only the simulator table; also: browser)
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../test/e2e/harness";
import { runBigCycle, type CycleMeasure } from "../test/e2e/bigCycle";
import { largePlanExcel } from "../test/support/excelSimulator/largePlan";
import type { StepResult } from "../src/workbook/session";
import { countedStep, simulatedSession, type SyncCounts } from "./simulatedSteps";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDist } = require("../scripts/serve-dist.js") as {
  serveDist(o?: { port?: number }): Promise<{ url: string; close(): Promise<void> }>;
};

const DIST = path.resolve(__dirname, "..", "dist");
const RUNS = 7;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function bundleSizes() {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]+src="?([^"\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const rows = files(DIST)
    .filter((f) => /\.(js|wasm)$/.test(f))
    .map((f) => {
      const name = path.relative(DIST, f);
      return { name, raw: fs.statSync(f).size, gzip: gz(f), initial: initial.includes(name) };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const reactBaseline = ["react/cjs/react.production.min.js", "react-dom/cjs/react-dom.production.min.js"].reduce(
    (sum, f) => sum + gz(path.resolve(__dirname, "..", "node_modules", f)),
    0,
  );
  return { rows, initialGzip: rows.filter((r) => r.initial).reduce((s, r) => s + r.gzip, 0), reactBaseline };
}

async function renderTimes(url: string) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const firstRender: number[] = [];
  const domContentLoaded: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      // Offline, as the e2e tests: the Office CDN fails at once.
      await context.route("**/*", (route) =>
        new URL(route.request().url()).hostname === "127.0.0.1"
          ? route.continue()
          : route.abort("internetdisconnected"),
      );
      await context.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('nav[aria-label="S&OP steps"]')) {
            (window as unknown as { __firstRender: number }).__firstRender = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined);
      firstRender.push(await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender));
      domContentLoaded.push(
        await page.evaluate(
          () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // The first run warms the browser's caches of fonts and code: keep it out.
  return {
    firstRender: median(firstRender.slice(1)),
    domContentLoaded: median(domContentLoaded.slice(1)),
    runs: RUNS - 1,
  };
}

const CYCLE_ITEMS = Number(process.env.BENCH_PANE_ITEMS || 5000);

async function cycleTimes(url: string): Promise<{ workers: CycleMeasure; baseline: CycleMeasure }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const run = async (workers: boolean) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route("**/*", (route) =>
      new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("internetdisconnected"),
    );
    try {
      return await runBigCycle(await context.newPage(), url, CYCLE_ITEMS, { workers, timeout: 3_600_000 });
    } finally {
      await context.close();
    }
  };
  try {
    return { workers: await run(true), baseline: await run(false) };
  } finally {
    await browser.close();
  }
}

interface AdapterStep extends SyncCounts {
  step: string;
}

/** The pane's steps (gather → demand → supply → write level) through the Office adapter in the simulator. */
async function adapterSteps(items: number, budgetBytes?: number): Promise<AdapterStep[]> {
  const excel = largePlanExcel({ items, history: 60, horizon: 18 });
  const session = simulatedSession(excel, budgetBytes);
  const steps: [string, () => Promise<Pick<StepResult, "problems">>][] = [
    ["Gather data", () => session.gather()],
    ["Demand plan", () => session.demandPlan()],
    ["Supply plan", () => session.supplyPlan()],
    ["Write the level plan", () => session.reconcile("level")],
  ];
  const rows: AdapterStep[] = [];
  for (const [step, run] of steps) {
    const { counts } = await countedStep(excel, run);
    rows.push({ step, ...counts });
    if (counts.error) break;
  }
  return rows;
}

async function printAdapter(): Promise<boolean> {
  const MB = (bytes: number) => (bytes / 1_000_000).toFixed(2);
  const chunked = await adapterSteps(CYCLE_ITEMS);
  const unchunked = await adapterSteps(CYCLE_ITEMS, Number.POSITIVE_INFINITY);
  console.log("");
  console.log(
    `Office adapter in the Excel simulator, ${CYCLE_ITEMS.toLocaleString("en-US")} items × 60 months, 18-month plan`,
  );
  console.log(
    "step".padEnd(24) +
      "syncs".padStart(7) +
      "max req MB".padStart(12) +
      "max resp MB".padStart(13) +
      "refused".padStart(9) +
      "   baseline (no budget): syncs, max req/resp MB, refused",
  );
  for (const row of chunked) {
    const b = unchunked.find((u) => u.step === row.step);
    console.log(
      row.step.padEnd(24) +
        String(row.syncs).padStart(7) +
        MB(row.maxRequest).padStart(12) +
        MB(row.maxResponse).padStart(13) +
        String(row.rejected).padStart(9) +
        (b
          ? `   ${b.syncs}, ${MB(b.maxRequest)}/${MB(b.maxResponse)}, ${b.rejected}${b.error ? ` (${b.error})` : ""}`
          : "   (stopped earlier)") +
        (row.error ? `  ERROR ${row.error}` : ""),
    );
  }
  const worst = Math.max(...chunked.map((r) => Math.max(r.maxRequest, r.maxResponse)));
  const ok = chunked.every((r) => !r.error && r.rejected === 0) && worst <= 4_000_000;
  console.log(`largest sync ${MB(worst)} MB: ${ok ? "ok" : "OVER"} (target ≤ 4 MB, no refused sync)`);
  return ok;
}

const PARTS = (process.env.BENCH_PANE_PARTS || "browser,adapter").split(",");

async function main() {
  if (PARTS.includes("adapter") && !PARTS.includes("browser")) {
    if (!(await printAdapter())) process.exitCode = 1;
    return;
  }
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.error("dist/ is missing: run `npm run build` first.");
    process.exit(1);
  }
  const sizes = bundleSizes();
  console.log("Bundle (dist/, gzip -9)");
  const width = Math.max(44, ...sizes.rows.map((r) => r.name.length + 2));
  console.log("file".padEnd(width) + "raw KB".padStart(10) + "gzip KB".padStart(10) + "  loaded");
  for (const r of sizes.rows)
    console.log(
      r.name.padEnd(width) +
        kb(r.raw).padStart(10) +
        kb(r.gzip).padStart(10) +
        (r.initial ? "  at start" : "  on demand"),
    );
  console.log("");
  console.log("measure".padEnd(44) + "value".padStart(10) + "baseline".padStart(10) + "ratio".padStart(8) + "  target");
  console.log(
    "initial JS, gzip KB (baseline: React+ReactDOM)".padEnd(44) +
      kb(sizes.initialGzip).padStart(10) +
      kb(sizes.reactBaseline).padStart(10) +
      (sizes.initialGzip / sizes.reactBaseline).toFixed(2).padStart(8) +
      `  ≤ 300 ${sizes.initialGzip <= 300 * 1024 ? "ok" : "OVER"}`,
  );
  const server = await serveDist({ port: 0 });
  try {
    const t = await renderTimes(`${server.url}/taskpane.html`);
    console.log(
      `first render, ms (baseline: DOMContentLoaded)`.padEnd(44) +
        t.firstRender.toFixed(0).padStart(10) +
        t.domContentLoaded.toFixed(0).padStart(10) +
        (t.firstRender / t.domContentLoaded).toFixed(2).padStart(8) +
        `  ≤ 1000 ${t.firstRender <= 1000 ? "ok" : "OVER"}  (median of ${t.runs} runs)`,
    );
    const cycle = await cycleTimes(`${server.url}/taskpane.html`);
    const label = `${CYCLE_ITEMS.toLocaleString("en-US")}-item cycle`;
    console.log(
      `${label}, total s (baseline: no worker)`.padEnd(44) +
        (cycle.workers.totalMs / 1000).toFixed(1).padStart(10) +
        (cycle.baseline.totalMs / 1000).toFixed(1).padStart(10) +
        (cycle.workers.totalMs / cycle.baseline.totalMs).toFixed(2).padStart(8),
    );
    console.log(
      `${label}, longest main-thread task ms`.padEnd(44) +
        cycle.workers.longestTaskMs.toFixed(0).padStart(10) +
        cycle.baseline.longestTaskMs.toFixed(0).padStart(10) +
        (cycle.workers.longestTaskMs / cycle.baseline.longestTaskMs).toFixed(3).padStart(8) +
        `  < 200 ${cycle.workers.longestTaskMs < 200 ? "ok" : "OVER"}`,
    );
    console.log("");
    console.log(
      "step".padEnd(24) +
        "workers s".padStart(10) +
        "longest ms".padStart(12) +
        "baseline s".padStart(12) +
        "longest ms".padStart(12),
    );
    cycle.workers.steps.forEach((s, i) => {
      const b = cycle.baseline.steps[i];
      console.log(
        s.step.padEnd(24) +
          (s.ms / 1000).toFixed(1).padStart(10) +
          s.longestTaskMs.toFixed(0).padStart(12) +
          (b.ms / 1000).toFixed(1).padStart(12) +
          b.longestTaskMs.toFixed(0).padStart(12),
      );
    });
  } finally {
    await server.close();
  }
  if (PARTS.includes("adapter") && !(await printAdapter())) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
