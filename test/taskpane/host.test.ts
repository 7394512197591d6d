import { detectHostFrom, type OfficeLike } from "../../src/taskpane/host/officeHost";
import { themeFromOffice } from "../../src/taskpane/host/theme";

const excel = (bodyBackgroundColor?: string): OfficeLike => ({
  onReady: async () => ({ host: "Excel" }),
  HostType: { Excel: "Excel" },
  context: { officeTheme: bodyBackgroundColor ? { bodyBackgroundColor } : null },
});

describe("host detection", () => {
  it("runs in demo mode when Office.js is not there (CDN unreachable or a plain browser)", async () => {
    await expect(detectHostFrom(undefined, 50, false)).resolves.toMatchObject({ kind: "browser", theme: "light" });
    await expect(detectHostFrom(undefined, 50, true)).resolves.toMatchObject({ kind: "browser", theme: "dark" });
  });

  it("does not wait forever when Office.onReady never resolves: the timeout decides", async () => {
    // Fake timers: the outcome is decided by the 50 ms timeout, not by how busy the machine is.
    jest.useFakeTimers();
    try {
      const stuck: OfficeLike = { onReady: () => new Promise(() => undefined) };
      let settled: unknown;
      void detectHostFrom(stuck, 50, false).then((host) => (settled = host));
      await jest.advanceTimersByTimeAsync(49);
      expect(settled).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(settled).toMatchObject({ kind: "browser", reason: "Office.js did not become ready in time." });
    } finally {
      jest.useRealTimers();
    }
  });

  it("runs in demo mode when Office.js loaded in a browser (host null)", async () => {
    const browser: OfficeLike = { onReady: async () => ({ host: null }), HostType: { Excel: "Excel" } };
    await expect(detectHostFrom(browser, 50, false)).resolves.toMatchObject({ kind: "browser" });
  });

  it("follows Excel's theme inside Excel", async () => {
    // #262626: Excel's dark grey body; #ffffff: the colorful/white theme.
    await expect(detectHostFrom(excel("#262626"), 50, false)).resolves.toEqual({ kind: "excel", theme: "dark" });
    await expect(detectHostFrom(excel("#FFFFFF"), 50, true)).resolves.toEqual({ kind: "excel", theme: "light" });
    await expect(detectHostFrom(excel(undefined), 50, true)).resolves.toEqual({ kind: "excel", theme: "dark" });
  });

  it("reads a colour's luminance: 0.2126 R + 0.7152 G + 0.0722 B below 128 is dark", () => {
    // #808080: 128 on every channel → luminance 128 → light; #7f7f7f → 127 → dark.
    expect(themeFromOffice("#808080")).toBe("light");
    expect(themeFromOffice("#7f7f7f")).toBe("dark");
    expect(themeFromOffice("not a colour")).toBeUndefined();
  });
});
