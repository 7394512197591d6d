/**
 * Seeded random numbers for simulated prediction intervals. The engine never uses the
 * global random generator: a caller may pass its own source; the default is this generator with a
 * fixed seed, so the same inputs always give the same bounds.
 */

import type { RandomSource } from "../random";

export { DEFAULT_SEED, seededRandom, type RandomSource } from "../random";

/**
 * A standard normal draw by the Box–Muller transform.
 * @example standardNormal(seededRandom(1)); // a finite number, the same on every run
 */
export function standardNormal(random: RandomSource): number {
  let u = random();
  while (u <= 1e-300) u = random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
