/** What every jest lane shares: TypeScript through ts-jest, the fixed fast-check seed. */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  setupFiles: ["<rootDir>/test/support/fastCheckSeed.ts"],
  // Fluent UI's icons one module each, not the whole icon index (see the file).
  moduleNameMapper: { "^@fluentui/react-icons$": "<rootDir>/test/support/fluentIcons.js" },
  // A guard against a hang, not a time limit: generous, so a busy machine cannot fail a test.
  testTimeout: 120000,
  // Two cores here: one worker per core, never more.
  maxWorkers: 2,
};
