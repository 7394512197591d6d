/** Slow checks kept out of `npm test`: run with `npm run test:slow` (minutes, not seconds). */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testMatch: ["**/*.slow.ts"],
  testTimeout: 900000,
};
