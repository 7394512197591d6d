/**
 * Seeded random numbers for simulated prediction intervals. The engine never calls
 * `Math.random()`: a caller may pass its own source; the default is this generator with a
 * fixed seed, so the same inputs always give the same bounds.
 */

/** A source of uniform numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/** The seed used when the caller passes no random source. */
export const DEFAULT_SEED = 20260101;

/**
 * Mulberry32: a small, fast 32-bit generator (Tommy Ettinger's public-domain design).
 * @example seededRandom(1)(); // => 0.6270739405881613
 */
export function seededRandom(seed: number = DEFAULT_SEED): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
