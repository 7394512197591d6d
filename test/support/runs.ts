/**
 * How many generated cases a property or fuzz test runs.
 *
 * `npm test` (the fast lane) runs `fast` cases from the fixed seed (test/support/fastCheckSeed.ts):
 * few enough to keep the lane quick, and the same cases on every run. `npm run test:slow` loads
 * test/support/slowLane.ts, which sets SOP_TEST_LANE=slow, and runs `full` cases. `FUZZ_RUNS=<n>`
 * overrides both, e.g. `FUZZ_RUNS=5000 npx jest test/fuzz/reconcile.test.ts`.
 */
export function testRuns(full: number, fast: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return process.env.SOP_TEST_LANE === "slow" ? full : fast;
}

/** True in `npm run test:slow`. */
export function inSlowLane(): boolean {
  return process.env.SOP_TEST_LANE === "slow";
}
