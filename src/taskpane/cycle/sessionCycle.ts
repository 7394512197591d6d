/**
 * The pane's cycle over the workbook's PlanningSession (the same runner the CLI uses): each
 * step is the session's read → validate → compute → write, and its result is turned into the
 * pane's views here, at the edge. Comparing strategies computes all three with the engine and
 * writes nothing; the planner's pick is then written by the session.
 */
import { isPlanSheet } from "../../workbook/outputs";
import { EXECUTIVE_SHEET } from "../../workbook/executive/executiveSheet";
import { MEASURE_SHEET } from "../../workbook/executive/measureSheet";
import type { DemandPlan, PlanningData, Strategy, StrategyOutcome } from "../../engine/cycle";
import { belowTargetPeriods } from "../../engine/cycle/reconcilePlan";
import type { LpSolver, MultiFamilyInput } from "../../engine/reconcile";
import type { CellValue, ValidationProblem, WorkbookPort } from "../../workbook/port";
import { INPUT_SPECS } from "../../workbook/schema/tables";
import type { PlanningSession, StepResult } from "../../workbook/session";
import { localCompute, type ComputeService } from "../../workbook/compute";
import type { BackgroundWork } from "../compute/workerCompute";
import { scenarioFromPlan } from "../../workbook/executive/captureScenario";
import { describeInput, StalePlanError } from "../../workbook/inputChecksums";
import { heldOutAccuracy } from "./accuracyViews";
import { executiveView, measureView } from "./executiveViews";
import type { PaneCycle } from "./paneCycle";
import type {
  CellAddress,
  DemandView,
  ExecutiveView,
  FamilyOverrideInput,
  ForecastSeriesView,
  GatherView,
  MeasureView,
  ProblemView,
  ProjectionView,
  ReconcileView,
  StrategySummary,
  SupplyView,
} from "./views";
import { MAX_LISTED_ITEMS } from "./views";

/** A step stopped on problems in the workbook: the message lists the first ones. */
export class StepStoppedError extends Error {
  constructor(readonly problems: ProblemView[]) {
    const errors = problems.filter((p) => p.severity === "error");
    const shown = errors.slice(0, 3).map((p) => p.message);
    super(
      `Stopped, nothing was written: ${shown.join(" ")}${errors.length > 3 ? ` (${errors.length - 3} more problems: see Gather data.)` : ""}`,
    );
    this.name = "StepStoppedError";
  }
}

export interface SessionCycleOptions {
  /** inserts the template tables with sample data into the workbook */
  insertTemplate: () => Promise<void>;
  /** the LP solver for the optimal strategy, loaded on first use */
  solver: () => Promise<LpSolver>;
  /** where forecasting and reconciling run (the session's); default: this thread with `solver` */
  compute?: ComputeService;
  /** progress and cancel of the compute, when it runs in the background */
  work?: BackgroundWork;
}

export class SessionCycle implements PaneCycle {
  private chosen: { strategy: Strategy; outcome: StrategyOutcome; data: PlanningData } | null = null;
  private overloadCount = 0;
  /** the last demand plan, for charting an item the DemandView does not list */
  private lastDemand: { data: PlanningData; demand: DemandPlan } | null = null;
  /** the last executive pack shown, shown again with a refused (stale) approval */
  private lastExecutive: ExecutiveView | null = null;
  private readonly compute: ComputeService;
  readonly work?: BackgroundWork;

  constructor(
    private readonly port: WorkbookPort,
    private readonly session: PlanningSession,
    private readonly options: SessionCycleOptions,
  ) {
    this.compute = options.compute ?? localCompute(options.solver);
    this.work = options.work;
  }

  async gather(): Promise<GatherView> {
    const result = await this.session.gather();
    const missingTables = INPUT_SPECS.filter((spec) => spec.required && !result.inputs.tables[spec.name]).map(
      (spec) => spec.name,
    );
    return {
      tables: result.tables.map((t) => ({ name: t.name, rows: t.rows })),
      missingTables,
      // A missing table is said once, by missingTables, with the offer to insert the template.
      problems: result.problems
        .filter((p) => !(missingTables.includes(p.table) && p.row === undefined && p.column === undefined))
        .map(problemView),
    };
  }

  insertTemplate(): Promise<void> {
    return this.options.insertTemplate();
  }

  async demandPlan(): Promise<DemandView> {
    return this.demandView(succeeded(await this.session.demandPlan()));
  }

  async familyOverride(edit: FamilyOverrideInput): Promise<DemandView> {
    return this.demandView(succeeded(await this.session.familyOverride(edit)));
  }

  async demandSeries(item: string): Promise<ForecastSeriesView | null> {
    if (!this.lastDemand) return null;
    const { data, demand } = this.lastDemand;
    const i = demand.items.findIndex((d) => d.item === item);
    return i < 0 ? null : itemSeries(data, demand, i);
  }

