#!/usr/bin/env node
/**
 * npm start: sideload the add-in into desktop Excel with office-addin-debugging (Windows, macOS).
 *
 * office-addin-debugging is called through npx, not installed as a dependency: it pulls in a
 * native keychain module (keytar) that fails to build on Linux without libsecret-1-dev, and
 * `npm ci` must work everywhere. On Linux, where there is no desktop Excel, this explains the
 * alternatives instead.
 */
const { spawnSync } = require("child_process");

const args = process.argv.slice(2);
const target = args[0] || "desktop";

if (process.platform === "linux" && target === "desktop") {
  console.log(`Desktop Excel does not run on Linux, so there is nothing to sideload into here. Instead:

  1. Excel on the web: run \`npm run dev-server\` (https://localhost:3000), then in Excel on the web
     choose Home > Add-ins > More Add-ins > Upload My Add-in and pick manifest.xml.
     Trust the development certificate first: \`npx office-addin-dev-certs install\`.
  2. In any browser, without Excel: \`npm run dev-server\` and open https://localhost:3000/taskpane.html;
     outside Office the pane runs the whole S&OP cycle on the bundled demo workbook.
  3. Headless: \`npm run demo\` runs the cycle on assets/sample-workbook.xlsx and writes out/sop-demo.xlsx.

To try office-addin-debugging anyway (needs libsecret-1-dev for its keychain module):
  npx office-addin-debugging start manifest.xml web`);
  process.exit(0);
}

const result = spawnSync(
  "npx",
  ["--yes", "office-addin-debugging", "start", "manifest.xml", target, "--app", "excel"],
  {
    stdio: "inherit",
    shell: process.platform === "win32",
  },
);
process.exit(result.status ?? 1);
