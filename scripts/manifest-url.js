/**
 * The manifest's development URL and the production rewrite, shared by webpack and the
 * validation script. Every occurrence is rewritten (the Microsoft template once replaced only
 * the first one).
 */
const DEV_URL = "https://localhost:3000/";

/** ADDIN_URL from the environment, with a trailing slash; a placeholder host when unset. */
function productionUrl() {
  const url = process.env.ADDIN_URL || "https://sop-planner.example.com/";
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_URL must be an https:// URL, not ${url}`);
  return url.endsWith("/") ? url : url + "/";
}

/** Every resource URL becomes `url` + path; the bare origin (AppDomain) becomes the new origin. */
function toProduction(manifestXml, url = productionUrl()) {
  const origin = new URL(url).origin;
  return manifestXml.split(DEV_URL).join(url).split(DEV_URL.replace(/\/$/, "")).join(origin);
}

module.exports = { DEV_URL, productionUrl, toProduction };
