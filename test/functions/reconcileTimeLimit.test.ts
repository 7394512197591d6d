/**
 * A cell's optimal solve is capped at CELL_SOLVE_SECONDS, so a recalculation never blocks Excel
 * for HiGHS's 60 s default. Shown without a clock: HiGHS is the real WebAssembly module, wrapped
 * to record the options the cell sets and to answer "time limit reached" as HiGHS does when the
 * limit passes. The real stalling model, solved for real, is reconcileTimeLimit.slow.test.ts.
 */
import { CustomFunctionsError } from "../support/customFunctions";

const optionsSet: Record<string, unknown>[] = [];

jest.mock("highs", () => {
  const actual = jest.requireActual("highs");
  const load = (actual.default ?? actual) as (settings?: object) => Promise<Record<string, unknown>>;
  return async (settings?: object) => {
    const highs = await load(settings);
    const createModel = highs.createModel as (data: unknown) => Record<string, unknown>;
    const codes = (highs.constants as { modelStatus: { timeLimit: number } }).modelStatus;
    return {
      ...highs,
      createModel: (data: unknown) => {
        const model = createModel(data) as {
          options: { set(values: Record<string, unknown>): void };
          run(): void;
          getModelStatus(): number;
        };
        const set = model.options.set.bind(model.options);
        model.options.set = (values) => {
          optionsSet.push(values);
          set(values);
        };
        // HiGHS's answer when the time limit passes before the MIP is proven optimal.
        model.run = () => undefined;
        model.getModelStatus = () => codes.timeLimit;
        return model;
      },
    };
  };
});

// Imported after the mock, so the cell's solver loads the wrapped HiGHS.
import { reconcile } from "../../src/functions/functions";
import { CELL_SOLVE_SECONDS } from "../../src/functions/reconcileFunction";

describe("=SOP.RECONCILE time limit", () => {
  it("asks HiGHS to stop after CELL_SOLVE_SECONDS and answers #N/A naming the limit and the way out", async () => {
    const costs = [
      [
        "integerWorkforce",
        "endingBacklog",
        "backlogCost",
        "overtimePerWorker",
        "workerCost",
        "workforce",
        "unitsPerWorker",
      ],
      [true, 50, 4, 40, 26, 111, 69],
    ];
    const outcome = await (
      reconcile([[275], [383], [1239]], [[null]], [[311]], null, costs, "BACKLOG") as Promise<unknown>
    ).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    expect(CELL_SOLVE_SECONDS).toBe(5);
    expect(optionsSet).toContainEqual(expect.objectContaining({ time_limit: CELL_SOLVE_SECONDS }));
    expect(outcome).toHaveProperty("error");
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(CustomFunctionsError);
    expect((error as CustomFunctionsError).code).toBe("#N/A");
    expect((error as CustomFunctionsError).message).toMatch(/within the 5 s time limit.*integerWorkforce FALSE/);
  });
});
