import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./harness";
import { runBigCycle } from "./bigCycle";
// eslint-disable-next-line
const { serveDist } = require("../../scripts/serve-dist.js");
(async () => {
  const items = Number(process.argv[2] || 1000);
  const server = await serveDist({ port: 0 });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  page.on("console", (m) => console.log("console:", m.text()));
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.route("**/*", (r) => (new URL(r.request().url()).hostname === "127.0.0.1" ? r.continue() : r.abort()));
  const m = await runBigCycle(page, `${server.url}/taskpane.html`, items);
  console.log(JSON.stringify({ ...m, progressSeen: m.progressSeen.slice(0, 3).concat(m.progressSeen.slice(-2)) }, null, 1));
  const all = await page.evaluate(() => (window as any).__longTasks);
  console.log("all long tasks", JSON.stringify(all.map(([s, d]: number[]) => [Math.round(s), Math.round(d)])));
  await browser.close();
  await server.close();
})();
