/**
 * The executive S&OP step (step 5): the financial plan, headline KPIs, decisions needed,
 * changes since the last cycle and the comparison of options — everything the executive
 * summary sheet shows, computed from the plan tables and nothing else.
 */
export * from "./types";
export * from "./financialPlan";
export * from "./planVsBudget";
export * from "./initiativeFinance";
export * from "./inventoryMeasures";
export * from "./headlineKpis";
export * from "./decisionsNeeded";
export * from "./decisionLog";
export * from "./planChecksum";
export * from "./changesSinceLastCycle";
export * from "./familySop";
export * from "./scenarioComparison";
export * from "./executivePack";
