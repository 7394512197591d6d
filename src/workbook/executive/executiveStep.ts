/**
 * The executive and measure steps as the planning session runs them, and the scenario verbs:
 * what is computed from the cycle's result and which owned sheets are written.
 *
 * The promoted scenario (the last `promoted` row of the Scenarios sheet) is applied to the
 * workbook's data before the cycle runs. Its overrides drive Consensus, but DemandPlan's
 * Override / Reason columns keep only what the planner typed, so reverting the promotion brings
 * the previous plan back exactly.
 */
import type { DemandPlan, PlanningData, ReconcileResult, SupplyPlan } from "../../engine/cycle";
import { planDemand } from "../../engine/cycle";
import type { ExecutivePack, BiasSeries } from "../../engine/executive";
import { forecastAccuracy, salesActuals } from "../../engine/measure";
import type { LpSolver } from "../../engine/reconcile";
import { activeScenario, applyScenario, type Scenario, type ScenarioBook } from "../../engine/scenarios";
import type { InputTables, OutputSheet, ValidationProblem } from "../port";
import { markerTableName } from "../port";
import { executiveSheet } from "./executiveSheet";
import { executivePackOf, scenarioRows, strategyRows } from "./executivePlan";
import { measureReport, type MeasureReport } from "./measureReport";
import { measureSheet } from "./measureSheet";
import { readPreviousCycle, readScenarioBook } from "./readActuals";
import { SCENARIO_HEADERS, SCENARIOS_SHEET, scenarioRows as scenarioSheetRows } from "./scenariosSheet";

/** The data to plan with: the workbook's, with the promoted scenario applied (throws PlanningError for a scenario that does not fit). */
export function withActiveScenario(
  data: PlanningData,
  inputs: InputTables,
  problems: ValidationProblem[],
): { data: PlanningData; scenario: Scenario | null; book: ScenarioBook } {
  const book = readScenarioBook(inputs, problems);
  const scenario = activeScenario(book);
  return { data: scenario ? applyScenario(data, scenario) : data, scenario, book };
}

export interface ExecutiveContext {
  /** the workbook's data without any scenario (scenarios are compared from here) */
  base: PlanningData;
  /** the data planned (with the promoted scenario) */
  data: PlanningData;
  inputs: InputTables;
  book: ScenarioBook;
  scenario: Scenario | null;
  problems: ValidationProblem[];
  solver?: LpSolver;
}

/** Tracking signals of the earlier cycle's forecast by family, when Sales has actuals for it. */
function biasOfEarlierCycle(data: PlanningData, inputs: InputTables): BiasSeries[] {
  const previous = readPreviousCycle(inputs);
  if (!previous) return [];
  const familyOf = new Map(data.items.map((it) => [it.name, it.family]));
  const history = new Set(data.historyPeriods);
  const earlier = previous.forecasts
    .filter((f) => familyOf.has(f.item) && history.has(f.period))
    .map((f) => ({ ...f, family: familyOf.get(f.item)! }));
  if (earlier.length === 0) return [];
  return forecastAccuracy(earlier, salesActuals(data))
    .filter((row) => row.level === "family")
    .map((row) => ({ name: row.name, trackingSignal: row.trackingSignal }));
}

/** The executive pack and the ExecutiveSummary sheet for the cycle's result. */
export async function executiveOutputs(
  ctx: ExecutiveContext,
  result: { demand: DemandPlan; supply?: SupplyPlan; reconcile: ReconcileResult },
): Promise<{ pack: ExecutivePack; sheet: OutputSheet }> {
  const { data, base } = ctx;
  const comparison = [...strategyRows(data, result), ...(await scenarioRows(base, ctx.book, ctx.solver, ctx.problems))];
  const planName = ctx.scenario
    ? `scenario "${ctx.scenario.name}" (${result.reconcile.chosen})`
    : result.reconcile.chosen;
  const pack = executivePackOf({
    data,
    result,
    planName,
    comparison,
    previous: readPreviousCycle(ctx.inputs),
    bias: biasOfEarlierCycle(data, ctx.inputs),
  });
  return { pack, sheet: executiveSheet(pack) };
}

/** The measure report and the Measure sheet. */
export function measureOutputs(
  data: PlanningData,
  inputs: InputTables,
  problems: ValidationProblem[],
): { report: MeasureReport; sheet: OutputSheet } {
  const report = measureReport(data, inputs, readPreviousCycle(inputs), problems, planDemand);
  return { report, sheet: measureSheet(report) };
}

/** The Scenarios sheet holding `book`. */
export function scenariosSheet(book: ScenarioBook): OutputSheet {
  return {
    name: SCENARIOS_SHEET,
    tableName: markerTableName(SCENARIOS_SHEET),
    headers: [...SCENARIO_HEADERS],
    rows: scenarioSheetRows(book),
    numberFormats: [null, null, null, null, "#,##0.##", null],
    columnWidths: [20, 12, 16, 10, 12, 40],
  };
}
