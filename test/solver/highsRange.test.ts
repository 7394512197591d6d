/**
 * Regression: a model holding a number HiGHS treats as infinite (1e20 or more) in the matrix or
 * a row bound made `createModel` throw ("passModel failed with HiGHS status -1"), which reached
 * Excel as "S&OP Planner internal error". Found by `npm run fuzz` (=SOP.RECONCILE with an opening
 * inventory of 1E+300). It is now an unfinished solve with the reason: #N/A with a message.
 */
import { excelError } from "../support/customFunctions";
import { LinearProgramBuilder } from "../../src/engine/reconcile/linearProgram";
import { createHighsSolver } from "../../src/solver/highs";
import { reconcile } from "../../src/functions/functions";

describe("HiGHS adapter with numbers beyond the solver's range", () => {
  it("reports a right-hand side of 1e300 as an unfinished solve with the reason, not a throw", async () => {
    const lp = new LinearProgramBuilder();
    const x = lp.addVariable("x", { cost: 1 });
    lp.addConstraint("need", [[x, 1]], 1e300, Infinity);
    const solution = await createHighsSolver().solve(lp.build());
    expect(solution.status).toBe("error");
    expect(solution.detail).toMatch(/HiGHS refused the model .*1E\+20 or more/);
  });

  it("=SOP.RECONCILE with an opening inventory of 1E+300 answers #N/A with that reason", async () => {
    let error: { code: string; message: string } | undefined;
    await (reconcile([[100, 200]], [[150]], [[1e300]], "optimal", null as any, null) as Promise<unknown>).catch((e) => {
      error = excelError(() => {
        throw e;
      });
    });
    expect(error?.code).toBe("#N/A");
    expect(error?.message).toMatch(/could not finish the plan: HiGHS refused the model/);
    expect(error?.message).not.toMatch(/internal error/);
  });
});
