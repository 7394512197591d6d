/**
 * Regression: with integerWorkforce TRUE, this 8-period =SOP.RECONCILE stalled in HiGHS's MIP
 * solver for its full 60 s default (found by `npm run fuzz`: 19.8 s and 60.0 s calls), blocking
 * the shared runtime. A cell now solves for at most CELL_SOLVE_SECONDS, then answers a plan or
 * #N/A saying the time limit was reached and what to change.
 */
import { CustomFunctionsError } from "../support/customFunctions";
import { reconcile } from "../../src/functions/functions";
import { CELL_SOLVE_SECONDS } from "../../src/functions/reconcileFunction";

describe("=SOP.RECONCILE time limit", () => {
  it("answers within the cell's time limit, a plan or #N/A naming the limit", async () => {
    const started = performance.now();
    const outcome = await (
      reconcile(
        [[275], [383], [1239], [1994], [925], [0], [0], [""]],
        [[null]],
        [[311]],
        null,
        [
          [
            "integer Workforce",
            "endingBacklog",
            "backlogCost",
            "overtime Per Worker",
            "worker Cost",
            "WORKFORCE",
            "units Per Worker",
          ],
          [true, 50, 4, 40, 26, 111, 69],
        ],
        "BACKLOG",
      ) as Promise<unknown>
    ).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    // the limit plus a second for loading HiGHS and building the model on a busy machine
    expect(performance.now() - started).toBeLessThan((CELL_SOLVE_SECONDS + 1) * 1000);
    if ("error" in outcome) {
      expect(outcome.error).toBeInstanceOf(CustomFunctionsError);
      expect((outcome.error as CustomFunctionsError).code).toBe("#N/A");
      expect((outcome.error as CustomFunctionsError).message).toMatch(
        /within the 5 s time limit.*integerWorkforce FALSE/,
      );
    } else {
      expect((outcome.value as number[][]).length).toBe(8);
    }
  }, 20_000);
});
