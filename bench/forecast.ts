/**
 * Forecast accuracy and speed on public data (../shared/data by default), every collection side by
 * side with R's reference results.
 *
 *   npm run bench:forecast -- [dataDir] [--validation] [--methods a,b,c] [--only name,name]
 *                             [--with-r [--r-subset N | --r-all]] [--no-speed] [--intervals]
 *                             [--r-arima dir]
 *
 * Collections: tourism monthly and quarterly (Athanasopoulos et al. 2011), M1 monthly and quarterly
 * (Makridakis et al. 1982), car parts (Hyndman et al. 2008). For the seasonal collections: MASE
 * (seasonal-naive scaling), sMAPE (M3 definition) and MAPE, the 95% interval coverage and MSIS of
 * `auto`, and ms per series; for the intermittent car parts MAE, RMSE and pooled bias. The last
 * table puts `auto`'s figures beside each of the issue's targets (issue 15) and R's ets().
 *
 * The R rows come from the data sidecars (`<name>.md`, R 4.2.2 + forecast 8.20, all series), so
 * the bench runs without R; `--with-r` also runs R's ets() and thetaf() here (bench/forecastR.R)
 * on an evenly spaced subset of N = 40 series per collection (R's ets() needs ~0.7 s a series).
 *
 * `--intervals` gives every method's row its 95% coverage and MSIS (by default only `auto`'s).
 * `--r-arima dir` adds R's auto.arima() on every series from the files bench/arimaR.R writes
 * there (`Rscript bench/arimaR.R ../shared/data dir`, about an hour here; not run by CI).
 *
 * `--validation` scores on the training parts only: each series' last `horizon` training points
 * are held out and the rest is the history (series left with fewer than two seasons plus two
 * points are skipped). This is how `auto` is chosen (docs/forecasting.md): the test parts only
 * report.
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
  lower?: number[][];
  upper?: number[][];
  msPerSeries: number;
  note?: string;
}

/** R's results on all series of each collection, as the data sidecars report them. */
interface Reference {
  method: string;
  mase?: number;
  smape?: number;
  mape?: number;
  mae?: number;
  rmse?: number;
}

interface Collection {
  name: string;
  intermittent: boolean;
  /** R forecast 8.20 on every series, copied from `<name>.md` in the data folder */
  references: Reference[];
  /** the figure the issue sets as a target, when there is one */
  target?: { metric: "mase" | "smape"; value: number };
}

const COLLECTIONS: Collection[] = [
  {
    name: "tourism_monthly",
    intermittent: false,
    // tourism_monthly.md "Our R run": MASE 1-24 and MAPE 1-24
    references: [
      { method: "R ets()", mase: 1.5262, mape: 20.9648 },
      { method: "R thetaf()", mase: 1.6488, mape: 22.3904 },
      { method: "R snaive()", mase: 1.6309, mape: 22.5624 },
    ],
    target: { metric: "mase", value: 1.4 },
  },
  {
    name: "tourism_quarterly",
    intermittent: false,
    // tourism_quarterly.md "Our R run": MASE 1-8 and MAPE 1-8
    references: [
      { method: "R ets()", mase: 1.5923, mape: 15.3159 },
      { method: "R thetaf()", mase: 1.6613, mape: 15.9269 },
      { method: "R snaive()", mase: 1.699, mape: 16.4586 },
    ],
    target: { metric: "mase", value: 1.45 },
  },
  {
    name: "m1_monthly",
    intermittent: false,
    // m1_monthly.md "Reference results"
    references: [
      { method: "R ets()", smape: 14.97, mase: 1.074 },
      { method: "R thetaf()", smape: 16.53, mase: 1.091 },
      { method: "R snaive()", smape: 17.3, mase: 1.314 },
    ],
    target: { metric: "smape", value: 14.5 },
  },
  {
    name: "m1_quarterly",
    intermittent: false,
    // m1_quarterly.md "Reference results"
    references: [
      { method: "R ets()", smape: 17.46, mase: 1.657 },
      { method: "R thetaf()", smape: 16.35, mase: 1.702 },
      { method: "R snaive()", smape: 18.94, mase: 2.078 },
    ],
    target: { metric: "smape", value: 15.8 },
  },
  {
    name: "carparts",
    intermittent: true,
    // carparts.md "Our R run"
    references: [
      { method: "R ets()", mae: 0.6509, rmse: 0.8357 },
      { method: "R ses()", mae: 0.6343, rmse: 0.8149 },
      { method: "R croston()", mae: 0.7089, rmse: 0.9021 },
      { method: "zero forecast", mae: 0.417, rmse: 0.7934 },
    ],
  },
];

