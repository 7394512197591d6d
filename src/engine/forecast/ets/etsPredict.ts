/**
 * Point forecasts and prediction intervals from a fitted ETS model (R `forecast.ets`).
 *
 * Point forecast h steps ahead: (l + φ_h b) combined with the season state of that period,
 * φ_h = φ + φ² + … + φ^h (h when undamped).
 * Intervals: analytical for the linear additive-error models (class 1 of Hyndman et al. 2008,
 * Table 6.1): var_h = σ² (1 + Σ_{j<h} c_j²), c_j = α + β φ_j + γ [j mod m = 0]. Models with a
 * multiplicative component get intervals from simulated sample paths (seeded), or, when
 * `intervals: "approximate"`, from the same sum read as a relative variance
 * v_h = σ² (1 + Σ_{j<h} c_j²) (the first-order, small-σ expansion of the class 2 and 3 variances of
 * Hyndman et al. 2008, ch. 6: e.g. M,N,N's exact ℓ²[(1 + σ²)(1 + α²σ²)^{h−1} − 1] ≈ ℓ²σ²(1 + (h − 1)α²))
 * with a log-normal shape of that mean and variance, so bounds stay positive and skewed upwards
 * as the simulated ones are.
 */
import {
  Prediction,
  PredictOptions,
  SIMULATED_PATHS,
  drawNormals,
  logNormalBounds,
  normalBounds,
  simulatedBounds,
} from "../prediction";
import { seededRandom } from "../randomSource";
import { FittedEts } from "./etsFit";

/** @example predictEts(fitEts(y, parseEtsName("ANN"), 1), 3).point; // three equal numbers: the last level */
export function predictEts(fitted: FittedEts, horizon: number, options: PredictOptions = {}): Prediction {
  const { spec, final, parameters, seasonLength: m, observations: n } = fitted;
  const phi = spec.trend === "Ad" ? parameters.phi : 1;
  const point: number[] = new Array(horizon);
  let phiSum = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= phi;
    phiSum += spec.trend === "N" ? 0 : power;
    const base = final.level + phiSum * final.trend;
    if (spec.season === "N") point[h - 1] = base;
    else {
      const s = final.season[(n + h - 1) % m];
      point[h - 1] = spec.season === "A" ? base + s : base * s;
    }
  }
  if (options.level === undefined) return { point };
  const linear = spec.error === "A" && spec.season !== "M";
  if (linear || options.intervals === "approximate") {
    const sd: number[] = new Array(horizon);
    let variance = 1;
    let phiJ = 0;
    let powerJ = 1;
    for (let h = 1; h <= horizon; h++) {
      sd[h - 1] = Math.sqrt(fitted.sigma2 * variance);
      powerJ *= phi;
      phiJ += spec.trend === "N" ? 0 : spec.trend === "A" ? 1 : powerJ;
      const c = parameters.alpha + parameters.beta * phiJ + (spec.season !== "N" && h % m === 0 ? parameters.gamma : 0);
      variance += c * c;
    }
    if (linear) return normalBounds(point, sd, options.level);
    // σ² is relative for multiplicative errors; an additive-error, multiplicative-season model's
    // absolute sd is made relative to its point forecast.
    const relative = spec.error === "M" ? sd : sd.map((v, h) => v / Math.max(Math.abs(point[h]), 1e-12));
    return logNormalBounds(point, relative, options.level);
  }
  const paths = options.paths ?? SIMULATED_PATHS;
  return simulatedBounds(point, simulateEts(fitted, horizon, paths, options), paths, options.level);
}

/**
 * Sample paths of the fitted model's future, R `simulate.ets` style, laid out horizon-major
 * (`paths[h · pathCount + i]`).
 */
function simulateEts(fitted: FittedEts, horizon: number, pathCount: number, options: PredictOptions): Float64Array {
  const count = pathCount * horizon;
  const normals =
    options.normals && options.normals.length >= count
      ? options.normals
      : drawNormals(options.random ?? seededRandom(), count);
  const { spec, final, parameters, seasonLength: m, observations: n } = fitted;
  const sigma = Math.sqrt(fitted.sigma2);
  const seasonal = spec.season !== "N";
  const phi = spec.trend === "Ad" ? parameters.phi : 1;
  const betaRatio = spec.trend === "N" ? 0 : parameters.beta / parameters.alpha;
  const season = new Float64Array(Math.max(1, m));
  const paths = new Float64Array(count);
  for (let i = 0; i < pathCount; i++) {
    let level = final.level;
    let trend = final.trend;
    if (seasonal) for (let j = 0; j < m; j++) season[j] = final.season[j];
    for (let h = 0; h < horizon; h++) {
      const slot = (n + h) % m;
      const phiB = spec.trend === "N" ? 0 : phi * trend;
      const q = level + phiB;
      const s = seasonal ? season[slot] : 0;
      const f = spec.season === "A" ? q + s : spec.season === "M" ? q * s : q;
      const e = sigma * normals[h * pathCount + i];
      const y = spec.error === "A" ? f + e : f * (1 + e);
      paths[h * pathCount + i] = y;
      // State update with the simulated observation (same recursion as the fit).
      const p = spec.season === "A" ? y - s : spec.season === "M" ? y / s : y;
      const newLevel = q + parameters.alpha * (p - q);
      if (spec.trend !== "N") trend = phiB + betaRatio * (newLevel - level - phiB);
      if (seasonal) season[slot] = s + parameters.gamma * ((spec.season === "A" ? y - q : y / q) - s);
      level = newLevel;
    }
  }
  return paths;
}
