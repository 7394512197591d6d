/** Every custom function Excel can call is fuzzed: a new export without a fuzz spec fails here. */
import "../support/customFunctions";
import * as customFunctions from "../../src/functions/functions";
import { FUNCTIONS_UNDER_FUZZ } from "./functionsUnderFuzz";

describe("the fuzz suite", () => {
  it("covers every exported custom function", () => {
    const exported = Object.entries(customFunctions)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => name)
      .sort();
    expect(FUNCTIONS_UNDER_FUZZ.map((entry) => entry.spec.exportName).sort()).toEqual(exported);
  });
});
