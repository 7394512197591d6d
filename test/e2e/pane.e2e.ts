/**
 * The pane in a plain browser, with the Office CDN unreachable: it must start in demo mode,
 * send nothing off the machine, log no errors, keep a strict CSP and pass axe in light and dark.
 */
import { OFFICE_READY_TIMEOUT_MS } from "../../src/taskpane/host/officeHost";
import {
  contentSecurityPolicy,
  OFFICE_JS,
  openPane,
  screenshot,
  seriousAxeViolations,
  startHarness,
  stopHarness,
} from "./harness";

beforeAll(startHarness);
afterAll(stopHarness);

describe("the pane in a browser without Office", () => {
  it("starts in demo mode at once when the Office CDN is unreachable (no wait for Office.onReady)", async () => {
    const pane = await openPane();
    try {
      const started = Date.now();
      await pane.page.goto(pane.url);
      await pane.page.getByRole("navigation", { name: "S&OP steps" }).waitFor();
      // Office is undefined, so the pane must not sit out the onReady timeout (bench/pane measures the render itself).
      expect(Date.now() - started).toBeLessThan(OFFICE_READY_TIMEOUT_MS);
      await pane.page.getByText("Demo mode").waitFor();
      expect(pane.offsite).toEqual([OFFICE_JS]);
      expect(pane.errors).toEqual([]);
      await screenshot(pane.page, "00-start");
    } finally {
      await pane.close();
    }
  });

  it.each([
    [
      "Office.js loaded but the page is not in Excel (host null)",
      "window.Office = { onReady: () => Promise.resolve({ host: null, platform: null }), HostType: { Excel: 'Excel' } };",
      /not in Excel/,
    ],
    [
      "Office.onReady never resolves",
      "window.Office = { onReady: () => new Promise(() => {}), HostType: { Excel: 'Excel' } };",
      /did not become ready in time/,
    ],
  ])("falls back to demo mode when %s", async (_, officeJs, reason) => {
    const pane = await openPane({ officeJs });
    try {
      await pane.page.goto(pane.url);
      await pane.page.getByText(reason).waitFor({ timeout: OFFICE_READY_TIMEOUT_MS + 10000 });
      await pane.page.getByRole("button", { name: "Check the workbook" }).click();
      await pane.page.getByText(/Found \d+ tables/).waitFor();
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  it("fits a task pane's width: nothing wider than 350 px but the scrolling grids", async () => {
    const pane = await openPane({ viewport: { width: 350, height: 800 } });
    try {
      await pane.page.goto(pane.url);
      await pane.page.getByRole("button", { name: "Check the workbook" }).click();
      await pane.page.getByText(/Found \d+ tables/).waitFor();
      await pane.page
        .getByRole("navigation", { name: "S&OP steps" })
        .getByRole("button", { name: /Demand plan/ })
        .click();
      await pane.page.getByRole("button", { name: "Run the forecasts" }).click();
      const chart = pane.page.locator('[role="figure"] svg').first();
      await chart.waitFor({ timeout: 120000 });
      const box = await chart.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(350);
      expect(await pane.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
      await screenshot(pane.page, "02-demand-narrow");
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  it("declares a strict Content-Security-Policy", async () => {
    const pane = await openPane();
    try {
      await pane.page.goto(pane.url);
      const csp = await contentSecurityPolicy(pane.page);
      expect(csp.get("default-src")).toEqual(["'none'"]);
      expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com", "'wasm-unsafe-eval'"]);
      expect(csp.get("connect-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      expect(csp.get("frame-src")).toEqual(["'none'"]);
      for (const [directive, sources] of csp) {
        if (directive !== "style-src") expect(sources).not.toContain("'unsafe-inline'");
        expect(sources).not.toContain("'unsafe-eval'");
        expect(sources).not.toContain("*");
      }
    } finally {
      await pane.close();
    }
  });

  it.each(["light", "dark"] as const)(
    "has no serious or critical accessibility violations in the %s theme",
    async (colorScheme) => {
      const pane = await openPane({ colorScheme });
      try {
        await pane.page.goto(pane.url);
        await pane.page.getByRole("navigation", { name: "S&OP steps" }).waitFor();
        expect(await seriousAxeViolations(pane.page)).toEqual([]);
        await screenshot(pane.page, `00-start-${colorScheme}`);
        expect(pane.errors).toEqual([]);
      } finally {
        await pane.close();
      }
    },
  );
});
