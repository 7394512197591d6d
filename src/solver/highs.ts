/**
 * The engine's `LpSolver` port implemented with HiGHS (npm `highs`, WebAssembly).
 *
 * - Loaded lazily, once: the first solve imports the package (a separate webpack chunk, so the
 *   task pane's first paint never waits for it) and instantiates the WebAssembly module; every
 *   later solve reuses it. A failed load is forgotten so the next call can retry.
 * - The model goes to HiGHS as arrays (CSR matrix, bounds, costs, integrality) through
 *   `highs.createModel(modelData)`: no LP text is written, so no term can be dropped or
 *   misparsed.
 * - The status is checked; a solution is read only from an optimal solve.
 * - In a browser, pass `locateFile` when `highs.wasm` is served from somewhere other than
 *   beside the loader chunk (webpack emits it as an asset and finds it by default).
 */
import type { LinearProgram, LpSolution, LpSolver } from "../engine/reconcile/linearProgram";

type HighsModule = typeof import("highs");
type Highs = Awaited<ReturnType<HighsModule["default"]>>;

export interface HighsSolverOptions {
  /** maps an Emscripten asset name ("highs.wasm") to its URL */
  locateFile?: (file: string) => string;
  /** stop a solve after this many seconds (default 60) and report it as an error */
  timeLimitSeconds?: number;
}

let loading: Promise<Highs> | undefined;

/** Loads HiGHS once and returns the same instance on every later call (later options are ignored). */
export function loadHighs(options: Pick<HighsSolverOptions, "locateFile"> = {}): Promise<Highs> {
  if (!loading) {
    loading = import("highs")
      .then((module) => {
        const load =
          (module as unknown as { default?: HighsModule["default"] }).default ??
          (module as unknown as HighsModule["default"]);
        return load(options.locateFile ? { locateFile: options.locateFile } : {});
      })
      .catch((e: unknown) => {
        loading = undefined;
        throw e;
      });
  }
  return loading;
}

/** Solves one program on a loaded HiGHS; synchronous (HiGHS blocks while it solves). */
export function solveWithHighs(highs: Highs, program: LinearProgram, timeLimitSeconds = 60): LpSolution {
  const numCols = program.columnCost.length;
  const numRows = program.rowLower.length;
  const integer = program.integer.some((flag) => flag === 1);
  let model: ReturnType<Highs["createModel"]>;
  try {
    model = highs.createModel({
      numCols,
      numRows,
      offset: program.objectiveOffset,
      colCost: program.columnCost,
      colLower: program.columnLower,
      colUpper: program.columnUpper,
      rowLower: program.rowLower,
      rowUpper: program.rowUpper,
      matrix: {
        format: "csr",
        numRows,
        numCols,
        starts: program.rowStarts,
        indices: program.rowColumns,
        values: program.rowValues,
      },
      ...(integer ? { integrality: Int32Array.from(program.integer) } : {}),
    });
  } catch (e) {
    // HiGHS refuses a matrix or bound it treats as infinite (1e20 or more): a planner's extreme
    // number, not a bug of ours, so it is an unfinished solve with the reason, not a crash.
    const reason = e instanceof Error ? e.message : String(e);
    return {
      status: "error",
      objective: NaN,
      values: [],
      detail: `HiGHS refused the model (${reason}): demand, capacity or a cost holds a number of 1E+20 or more`,
    };
  }
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds });
    // HiGHS stops a MIP within 0.01% of the optimum by default; plans are wanted to the cent.
    if (integer) model.options.set({ mip_rel_gap: 1e-12, mip_abs_gap: 1e-3 });
    // Aggregate plans are highly degenerate (many periods, same costs): the interior-point
    // method with crossover (a basic, vertex solution as simplex gives) took about half the
    // time of dual simplex on bench/reconcile's 50 × 20 × 36 model (7,061 simplex iterations).
    else model.options.set({ solver: "ipm", run_crossover: "on" });
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.optimal) {
      return { status: "optimal", objective: model.getObjectiveValue(), values: model.getSolution().colValue };
    }
    if (status === codes.empty && numCols === 0)
      return { status: "optimal", objective: program.objectiveOffset, values: new Float64Array(0) };
    if (status === codes.infeasible) return { status: "infeasible", objective: NaN, values: [] };
    if (status === codes.unbounded) return { status: "unbounded", objective: NaN, values: [] };
    if (status === codes.unboundedOrInfeasible) {
      // All our costs are ≥ 0, so a minimization cannot be unbounded: it is infeasible.
      const nonNegative = program.columnCost.every((c, j) => c >= 0 || program.columnUpper[j] < Infinity);
      return { status: nonNegative ? "infeasible" : "unbounded", objective: NaN, values: [] };
    }
    if (status === codes.timeLimit) {
      const hint = integer
        ? " (whole workers make it a mixed-integer program: integerWorkforce FALSE solves as a linear program)"
        : "";
      return {
        status: "error",
        objective: NaN,
        values: [],
        detail: `no plan was proven cheapest within the ${timeLimitSeconds} s time limit${hint}`,
      };
    }
    const name = Object.entries(codes).find(([, code]) => code === status)?.[0] ?? String(status);
    return { status: "error", objective: NaN, values: [], detail: `HiGHS stopped with status ${name}` };
  } finally {
    model.dispose();
  }
}

/** An `LpSolver` backed by HiGHS, loaded on the first solve. */
export function createHighsSolver(options: HighsSolverOptions = {}): LpSolver {
  return {
    async solve(program: LinearProgram): Promise<LpSolution> {
      const highs = await loadHighs(options);
      try {
        return solveWithHighs(highs, program, options.timeLimitSeconds);
      } catch (e) {
        // A WebAssembly abort can leave the instance unusable: load a fresh one next time.
        loading = undefined;
        return { status: "error", objective: NaN, values: [], detail: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
