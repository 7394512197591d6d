/**
 * Variable-metric (BFGS) minimiser with central-difference gradients: a transcription of R's
 * `optim(method = "BFGS")` (Nash 1990, Algorithm 21, R's `vmmin`): backtracking line search
 * (step × 0.2 until the Armijo condition with 1e-4 holds), inverse-Hessian update, restart
 * when the update would lose positive definiteness; stops when a step changes the value by less
 * than `reltol · (|f| + reltol)` or after `maxIterations` gradient evaluations.
 *
 * Gradients are optim's: (f(x + ε·s) − f(x − ε·s)) / 2ε with ε = 1e-3 on the scaled parameters
 * x/s (`parscale` s, default 1). A non-finite difference throws, as optim does.
 * @example bfgs((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).point; // ≈ [1, -2]
 */
export interface BfgsOptions {
  /** typical size of each parameter (optim's parscale); default 1 */
  scale?: readonly number[];
  /** optim's maxit (default 100) */
  maxIterations?: number;
  /** optim's reltol (default √machine-ε ≈ 1.49e-8) */
  relativeTolerance?: number;
  /** optim's ndeps (default 1e-3) */
  gradientStep?: number;
}

export interface BfgsResult {
  point: Float64Array;
  value: number;
  /** false when the iteration limit stopped the search (optim's convergence 1) */
  converged: boolean;
  evaluations: number;
}

const STEP_REDUCTION = 0.2;
const ACCEPTANCE = 1e-4;
const REL_TEST = 10;

export function bfgs(
  objective: (x: Float64Array) => number,
  start: readonly number[],
  options: BfgsOptions = {},
): BfgsResult {
  const n = start.length;
  const scale = options.scale ?? new Array<number>(n).fill(1);
  const maxIterations = options.maxIterations ?? 100;
  const reltol = options.relativeTolerance ?? 1.4901161193847656e-8;
  const eps = options.gradientStep ?? 1e-3;
  let evaluations = 0;
  const work = new Float64Array(n);
  // Objective on the scaled parameters b = x / scale.
  const f = (b: Float64Array): number => {
    for (let i = 0; i < n; i++) work[i] = b[i] * scale[i];
    evaluations++;
    return objective(work);
  };
  const gradient = (b: Float64Array, g: Float64Array): void => {
    const probe = Float64Array.from(b);
    for (let i = 0; i < n; i++) {
      probe[i] = b[i] + eps;
      const up = f(probe);
      probe[i] = b[i] - eps;
      const down = f(probe);
      probe[i] = b[i];
      const d = (up - down) / (2 * eps);
      if (!Number.isFinite(d)) throw new Error("non-finite finite-difference value");
      g[i] = d;
    }
  };
  const b = Float64Array.from(start, (v, i) => v / scale[i]);
  if (n === 0)
    return { point: new Float64Array(0), value: objective(new Float64Array(0)), converged: true, evaluations: 1 };
  let fmin = f(b);
  if (!Number.isFinite(fmin)) throw new Error("initial value in 'vmmin' is not finite");
  const g = new Float64Array(n);
  const t = new Float64Array(n);
  const x = new Float64Array(n);
  const c = new Float64Array(n);
  const B = new Float64Array(n * n); // lower triangle used
  gradient(b, g);
  let gradCount = 1;
  let iterations = 1;
  let ilast = gradCount;
  let count = 0;
  let value = fmin;
  do {
    if (ilast === gradCount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    for (let i = 0; i < n; i++) {
      x[i] = b[i];
      c[i] = g[i];
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s -= B[i * n + j] * g[j];
      for (let j = i + 1; j < n; j++) s -= B[j * n + i] * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }
    if (gradproj < 0) {
      let step = 1;
      let accepted = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = x[i] + step * t[i];
          if (REL_TEST + x[i] === REL_TEST + b[i]) count++;
        }
        if (count < n) {
          value = f(b);
          accepted = Number.isFinite(value) && value <= fmin + gradproj * step * ACCEPTANCE;
          if (!accepted) step *= STEP_REDUCTION;
        }
      } while (!(count === n || accepted));
      const enough = Math.abs(value - fmin) > reltol * (Math.abs(fmin) + reltol);
      if (!enough) {
        count = n;
        fmin = value;
      }
      if (count < n) {
        fmin = value;
        gradient(b, g);
        gradCount++;
        iterations++;
        let d1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] *= step;
          c[i] = g[i] - c[i];
          d1 += t[i] * c[i];
        }
        if (d1 > 0) {
          let d2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j <= i; j++) s += B[i * n + j] * c[j];
            for (let j = i + 1; j < n; j++) s += B[j * n + i] * c[j];
            x[i] = s;
            d2 += s * c[i];
          }
          d2 = 1 + d2 / d1;
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) B[i * n + j] += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
        } else ilast = gradCount;
      } else if (ilast < gradCount) {
        count = 0;
        ilast = gradCount;
      }
    } else {
      count = 0;
      if (ilast === gradCount) count = n;
      else ilast = gradCount;
    }
    if (iterations >= maxIterations) break;
    if (gradCount - ilast > 2 * n) ilast = gradCount;
  } while (count !== n || ilast !== gradCount);
  // As vmmin: the last point tried (when the line search found no change it equals the previous one).
  const point = new Float64Array(n);
  for (let i = 0; i < n; i++) point[i] = b[i] * scale[i];
  return { point, value: fmin, converged: iterations < maxIterations, evaluations };
}
