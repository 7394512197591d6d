/**
 * The support contact printed on help.html (the manifest's SupportUrl and LearnMoreUrl), from
 * the build's environment: SUPPORT_URL (an https:// page) and/or SUPPORT_EMAIL. A production
 * build without either is refused, like the placeholder host, unless ALLOW_PLACEHOLDER_HOST=1
 * says it is a test or demo build.
 */
function escapeHtml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}

/** { html, configured }: the contact as HTML (escaped), and whether one was given. */
function supportContact(env = process.env, { production = false } = {}) {
  const url = (env.SUPPORT_URL || "").trim();
  const email = (env.SUPPORT_EMAIL || "").trim();
  if (url && !/^https:\/\/[^\s"'<>]+$/.test(url)) throw new Error(`SUPPORT_URL must be an https:// URL, not ${url}`);
  if (email && !/^[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+$/.test(email))
    throw new Error(`SUPPORT_EMAIL is not an e-mail address: ${email}`);
  const parts = [];
  if (url) parts.push(`<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
  if (email) parts.push(`<a href="mailto:${escapeHtml(email)}">${escapeHtml(email)}</a>`);
  if (parts.length) return { html: parts.join(" or "), configured: true };
  if (production && env.ALLOW_PLACEHOLDER_HOST !== "1")
    throw new Error(
      "No support contact: set SUPPORT_URL and/or SUPPORT_EMAIL for the help page the manifest names " +
        "(the Store requires a way to reach support), or ALLOW_PLACEHOLDER_HOST=1 for a test or demo build.",
    );
  return { html: "no support contact was set for this build (SUPPORT_URL, SUPPORT_EMAIL)", configured: false };
}

module.exports = { supportContact, escapeHtml };
