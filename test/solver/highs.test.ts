import { LinearProgramBuilder } from "../../src/engine/reconcile/linearProgram";
import { createHighsSolver, loadHighs } from "../../src/solver/highs";
import { solveWithJsLp } from "../support/jsLpSolver";

const solver = createHighsSolver();

describe("HiGHS adapter", () => {
  it("loads the WebAssembly once and reuses it", async () => {
    const first = loadHighs();
    const second = loadHighs();
    expect(second).toBe(first);
    expect(await first).toBe(await second);
  });

  it("solves a small LP and reports the objective with its constant", async () => {
    // hand calculation: minimize 5 + 2x + 3y, x + y ≥ 4, x ≤ 3 → x = 3, y = 1, 5 + 6 + 3 = 14
    const lp = new LinearProgramBuilder();
    const x = lp.addVariable("x", { upper: 3, cost: 2 });
    const y = lp.addVariable("y", { cost: 3 });
    lp.addConstraint(
      "need",
      [
        [x, 1],
        [y, 1],
      ],
      4,
      Infinity,
    );
    lp.addOffset(5);
    const solution = await solver.solve(lp.build());
    expect(solution.status).toBe("optimal");
    expect(solution.objective).toBeCloseTo(14, 9);
    expect(Array.from(solution.values)).toEqual([3, 1]);
  });

  it("sums a cost given twice and a variable named twice in a row (the LP-text pitfall)", async () => {
    // hand calculation: cost of x is 1 + 2 = 3; row x + x ≥ 4 is 2x ≥ 4 → x = 2, objective 6
    const lp = new LinearProgramBuilder();
    const x = lp.addVariable("x", { cost: 1 });
    lp.addCost(x, 2);
    lp.addConstraint(
      "twice",
      [
        [x, 1],
        [x, 1],
      ],
      4,
      Infinity,
    );
    const program = lp.build();
    const solution = await solver.solve(program);
    expect(solution.objective).toBeCloseTo(6, 9);
    expect(solveWithJsLp(program).objective).toBeCloseTo(6, 9);
  });

  it("solves whole-number variables as a MIP", async () => {
    // hand calculation: minimize x, 2x ≥ 3 → continuous 1.5, whole 2
    const lp = new LinearProgramBuilder();
    const x = lp.addVariable("x", { cost: 1, integer: true });
    lp.addConstraint("half", [[x, 2]], 3, Infinity);
    expect((await solver.solve(lp.build())).objective).toBeCloseTo(2, 9);
  });

  it("reports infeasible and unbounded models and returns no values for them", async () => {
    const infeasible = new LinearProgramBuilder();
    const a = infeasible.addVariable("a", { upper: 1, cost: 1 });
    infeasible.addConstraint("tooMuch", [[a, 1]], 2, Infinity);
    const i = await solver.solve(infeasible.build());
    expect(i.status).toBe("infeasible");
    expect(i.values).toHaveLength(0);

    const unbounded = new LinearProgramBuilder();
    const b = unbounded.addVariable("b", { cost: -1 });
    unbounded.addConstraint("floor", [[b, 1]], 0, Infinity);
    const u = await solver.solve(unbounded.build());
    expect(u.status).toBe("unbounded");
    expect(u.values).toHaveLength(0);
  });
});

describe("HiGHS adapter failures", () => {
  it("turns a model HiGHS rejects into an error status, not an exception", async () => {
    // a NaN cost is rejected by HiGHS's input validation
    const lp = new LinearProgramBuilder();
    lp.addVariable("x", { cost: 1 });
    const program = lp.build();
    program.columnCost[0] = NaN;
    const solution = await solver.solve(program);
    expect(solution.status).toBe("error");
    expect(solution.values).toHaveLength(0);
    // and the solver still works afterwards (a fresh instance is loaded)
    const ok = new LinearProgramBuilder();
    const y = ok.addVariable("y", { cost: 1, lower: 2 });
    ok.addConstraint("any", [[y, 1]], 0, Infinity);
    expect((await solver.solve(ok.build())).objective).toBeCloseTo(2, 9);
  });
});