const SEASONAL_METHODS = ["auto", "snaive", "ets", "ets-pool", "combination", "theta", "dotm", "damped"];
const INTERMITTENT_METHODS = ["auto", "mean", "snaive", "tsb", "sba", "croston", "ses"];

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const flagsWithValue = ["--r-subset", "--methods", "--only", "--r-arima"];
const positional = args.filter((a, i) => !a.startsWith("--") && !flagsWithValue.includes(args[i - 1]));
const dataDir = path.resolve(positional[0] ?? path.join(__dirname, "..", "..", "shared", "data"));
const rSubset = Number(valueOf("--r-subset") ?? 40);
const rAll = args.includes("--r-all");
const withRFlag = args.includes("--with-r");
const validation = args.includes("--validation");
const methodsArg = valueOf("--methods")?.split(",");
const only = valueOf("--only")?.split(",");
const LEVEL = 0.95;
const allIntervals = args.includes("--intervals");
const rArimaDir = valueOf("--r-arima");

function load(name: string): Series[] | undefined {
  const file = path.join(dataDir, `${name}.json`);
  if (!fs.existsSync(file)) {
    console.log(`(skipped ${name}: ${file} not found; pass the data folder as the first argument)`);
    return undefined;
  }
  const series = JSON.parse(fs.readFileSync(file, "utf8")) as Series[];
  if (!validation) return series;
  return series
    .filter((s) => s.train.length - s.horizon >= 2 * s.period + 2)
    .map((s) => ({
      ...s,
      train: s.train.slice(0, s.train.length - s.horizon),
      test: s.train.slice(s.train.length - s.horizon),
    }));
}

function hasRscript(): boolean {
  if (!withRFlag) return false;
  const probe = spawnSync("Rscript", ["-e", "suppressMessages(library(forecast)); cat('ok')"], { encoding: "utf8" });
  return probe.status === 0 && probe.stdout.includes("ok");
}

function timeOurs(series: Series[], method: string, intervals: boolean): Row {
  const started = process.hrtime.bigint();
  const results = series.map((s) =>
    forecastSeries({
      history: s.train,
      horizon: s.horizon,
      seasonality: s.period,
      method,
      level: intervals ? LEVEL : undefined,
    }),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    method: `FORECAST_SOP ${method}`,
    forecasts: results.map((r) => r.point),
    lower: intervals ? results.map((r) => r.lower as number[]) : undefined,
    upper: intervals ? results.map((r) => r.upper as number[]) : undefined,
    msPerSeries: ms / series.length,
    note: intervals ? "(with 95% bounds)" : undefined,
  };
}

/** R's auto.arima() forecasts and 95% bounds on every series, as bench/arimaR.R wrote them. */
function readRArima(name: string, count: number): Row | undefined {
  const file = path.join(rArimaDir as string, `arimaR-${name}.json`);
  if (!fs.existsSync(file)) {
    console.log(`(--r-arima: ${file} not found)`);
    return undefined;
  }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  if (r.results.length !== count) return undefined;
  const results = r.results as { mean: number[]; lower: number[]; upper: number[] }[];
  return {
    method: `R auto.arima() (forecast ${r.version}, run here, all series)`,
    forecasts: results.map((x) => x.mean),
    lower: results.map((x) => x.lower),
    upper: results.map((x) => x.upper),
    msPerSeries: (1000 * r.seconds) / count,
  };
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
    method: `R ${name} (forecast ${r.version}, run here)`,
    forecasts: part.forecasts,
    msPerSeries: (1000 * part.seconds) / indices.length,
  });
  return { ets: row("ets()", r.ets), thetaf: row("thetaf()", r.thetaf) };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (v: number | undefined, digits = 3) => (v !== undefined && Number.isFinite(v) ? v.toFixed(digits) : "");

function seasonalScale(train: readonly number[], m: number): number {
  let s = 0;
  for (let t = m; t < train.length; t++) s += Math.abs(train[t] - train[t - m]);
  return s / (train.length - m);
}

/** Share of test points inside the bounds, and the mean scaled interval score (M4's MSIS). */
function intervalScores(series: Series[], row: Row): { coverage: number; msis: number } | undefined {
  if (!row.lower || !row.upper) return undefined;
  let inside = 0;
  let points = 0;
  const alpha = 1 - LEVEL;
  const perSeries: number[] = [];
  series.forEach((s, i) => {
    const lower = row.lower![i];
    const upper = row.upper![i];
    let score = 0;
    s.test.forEach((y, h) => {
      points++;
      if (y >= lower[h] && y <= upper[h]) inside++;
      score += upper[h] - lower[h];
      if (y < lower[h]) score += (2 / alpha) * (lower[h] - y);
      if (y > upper[h]) score += (2 / alpha) * (y - upper[h]);
    });
    const scale = seasonalScale(s.train, s.period);
    if (scale > 0) perSeries.push(score / s.test.length / scale);
  });
  return { coverage: inside / points, msis: mean(perSeries) };
}

