/**
 * Regression: =SOP.RECONCILE returned Infinity or NaN (Excel shows a bare #NUM!) when extreme
 * demand or costs overflowed a plan's cost. Found by `npm run fuzz`; these are the shrunk cases.
 */
import { excelError } from "../support/customFunctions";
import { reconcile } from "../../src/functions/functions";

async function errorOf(call: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call();
  } catch (e) {
    return excelError(() => {
      throw e;
    });
  }
  throw new Error("expected #VALUE!, the call returned");
}

describe("=SOP.RECONCILE beyond Excel's number range", () => {
  it("refuses a material cost that overflows the plan's cost", async () => {
    // level plan of 2 periods × 100 units, materialCost 1.7976931348623157E+308 per unit → Infinity
    const error = await errorOf(() =>
      reconcile([[100, 100]], [[150]], null as any, "level", [["materialCost", 1.7976931348623157e308]], "cost"),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/beyond Excel's number range.*check demand, capacity and costs/);
  });

  it("refuses a demand so large that the plan's arithmetic overflows", async () => {
    // demand 1.7976931348623157E+308 then 132 with capacity 968: production and backlog overflow
    const error = await errorOf(() =>
      reconcile(
        [
          [292, 94610],
          [1.7976931348623157e308, 132],
        ],
        [
          [null, 0],
          ["", 968],
        ],
        [[-89], [-111]],
        "level",
        [["holdingCost", 7260]],
        "cost",
      ),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/beyond Excel's number range/);
  });

  it("still returns a large but finite cost", async () => {
    // chase: 1E+6 units made each period at regularCost 1E+12 → 2 × 1E+18 = 2E+18
    expect(await reconcile([[1e6, 1e6]], [[1e6]], null as any, "chase", [["regularCost", 1e12]], "cost")).toEqual([
      [2e18],
    ]);
  });
});
