/**
 * Forecast accuracy and speed on public data (../shared/data by default).
 *
 *   npx ts-node --transpile-only bench/forecast.ts [dataDir] [--r-subset N | --r-all | --no-r]
 *
 * For tourism monthly and quarterly (Athanasopoulos et al. 2011) and car parts (Hyndman et al.
 * 2008): MASE (seasonal-naive scaling), sMAPE and MAPE, or MAE, RMSE and pooled bias for the
 * intermittent car parts, and the time per series, for FORECAST_SOP's methods and for R's
 * ets() and thetaf() run in the same bench when Rscript is installed. R's ets() needs about
 * 0.7 s per monthly series, so by default R runs on an evenly spaced subset of N = 40 series
 * per data set, and our methods are scored on that same subset too (both tables printed).
 * Then speed: a 120-month series, and one FORECAST_SOP call on a 1,000 × 60 matrix.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { forecastSeries } from "../src/engine/forecast";
import { mape, mase, smape } from "../src/engine/metrics";

interface Series {
  id: string;
  period: number;
  horizon: number;
  train: number[];
  test: number[];
}

interface Row {
  method: string;
  forecasts: number[][];
  msPerSeries: number;
  note?: string;
}

const args = process.argv.slice(2);
const subsetArg = args.indexOf("--r-subset");
const rSubset = subsetArg >= 0 ? Number(args[subsetArg + 1]) : 40;
const positional = args.filter((a, i) => !a.startsWith("--") && !(subsetArg >= 0 && i === subsetArg + 1));
const dataDir = path.resolve(positional[0] ?? path.join(__dirname, "..", "..", "shared", "data"));
const rAll = args.includes("--r-all");
const noR = args.includes("--no-r");

function load(name: string): Series[] | undefined {
  const file = path.join(dataDir, `${name}.json`);
  if (!fs.existsSync(file)) {
    console.log(`(skipped ${name}: ${file} not found; pass the data folder as the first argument)`);
    return undefined;
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as Series[];
}

function hasRscript(): boolean {
  if (noR) return false;
  const probe = spawnSync("Rscript", ["-e", "suppressMessages(library(forecast)); cat('ok')"], { encoding: "utf8" });
  return probe.status === 0 && probe.stdout.includes("ok");
}

function timeOurs(series: Series[], method: string): Row {
  const started = process.hrtime.bigint();
  const forecasts = series.map(
    (s) => forecastSeries({ history: s.train, horizon: s.horizon, seasonality: s.period, method }).point,
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { method: `FORECAST_SOP ${method}`, forecasts, msPerSeries: ms / series.length };
}

function runR(file: string, indices: number[]): { ets: Row; thetaf: Row } | undefined {
  const out = path.join(os.tmpdir(), `sop-forecast-r-${process.pid}.json`);
  const script = path.join(__dirname, "forecastR.R");
  const run = spawnSync("Rscript", [script, file, indices.map((i) => i + 1).join(","), out], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) {
    console.log(`(R failed: ${run.stderr.split("\n").slice(-3).join(" ")})`);
    return undefined;
  }
  const r = JSON.parse(fs.readFileSync(out, "utf8"));
  fs.unlinkSync(out);
  const row = (name: string, part: { seconds: number; forecasts: number[][] }): Row => ({
    method: `R ${name} (forecast ${r.version})`,
    forecasts: part.forecasts,
    msPerSeries: (1000 * part.seconds) / indices.length,
  });
  return { ets: row("ets()", r.ets), thetaf: row("thetaf()", r.thetaf) };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : "n/a");

function printSeasonal(title: string, series: Series[], rows: Row[], baseline: string): void {
  console.log(`\n${title}`);
  console.log("| method | MASE | sMAPE % | MAPE % | ms / series | MASE vs seasonal naive |");
  console.log("|---|---|---|---|---|---|");
  const base = rows.find((r) => r.method.endsWith(baseline));
  const scores = rows.map((row) => ({
    row,
    mase: mean(series.map((s, i) => mase(s.test, row.forecasts[i], s.train, s.period))),
    smape: mean(series.map((s, i) => smape(s.test, row.forecasts[i]))),
    mape: mean(series.map((s, i) => (s.test.every((v) => v !== 0) ? mape(s.test, row.forecasts[i]) : NaN))),
  }));
  const baseMase = scores.find((s) => s.row === base)?.mase ?? NaN;
  for (const s of scores) {
    console.log(
      `| ${s.row.method}${s.row.note ? ` ${s.row.note}` : ""} | ${fmt(s.mase)} | ${fmt(s.smape, 2)} | ${fmt(s.mape, 2)} | ${fmt(s.row.msPerSeries, 2)} | ${fmt(s.mase / baseMase)} |`,
    );
  }
}

function printIntermittent(title: string, series: Series[], rows: Row[]): void {
  console.log(`\n${title}`);
  console.log("| method | MAE | RMSE | bias (Σ(F−A)/ΣA) | ms / series |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) {
    const maeValue = mean(series.map((s, i) => mean(s.test.map((a, h) => Math.abs(a - row.forecasts[i][h])))));
    const rmseValue = mean(series.map((s, i) => Math.sqrt(mean(s.test.map((a, h) => (a - row.forecasts[i][h]) ** 2)))));
    let sumF = 0;
    let sumA = 0;
    series.forEach((s, i) => s.test.forEach((a, h) => ((sumA += a), (sumF += row.forecasts[i][h]))));
    console.log(
      `| ${row.method}${row.note ? ` ${row.note}` : ""} | ${fmt(maeValue)} | ${fmt(rmseValue)} | ${fmt((sumF - sumA) / sumA)} | ${fmt(row.msPerSeries, 3)} |`,
    );
  }
}

function evenlySpaced(count: number, wanted: number): number[] {
  if (wanted >= count) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: wanted }, (_, k) => Math.floor((k * count) / wanted));
}

function benchData(name: string, methods: string[], intermittent: boolean, withR: boolean): void {
  const series = load(name);
  if (!series) return;
  const rows = methods.map((m) => timeOurs(series, m));
  const print = intermittent
    ? printIntermittent
    : (t: string, s: Series[], r: Row[]) => printSeasonal(t, s, r, "snaive");
  print(
    `### ${name}: all ${series.length} series, FORECAST_SOP methods (seasonality = ${series[0].period} given)`,
    series,
    rows,
  );
  if (!withR) return;
  const indices = rAll ? evenlySpaced(series.length, series.length) : evenlySpaced(series.length, rSubset);
  const subset = indices.map((i) => series[i]);
  const r = runR(path.join(dataDir, `${name}.json`), indices);
  if (!r) return;
  const ours = (intermittent ? ["auto", "snaive", "mean"] : ["auto", "snaive", "ets", "theta"]).map((m) =>
    timeOurs(subset, m),
  );
  const auto = ours[0];
  r.ets.note = `(${fmt(r.ets.msPerSeries / auto.msPerSeries, 0)}× our auto's time)`;
  print(
    `### ${name}: R and ours on the same ${subset.length} of ${series.length} series (${rAll ? "all" : "evenly spaced subset; --r-all for every series"})`,
    subset,
    [...ours, r.ets, r.thetaf],
  );
}

function speed(): void {
  const series = load("tourism_monthly");
  if (!series) return;
  console.log("\n### speed");
  const lastMonths = series.map((s) => s.train.slice(-120));
  for (const h of lastMonths.slice(0, 20)) forecastSeries({ history: h, horizon: 24 }); // warm-up
  const times: number[] = [];
  for (const history of lastMonths) {
    const started = process.hrtime.bigint();
    forecastSeries({ history, horizon: 24 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `single 120-month series, auto, season detected, h = 24 (${times.length} series): median ${fmt(times[times.length >> 1], 2)} ms, 95th percentile ${fmt(times[Math.floor(times.length * 0.95)], 2)} ms (target ≤ 5 ms)`,
  );

  (globalThis as any).CustomFunctions ??= {
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { forecastSop } = require("../src/functions/functions") as typeof import("../src/functions/functions");
  const matrix = Array.from({ length: 1000 }, (_, i) =>
    series[i % series.length].train.slice(-60).map((v) => v * (1 + Math.floor(i / series.length) / 10)),
  );
  const runs: number[] = [];
  let rows = 0;
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint();
    rows = forecastSop(matrix, 12).length;
    runs.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  const seconds = Math.min(...runs);
  const result = { length: rows };
  const withLevelStarted = process.hrtime.bigint();
  forecastSop(matrix, 12, null, null, 0.95);
  const withLevel = Number(process.hrtime.bigint() - withLevelStarted) / 1e9;
  console.log(
    `=SOP.FORECAST_SOP on a 1,000 × 60 matrix (tourism monthly, last 60 months), h = 12: best of 3 ${fmt(seconds, 2)} s (runs ${runs.map((r) => fmt(r, 2)).join(", ")}) for ${result.length} rows; with level 0.95: ${fmt(withLevel, 2)} s (target ≤ 5 s); load average now ${os.loadavg()[0].toFixed(1)}`,
  );
  const snaiveStarted = process.hrtime.bigint();
  forecastSop(matrix, 12, 12, "snaive");
  console.log(
    `same matrix, seasonal naive (baseline): ${fmt(Number(process.hrtime.bigint() - snaiveStarted) / 1e9, 3)} s`,
  );
}

function main(): void {
  if (!fs.existsSync(dataDir)) {
    console.log(
      `Data folder ${dataDir} not found: pass the folder holding tourism_monthly.json, tourism_quarterly.json and carparts.json.`,
    );
    return;
  }
  const withR = hasRscript();
  console.log(
    `data: ${dataDir}; R: ${withR ? (rAll ? "all series" : `subset of ${rSubset} series per data set`) : "not run (Rscript with the forecast package not found, or --no-r)"}`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((v) => v.toFixed(1))
      .join(" ")}`,
  );
  benchData("tourism_monthly", ["auto", "snaive", "ets", "ets-pool", "combination", "theta", "damped"], false, withR);
  benchData("tourism_quarterly", ["auto", "snaive", "ets", "ets-pool", "combination", "theta", "damped"], false, withR);
  benchData("carparts", ["auto", "mean", "snaive", "tsb", "sba", "croston", "ses"], true, withR);
  speed();
}

main();
