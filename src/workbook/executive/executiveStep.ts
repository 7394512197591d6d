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
import { initiativeFinance, mergeDecisionLog, planChecksum } from "../../engine/executive";
import { lastApproval } from "../layout/historySheets";
import { backlogPlanSheet, demandPlanSheet, inventoryPlanSheet, productionPlanSheet } from "../layout/planSheets";
import { decisionLogSheet, readDecisionLog } from "./decisionLogSheet";
import { DECISION_LIMIT, executiveSheet } from "./executiveSheet";
import { executivePackOf, scenarioRows, strategyRows } from "./executivePlan";
import { initiativeEffects } from "./initiativeEffects";
import { lagReport, measureReport, type MeasureReport } from "./measureReport";
import { readPlanHistory, readPreviousCycle } from "../layout/planHistory";
import { measureSheet } from "./measureSheet";
import { readAssumptions, readScenarioBook } from "./readActuals";
import { familySopBlocks } from "./familySop";
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
  const previous = readPreviousCycle(inputs, data);
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
): Promise<ExecutiveOutputs> {
  const { data, base } = ctx;
  const initiatives = await initiativeEffects(data, result.demand, result.reconcile, ctx.solver);
  const comparison = [
    ...strategyRows(data, result),
    ...(initiatives?.comparison ?? []),
    ...(await scenarioRows(base, ctx.book, ctx.solver, ctx.problems)),
  ];
  const planName = ctx.scenario
    ? `scenario "${ctx.scenario.name}" (${result.reconcile.chosen})`
    : result.reconcile.chosen;
  const planned = executivePackOf({
    data,
    result,
    planName,
    comparison,
    previous: readPreviousCycle(ctx.inputs, data),
    bias: biasOfEarlierCycle(data, ctx.inputs),
  });
  const pack: ExecutivePack = initiatives
    ? {
        ...planned,
        financial: {
          ...planned.financial,
          initiatives: initiativeFinance(planned.financial, data.initiatives ?? [], data.planPeriods),
        },
        initiatives: initiatives.report,
      }
    : planned;
  const log = mergeDecisionLog(readDecisionLog(ctx.inputs, ctx.problems), pack.decisions, data.planPeriods, (d) =>
    DECISION_LIMIT[d.kind](d.threshold),
  );
  // The plan as the plan sheets will hold it: what a sign-off approves.
  const checksum = planChecksum([
    demandPlanSheet(ctx.base, result.demand),
    productionPlanSheet(ctx.base, result.demand, result.reconcile),
    inventoryPlanSheet(ctx.base, result.reconcile),
    backlogPlanSheet(ctx.base, result.reconcile),
  ]);
  const approved = lastApproval(ctx.inputs);
  const withMeeting: ExecutivePack = {
    ...pack,
    familySop: familySopBlocks(data, ctx.inputs, result.demand, result.reconcile),
    decisionLog: log,
    assumptions: readAssumptions(ctx.inputs.tables.Assumptions, ctx.problems) ?? undefined,
    approval: approved ? { ...approved, changedSince: approved.checksum !== checksum } : undefined,
  };
  if (approved && approved.checksum !== checksum)
    ctx.problems.push({
      table: "PlanLog",
      severity: "warning",
      message: `The plan has changed since ${approved.by}${approved.role ? ` (${approved.role})` : ""} approved it at ${approved.at}.`,
      hint: "Review the changes and approve the plan again (Executive step, or sop-planner approve).",
    });
  return {
    pack: withMeeting,
    sheet: executiveSheet(withMeeting),
    decisionLog: decisionLogSheet(log),
    checksum,
  };
}

/** What the executive stage gives the layouts and the log. */
export interface ExecutiveOutputs {
  pack: ExecutivePack;
  sheet: OutputSheet;
  decisionLog: OutputSheet;
  /** the plan's checksum (engine/executive/planChecksum) */
  checksum: string;
}

/** The measure report and the Measure sheet. */
export function measureOutputs(
  data: PlanningData,
  inputs: InputTables,
  problems: ValidationProblem[],
): { report: MeasureReport; sheet: OutputSheet } {
  const report = measureReport(data, inputs, readPreviousCycle(inputs, data), problems, planDemand);
  const lags = lagReport(data, readPlanHistory(inputs, data));
  if (lags) Object.assign(report, lags);
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
