/**
 * bench/reconcile: the cost-optimal plan for 50 families sharing 20 resources over 36 periods
 * (each family on 3–5 resources, own subcontracting, backlog and holding costs; resources with
 * regular and overtime hours), and the same generator at 5 and 8 families. For each size it
 * prints the time to build the model and to solve it with HiGHS (warm: the WebAssembly loaded
 * once before), the objective, and the same model solved by javascript-lp-solver in the same
 * run as the baseline (time and objective). The baseline runs in a child process with a time
 * budget, because on the full size it runs for many minutes; when it does not finish, the
 * ratio printed is a lower bound.
 *
 * Run: npm run bench:reconcile     Targets: HiGHS warm ≤ 1 s at 50 families, ≥ 10× faster than
 * the baseline, same objective.
 * Environment: RECONCILE_BENCH_SIZES="5,8,50" (families), RECONCILE_BENCH_BUDGET_S=180 (baseline
 * budget per size), RECONCILE_BENCH_SKIP_BASELINE=1.
 */
import { spawn } from "child_process";
import { performance } from "perf_hooks";
import { MultiFamilyInput, planFamilies, resolveFamily } from "../src/engine/reconcile";
import { buildReconcileModel } from "../src/engine/reconcile/reconcileModel";
import { createHighsSolver, loadHighs, solveWithHighs } from "../src/solver/highs";
import { solveWithJsLp, toJsLpModel } from "../test/support/jsLpSolver";
import { seededRandom } from "../src/engine/random";

const RESOURCES = 20;
const PERIODS = 36;

function instance(FAMILIES: number): MultiFamilyInput {
  const random = seededRandom(20261127);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const families: MultiFamilyInput["families"] = [];
  const bill: MultiFamilyInput["bill"] = [];
  for (let f = 0; f < FAMILIES; f++) {
    const base = int(200, 1000);
    const phase = random() * 12;
    const demand = Array.from({ length: PERIODS }, (_, t) =>
      Math.round(base * (1 + 0.35 * Math.sin((2 * Math.PI * (t + phase)) / 12)) * (0.85 + 0.3 * random())),
    );
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
const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function modelOf(families: number) {
  const input = instance(families);
  const resolved = input.families.map((f) => resolveFamily(f, f.name, { capacityOptional: true }));
  return { input, resolved, build: () => buildReconcileModel(resolved, input.resources, input.bill) };
}

interface BaselineResult {
  ms?: number;
  status: string;
  objective?: number;
}

/** Child-process side: solve the same model with javascript-lp-solver and print the result. */
function baselineChild(families: number): void {
  const program = modelOf(families).build().program;
  const jsModel = toJsLpModel(program);
  const start = performance.now();
  const solution = solveWithJsLp(program, jsModel);
  const result: BaselineResult = { ms: ms(start), status: solution.status, objective: solution.objective };
  process.stdout.write(JSON.stringify(result));
}

function runBaseline(families: number, budgetSeconds: number): Promise<BaselineResult> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", __filename, "--baseline", String(families)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), budgetSeconds * 1000);
    child.on("exit", () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out) as BaselineResult);
      } catch {
        resolve({ status: `not finished in ${budgetSeconds} s` });
      }
    });
  });
}

async function main(): Promise<void> {
  const sizes = (process.env.RECONCILE_BENCH_SIZES ?? "5,8,50").split(",").map(Number);
  const budget = Number(process.env.RECONCILE_BENCH_BUDGET_S ?? 180);
  let start = performance.now();
  const highs = await loadHighs();
  const loadMs = ms(start);
  // "Warm" means loaded and compiled: one untimed solve lets the engine's JIT tier up the WebAssembly.
  start = performance.now();
  solveWithHighs(highs, modelOf(Math.max(...sizes)).build().program);
  const firstSolveMs = ms(start);
  console.log(
    `bench/reconcile: families × ${RESOURCES} resources × ${PERIODS} periods; HiGHS ${highs.version.string} loaded in ${loadMs.toFixed(0)} ms, first (cold) solve of the largest model ${firstSolveMs.toFixed(0)} ms`,
  );
  console.log("");
  console.log(
    "| families | columns | rows | build ms | HiGHS solve ms | planFamilies ms | HiGHS objective | baseline ms | baseline objective | baseline ÷ HiGHS |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const families of sizes) {
    const { input, build } = modelOf(families);
    const builds: number[] = [];
    const solves: number[] = [];
    let objective = NaN;
    let program = build().program;
    for (let run = 0; run < 5; run++) {
      start = performance.now();
      program = build().program;
      builds.push(ms(start));
      start = performance.now();
      const solution = solveWithHighs(highs, program);
      solves.push(ms(start));
      if (solution.status !== "optimal") throw new Error(`HiGHS: ${solution.status}`);
      objective = solution.objective;
    }
    start = performance.now();
    const plan = await planFamilies(input, "optimal", createHighsSolver());
    const endToEnd = ms(start);
    if (Math.abs(plan.totalCost - objective) > 0.01)
      throw new Error(`plan costs ${plan.totalCost} but the objective is ${objective}`);
    const baseline: BaselineResult = process.env.RECONCILE_BENCH_SKIP_BASELINE
      ? { status: "skipped" }
      : await runBaseline(families, budget);
    const warm = median(builds) + median(solves);
    const ratio =
      baseline.ms !== undefined
        ? `${(baseline.ms / warm).toFixed(1)}×`
        : baseline.status === "skipped"
          ? ""
          : `> ${((budget * 1000) / warm).toFixed(0)}×`;
    const baselineObjective =
      baseline.objective !== undefined && baseline.status === "optimal"
        ? baseline.objective.toFixed(2)
        : baseline.status;
    console.log(
      `| ${families} | ${program.columnCost.length} | ${program.rowLower.length} | ${median(builds).toFixed(1)} | ${median(solves).toFixed(1)} | ${endToEnd.toFixed(1)} | ${objective.toFixed(2)} | ${baseline.ms !== undefined ? baseline.ms.toFixed(0) : "—"} | ${baselineObjective} | ${ratio} |`,
    );
  }
  console.log("");
  console.log(
    "build = engine model construction; solve = HiGHS on the loaded WebAssembly (median of 5); planFamilies = build + solve + reading the plans;",
  );
  console.log(
    "baseline = javascript-lp-solver on the same LinearProgram (one run; its model conversion not counted); ratio = baseline ÷ (build + solve).",
  );
}

if (process.argv[2] === "--baseline") baselineChild(Number(process.argv[3]));
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
