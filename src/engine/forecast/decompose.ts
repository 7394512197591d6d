/**
 * Classical seasonal decomposition by moving averages (R `stats::decompose`): the trend is a
 * centred moving average of length m (2×m for even m); the seasonal figure is the mean of the
 * detrended values per season position, normalised to sum to 0 (additive) or m (multiplicative).
 *
 * Position j of the figure belongs to periods t with t mod m = j (t = 0 is the first point).
 * Needs at least 2m points. O(n).
 * Reference: Kendall & Stuart (1983); R `decompose(x, type)`.
 * @example seasonalFigure([1, 3, 1, 3, 1, 3], 2, "additive"); // => [-1, 1]
 */
export function seasonalFigure(x: readonly number[], m: number, type: "additive" | "multiplicative"): number[] {
  const trend = centredMovingAverage(x, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < x.length; t++) {
    if (Number.isNaN(trend[t])) continue;
    const detrended = type === "additive" ? x[t] - trend[t] : x[t] / trend[t];
    if (!Number.isFinite(detrended)) continue;
    sums[t % m] += detrended;
    counts[t % m]++;
  }
  const figure = sums.map((s, j) => (counts[j] > 0 ? s / counts[j] : type === "additive" ? 0 : 1));
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  return type === "additive" ? figure.map((f) => f - mean) : figure.map((f) => f / mean);
}

/**
 * The decomposition's trend: the centred moving average of length m (2×m with half weights at
 * the ends for even m); NaN for the first and last ⌊m/2⌋ points. O(n).
 * @example centredMovingAverage([1, 2, 3, 4], 2); // => [NaN, 2, 3, NaN]
 */
export function centredMovingAverage(x: readonly number[], m: number): Float64Array {
  const n = x.length;
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const trend = new Float64Array(n).fill(NaN);
  if (n < 2 * half + 1) return trend;
  // Running sum of the m (odd) or m − 1 (even, plus two half-weighted ends) values around t.
  let window = 0;
  const first = half;
  for (let k = first - half + (even ? 1 : 0); k < first + half + (even ? 0 : 1); k++) window += x[k];
  for (let t = half; t < n - half; t++) {
    if (t > first) window += (even ? x[t + half - 1] : x[t + half]) - x[t - half - (even ? 0 : 1)];
    const sum = even ? window + 0.5 * x[t - half] + 0.5 * x[t + half] : window;
    trend[t] = sum / m;
  }
  return trend;
}
