#!/usr/bin/env node
// The `sop-planner` command: runs the compiled CLI (npm run build:cli compiles src/ into build/).
"use strict";
let cli;
try {
  cli = require("../build/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("sop-planner: the CLI is not built yet; run `npm run build:cli` first.\n");
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`sop-planner: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 3;
  },
);
