/**
 * What the per-series cost benches (bench:arima, bench:ces) share: their arguments and the
 * histories they time.
 */
import * as fs from "fs";
import * as path from "path";

/** `[dataDir] [--series N]`: the data folder (../shared/data by default) and how many series (60). */
export function costBenchArguments(): { dataDir: string; wanted: number } {
  const args = process.argv.slice(2);
  const countIndex = args.indexOf("--series");
  const wanted = countIndex >= 0 ? Number(args[countIndex + 1]) : 60;
  const positional = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--series");
  return { dataDir: path.resolve(positional[0] ?? path.join(__dirname, "..", "..", "shared", "data")), wanted };
}

/**
 * Up to `wanted` series of a collection with at least `length` training points, evenly spaced
 * through the file, each cut to its last `length` points.
 */
export function evenlySpacedHistories(dataDir: string, name: string, length: number, wanted: number): number[][] {
  const file = path.join(dataDir, `${name}.json`);
  const series = (JSON.parse(fs.readFileSync(file, "utf8")) as { train: number[] }[]).filter(
    (s) => s.train.length >= length,
  );
  const step = Math.max(1, Math.floor(series.length / wanted));
  return series
    .filter((_, i) => i % step === 0)
    .slice(0, wanted)
    .map((s) => s.train.slice(-length));
}
