/**
 * Loaded by jest.slow.config.js only: marks the run as the slow lane, where property and fuzz
 * tests run their full number of cases (test/support/runs.ts).
 */
process.env.SOP_TEST_LANE = "slow";
