/**
 * The slow lane, `npm run test:slow`: the tests too slow for `npm test` (files named
 * *.slow.test.ts: the production bundle build, LibreOffice and openpyxl reading our files, the
 * million-cell arguments, a real solve up to its time limit), and the property and fuzz tests
 * again at their full case counts (test/support/slowLane.ts sets SOP_TEST_LANE=slow, which
 * test/support/runs.ts reads). Outcomes only, no wall clock, like every jest lane.
 */
const base = require("./jest.base.config");

/** The test files whose property or fuzz runs grow in this lane (they call testRuns). */
const PROPERTY_TESTS = [
  "**/test/engine/properties/*.test.ts",
  "**/test/fuzz/*.test.ts",
  "**/test/workbook/safety/*Safety.test.ts",
  "**/test/engine/reconcile/randomInstances.test.ts",
];

module.exports = {
  ...base,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.slow.test.ts", "**/*.slow.test.tsx", ...PROPERTY_TESTS],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  setupFiles: [...base.setupFiles, "<rootDir>/test/support/slowLane.ts"],
  testTimeout: 300000,
};