  private demandView(result: StepResult): DemandView {
    const data = result.data!;
    this.lastDemand = { data, demand: result.demand! };
    return {
      series: forecastSeries(data, result.demand!),
      itemCount: result.demand!.items.length,
      accuracy: heldOutAccuracy(data),
      written: result.written.filter((name) => isPlanSheet(name) || name === "FamilyPlan"),
      periods: data.planPeriods.slice(),
      familyVolumes: result.demand!.families.map((f) => ({
        family: f.family,
        statistical: f.statistical.slice(),
        override: f.override.slice(),
        consensus: f.consensus.slice(),
      })),
    };
  }

  async supplyPlan(): Promise<SupplyView> {
    const result = succeeded(await this.session.supplyPlan());
    const data = result.data!;
    const resources = result.supply!.resources;
    const overloads = resources.flatMap((r) =>
      r.overloadedPeriods.map((t) => ({
        resource: r.resource,
        period: data.planPeriods[t],
        loadHours: r.load[t],
        capacityHours: r.capacity[t],
      })),
    );
    this.overloadCount = overloads.length;
    return {
      resources: resources.map((r) => r.resource),
      periods: data.planPeriods.slice(),
      loadHours: resources.map((r) => r.load.slice()),
      capacityHours: resources.map((r) => r.capacity.slice()),
      overloads,
      pastDueHours: resources.map((r) => r.pastDue),
      written: result.written.filter(isPlanSheet),
    };
  }

  async compareStrategies(): Promise<ReconcileView> {
    const gathered = await this.session.gather();
    if (!gathered.data) throw new StepStoppedError(gathered.problems.map(problemView));
    const data = gathered.data;
    const demand = await this.compute.planDemand(data);
    const reconciled = await this.compute.reconcilePlans(data, demand, data.strategy);
    return { strategies: reconciled.outcomes.map((o) => strategySummary(o, data, reconciled.input)) };
  }

  async choosePlan(strategy: Strategy): Promise<ReconcileView> {
    const result = succeeded(await this.session.reconcile(strategy));
    const outcomes = result.reconcile!.outcomes;
    const outcome = outcomes.find((o) => o.strategy === strategy);
    if (!outcome?.plan) throw new Error(`The ${strategy} plan could not be made: ${outcome?.failure ?? "no plan"}.`);
    this.chosen = { strategy, outcome, data: result.data! };
    return {
      strategies: outcomes.map((o) => strategySummary(o, result.data!, result.reconcile!.input)),
      chosen: {
        strategy,
        projection: projection(result.data!, outcome, result.reconcile!.input),
        written: result.written.filter(isPlanSheet),
      },
    };
  }

  async executiveSummary(): Promise<ExecutiveView> {
    if (!this.chosen) throw new Error("Write a reconciled plan first (step 4, Reconcile).");
    const result = succeeded(await this.session.executive(this.chosen?.strategy));
    return this.withScenarios(
      executiveView(
        result.executive!,
        result.reconcile!.chosen,
        result.written.filter((name) => name === EXECUTIVE_SHEET),
      ),
    );
  }

  async promoteScenario(name: string): Promise<ExecutiveView> {
    await this.session.promoteScenario(name);
    return this.replan();
  }

  async saveScenario(name: string, strategy: Strategy | null): Promise<ExecutiveView> {
    const gathered = await this.session.gather();
    if (!gathered.data)
      throw new Error(
        `Nothing saved: ${gathered.problems.filter((p) => p.severity === "error").length} error(s) in the input tables (step 1 lists them).`,
      );
    await this.session.saveScenario(scenarioFromPlan(gathered.data, name, strategy));
    return this.chosen ? this.executiveSummary() : this.replan();
  }

  async approve(by: string, role: string | null, allowStale = false): Promise<ExecutiveView> {
    let staleness;
    try {
      ({ staleness } = await this.session.approve(by, role, { allowStale }));
    } catch (e) {
      if (!(e instanceof StalePlanError)) throw e;
      // Nothing was written: the pack shown stays as it was, with the refusal.
      const view = this.lastExecutive ?? (await (this.chosen ? this.executiveSummary() : this.replan()));
      const changed = e.staleness.changed.map(describeInput);
      return { ...view, staleApproval: { message: e.message, changed, by, role } };
    }
    const view = await (this.chosen ? this.executiveSummary() : this.replan());
    return { ...view, signedOff: { changed: staleness.changed.map(describeInput), checked: staleness.checked } };
  }

  /**
   * The whole cycle again (after a stale refusal): with the strategy picked in step 4, unless a
   * scenario is promoted, whose own strategy then stays the plan's (as when it was promoted).
   */
  async rerunCycle(): Promise<ExecutiveView> {
    return this.replan(this.lastExecutive?.canRevert ? undefined : this.chosen?.strategy);
  }

  async revertPromotion(): Promise<ExecutiveView> {
    await this.session.revertPromotion();
    return this.replan();
  }