function safe(f: () => number): number {
  try {
    return f();
  } catch {
    return NaN;
  }
}

/** A seasonal collection's accuracy for one row: mean MASE, sMAPE and MAPE over its series. */
function seasonalAccuracy(series: Series[], row: Row): { mase: number; smape: number; mape: number } {
  return {
    mase: mean(
      series.map((s, i) => safe(() => mase(s.test, row.forecasts[i], s.train, s.period))).filter(Number.isFinite),
    ),
    smape: mean(series.map((s, i) => smape(s.test, row.forecasts[i]))),
    mape: mean(
      series
        .map((s, i) => (s.test.every((v) => v !== 0) ? mape(s.test, row.forecasts[i]) : NaN))
        .filter(Number.isFinite),
    ),
  };
}

/** An intermittent collection's accuracy for one row: mean MAE and RMSE over series, pooled bias. */
function intermittentAccuracy(series: Series[], row: Row): { mae: number; rmse: number; bias: number } {
  let sumF = 0;
  let sumA = 0;
  series.forEach((s, i) => s.test.forEach((a, h) => ((sumA += a), (sumF += row.forecasts[i][h]))));
  return {
    mae: mean(series.map((s, i) => mean(s.test.map((a, h) => Math.abs(a - row.forecasts[i][h]))))),
    rmse: mean(series.map((s, i) => Math.sqrt(mean(s.test.map((a, h) => (a - row.forecasts[i][h]) ** 2))))),
    bias: (sumF - sumA) / sumA,
  };
}

/** The issue's targets, each with `auto`'s figure and R's where the sidecar has one (printed last). */
const targets: { target: string; ours: string; reference: string; met: boolean }[] = [];

function printSeasonal(title: string, series: Series[], rows: Row[], references: Reference[]): void {
  console.log(`\n${title}`);
  console.log("| method | MASE | sMAPE % | MAPE % | 95% coverage | MSIS | ms / series |");
  console.log("|---|---|---|---|---|---|---|");
  for (const row of rows) {
    const { mase: maseValue, smape: smapeValue, mape: mapeValue } = seasonalAccuracy(series, row);
    const intervals = intervalScores(series, row);
    console.log(
      `| ${row.method}${row.note ? ` ${row.note}` : ""} | ${fmt(maseValue)} | ${fmt(smapeValue, 2)} | ${fmt(mapeValue, 2)} | ${intervals ? `${fmt(100 * intervals.coverage, 1)}%` : ""} | ${fmt(intervals?.msis, 2)} | ${fmt(row.msPerSeries, 2)} |`,
    );
  }
  for (const r of references)
    console.log(
      `| ${r.method}, sidecar (all series) | ${fmt(r.mase)} | ${fmt(r.smape, 2)} | ${fmt(r.mape, 2)} | | | |`,
    );
}

function printIntermittent(title: string, series: Series[], rows: Row[], references: Reference[]): void {
  console.log(`\n${title}`);
  console.log("| method | MAE | RMSE | bias (Σ(F−A)/ΣA) | ms / series |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) {
    const { mae: maeValue, rmse: rmseValue, bias } = intermittentAccuracy(series, row);
    console.log(
      `| ${row.method}${row.note ? ` ${row.note}` : ""} | ${fmt(maeValue)} | ${fmt(rmseValue)} | ${fmt(bias)} | ${fmt(row.msPerSeries, 3)} |`,
    );
  }
  for (const r of references) console.log(`| ${r.method}, sidecar (all series) | ${fmt(r.mae)} | ${fmt(r.rmse)} | | |`);
}

function evenlySpaced(count: number, wanted: number): number[] {
  if (wanted >= count) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: wanted }, (_, k) => Math.floor((k * count) / wanted));
}

