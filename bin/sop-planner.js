#!/usr/bin/env node
// The `sop-planner` command: runs the compiled CLI (npm run build:cli compiles src/ into build/).
// main() maps every error to an exit code itself (docs/cli.md); the handlers below are the last
// resort for a failure outside it: one line asking for a report, the stack only with --debug.
"use strict";
const debug = process.argv.includes("--debug");
function internal(e) {
  const message = String((e && e.message) || e).split("\n")[0];
  process.stderr.write(
    `sop-planner: internal error: ${message}. This is a bug; please report it with the command you ran${debug ? "." : " (run again with --debug for the stack trace)."}\n`,
  );
  if (debug && e && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 3;
}
let cli;
try {
  cli = require("../build/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("build/cli/main.js")) {
    process.stderr.write("sop-planner: the CLI is not built yet; run `npm run build:cli` first.\n");
    process.exit(3);
  }
  internal(e);
}
if (cli) cli.main(process.argv.slice(2)).then((code) => (process.exitCode = code), internal);
