/**
 * Regression: =SOP.RCCP_LOAD returned Infinity (Excel shows a bare #NUM!) when the load or the
 * utilization overflowed float64. Found by `npm run fuzz` (test/fuzz/rccpLoad.test.ts shrank it
 * to these arguments).
 */
import { excelError } from "../support/customFunctions";
import { rccpLoad } from "../../src/functions/functions";

describe("=SOP.RCCP_LOAD beyond Excel's number range", () => {
  it("refuses a utilization that overflows on a nearly zero capacity, naming capacity", () => {
    // load 1 unit × 1 h = 1 h; 1 ÷ 5E-324 = Infinity in float64
    const error = excelError(() => rccpLoad([[0, 1]], [[1]], [[0, 5e-324]], null as any, "utilization"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/utilization of resource 1 in period 2 is beyond Excel's number range.*capacity/);
  });

  it("refuses a load that overflows, naming the resource and period", () => {
    // 1.7976931348623157E+308 units × 2 h overflows to Infinity
    const error = excelError(() => rccpLoad([[1.7976931348623157e308], [2]], [[2]], null as any, null as any, "load"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/load of resource 1 in period 1 is beyond Excel's number range/);
  });

  it("still returns a large but finite load", () => {
    // 1E+300 units × 2 h = 2E+300 h, inside the range
    expect(rccpLoad([[1e300]], [[2]], null as any, null as any, null)).toEqual([[2e300]]);
  });
});
