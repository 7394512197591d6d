export interface NelderMeadResult {
  point: Float64Array;
  value: number;
  evaluations: number;
}

export interface NelderMeadOptions {
  /** initial step per coordinate (default 0.5, or 10% of |x| when larger) */
  steps?: readonly number[];
  tolerance?: number;
  /** stop when the simplex values differ by less than this (same units as the objective) */
  absoluteTolerance?: number;
  maxEvaluations?: number;
  /**
   * After convergence, rebuild a full-size simplex around the best point and go on, at most
   * this many times, while a restart still improves the value by more than the tolerance
   * (the usual cure for Nelder–Mead's premature collapse; default 0).
   */
  restarts?: number;
}

/**
 * Nelder–Mead simplex minimiser with the coefficients R's `optim` uses (reflection 1,
 * contraction 0.5, expansion 2). Works on unbounded parameters: callers transform bounded
 * parameters (logistic maps) before calling. Allocation happens once per call, not per step.
 *
 * Stops when the spread of the simplex values falls below `tolerance · (|best| + tolerance)`
 * (R's relative criterion), or below `absoluteTolerance` when given, or after
 * `maxEvaluations` evaluations.
 * Reference: Nelder & Mead (1965); R `optim(method = "Nelder-Mead")`.
 * @example nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).point; // ≈ [1, -2]
 */
export function nelderMead(
  objective: (x: Float64Array) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  let result = simplexSearch(objective, start, options, 0);
  for (let r = 0; r < (options.restarts ?? 0); r++) {
    const budget = (options.maxEvaluations ?? 200 * start.length + 200) - result.evaluations;
    if (budget <= start.length + 1) break;
    const again = simplexSearch(objective, Array.from(result.point), options, result.evaluations);
    const improved = result.value - again.value > Math.max(options.absoluteTolerance ?? 0, 1e-10);
    result = again.value < result.value ? again : { ...result, evaluations: again.evaluations };
    if (!improved) break;
  }
  return result;
}

function simplexSearch(
  objective: (x: Float64Array) => number,
  start: readonly number[],
  options: NelderMeadOptions,
  spent: number,
): NelderMeadResult {
  const dim = start.length;
  const tolerance = options.tolerance ?? 1e-8;
  const absoluteTolerance = options.absoluteTolerance ?? 0;
  const maxEvaluations = options.maxEvaluations ?? 200 * dim + 200;
  const vertices: Float64Array[] = [];
  const values = new Float64Array(dim + 1);
  let evaluations = spent;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = objective(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  for (let i = 0; i <= dim; i++) {
    const v = Float64Array.from(start);
    if (i > 0) {
      const step = options.steps?.[i - 1] ?? Math.max(0.5, 0.1 * Math.abs(start[i - 1]));
      v[i - 1] += step;
    }
    vertices.push(v);
    values[i] = evaluate(v);
  }
  const centroid = new Float64Array(dim);
  const reflected = new Float64Array(dim);
  const trial = new Float64Array(dim);
  const order = new Int32Array(dim + 1);

  while (evaluations < maxEvaluations) {
    // Insertion sort of the vertex indices by value (no allocation; dim is small).
    for (let i = 0; i <= dim; i++) {
      let j = i;
      while (j > 0 && values[order[j - 1]] > values[i]) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    const best = order[0];
    const worst = order[dim];
    const secondWorst = order[dim - 1];
    const spread = values[worst] - values[best];
    if (!(spread > tolerance * (Math.abs(values[best]) + tolerance)) || spread < absoluteTolerance) break;

    centroid.fill(0);
    for (let i = 0; i <= dim; i++) {
      if (i === worst) continue;
      const v = vertices[i];
      for (let j = 0; j < dim; j++) centroid[j] += v[j];
    }
    for (let j = 0; j < dim; j++) centroid[j] /= dim;
    const w = vertices[worst];
    for (let j = 0; j < dim; j++) reflected[j] = centroid[j] + (centroid[j] - w[j]);
    const reflectedValue = evaluate(reflected);

    if (reflectedValue < values[best]) {
      for (let j = 0; j < dim; j++) trial[j] = centroid[j] + 2 * (reflected[j] - centroid[j]);
      const expandedValue = evaluate(trial);
      if (expandedValue < reflectedValue) {
        w.set(trial);
        values[worst] = expandedValue;
      } else {
        w.set(reflected);
        values[worst] = reflectedValue;
      }
      continue;
    }
    if (reflectedValue < values[secondWorst]) {
      w.set(reflected);
      values[worst] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < values[worst];
    for (let j = 0; j < dim; j++)
      trial[j] = outside ? centroid[j] + 0.5 * (reflected[j] - centroid[j]) : centroid[j] + 0.5 * (w[j] - centroid[j]);
    const contractedValue = evaluate(trial);
    if (contractedValue < Math.min(reflectedValue, values[worst])) {
      w.set(trial);
      values[worst] = contractedValue;
      continue;
    }
    // Shrink towards the best vertex.
    const b = vertices[best];
    for (let i = 0; i <= dim; i++) {
      if (i === best) continue;
      const v = vertices[i];
      for (let j = 0; j < dim; j++) v[j] = b[j] + 0.5 * (v[j] - b[j]);
      values[i] = evaluate(v);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= dim; i++) if (values[i] < values[bestIndex]) bestIndex = i;
  return { point: Float64Array.from(vertices[bestIndex]), value: values[bestIndex], evaluations };
}
