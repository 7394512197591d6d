/**
 * Cost of CES per series: `ces` (all four variants by AICc, as smooth's auto.ces) and each variant
 * alone, fitted and forecast 24 months (8 quarters) with 95% bounds, beside the default method
 * (`auto`, same horizon and bounds) on the same histories in the same run, alternated series by
 * series so the machine's load falls on both alike; median milliseconds and the ratio to `auto`.
 * Histories: the last 60 and 120 months of the tourism monthly series that have 120, and the last
 * 40 quarters of the quarterly ones (../shared/data or the folder given). Reports times, asserts
 * nothing.
 *
 *   npm run bench:ces -- [dataDir] [--series N]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { forecastSeries } from "../src/engine/forecast";
import { CES_SEASONALITIES, CesSeasonality, fitCes, predictCes } from "../src/engine/forecast/ces";
import { costBenchArguments, evenlySpacedHistories } from "./costHistories";

const { dataDir, wanted } = costBenchArguments();

function milliseconds(call: () => void): number {
  const started = process.hrtime.bigint();
  call();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const medianOf = (values: number[]): number => values.slice().sort((a, b) => a - b)[values.length >> 1];

function measure(label: string, histories: number[][], m: number, horizon: number): void {
  const contenders: Record<string, (history: number[]) => void> = {
    auto: (history) => forecastSeries({ history, horizon, seasonality: m, level: 0.95 }),
    ces: (history) => predictCes(fitCes(history, m), horizon, { level: 0.95 }),
  };
  for (const v of CES_SEASONALITIES)
    contenders[`ces ${v}`] = (history) => predictCes(fitCes(history, m, { variants: [v] }), horizon, { level: 0.95 });
  const names = Object.keys(contenders);
  for (const history of histories.slice(0, 3)) for (const name of names) contenders[name](history); // warm-up
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const history of histories)
    for (const name of names) times[name].push(milliseconds(() => contenders[name](history)));
  const auto = medianOf(times.auto);
  const cells = names.map((name) => {
    const median = medianOf(times[name]);
    return name === "auto" ? median.toFixed(2) : `${median.toFixed(2)} (${(median / auto).toFixed(2)}×)`;
  });
  console.log(`| ${label} | ${histories.length} | ${cells.join(" | ")} |`);
}

const load = (name: string, length: number): number[][] => evenlySpacedHistories(dataDir, name, length, wanted);

function main(): void {
  if (!fs.existsSync(path.join(dataDir, "tourism_monthly.json"))) {
    console.warn(
      `bench/ces: ${dataDir} lacks tourism_monthly.json: SKIPPED. Pass the data folder as the first argument.`,
    );
    return;
  }
  console.log(`data: ${dataDir}; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
  const variants = CES_SEASONALITIES.map((v: CesSeasonality) => `ces ${v} ms (/ auto)`);
  console.log(`| history | series | auto median ms | ces ms (/ auto) | ${variants.join(" | ")} |`);
  console.log(`|---|---|---|---|${variants.map(() => "---|").join("")}`);
  measure(
    "tourism monthly, last 60 months",
    load("tourism_monthly", 120).map((y) => y.slice(-60)),
    12,
    24,
  );
  measure("tourism monthly, last 120 months", load("tourism_monthly", 120), 12, 24);
  if (fs.existsSync(path.join(dataDir, "tourism_quarterly.json")))
    measure("tourism quarterly, last 40 quarters", load("tourism_quarterly", 40), 4, 8);
  console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
}

main();
