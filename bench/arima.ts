/**
 * Cost of the `arima` method per series: auto.arima's search, fit and a 24-month forecast with
 * 95% bounds, and of the `airline` member (one fixed order by CSS, the same forecast), on the last 60 and the last 120 months of the tourism monthly series that have 120
 * (../shared/data or the folder given), and the same on the quarterly collection's last 40
 * quarters; median and 95th percentile, beside the default method (`auto`, with the same
 * horizon and bounds) on the same histories in the same run, and their ratio. Reports times,
 * asserts nothing.
 *
 *   npm run bench:arima -- [dataDir] [--series N]
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { forecastSeries } from "../src/engine/forecast";
import { predictArima } from "../src/engine/forecast/arima/arimaPredict";
import { autoArima } from "../src/engine/forecast/arima/autoArima";
import { costBenchArguments, evenlySpacedHistories } from "./costHistories";

const { dataDir, wanted } = costBenchArguments();

/** Median and 95th percentile of one call's milliseconds over the histories (after a warm-up), and the calls' results. */
function timeEach<T>(
  histories: number[][],
  call: (history: number[]) => T,
): { median: number; p95: number; results: T[] } {
  for (const h of histories.slice(0, 3)) call(h); // warm-up
  const results: T[] = [];
  const times = histories.map((history) => {
    const started = process.hrtime.bigint();
    results.push(call(history));
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], results };
}

function measure(label: string, histories: number[][], m: number, horizon: number): void {
  const arima = timeEach(histories, (history) => {
    const fitted = autoArima(history, m);
    predictArima(fitted, horizon, { level: 0.95 });
    return fitted.order.P + fitted.order.D + fitted.order.Q > 0 ? "seasonal" : "non-seasonal";
  });
  const baseline = timeEach(histories, (history) => forecastSeries({ history, horizon, seasonality: m, level: 0.95 }));
  const airline = timeEach(histories, (history) =>
    forecastSeries({ history, horizon, seasonality: m, level: 0.95, method: "airline" }),
  );
  const models = new Map<string, number>();
  for (const kind of arima.results) models.set(kind, (models.get(kind) ?? 0) + 1);
  const share = [...models].map(([k, v]) => `${v} ${k}`).join(", ");
  console.log(
    `| ${label} | ${histories.length} | ${arima.median.toFixed(0)} | ${arima.p95.toFixed(0)} | ${baseline.median.toFixed(1)} | ${(arima.median / baseline.median).toFixed(0)}× | ${share} | ${airline.median.toFixed(2)} | ${(airline.median / baseline.median).toFixed(2)}× |`,
  );
}

function main(): void {
  const monthlyFile = path.join(dataDir, "tourism_monthly.json");
  if (!fs.existsSync(monthlyFile)) {
    console.warn(`bench/arima: ${monthlyFile} is missing: SKIPPED. Pass the data folder as the first argument.`);
    return;
  }
  const picked = evenlySpacedHistories(dataDir, "tourism_monthly", 120, wanted);
  console.log(`data: ${dataDir}; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(
    "| history | series | arima median ms | arima 95th percentile ms | baseline: auto median ms | ratio | chosen models | airline median ms | airline / auto |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  measure(
    "tourism monthly, last 60 months",
    picked.map((y) => y.slice(-60)),
    12,
    24,
  );
  measure("tourism monthly, last 120 months", picked, 12, 24);
  if (fs.existsSync(path.join(dataDir, "tourism_quarterly.json")))
    measure(
      "tourism quarterly, last 40 quarters",
      evenlySpacedHistories(dataDir, "tourism_quarterly", 40, wanted),
      4,
      8,
    );
}

main();