function benchCollection(collection: Collection, withR: boolean): void {
  const { name, intermittent } = collection;
  const series = load(name);
  if (!series) return;
  const methods = methodsArg ?? (intermittent ? INTERMITTENT_METHODS : SEASONAL_METHODS);
  const rows = methods.map((m) => timeOurs(series, m, allIntervals && !intermittent));
  if (!intermittent && methods.includes("auto") && !allIntervals) rows.splice(1, 0, timeOurs(series, "auto", true));
  const rArima = rArimaDir && !validation ? readRArima(name, series.length) : undefined;
  if (rArima) rows.push(rArima);
  const print = intermittent ? printIntermittent : printSeasonal;
  const part = validation ? "training parts (last horizon of each training part held out)" : "test parts";
  const target = collection.target ? `; target ${collection.target.metric} ≤ ${collection.target.value}` : "";
  print(
    `### ${name}: ${series.length} series, ${part}, seasonality ${series[0].period} given${target}`,
    series,
    rows,
    validation ? [] : collection.references,
  );
  if (!validation) collectTargets(collection, series, rows);
  if (!withR || validation) return;
  const indices = rAll ? evenlySpaced(series.length, series.length) : evenlySpaced(series.length, rSubset);
  const subset = indices.map((i) => series[i]);
  const r = runR(path.join(dataDir, `${name}.json`), indices);
  if (!r) return;
  const ours = (intermittent ? ["auto", "snaive", "mean"] : ["auto", "snaive", "ets", "theta"]).map((m) =>
    timeOurs(subset, m, false),
  );
  print(
    `### ${name}: R and ours on the same ${subset.length} of ${series.length} series`,
    subset,
    [...ours, r.ets, r.thetaf],
    [],
  );
}

/** `auto`'s figures against the issue's targets (issue 15), from the rows just printed. */
function collectTargets(collection: Collection, series: Series[], rows: Row[]): void {
  const auto = rows.find((r) => r.method === "FORECAST_SOP auto" && !r.note);
  const withBounds = rows.find((r) => r.method === "FORECAST_SOP auto" && r.lower);
  const ets = collection.references.find((r) => r.method === "R ets()");
  if (auto && collection.intermittent) {
    // The issue: "car parts no worse than today (RMSE 0.815, bias +0.19)".
    const { rmse, bias } = intermittentAccuracy(series, auto);
    targets.push({
      target: `${collection.name} RMSE ≤ 0.815`,
      ours: fmt(rmse),
      reference: fmt(ets?.rmse),
      met: rmse <= 0.815,
    });
    targets.push({ target: `${collection.name} bias ≤ +0.19`, ours: fmt(bias), reference: "", met: bias <= 0.19 });
  } else if (auto && collection.target) {
    const { metric, value } = collection.target;
    const ours = seasonalAccuracy(series, auto)[metric];
    const digits = metric === "smape" ? 2 : 3;
    targets.push({
      target: `${collection.name} ${metric === "smape" ? "sMAPE" : "MASE"} ≤ ${value}`,
      ours: fmt(ours, digits),
      reference: fmt(ets?.[metric], digits),
      met: ours <= value,
    });
  }
  const intervals = withBounds && intervalScores(series, withBounds);
  if (intervals && !collection.intermittent)
    targets.push({
      target: `${collection.name} 95% coverage in 92–97%`,
      ours: `${fmt(100 * intervals.coverage, 1)}% (MSIS ${fmt(intervals.msis, 2)})`,
      reference: "",
      met: intervals.coverage >= 0.92 && intervals.coverage <= 0.97,
    });
}

function printTargets(): void {
  if (targets.length === 0) return;
  console.log("\n### The issue's targets (issue 15), `auto` on the test parts");
  console.log("| target | `auto` | R ets() (sidecar) | met? |");
  console.log("|---|---|---|---|");
  for (const t of targets) console.log(`| ${t.target} | ${t.ours} | ${t.reference} | ${t.met ? "yes" : "**no**"} |`);
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
  const median = times[times.length >> 1];
  targets.push({
    target: "median ms per 120-month series ≤ 3 (wall clock, this machine now)",
    ours: fmt(median, 2),
    reference: "",
    met: median <= 3,
  });
  console.log(
    `single 120-month series, auto, season detected, h = 24 (${times.length} series): median ${fmt(median, 2)} ms, 95th percentile ${fmt(times[Math.floor(times.length * 0.95)], 2)} ms (target: median ≤ 3 ms)`,
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
  const started = process.hrtime.bigint();
  const rows = forecastSop(matrix, 12).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `=SOP.FORECAST_SOP on a 1,000 × 60 matrix (tourism monthly, last 60 months), h = 12: ${fmt(seconds, 2)} s for ${rows} rows; load average now ${os.loadavg()[0].toFixed(1)}`,
  );
}

function main(): void {
  if (!fs.existsSync(dataDir)) {
    console.log(`Data folder ${dataDir} not found: pass the folder holding the collections' .json files.`);
    return;
  }
  const withR = hasRscript();
  if (withRFlag && !withR) console.log("(--with-r: Rscript with the forecast package not found; R not run)");
  console.log(
    `data: ${dataDir}; ${validation ? "VALIDATION on training parts" : "test parts"}; machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((v) => v.toFixed(1))
      .join(" ")}`,
  );
  for (const collection of COLLECTIONS) if (!only || only.includes(collection.name)) benchCollection(collection, withR);
  if (!args.includes("--no-speed") && !validation) speed();
  printTargets();
}

main();
