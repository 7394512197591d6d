#!/usr/bin/env node
/** npm stop: end the sideloading session that npm start began (office-addin-debugging through npx). */
const { spawnSync } = require("child_process");

if (process.platform === "linux") {
  console.log("Nothing to stop: npm start does not sideload on Linux (stop `npm run dev-server` with Ctrl+C).");
  process.exit(0);
}
const result = spawnSync("npx", ["--yes", "office-addin-debugging", "stop", "manifest.xml"], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
