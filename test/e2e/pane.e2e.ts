/**
 * The pane in a plain browser, with the Office CDN unreachable: it must start in demo mode,
 * send nothing off the machine, log no errors, keep a strict CSP and pass axe in light and dark.
 */
import { OFFER_DEMO_AFTER_MS } from "../../src/taskpane/host/officeHost";
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
  it("starts in demo mode at once when the Office CDN is unreachable (no 'Connecting to Excel…' wait)", async () => {
    const pane = await openPane();
    try {
      // Records whether "Connecting to Excel…" was ever on the page: with Office undefined it must not be.
      await pane.page.addInitScript(() => {
        new MutationObserver(() => {
          if (document.body?.textContent?.includes("Connecting to Excel"))
            (window as unknown as { __connecting: boolean }).__connecting = true;
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await pane.page.goto(pane.url);
      await pane.page.getByRole("navigation", { name: "S&OP steps" }).waitFor();
      expect(await pane.page.evaluate(() => (window as unknown as { __connecting?: boolean }).__connecting)).toBe(
        undefined,
      );
      await pane.page.getByText("Demo mode").waitFor();
      expect(pane.offsite).toEqual([OFFICE_JS]);
      expect(pane.errors).toEqual([]);
      await screenshot(pane.page, "00-start");
    } finally {
      await pane.close();
    }
  });

  it("falls back to demo mode when Office.js loaded but the page is not in Excel (host null)", async () => {
    const pane = await openPane({
      officeJs:
        "window.Office = { onReady: () => Promise.resolve({ host: null, platform: null }), HostType: { Excel: 'Excel' } };",
    });
    try {
      await pane.page.goto(pane.url);
      await pane.page.getByText(/not in Excel/).waitFor();
      await pane.page.getByRole("button", { name: "Check the workbook" }).click();
      await pane.page.getByText(/Found \d+ tables/).waitFor();
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  it("keeps connecting while Office.onReady has not answered, and offers demo data without switching", async () => {
    const pane = await openPane({
      officeJs: "window.Office = { onReady: () => new Promise(() => {}), HostType: { Excel: 'Excel' } };",
    });
    try {
      await pane.page.goto(pane.url);
      await pane.page.getByText("Connecting to Excel…").waitFor();
      const offer = pane.page.getByRole("button", { name: "Continue with demo data" });
      await offer.waitFor({ timeout: OFFER_DEMO_AFTER_MS + 10000 });
      // Offered, not taken: still connecting, no demo workbook.
      expect(await pane.page.getByText("Demo mode").count()).toBe(0);
      expect(await pane.page.getByText("Connecting to Excel…").count()).toBe(1);
      await screenshot(pane.page, "00-connecting");
      await offer.click();
      await pane.page.getByText(/You chose demo data/).waitFor();
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
      // Both hosts Microsoft documents for Office.js, nothing else but this origin.
      expect(csp.get("script-src")).toEqual([
        "'self'",
        "https://appsforoffice.microsoft.com",
        "https://officeapis.public.onecdn.static.microsoft",
        "'wasm-unsafe-eval'",
      ]);
      // The planning worker (forecasts, RCCP, HiGHS) comes from this origin only.
      expect(csp.get("worker-src")).toEqual(["'self'"]);
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
