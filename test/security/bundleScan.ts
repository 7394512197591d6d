/**
 * What a production bundle must not contain: telemetry SDKs, and absolute URLs the add-in could
 * send planning data to. Used by test/security/bundle.slow.test.ts on a fresh production build.
 */

/**
 * Markers of analytics / telemetry SDKs and their collection endpoints, as they appear in
 * minified bundles (package names survive in license banners and module ids; endpoints are
 * string literals). Lower case; matched case-insensitively.
 */
export const TELEMETRY_MARKERS = [
  "applicationinsights",
  "office-addin-usage-data",
  "usage-data",
  "@microsoft/1ds",
  "1ds-core-js",
  "browser.events.data.microsoft.com",
  "dc.services.visualstudio.com",
  "js.monitor.azure.com",
  "@sentry/",
  "sentry.io",
  "sentry_key",
  "@segment/",
  "cdn.segment.com",
  "api.segment.io",
  "mixpanel",
  "google-analytics.com",
  "googletagmanager",
  "gtag(",
  "amplitude.com",
  "posthog",
  "hotjar",
  "datadoghq",
  "newrelic",
  "sendbeacon",
];

/**
 * Absolute URLs allowed in the bundle, each with the reason it cannot carry data away.
 * Anything else is a finding.
 */
export const ALLOWED_URLS: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^https:\/\/appsforoffice\.microsoft\.com(\/lib\/1\/hosted\/office\.js)?$/,
    why: "Office.js from Microsoft's CDN, required by the Store; a script load, no planning data",
  },
  {
    pattern: /^https:\/\/officeapis\.public\.onecdn\.static\.microsoft(\/1\/office\.js)?$/,
    why: "Microsoft's second documented Office.js host, allowed in the CSP's script-src; a script load, no planning data",
  },
  { pattern: /^http:\/\/www\.w3\.org\//, why: "XML / SVG / MathML namespace names, never fetched" },
  { pattern: /^http:\/\/schemas\.microsoft\.com\/office\//, why: "manifest XML namespace names, never fetched" },
  {
    pattern: /^https:\/\/reactjs\.org\/docs\/error-decoder\.html/,
    why: "text inside React's production error messages, never fetched",
  },
  {
    pattern: /^http:\/\/web\.mit\.edu\/lpsolve\/doc\/CPLEX-format\.htm$/,
    why: "text inside HiGHS's LP-file parse error message, never fetched (the add-in passes models as arrays)",
  },
];

/** The add-in's own origin (manifest URLs after the production rewrite) is allowed too. */
export function allowedUrl(url: string, ownOrigin: string): boolean {
  if (url === ownOrigin || url.startsWith(ownOrigin + "/")) return true;
  return ALLOWED_URLS.some(({ pattern }) => pattern.test(url));
}

/** Every absolute http(s) URL in a text, trimmed of trailing punctuation. */
export function absoluteUrls(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s"'`<>()\\,;{}]+/g) ?? [];
  return found.map((url) => url.replace(/[.;:]+$/, ""));
}

export interface BundleFinding {
  file: string;
  finding: string;
}

/** Telemetry markers and disallowed URLs in the given files (name → text). */
export function scanBundle(files: Record<string, string>, ownOrigin: string): BundleFinding[] {
  const findings: BundleFinding[] = [];
  for (const [file, text] of Object.entries(files)) {
    const lower = text.toLowerCase();
    for (const marker of TELEMETRY_MARKERS)
      if (lower.includes(marker)) findings.push({ file, finding: `telemetry marker "${marker}"` });
    for (const url of new Set(absoluteUrls(text)))
      if (!allowedUrl(url, ownOrigin)) findings.push({ file, finding: `URL ${url}` });
  }
  return findings;
}
