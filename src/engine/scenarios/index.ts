/**
 * Scenarios (S&OP step 4–5): named what-ifs of overrides, strategy and capacity changes,
 * compared side by side (executive `compareOptions`) and promoted to be the plan, reversibly.
 */
export * from "./types";
export * from "./applyScenario";
export * from "./scenarioBook";
