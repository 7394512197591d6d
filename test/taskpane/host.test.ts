import { chosenDemoHost, detectHostFrom, type OfficeLike } from "../../src/taskpane/host/officeHost";
import { themeFromOffice } from "../../src/taskpane/host/theme";

const excel = (bodyBackgroundColor?: string): OfficeLike => ({
  onReady: async () => ({ host: "Excel" }),
  HostType: { Excel: "Excel" },
  context: { officeTheme: bodyBackgroundColor ? { bodyBackgroundColor } : null },
});

describe("host detection", () => {
  it("runs in demo mode when Office.js is not there (CDN unreachable or a plain browser)", async () => {
    await expect(detectHostFrom(undefined, false)).resolves.toMatchObject({ kind: "browser", theme: "light" });
    await expect(detectHostFrom(undefined, true)).resolves.toMatchObject({ kind: "browser", theme: "dark" });
  });

  it("runs in demo mode when Office.js loaded in a browser (host null) or failed to start", async () => {
    const browser: OfficeLike = { onReady: async () => ({ host: null }), HostType: { Excel: "Excel" } };
    await expect(detectHostFrom(browser, false)).resolves.toMatchObject({ kind: "browser", reason: /not in Excel/ });
    const broken: OfficeLike = { onReady: () => Promise.reject(new Error("boom")) };
    await expect(detectHostFrom(broken, false)).resolves.toMatchObject({ kind: "browser", reason: /failed to start/ });
  });

  it("waits for a slow Office.onReady instead of switching to demo data (a cold start of Excel)", async () => {
    jest.useFakeTimers();
    try {
      let answer: (info: { host: unknown }) => void = () => undefined;
      const slow: OfficeLike = {
        onReady: () => new Promise((resolve) => (answer = resolve)),
        HostType: { Excel: "Excel" },
      };
      let settled: unknown;
      const detection = detectHostFrom(slow, false).then((host) => (settled = host));
      // A minute of waiting: the old 3 s timeout would have chosen demo mode long before.
      await jest.advanceTimersByTimeAsync(60000);
      expect(settled).toBeUndefined();
      answer({ host: "Excel" });
      await detection;
      expect(settled).toEqual({ kind: "excel", theme: "light" });
    } finally {
      jest.useRealTimers();
    }
  });

  it("follows Excel's theme inside Excel", async () => {
    // #262626: Excel's dark grey body; #ffffff: the colorful/white theme.
    await expect(detectHostFrom(excel("#262626"), false)).resolves.toEqual({ kind: "excel", theme: "dark" });
    await expect(detectHostFrom(excel("#FFFFFF"), true)).resolves.toEqual({ kind: "excel", theme: "light" });
    await expect(detectHostFrom(excel(undefined), true)).resolves.toEqual({ kind: "excel", theme: "dark" });
  });

  it("says demo data was the planner's choice when picked while connecting", () => {
    expect(chosenDemoHost(true)).toMatchObject({ kind: "browser", theme: "dark", reason: /You chose demo data/ });
  });

  it("reads a colour's luminance: 0.2126 R + 0.7152 G + 0.0722 B below 128 is dark", () => {
    // #808080: 128 on every channel → luminance 128 → light; #7f7f7f → 127 → dark.
    expect(themeFromOffice("#808080")).toBe("light");
    expect(themeFromOffice("#7f7f7f")).toBe("dark");
    expect(themeFromOffice("not a colour")).toBeUndefined();
  });
});
