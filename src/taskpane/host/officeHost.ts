/**
 * The one place that talks to Office.js directly (besides the workbook port's Office adapter):
 * waits for `Office.onReady` once, reads the theme, and turns both into the pane's own types.
 *
 * Demo mode only when the page is open outside Office:
 * - `Office` is undefined: the CDN script failed to load (offline, blocked) or the page is a
 *   plain browser's. The script tag is a blocking `<script>` in the head, so by the time the
 *   pane's deferred bundle runs it has either run or failed.
 * - `Office.onReady` resolves with `host: null` (the script loaded in a plain browser), or rejects.
 *
 * When Office.js is there, `onReady` is awaited without a timeout: a cold start of Excel can take
 * many seconds, and switching to demo data meanwhile would leave a planner planning on the demo
 * workbook for the whole session. The pane shows "Connecting to Excel…" while it waits, and after
 * a while offers (never forces) demo data, for a page opened in a browser that never answers.
 */
import { themeFromOffice, type PaneTheme } from "./theme";

export type HostKind = "excel" | "browser";

export interface PaneHost {
  kind: HostKind;
  theme: PaneTheme;
  /** why the pane is in demo mode, for the banner; undefined inside Excel */
  reason?: string;
}

/** What we read from the global `Office`: kept structural so tests can hand in a fake. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { officeTheme?: { bodyBackgroundColor?: string } | null };
}

/** How long "Connecting to Excel…" waits before it also offers demo data (the offer; no switch). */
export const OFFER_DEMO_AFTER_MS = 10000;

/** The global `Office` when Office.js loaded, else undefined. */
export function officeGlobal(): OfficeLike | undefined {
  const candidate = (globalThis as { Office?: OfficeLike }).Office;
  return candidate && typeof candidate.onReady === "function" ? candidate : undefined;
}

/** The detection itself, with its inputs explicit (tests call this). Waits as long as `onReady` does. */
export async function detectHostFrom(office: OfficeLike | undefined, browserPrefersDark: boolean): Promise<PaneHost> {
  const browserTheme = browserThemeOf(browserPrefersDark);
  if (!office)
    return {
      kind: "browser",
      theme: browserTheme,
      reason: "Office.js is not available (not running inside Excel, or the Office CDN is unreachable).",
    };
  let info: { host: unknown };
  try {
    info = await office.onReady();
  } catch {
    return { kind: "browser", theme: browserTheme, reason: "Office.js failed to start." };
  }
  const isExcel = info?.host != null && info.host === (office.HostType?.Excel ?? "Excel");
  if (!isExcel) return { kind: "browser", theme: browserTheme, reason: "The page is open in a browser, not in Excel." };
  return { kind: "excel", theme: themeFromOffice(office.context?.officeTheme?.bodyBackgroundColor) ?? browserTheme };
}

/** The host a planner picks from "Connecting to Excel…" when Office.js never answers. */
export function chosenDemoHost(browserPrefersDark = prefersDark()): PaneHost {
  return {
    kind: "browser",
    theme: browserThemeOf(browserPrefersDark),
    reason: "You chose demo data while Office.js was still connecting.",
  };
}

function browserThemeOf(dark: boolean): PaneTheme {
  return dark ? "dark" : "light";
}

export function prefersDark(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-color-scheme: dark)").matches
  );
}
