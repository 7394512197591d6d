/**
 * The browser harness: serves dist/ on 127.0.0.1, drives Debian's Chromium with playwright-core,
 * and records what the page does that it should not: requests leaving 127.0.0.1 (all blocked and
 * recorded; only the Office.js CDN script is expected, and it must fail harmlessly), console
 * errors and uncaught exceptions.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDist } = require("../../scripts/serve-dist.js") as {
  serveDist(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> }>;
};

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface PaneSession {
  page: Page;
  url: string;
  /** every request to anywhere but 127.0.0.1, blocked */
  offsite: string[];
  /** console errors and uncaught exceptions, except the blocked Office.js load */
  errors: string[];
  close(): Promise<void>;
}

let browser: Browser | undefined;
let server: { url: string; close(): Promise<void> } | undefined;

export async function startHarness(): Promise<void> {
  if (!fs.existsSync(path.resolve(__dirname, "..", "..", "dist", "taskpane.html")))
    throw new Error("dist/taskpane.html is missing: run `npm run build` first.");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveDist({ port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export async function stopHarness(): Promise<void> {
  await browser?.close();
  await server?.close();
}

/** Opens the pane in a fresh context; `colorScheme` picks the browser's light or dark preference. */
export async function openPane(
  options: { colorScheme?: "light" | "dark"; viewport?: { width: number; height: number }; officeJs?: string } = {},
): Promise<PaneSession> {
  if (!browser || !server) throw new Error("startHarness() first");
  const context: BrowserContext = await browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    viewport: options.viewport ?? { width: 1400, height: 900 },
    serviceWorkers: "block",
  });
  const offsite: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    offsite.push(route.request().url());
    // A stand-in for the CDN's Office.js (answered here, nothing leaves), to try other host behaviours.
    if (options.officeJs !== undefined && route.request().url() === OFFICE_JS)
      return route.fulfill({ contentType: "text/javascript", body: options.officeJs });
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The Office.js script tag is expected to fail outside Office; that failure is the only allowed error.
    if (message.location().url === OFFICE_JS && /Failed to load resource/.test(message.text())) return;
    errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  const url = `${server.url}/taskpane.html`;
  return { page, url, offsite, errors, close: () => context.close() };
}

/**
 * axe-core's violations of impact serious or critical on the current page.
 *
 * One narrow exception: Fluent UI's focus manager (tabster) inserts `<i data-tabster-dummy
 * tabindex="0" aria-hidden="true">` sentinels that pass focus on the moment they get it; axe's
 * aria-hidden-focus rule flags them. Their maintainers call this intended and a known false
 * positive (microsoft/tabster#288, Fluent v9 known issues). Only those nodes, only for that
 * rule, are dropped; any other node keeps the violation.
 */
export async function seriousAxeViolations(
  page: Page,
): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // A strict CSP blocks injected <script> tags; evaluating the source runs it without one.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    type AxeNode = { target: string[] };
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: AxeNode[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    const isTabsterSentinel = (node: AxeNode) =>
      node.target.length === 1 && document.querySelector(node.target[0])?.hasAttribute("data-tabster-dummy") === true;
    return result.violations
      .map((v) => ({
        ...v,
        nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !isTabsterSentinel(n)) : v.nodes,
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The Content-Security-Policy of the page's meta tag, as directive → sources. */
export async function contentSecurityPolicy(page: Page): Promise<Map<string, string[]>> {
  const content = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
  );
  return new Map(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources] as [string, string[]]),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
