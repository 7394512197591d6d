/**
 * Property tests of =SOP.FORECAST_SOP with Excel-shaped arguments (test/fuzz/contract.ts lists the
 * rules). `npm run fuzz` runs the same properties at ≥ 100,000 calls; FUZZ_RUNS raises the count here.
 */
import "../support/customFunctions";
import fc from "fast-check";
import { contractProperty, testRuns } from "./contract";
import { forecastSopUnderFuzz } from "./forecastSopSpec";

describe("=SOP.FORECAST_SOP under generated Excel arguments", () => {
  it("returns finite arrays in the documented shape or a #VALUE!/#N/A with a message, fast, deterministically", async () => {
    await fc.assert(contractProperty(forecastSopUnderFuzz), { numRuns: testRuns(300) });
  });
});
