/** Browser tests: headless Chromium (playwright-core) against the built pane served from dist/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  testTimeout: 180000,
  maxWorkers: 1,
};
