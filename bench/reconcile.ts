/**
 * bench/reconcile: the cost-optimal plan for 50 families sharing 20 resources over 36 periods
 * (each family on 3–5 resources, own subcontracting, backlog and holding costs; resources with
 * regular and overtime hours). Prints the time to build the model, to solve it with HiGHS
 * (cold: loading the WebAssembly included; warm: loaded), the objective, and the same model
 * solved by javascript-lp-solver in the same run as the baseline (time and objective).
 *
 * Run: npm run bench:reconcile     Targets: HiGHS warm ≤ 1 s, ≥ 10× faster than the baseline,
 * same objective. Set RECONCILE_BENCH_SKIP_BASELINE=1 to skip the (slow) baseline.
 */
import { performance } from "perf_hooks";
import { MultiFamilyInput, planFamilies, resolveFamily } from "../src/engine/reconcile";
import { buildReconcileModel } from "../src/engine/reconcile/reconcileModel";
import { createHighsSolver, loadHighs, solveWithHighs } from "../src/solver/highs";
import { solveWithJsLp, toJsLpModel } from "../test/support/jsLpSolver";

const FAMILIES = Number(process.env.RECONCILE_BENCH_FAMILIES ?? 50);
const RESOURCES = 20;
const PERIODS = 36;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function instance(): MultiFamilyInput {
  const random = mulberry32(20261127);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const families: MultiFamilyInput["families"] = [];
  const bill: MultiFamilyInput["bill"] = [];
  for (let f = 0; f < FAMILIES; f++) {
    const base = int(200, 1000);
    const phase = random() * 12;
    const demand = Array.from({ length: PERIODS }, (_, t) => Math.round(base * (1 + 0.35 * Math.sin((2 * Math.PI * (t + phase)) / 12)) * (0.85 + 0.3 * random())));
    families.push({
      name: `family ${f + 1}`,
      demand,
      openingInventory: int(0, base),
      costs: {
        regularCost: int(5, 20),
        materialCost: int(10, 60),
        holdingCost: int(1, 4),
        backlogCost: int(5, 15),
        subcontractCost: int(40, 120),
        subcontractCapacity: Math.round(base * 0.3),
        endingInventory: Math.round(base * 0.2),
      },
    });
    const used = new Set<number>();
    const count = int(3, 5);
    while (used.size < count) used.add(int(0, RESOURCES - 1));
    for (const resource of used) bill.push({ family: f, resource, hoursPerUnit: int(5, 40) / 100 });
  }
  // Regular hours at ~85% of the average load: the peaks need overtime, stock built ahead, or buying.
  const averageLoad = new Array<number>(RESOURCES).fill(0);
  for (const line of bill) {
    const family = families[line.family];
    averageLoad[line.resource] += (line.hoursPerUnit * family.demand.reduce((a, b) => a + b, 0)) / PERIODS;
  }
  const resources = averageLoad.map((load, r) => ({
    name: `resource ${r + 1}`,
    hours: Array.from({ length: PERIODS }, () => Math.round(load * 0.85)),
    overtimeHours: Array.from({ length: PERIODS }, () => Math.round(load * 0.15)),
    costPerHour: int(20, 40),
    overtimeCostPerHour: int(45, 80),
  }));
  return { families, resources, bill };
}

const ms = (start: number): number => performance.now() - start;
const fmt = (x: number): string => x.toFixed(1).padStart(10);

async function main(): Promise<void> {
  const input = instance();
  const resolved = input.families.map((f) => resolveFamily(f, f.name, { capacityOptional: true }));

  let start = performance.now();
  const highs = await loadHighs();
  const loadMs = ms(start);

  const builds: number[] = [];
  const solves: number[] = [];
  let objective = NaN;
  let model = buildReconcileModel(resolved, input.resources, input.bill);
  for (let run = 0; run < 5; run++) {
    start = performance.now();
    model = buildReconcileModel(resolved, input.resources, input.bill);
    builds.push(ms(start));
    start = performance.now();
    const solution = solveWithHighs(highs, model.program);
    solves.push(ms(start));
    if (solution.status !== "optimal") throw new Error(`HiGHS: ${solution.status}`);
    objective = solution.objective;
  }
  const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  start = performance.now();
  const plan = await planFamilies(input, "optimal", createHighsSolver());
  const endToEndMs = ms(start);

  const columns = model.program.columnCost.length;
  const rows = model.program.rowLower.length;
  const nonzeros = model.program.rowValues.length;
  console.log(`bench/reconcile: ${FAMILIES} families × ${RESOURCES} resources × ${PERIODS} periods — LP with ${columns} columns, ${rows} rows, ${nonzeros} nonzeros`);
  console.log("");
  console.log("| step                                   |    time ms |        objective |");
  console.log("|----------------------------------------|-----------:|-----------------:|");
  console.log(`| HiGHS load (WebAssembly, once)         | ${fmt(loadMs)} |                  |`);
  console.log(`| build model (median of 5)              | ${fmt(median(builds))} |                  |`);
  console.log(`| HiGHS solve, warm (median of 5)        | ${fmt(median(solves))} | ${objective.toFixed(2).padStart(16)} |`);
  console.log(`| planFamilies end to end (warm)         | ${fmt(endToEndMs)} | ${plan.totalCost.toFixed(2).padStart(16)} |`);

  if (process.env.RECONCILE_BENCH_SKIP_BASELINE) {
    console.log("\nbaseline skipped (RECONCILE_BENCH_SKIP_BASELINE is set)");
    return;
  }
  start = performance.now();
  const jsModel = toJsLpModel(model.program);
  const convertMs = ms(start);
  start = performance.now();
  const baseline = solveWithJsLp(model.program, jsModel);
  const baselineMs = ms(start);
  console.log(`| javascript-lp-solver: convert model    | ${fmt(convertMs)} |                  |`);
  console.log(`| javascript-lp-solver: solve (baseline) | ${fmt(baselineMs)} | ${baseline.status === "optimal" ? baseline.objective.toFixed(2).padStart(16) : baseline.status.padStart(16)} |`);
  const warm = median(builds) + median(solves);
  console.log("");
  console.log(`speed-up, baseline solve ÷ HiGHS warm build + solve: ${(baselineMs / warm).toFixed(1)}×`);
  console.log(`objective difference, HiGHS − baseline: ${(objective - baseline.objective).toFixed(4)} (${baseline.status})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
