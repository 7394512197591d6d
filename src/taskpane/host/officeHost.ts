/**
 * The one place that talks to Office.js directly (besides the workbook port's Office adapter):
 * waits for `Office.onReady` once, reads the theme, and turns both into the pane's own types.
 *
 * Outside Office, or when the CDN script could not load, `Office` is undefined, and when the
 * script loaded in a plain browser `onReady` resolves with `host: null`; if it never resolves
 * (script blocked half-way) the timeout decides. In all those cases the pane runs in demo mode.
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

export const OFFICE_READY_TIMEOUT_MS = 3000;

function officeGlobal(): OfficeLike | undefined {
  const candidate = (globalThis as { Office?: OfficeLike }).Office;
  return candidate && typeof candidate.onReady === "function" ? candidate : undefined;
}

function timeout(ms: number): Promise<"timeout"> {
  return new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
}

let detected: Promise<PaneHost> | undefined;

/** Detects the host once per page; later calls return the same promise. */
export function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<PaneHost> {
  detected ??= detectHostFrom(officeGlobal(), timeoutMs, prefersDark());
  return detected;
}

/** The detection itself, with its inputs explicit (tests call this). */
export async function detectHostFrom(
  office: OfficeLike | undefined,
  timeoutMs: number,
  browserPrefersDark: boolean,
): Promise<PaneHost> {
  const browserTheme: PaneTheme = browserPrefersDark ? "dark" : "light";
  if (!office)
    return {
      kind: "browser",
      theme: browserTheme,
      reason: "Office.js is not available (not running inside Excel, or the Office CDN is unreachable).",
    };
  let info: { host: unknown } | "timeout";
  try {
    info = await Promise.race([office.onReady(), timeout(timeoutMs)]);
  } catch {
    return { kind: "browser", theme: browserTheme, reason: "Office.js failed to start." };
  }
  if (info === "timeout")
    return { kind: "browser", theme: browserTheme, reason: "Office.js did not become ready in time." };
  const isExcel = info.host != null && info.host === (office.HostType?.Excel ?? "Excel");
  if (!isExcel) return { kind: "browser", theme: browserTheme, reason: "The page is open in a browser, not in Excel." };
  return { kind: "excel", theme: themeFromOffice(office.context?.officeTheme?.bodyBackgroundColor) ?? browserTheme };
}

function prefersDark(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-color-scheme: dark)").matches
  );
}