  /**
   * The whole cycle with the scenario book's plan (`strategy`, else the scenario's, else
   * Settings'), every plan sheet rewritten.
   */
  private async replan(strategy?: Strategy): Promise<ExecutiveView> {
    const result = succeeded(await this.session.run(strategy));
    return this.withScenarios(
      executiveView(
        result.executive!,
        result.reconcile!.chosen,
        result.written.filter((name) => name === EXECUTIVE_SHEET),
      ),
    );
  }

  private async withScenarios(view: ExecutiveView): Promise<ExecutiveView> {
    const book = await this.session.scenarios();
    const active = book.promoted[book.promoted.length - 1];
    this.lastExecutive = {
      ...view,
      scenarios: book.scenarios.map((s) => ({ name: s.name, promoted: s.name === active })),
      canRevert: book.promoted.length > 0,
    };
    return this.lastExecutive;
  }

  async measure(): Promise<MeasureView> {
    const result = succeeded(await this.session.measure());
    return measureView(
      result.measure!,
      result.written.filter((name) => name === MEASURE_SHEET),
    );
  }

  async selectCell(cell: CellAddress): Promise<void> {
    await this.port.selectCell?.(cell.sheet, cell.row, cell.column);
  }
}

function succeeded(result: StepResult): StepResult {
  if (!result.ok) throw new StepStoppedError(result.problems.map(problemView));
  return result;
}

function problemView(p: ValidationProblem): ProblemView {
  return {
    severity: p.severity,
    table: p.table,
    row: p.row,
    column: p.column,
    value: showValue(p.value),
    message: p.message,
    hint: p.hint,
    cell: p.cell,
  };
}

function showValue(value: CellValue | undefined): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** Families first (volume, what S&OP decides), then items (mix) up to MAX_LISTED_ITEMS of them. */
function forecastSeries(data: PlanningData, demand: DemandPlan): ForecastSeriesView[] {
  const families = demand.families.map((family): ForecastSeriesView => {
    const members = data.items.flatMap((item, i) => (item.family === family.family ? [i] : []));
    const history = data.historyPeriods.map((_, t) => members.reduce((sum, i) => sum + (data.history[i][t] ?? 0), 0));
    return {
      level: "family",
      name: family.family,
      historyPeriods: data.historyPeriods.slice(),
      history,
      forecastPeriods: data.planPeriods.slice(),
      forecast: family.statistical.slice(),
      lower: family.lower?.slice(),
      upper: family.upper?.slice(),
    };
  });
  const items = demand.items.length <= MAX_LISTED_ITEMS ? demand.items.map((_, i) => itemSeries(data, demand, i)) : [];
  return [...families, ...items];
}

function itemSeries(data: PlanningData, demand: DemandPlan, i: number): ForecastSeriesView {
  const item = demand.items[i];
  return {
    level: "item",
    name: item.item,
    historyPeriods: data.historyPeriods.slice(),
    history: data.history[i].map((v) => v),
    forecastPeriods: data.planPeriods.slice(),
    forecast: item.statistical.slice(),
    lower: item.lower?.slice(),
    upper: item.upper?.slice(),
    method: item.model,
  };
}

function strategySummary(outcome: StrategyOutcome, data: PlanningData, input: MultiFamilyInput): StrategySummary {
  const k = outcome.kpis;
  const plans = outcome.plan?.plans ?? [];
  const periods = plans[0]?.backlog.length ?? 0;
  const total = (pick: (p: (typeof plans)[number]) => number[], t: number) =>
    plans.reduce((sum, p) => sum + pick(p)[t], 0);
  const backlog = Array.from({ length: periods }, (_, t) => total((p) => p.backlog, t));
  return {
    strategy: outcome.strategy,
    failure: outcome.failure ?? undefined,
    totalCost: k?.totalCost ?? NaN,
    overtimeHours: k?.overtimeHours ?? NaN,
    hoursBeyondCapacity: k?.hoursBeyondCapacity ?? NaN,
    subcontractUnits: k?.subcontract ?? NaN,
    peakBacklog: periods ? Math.max(...backlog) : NaN,
    endingInventory: periods ? total((p) => p.inventory, periods - 1) : NaN,
    fillRate: k?.fillRate ?? NaN,
    belowTarget: outcome.plan
      ? belowTargetPeriods(input, outcome.plan).map((s) => ({ ...s, period: data.planPeriods[s.period] }))
      : [],
  };
}

/** All families together: the demand the reconciliation planned for and what the plan does about it. */
function projection(data: PlanningData, outcome: StrategyOutcome, input: MultiFamilyInput): ProjectionView {
  const plans = outcome.plan!.plans;
  const sum = (rows: number[][]) => data.planPeriods.map((_, t) => rows.reduce((s, row) => s + row[t], 0));
  return {
    periods: data.planPeriods.slice(),
    demand: sum(input.families.map((f) => f.demand)),
    production: sum(plans.map((p) => p.production)),
    inventory: sum(plans.map((p) => p.inventory)),
    backlog: sum(plans.map((p) => p.backlog)),
  };
}
