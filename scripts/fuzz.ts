/**
 * npm run fuzz: at least 100,000 generated calls across the custom functions, each checked
 * against the contract in test/fuzz/contract.ts (finite value array or #VALUE!/#N/A with a
 * message, no other exception, < 1 s, deterministic, arguments untouched, documented shapes).
 *
 * Prints, per function: generated calls, invocations (each call runs twice, for determinism),
 * how the calls ended (value / #VALUE! / #N/A), failures, and the slowest call with its
 * arguments. Exits 1 on any failure, printing the first failing arguments.
 *
 *   npm run fuzz                          100,000 calls, seed 20261127
 *   npm run fuzz -- --calls 20000 --seed 7 --only RCCP_LOAD --messages   (most frequent errors too)
 */
import "../test/support/customFunctions";
import fc from "fast-check";
import { checkCall, FunctionUnderFuzz } from "../test/fuzz/contract";
import { show } from "../test/fuzz/excelArbitraries";
import { FUNCTIONS_UNDER_FUZZ } from "../test/fuzz/functionsUnderFuzz";

interface Stats {
  calls: number;
  values: number;
  errors: Map<string, number>;
  /** error messages with numbers blanked out → count, to see which rules the calls reach */
  messages: Map<string, number>;
  failures: number;
  firstFailures: string[];
  slowestMs: number;
  slowestArgs: unknown[];
  totalMs: number;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const totalCalls = Number(option("calls", process.env.FUZZ_CALLS ?? "100000"));
const seed = Number(option("seed", process.env.FUZZ_SEED ?? "20261127"));
const only = option("only", "");
const CHUNK = 500;

async function fuzz(spec: FunctionUnderFuzz, calls: number, functionSeed: number): Promise<Stats> {
  const stats: Stats = {
    calls: 0,
    values: 0,
    errors: new Map(),
    messages: new Map(),
    failures: 0,
    firstFailures: [],
    slowestMs: 0,
    slowestArgs: [],
    totalMs: 0,
  };
  for (let chunk = 0; stats.calls < calls; chunk++) {
    const batch = fc.sample(spec.args, { numRuns: Math.min(CHUNK, calls - stats.calls), seed: functionSeed + chunk });
    for (const args of batch) {
      const report = await checkCall(spec, args, { timed: true });
      stats.calls++;
      stats.totalMs += report.ms;
      if (report.outcome.kind === "value") stats.values++;
      else if (report.outcome.kind === "error") {
        stats.errors.set(report.outcome.code, (stats.errors.get(report.outcome.code) ?? 0) + 1);
        const pattern = `${report.outcome.code} ${report.outcome.message
          .replace(/"[^"]*"/g, '"…"')
          .replace(/-?\d[\d.e+-]*/g, "N")
          .slice(0, 110)}`;
        stats.messages.set(pattern, (stats.messages.get(pattern) ?? 0) + 1);
      }
      if (report.ms > stats.slowestMs) {
        stats.slowestMs = report.ms;
        stats.slowestArgs = args;
      }
      if (report.problems.length > 0) {
        stats.failures++;
        if (stats.firstFailures.length < Number(process.env.FUZZ_SHOW ?? 5)) {
          stats.firstFailures.push(
            `=${spec.name}(${args.map((a) => show(a, 300)).join(", ")})\n      ${report.problems.join("\n      ")}`,
          );
        }
      }
    }
  }
  return stats;
}

async function main(): Promise<void> {
  const specs = FUNCTIONS_UNDER_FUZZ.filter(
    (entry) => !only || entry.spec.name.toUpperCase().includes(only.toUpperCase()),
  );
  if (specs.length === 0) throw new Error(`no function matches --only ${only}`);
  const shareTotal = specs.reduce((sum, entry) => sum + entry.share, 0);
  const started = performance.now();
  const peak = { rss: process.memoryUsage().rss };
  const sampler = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 200);
  const rows: { name: string; stats: Stats }[] = [];
  let remaining = totalCalls;
  for (const [i, entry] of specs.entries()) {
    const calls = i === specs.length - 1 ? remaining : Math.round((totalCalls * entry.share) / shareTotal);
    remaining -= calls;
    process.stderr.write(`fuzzing =${entry.spec.name} with ${calls} generated calls…\n`);
    rows.push({ name: entry.spec.name, stats: await fuzz(entry.spec, calls, seed + 1_000_000 * i) });
  }
  clearInterval(sampler);
  peak.rss = Math.max(peak.rss, process.memoryUsage().rss);

  console.log(`\nnpm run fuzz — seed ${seed}, ${totalCalls} generated calls, each run twice (determinism)\n`);
  console.log("| function | calls | values | #VALUE! | #N/A | failures | mean ms | slowest ms |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { name, stats } of rows) {
    const other = [...stats.errors.entries()]
      .filter(([code]) => code !== "#VALUE!" && code !== "#N/A")
      .reduce((n, [, c]) => n + c, 0);
    console.log(
      `| ${name} | ${stats.calls} | ${stats.values} | ${stats.errors.get("#VALUE!") ?? 0}${other ? ` (+${other} other codes)` : ""} | ${stats.errors.get("#N/A") ?? 0} | ${stats.failures} | ${(stats.totalMs / stats.calls).toFixed(3)} | ${stats.slowestMs.toFixed(1)} |`,
    );
  }
  const calls = rows.reduce((n, r) => n + r.stats.calls, 0);
  const failures = rows.reduce((n, r) => n + r.stats.failures, 0);
  console.log(
    `\ntotal: ${calls} calls (${2 * calls} invocations), ${failures} failures, ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${(peak.rss / 2 ** 20).toFixed(0)} MB`,
  );
  const slowest = rows.reduce((a, b) => (b.stats.slowestMs > a.stats.slowestMs ? b : a));
  console.log(
    `slowest call: ${slowest.stats.slowestMs.toFixed(1)} ms, =${slowest.name}(${slowest.stats.slowestArgs.map((a) => show(a, 160)).join(", ")})`,
  );
  if (process.argv.includes("--messages")) {
    for (const { name, stats } of rows) {
      console.log(`\nmost frequent errors of =${name}:`);
      for (const [pattern, count] of [...stats.messages.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15))
        console.log(`  ${String(count).padStart(6)}  ${pattern}`);
    }
  }
  for (const { name, stats } of rows) {
    if (stats.failures === 0) continue;
    console.log(`\nfirst failures of =${name}:`);
    for (const failure of stats.firstFailures) console.log(`  ${failure}`);
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
