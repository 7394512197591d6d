/**
 * Property tests of =SOP.FORECAST_SOP with Excel-shaped arguments (test/fuzz/contract.ts lists the
 * rules). `npm test` runs a few generated calls, `npm run test:slow`
 * the full count, and `npm run fuzz` the same properties at ≥ 100,000 calls, timed.
 */
import "../support/customFunctions";
import fc from "fast-check";
import { contractProperty } from "./contract";
import { testRuns } from "../support/runs";
import { forecastSopUnderFuzz } from "./forecastSopSpec";

describe("=SOP.FORECAST_SOP under generated Excel arguments", () => {
  it("returns finite arrays in the documented shape or a #VALUE!/#N/A with a message, deterministically", async () => {
    await fc.assert(contractProperty(forecastSopUnderFuzz), { numRuns: testRuns(300, 50) });
  });
});
