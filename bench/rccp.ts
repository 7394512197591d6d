/**
 * bench/rccp: rough-cut capacity load for 10,000 items × 200 resources × 52 periods, with a bill
 * of 3 resources per item (30,000 bill lines). Prints the engine's warm time per full load
 * computation against a straightforward dense items × resources × periods triple loop on the
 * same data in the same run (the ratio is what to read; absolute times drift on shared machines).
 *
 * Run: npm run bench:rccp        Target: ≤ 20 ms per full load, warm.
 */
import { performance } from "perf_hooks";
import { BillLine, rccpLoad } from "../src/engine/capacity/rccpLoad";
import { seededRandom } from "../src/engine/random";

const ITEMS = 10_000;
const RESOURCES = 200;
const PERIODS = 52;
const RESOURCES_PER_ITEM = 3;

const random = seededRandom(20261127);
const plan: number[][] = Array.from({ length: ITEMS }, () =>
  Array.from({ length: PERIODS }, () => Math.round(random() * 100)),
);
const bill: BillLine[] = [];
const denseBill: number[][] = Array.from({ length: ITEMS }, () => new Array<number>(RESOURCES).fill(0));
for (let i = 0; i < ITEMS; i++) {
  const used = new Set<number>();
  while (used.size < RESOURCES_PER_ITEM) used.add(Math.floor(random() * RESOURCES));
  for (const resource of used) {
    const hoursPerUnit = Math.round(random() * 100) / 100 + 0.01;
    bill.push({ item: i, resource, hoursPerUnit });
    denseBill[i][resource] = hoursPerUnit;
  }
}

/** The baseline a developer would write first: dense triple loop over every item, resource and period. */
function denseLoad(): number[][] {
  const load = Array.from({ length: RESOURCES }, () => new Array<number>(PERIODS).fill(0));
  for (let i = 0; i < ITEMS; i++) {
    for (let r = 0; r < RESOURCES; r++) {
      const h = denseBill[i][r];
      for (let t = 0; t < PERIODS; t++) load[r][t] += plan[i][t] * h;
    }
  }
  return load;
}

function engineLoad(): number[][] {
  return rccpLoad({ plan, bill, resourceCount: RESOURCES }).load;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const a = engineLoad();
const b = denseLoad();
let maxDiff = 0;
for (let r = 0; r < RESOURCES; r++)
  for (let t = 0; t < PERIODS; t++)
    maxDiff = Math.max(maxDiff, Math.abs(a[r][t] - b[r][t]) / Math.max(1, Math.abs(b[r][t])));

const engineMs = time(engineLoad, 30);
const denseMs = time(denseLoad, 5);
console.log(
  `RCCP load: ${ITEMS.toLocaleString("en")} items × ${RESOURCES} resources × ${PERIODS} periods, ${bill.length.toLocaleString("en")} bill lines`,
);
console.log("| method | median ms (warm) | vs dense loop |");
console.log("|---|---:|---:|");
console.log(`| engine rccpLoad (sparse bill) | ${engineMs.toFixed(2)} | ${(denseMs / engineMs).toFixed(1)}× faster |`);
console.log(`| dense triple loop (baseline) | ${denseMs.toFixed(2)} | 1.0× |`);
console.log(
  `results agree: max relative difference ${maxDiff.toExponential(2)}; target ≤ 20 ms: ${engineMs <= 20 ? "met" : "NOT met"}`,
);
