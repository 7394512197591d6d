/**
 * Property tests of =SOP.RCCP_LOAD with Excel-shaped arguments (test/fuzz/contract.ts lists the
 * rules). `npm test` runs a few generated calls, `npm run test:slow`
 * the full count, and `npm run fuzz` the same properties at ≥ 100,000 calls, timed.
 */
import "../support/customFunctions";
import fc from "fast-check";
import { checkCall, contractProperty } from "./contract";
import { testRuns } from "../support/runs";
import { rccpLoadUnderFuzz } from "./rccpLoadSpec";

describe("=SOP.RCCP_LOAD under generated Excel arguments", () => {
  it("returns finite resources × periods arrays or a #VALUE!/#N/A with a message, deterministically", async () => {
    await fc.assert(contractProperty(rccpLoadUnderFuzz), { numRuns: testRuns(400, 100) });
  });

  it("the contract catches what it should: an unknown output name that returned a value would fail", async () => {
    // A stand-in that ignores `output` and always returns load: the rules must flag it.
    const careless = {
      ...rccpLoadUnderFuzz,
      call: (args: unknown[]) => rccpLoadUnderFuzz.call([...args.slice(0, 4), null]),
    };
    const report = await checkCall(careless, [[[1, 2]], [[0.5]], null, null, "lod"]);
    expect(report.problems.join(" ")).toMatch(/output "lod" is not a documented choice/);
  });

  it("the contract checks a call's time budget only when timed (npm run fuzz), never in jest", async () => {
    // A budget of -1 ms: every call is over it, so the timed check must flag it and the untimed
    // check must not (jest asserts outcomes, not a busy machine's clock).
    const impatient = { ...rccpLoadUnderFuzz, budgetMs: () => -1 };
    const args = [[[1]], [[1]], null, null, null];
    expect((await checkCall(impatient, args, { timed: true })).problems.join(" ")).toMatch(/ms \(limit -1 ms\)/);
    expect((await checkCall(impatient, args)).problems).toEqual([]);
  });

  it("the contract flags a non-finite result and an escaping exception", async () => {
    const overflowing = { ...rccpLoadUnderFuzz, call: () => [[Infinity]] };
    expect((await checkCall(overflowing, [[[1]], [[1]], null, null, null])).problems.join(" ")).toMatch(
      /returned "Infinity" at row 1, column 1/,
    );
    const throwing = {
      ...rccpLoadUnderFuzz,
      call: () => {
        throw new TypeError("x is undefined");
      },
    };
    expect((await checkCall(throwing, [[[1]], [[1]], null, null, null])).problems.join(" ")).toMatch(
      /let an exception escape: exception TypeError/,
    );
  });
});
