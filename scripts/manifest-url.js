/**
 * The manifest's development URL and the production rewrite, shared by webpack and the
 * validation script. Every occurrence is rewritten (the Microsoft template once replaced only
 * the first one).
 *
 * A production build needs the real host in ADDIN_URL. The placeholder host
 * (sop-planner.example.com) is refused unless ALLOW_PLACEHOLDER_HOST=1 says the build is for
 * tests or a demo, so a Store package never points at a host nobody owns.
 */
const DEV_URL = "https://localhost:3000/";
const PLACEHOLDER_URL = "https://sop-planner.example.com/";

/** ADDIN_URL from the environment, with a trailing slash; the placeholder only when allowed. */
function productionUrl(env = process.env) {
  const allowPlaceholder = env.ALLOW_PLACEHOLDER_HOST === "1";
  const url = env.ADDIN_URL || (allowPlaceholder ? PLACEHOLDER_URL : "");
  if (!url)
    throw new Error(
      "ADDIN_URL is not set: a production build needs the https:// address the add-in is served from " +
        "(e.g. ADDIN_URL=https://planner.contoso.com/sop/ npm run build). " +
        "For a test or demo build on the placeholder host, set ALLOW_PLACEHOLDER_HOST=1.",
    );
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_URL must be an https:// URL, not ${url}`);
  if (new URL(url).hostname === new URL(PLACEHOLDER_URL).hostname && !allowPlaceholder)
    throw new Error(
      `ADDIN_URL is the placeholder host ${new URL(PLACEHOLDER_URL).hostname}: set the real host, ` +
        "or ALLOW_PLACEHOLDER_HOST=1 for a test or demo build.",
    );
  return url.endsWith("/") ? url : url + "/";
}

/** Every resource URL becomes `url` + path; the bare origin (AppDomain) becomes the new origin. */
function toProduction(manifestXml, url = productionUrl()) {
  const origin = new URL(url).origin;
  return manifestXml.split(DEV_URL).join(url).split(DEV_URL.replace(/\/$/, "")).join(origin);
}

module.exports = { DEV_URL, PLACEHOLDER_URL, productionUrl, toProduction };
