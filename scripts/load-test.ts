/**
 * npm run test:load — the CLI on a 5,000-item × 60-month workbook (issue 8, load).
 *
 * Generates the workbook (long Sales table: 300,000 rows; 50 families, 4 resources, 18-month
 * horizon; deterministic), writes it to a temporary .xlsx, then runs the real command
 * `node bin/sop-planner.js plan <in> -o <out> --strategy <s>` for each strategy asked, and
 * reports wall time, peak resident memory of the CLI process (VmHWM from /proc, Linux) and the
 * outcome. Fails (exit 1) when the CLI crashes, prints no clear message, exceeds the time limit,
 * or exceeds the memory limit.
 *
 *   npm run test:load                         level and optimal, 5,000 items
 *   npm run test:load -- --items 1000 --strategies chase
 *   LOAD_TIME_LIMIT_S=900 LOAD_RSS_LIMIT_MB=3072 npm run test:load
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GENERATED_RESOURCES, generatedFamilies, generatedWorkbook } from "../src/workbook/sample/generatedWorkbook";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";

const root = path.resolve(__dirname, "..");

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const ITEMS = Number(option("items", "5000"));
const MONTHS = Number(option("months", "60"));
const HORIZON = Number(option("horizon", "18"));
const FAMILIES = generatedFamilies(ITEMS);
const STRATEGIES = option("strategies", "level,optimal").split(",");
const TIME_LIMIT_S = Number(process.env.LOAD_TIME_LIMIT_S ?? 900);
const RSS_LIMIT_MB = Number(process.env.LOAD_RSS_LIMIT_MB ?? 4096);
const RESOURCES = GENERATED_RESOURCES;
const generate = () => generatedWorkbook({ items: ITEMS, months: MONTHS, horizon: HORIZON });

interface Run {
  strategy: string;
  code: number | null;
  signal: string | null;
  seconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function peakRss(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function runCli(input: string, output: string, strategy: string): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [path.join(root, "bin", "sop-planner.js"), "plan", input, "-o", output, "--strategy", strategy],
      { cwd: root },
    );
    let stdout = "";
    let stderr = "";
    let peak = 0;
    let timedOut = false;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!))), 100);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, TIME_LIMIT_S * 1000);
    child.on("exit", (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({
        strategy,
        code,
        signal,
        seconds: (performance.now() - started) / 1000,
        peakRssMb: peak,
        stdout,
        stderr,
        timedOut,
      });
    });
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, "build", "cli", "main.js"))) {
    console.error("building the CLI (npm run build:cli)…");
    const build = spawnSync("npm", ["run", "build:cli"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build:cli failed");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-load-"));
  const input = path.join(dir, `load-${ITEMS}x${MONTHS}.xlsx`);
  let started = performance.now();
  const buffer = await XlsxWorkbook.fromMemory(generate()).toBuffer();
  fs.writeFileSync(input, buffer);
  console.error(
    `workbook: ${ITEMS} items × ${MONTHS} months (${ITEMS * MONTHS} Sales rows), ${FAMILIES} families, ${RESOURCES.length} resources, horizon ${HORIZON}: ${(buffer.length / 2 ** 20).toFixed(1)} MB, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const runs: Run[] = [];
  for (const strategy of STRATEGIES) {
    console.error(`running sop-planner plan --strategy ${strategy}…`);
    started = performance.now();
    runs.push(await runCli(input, path.join(dir, `out-${strategy}.xlsx`), strategy));
  }

  console.log(
    `\nnpm run test:load — ${ITEMS} items × ${MONTHS} months, horizon ${HORIZON}, limits ${TIME_LIMIT_S} s and ${RSS_LIMIT_MB} MB\n`,
  );
  console.log("| strategy | exit | wall s | peak RSS MB | outcome |");
  console.log("|---|---:|---:|---:|---|");
  let failed = false;
  for (const run of runs) {
    const lastError = run.stderr.trim().split("\n").filter(Boolean).pop() ?? "";
    let outcome: string;
    if (run.timedOut) outcome = `killed after the ${TIME_LIMIT_S} s limit`;
    else if (run.code === 0) outcome = "plan written";
    else if (run.code === 1 || run.code === 2) outcome = `refused with a message: ${lastError.slice(0, 160)}`;
    else outcome = `crashed (exit ${run.code}, signal ${run.signal}): ${lastError.slice(0, 160)}`;
    const bad =
      run.timedOut ||
      !(run.code === 0 || ((run.code === 1 || run.code === 2) && lastError.length > 0)) ||
      run.peakRssMb > RSS_LIMIT_MB;
    failed ||= bad;
    console.log(
      `| ${run.strategy} | ${run.code ?? run.signal} | ${run.seconds.toFixed(1)} | ${run.peakRssMb.toFixed(0)} | ${bad ? "FAIL: " : ""}${outcome} |`,
    );
  }
  for (const run of runs)
    if (run.code !== 0 && run.code !== 1 && run.code !== 2)
      console.log(`\n--strategy ${run.strategy} stderr:\n${run.stderr.trim().split("\n").slice(-15).join("\n")}`);
  for (const run of runs)
    if (run.code === 0)
      console.log(`\n--strategy ${run.strategy} summary:\n${run.stdout.trim().split("\n").slice(0, 12).join("\n")}`);
  fs.rmSync(dir, { recursive: true, force: true });
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
