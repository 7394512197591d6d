/**
 * Regression: with integerWorkforce TRUE, this 8-period =SOP.RECONCILE stalled in HiGHS's MIP
 * solver for its full 60 s default (found by `npm run fuzz`: 19.8 s and 60.0 s calls), blocking
 * the shared runtime. A cell now solves for at most CELL_SOLVE_SECONDS, then answers a plan or
 * #N/A saying the time limit was reached and what to change.
 *
 * Slow lane: the real solve runs up to the 5 s limit. The test asserts the outcome only; how long
 * a call takes is `npm run fuzz`'s check (it reports the slowest call against its budget), and
 * reconcileTimeLimit.test.ts shows, without a clock, that the cell asks HiGHS for the limit.
 */
import { CustomFunctionsError } from "../support/customFunctions";
import { reconcile } from "../../src/functions/functions";

describe("=SOP.RECONCILE time limit", () => {
  it("answers a plan or #N/A naming the cell's time limit", async () => {
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
    if ("error" in outcome) {
      expect(outcome.error).toBeInstanceOf(CustomFunctionsError);
      expect((outcome.error as CustomFunctionsError).code).toBe("#N/A");
      expect((outcome.error as CustomFunctionsError).message).toMatch(
        /within the 5 s time limit.*integerWorkforce FALSE/,
      );
    } else {
      expect((outcome.value as number[][]).length).toBe(8);
    }
  }, 60_000);
});
