/**
 * Temporal hierarchy forecasting (THieF; Athanasopoulos, Hyndman, Kourentzes & Petropoulos 2017,
 * "Forecasting with temporal hierarchies", EJOR 262(1)): the history summed over every block
 * length k that divides the season length m (monthly: 1, 2, 3, 4, 6, 12; quarterly: 1, 2, 4), each
 * aggregate forecast by the AICc ETS model with season m / k, and the forecasts of each year
 * reconciled by weighted least squares with structural scaling (an aggregate of k periods weighs
 * 1 / k), R thief's `comb = "struc"`.
 */
import { autoEtsSelection, predictModel } from "./methods";

/** Point forecasts for `horizon` steps; throws when no level can be fitted. */
export function thiefPoints(y: readonly number[], m: number, horizon: number): number[] {
  const years = Math.ceil(horizon / m);
  const whole = Math.floor(y.length / m) * m;
  const history = y.slice(y.length - whole);
  const rows: { k: number; start: number; forecast: number[] }[] = [];
  for (let k = 1; k <= m; k++) {
    if (m % k !== 0) continue;
    const aggregate: number[] = [];
    for (let i = 0; i + k <= history.length; i += k) {
      let sum = 0;
      for (let j = i; j < i + k; j++) sum += history[j];
      aggregate.push(sum);
    }
    try {
      const fitted = autoEtsSelection(aggregate, m / k).best;
      const point = predictModel(fitted, (years * m) / k).point as number[];
      if (point.every(Number.isFinite)) rows.push({ k, start: 0, forecast: point });
    } catch {
      // too short for this level: the others reconcile without it
    }
  }
  if (rows.length === 0) throw new Error("no temporal level could be fitted");
  const out: number[] = [];
  for (let year = 0; year < years; year++) {
    // Normal equations of min Σ (1/k) (Σ_{block} b − f)² over the year's m bottom values.
    const a = Array.from({ length: m }, () => new Array<number>(m).fill(0));
    const rhs = new Array<number>(m).fill(0);
    for (const { k, forecast } of rows)
      for (let block = 0; block < m / k; block++) {
        const f = forecast[(year * m) / k + block];
        const w = 1 / k;
        for (let i = block * k; i < (block + 1) * k; i++) {
          rhs[i] += w * f;
          for (let j = block * k; j < (block + 1) * k; j++) a[i][j] += w;
        }
      }
    out.push(...solve(a, rhs));
  }
  return out.slice(0, horizon);
}

/** Gaussian elimination with partial pivoting (m ≤ 12). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let j = r + 1; j < n; j++) s -= m[r][j] * x[j];
    x[r] = s / m[r][r];
  }
  return x;
}
