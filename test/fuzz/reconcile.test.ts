/**
 * Property tests of =SOP.RECONCILE with Excel-shaped arguments (test/fuzz/contract.ts lists the
 * rules). `npm run fuzz` runs the same properties at ≥ 100,000 calls; FUZZ_RUNS raises the count here.
 */
import "../support/customFunctions";
import fc from "fast-check";
import { contractProperty, testRuns } from "./contract";
import { reconcileUnderFuzz } from "./reconcileSpec";

describe("=SOP.RECONCILE under generated Excel arguments", () => {
  it("returns finite arrays in the documented shape or a #VALUE!/#N/A with a message, fast, deterministically", async () => {
    await fc.assert(contractProperty(reconcileUnderFuzz), { numRuns: testRuns(300) });
  });
});
