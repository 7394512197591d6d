#!/usr/bin/env node
/**
 * Runs after `npm run build`: dist/ must hold what Excel loads — the manifest (URLs rewritten),
 * functions.json with the SOP functions, the functions script and the task pane page with its
 * Content-Security-Policy — or the build fails.
 */
const fs = require("fs");
const path = require("path");

const dist = path.resolve(__dirname, "..", "dist");
const problems = [];
const read = (f) =>
  fs.existsSync(path.join(dist, f))
    ? fs.readFileSync(path.join(dist, f), "utf8")
    : (problems.push(`dist/${f} is missing`), "");

const manifest = read("manifest.xml");
if (manifest.includes("localhost")) problems.push("dist/manifest.xml still points at localhost");
const metadata = read("functions.json");
if (metadata) {
  const ids = JSON.parse(metadata).functions.map((f) => f.id);
  if (!ids.includes("RCCP_LOAD")) problems.push(`dist/functions.json lacks RCCP_LOAD (has ${ids.join(", ")})`);
}
if (!read("functions.js").includes("associate"))
  problems.push("dist/functions.js does not register the functions (CustomFunctions.associate)");
const html = read("taskpane.html");
if (!/Content-Security-Policy/.test(html)) problems.push("dist/taskpane.html has no Content-Security-Policy");
if (!/functions\.js/.test(html) || !/taskpane\.js/.test(html))
  problems.push("dist/taskpane.html must load functions.js and taskpane.js (shared runtime)");
for (const size of [16, 32, 64, 80]) read(`assets/icon-${size}.png`);
// SupportUrl and LearnMoreUrl name help.html: it must be built, filled in and script-free.
const help = read("help.html");
if (help && (/<%|<script/i.test(help) || !/Privacy/.test(help)))
  problems.push("dist/help.html is not the finished help page (template left, a script, or no privacy section)");
for (const named of [...manifest.matchAll(/DefaultValue="([^"]+\.html)"/g)].map((m) => m[1].split("/").pop()))
  if (!fs.existsSync(path.join(dist, named))) problems.push(`dist/manifest.xml names ${named}, which is not in dist/`);

if (problems.length) {
  console.error("dist/ is incomplete:\n  " + problems.join("\n  "));
  process.exit(1);
}
console.log("dist/ holds manifest.xml, functions.json, functions.js, taskpane.html, help.html and the icons.");
