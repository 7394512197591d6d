/** Unit and integration tests. Browser tests live in test/e2e and run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  setupFiles: ["<rootDir>/test/support/fastCheckSeed.ts"],
  testTimeout: 30000,
};
