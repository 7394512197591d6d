/**
 * The fast lane, `npm test`: unit and integration tests, property and fuzz tests with a few
 * generated cases each (test/support/runs.ts). No test asserts a wall clock.
 *
 * Other lanes: `npm run test:slow` (jest.slow.config.js: files named *.slow.test.ts, which build
 * the production bundle, start LibreOffice or openpyxl, or feed million-cell arguments, and the
 * property and fuzz tests at their full case counts); `npm run test:e2e` (jest.e2e.config.js:
 * the pane in headless Chromium). Timed checks live in `npm run fuzz`, `npm run test:load` and
 * the `bench:*` scripts, which report times.
 */
const base = require("./jest.base.config");

module.exports = {
  ...base,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "\\.slow\\.test\\.tsx?$"],
};
