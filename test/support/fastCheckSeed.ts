/**
 * Property tests in `npm test` run from a fixed seed, so CI is reproducible: a failure seen once
 * is seen again. `FC_SEED=<n>` picks another seed, `FC_SEED=random` a fresh one each run (what
 * `npm run fuzz` does at scale); fast-check prints the seed of any failure to replay it.
 */
import fc from "fast-check";

const chosen = process.env.FC_SEED;
if (chosen !== "random") {
  const seed = chosen !== undefined && Number.isInteger(Number(chosen)) ? Number(chosen) : 20261127;
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
