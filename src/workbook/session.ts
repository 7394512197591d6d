/**
 * The step-by-step S&OP runner shared by the CLI and the task pane. Every step is
 * read → validate → compute → write: one read round trip, everything checked and computed in
 * memory, then one write round trip. A step that finds an error writes nothing.
 *
 * Steps and the sheets they write:
 * - `gather()`: nothing (reads and validates);
 * - `demandPlan()`: DemandPlan, PlanLog (and PreviousPlan at a new cycle);
 * - `supplyPlan()`: CapacityLoad, PlanLog;
 * - `compareStrategies(strategy?)`: nothing (chase, level and optimal computed side by side);
 * - `reconcile(strategy?)`: ProductionPlan, InventoryPlan, BacklogPlan, PlanLog (PreviousPlan);
 * - `run(strategy?)`: all of the above in one write.
 */
import type {
  CycleResult,
  DemandPlan,
  PlanKpis,
  PlanningData,
  PlanningStrategy,
  ReconcileResult,
  SupplyPlan,
} from "../engine/cycle";
import { planSupply } from "../engine/cycle";
import { PlanningError } from "../engine/errors";
import type { LpSolver } from "../engine/reconcile";
import { localCompute, type ComputeService } from "./compute";
import { previousPlanSheet, planLogSheet } from "./layout/historySheets";
import { capacityLoadSheet, demandPlanSheet, supplySheets } from "./layout/planSheets";
import { unmatchedEdits, withPlannerColumns } from "./parse/overrides";
import { parsePlanningData } from "./parse/planningData";
import type { InputTables, OutputSheet, ValidationProblem, WorkbookPort } from "./port";
import { OwnershipError } from "./port";
import type { ExecutivePack } from "../engine/executive";
import {
  EMPTY_BOOK,
  promoteScenario,
  removeScenario,
  revertPromotion,
  saveScenario,
  type Scenario,
  type ScenarioBook,
} from "../engine/scenarios";
import {
  executiveOutputs,
  measureOutputs,
  scenariosSheet,
  withActiveScenario,
  type ExecutiveContext,
} from "./executive/executiveStep";
import type { MeasureReport } from "./executive/measureReport";
import { readScenarioBook } from "./executive/readActuals";

export interface SessionOptions {
  /** the LP solver for the optimal strategy, loaded on first use (e.g. HiGHS) */
  solver?: () => Promise<LpSolver>;
  /** the clock for PlanLog */
  now: () => Date;
  /**
   * forecasting and reconciling, e.g. in a Web Worker (the task pane); default: the engine in this
   * thread, with `solver`
   */
  compute?: ComputeService;
  /** stage names as they start ("read", "validate", "forecast", "rccp", "reconcile", "write") */
  onProgress?: (stage: Stage) => void;
}

export type Stage = "read" | "validate" | "forecast" | "rccp" | "reconcile" | "write";

export interface GatherResult {
  /** input tables found, by canonical name, with their sheet */
  tables: { name: string; sheet: string; rows: number }[];
  problems: ValidationProblem[];
  /** null when there is an error */
  data: PlanningData | null;
  inputs: InputTables;
}

export interface StepResult {
  ok: boolean;
  problems: ValidationProblem[];
  /** sheets written (empty when not ok) */
  written: string[];
  data: PlanningData | null;
  demand?: DemandPlan;
  supply?: SupplyPlan;
  reconcile?: ReconcileResult;
  /** the executive pack (run, executive) */
  executive?: ExecutivePack;
  /** the measure report (measure) */
  measure?: MeasureReport;
  /** the promoted scenario the plan was made with, if any */
  scenario?: string | null;
  /** milliseconds per stage */
  timings: Partial<Record<Stage, number>>;
}

const clock = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

export class PlanningSession {
  private solverInstance: Promise<LpSolver> | null = null;
  private readonly compute: ComputeService;

  constructor(
    private readonly port: WorkbookPort,
    private readonly options: SessionOptions,
  ) {
    this.compute = options.compute ?? localCompute(() => this.solver());
  }

  private async timed<T>(timings: StepResult["timings"], stage: Stage, work: () => T | Promise<T>): Promise<T> {
    this.options.onProgress?.(stage);
    const start = clock();
    try {
      return await work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + (clock() - start);
    }
  }

  /** Reads and validates every input; writes nothing. */
  async gather(timings: StepResult["timings"] = {}): Promise<GatherResult> {
    const inputs = await this.timed(timings, "read", () => this.port.readInputs());
    const { data, problems } = await this.timed(timings, "validate", () => parsePlanningData(inputs));
    const tables = Object.values(inputs.tables)
      .filter((t) => t !== undefined)
      .map((t) => ({ name: t!.name, sheet: t!.sheet, rows: t!.rows.length }));
    for (const sheet of inputs.owned) {
      if (sheet.exists && !sheet.ownedByAddIn) {
        problems.push({
          table: sheet.name,
          severity: "warning",
          message: `Sheet "${sheet.name}" was not created by S&OP Planner, so the planner will not write it; steps that write "${sheet.name}" will stop.`,
          hint: `Rename or delete the sheet "${sheet.name}" to let the add-in write its plan there.`,
          cell: { sheet: sheet.name, row: 0, column: 0 },
        });
      }
    }
    return { tables, problems, data, inputs };
  }

  async demandPlan(): Promise<StepResult> {
    return this.step(
      "demand",
      ["DemandPlan"],
      null,
      async (data, timings) => ({ demand: await this.timed(timings, "forecast", () => this.compute.planDemand(data)) }),
      (data, r) => [demandPlanSheet(data, r.demand!, r.kept)],
    );
  }

  async supplyPlan(): Promise<StepResult> {
    return this.step(
      "supply",
      ["CapacityLoad"],
      null,
      async (data, timings) => {
        const demand = await this.timed(timings, "forecast", () => this.compute.planDemand(data));
        return { demand, supply: await this.timed(timings, "rccp", () => planSupply(data, demand)) };
      },
      (data, r) => [capacityLoadSheet(data, r.supply!)],
    );
  }

  async reconcile(strategy?: PlanningStrategy): Promise<StepResult> {
    return this.step(
      "reconcile",
      ["ProductionPlan", "InventoryPlan", "BacklogPlan"],
      strategy ?? null,
      async (data, timings) => {
        const demand = await this.timed(timings, "forecast", () => this.compute.planDemand(data));
        const chosen = strategy ?? data.strategy;
        return {
          demand,
          reconcile: await this.timed(timings, "reconcile", () => this.compute.reconcilePlans(data, demand, chosen)),
        };
      },
      (data, r) => supplySheets(data, r.demand!, r.reconcile!),
    );
  }

  /**
   * Chase, level and optimal side by side for the scenario comparison: reads, validates and
   * computes, writes nothing. `reconcile(strategy)` then writes the chosen one.
   */
  async compareStrategies(strategy?: PlanningStrategy): Promise<StepResult> {
    const timings: StepResult["timings"] = {};
    const { data, problems } = await this.gather(timings);
    if (!data) return { ok: false, problems, written: [], data, timings };
    try {
      const demand = await this.timed(timings, "forecast", () => this.compute.planDemand(data));
      const reconcile = await this.timed(timings, "reconcile", () =>
        this.compute.reconcilePlans(data, demand, strategy ?? data.strategy),
      );
      return { ok: true, problems, written: [], data, demand, reconcile, timings };
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      return {
        ok: false,
        problems: [...problems, { table: "Plan", severity: "error", message: e.message, hint: hintFor(e) }],
        written: [],
        data,
        timings,
      };
    }
  }

  /** The whole cycle, written in one round trip. */
  async run(strategy?: PlanningStrategy): Promise<StepResult> {
    return this.step(
      "cycle",
      ["DemandPlan", "CapacityLoad", "ProductionPlan", "InventoryPlan", "BacklogPlan", "ExecutiveSummary"],
      strategy ?? null,
      async (data, timings, context) => {
        const demand = await this.timed(timings, "forecast", () => this.compute.planDemand(data));
        const supply = await this.timed(timings, "rccp", () => planSupply(data, demand));
        const chosen = strategy ?? data.strategy;
        const reconcile = await this.timed(timings, "reconcile", () =>
          this.compute.reconcilePlans(data, demand, chosen),
        );
        const solver = await this.solver();
        const executive = await executiveOutputs({ ...context, solver }, { demand, supply, reconcile });
        return { demand, supply, reconcile, executive: executive.pack, sheets: [executive.sheet] };
      },
      (data, r) => [
        demandPlanSheet(data, r.demand!, r.kept),
        capacityLoadSheet(data, r.supply!),
        ...supplySheets(data, r.demand!, r.reconcile!),
      ],
    );
  }

  /** The executive step: the cycle recomputed and summarized; writes ExecutiveSummary. */
  async executive(strategy?: PlanningStrategy): Promise<StepResult> {
    return this.step(
      "executive",
      ["ExecutiveSummary"],
      strategy ?? null,
      async (data, timings, context) => {
        const demand = await this.timed(timings, "forecast", () => this.compute.planDemand(data));
        const supply = await this.timed(timings, "rccp", () => planSupply(data, demand));
        const reconcile = await this.timed(timings, "reconcile", () =>
          this.compute.reconcilePlans(data, demand, strategy ?? data.strategy),
        );
        const solver = await this.solver();
        const executive = await executiveOutputs({ ...context, solver }, { demand, supply, reconcile });
        return { demand, supply, reconcile, executive: executive.pack, sheets: [executive.sheet] };
      },
      () => [],
    );
  }

  /** The measure step: forecast accuracy, plan adherence and delivery performance; writes Measure. */
  async measure(): Promise<StepResult> {
    return this.step(
      "measure",
      ["Measure"],
      null,
      async (_data, timings, context) => {
        const { report, sheet } = await this.timed(timings, "forecast", () =>
          measureOutputs(context.base, context.inputs, context.problems),
        );
        return { measure: report, sheets: [sheet] };
      },
      () => [],
    );
  }

  /** The scenario book kept in the workbook. */
  async scenarios(): Promise<ScenarioBook> {
    const inputs = await this.port.readInputs();
    return readScenarioBook(inputs, []);
  }

  /** Saves (adds or replaces) a scenario on the Scenarios sheet. */
  async saveScenario(scenario: Scenario): Promise<ScenarioBook> {
    return this.changeBook((book) => saveScenario(book, scenario));
  }

  async removeScenario(name: string): Promise<ScenarioBook> {
    return this.changeBook((book) => removeScenario(book, name));
  }

  /** Makes a scenario the plan (the next run plans with it); the previous plan stays in the history. */
  async promoteScenario(name: string): Promise<ScenarioBook> {
    return this.changeBook((book) => promoteScenario(book, name));
  }

  /** Undoes the last promotion: the previous plan is the plan again. */
  async revertPromotion(): Promise<ScenarioBook> {
    return this.changeBook((book) => revertPromotion(book));
  }

  private async changeBook(change: (book: ScenarioBook) => ScenarioBook): Promise<ScenarioBook> {
    const inputs = await this.port.readInputs();
    const state = inputs.owned.find((o) => o.name === "Scenarios");
    if (state?.exists && !state.ownedByAddIn) throw new OwnershipError(["Scenarios"]);
    const book = change(state?.ownedByAddIn ? readScenarioBook(inputs, []) : EMPTY_BOOK);
    await this.port.writeSheets([scenariosSheet(book)]);
    return book;
  }

  private async solver(): Promise<LpSolver | undefined> {
    if (!this.options.solver) return undefined;
    if (!this.solverInstance) {
      this.solverInstance = this.options.solver().catch((e) => {
        this.solverInstance = null;
        throw e;
      });
    }
    return this.solverInstance;
  }

  private async step(
    name: string,
    targets: string[],
    strategy: PlanningStrategy | null,
    compute: (
      data: PlanningData,
      timings: StepResult["timings"],
      context: ExecutiveContext,
    ) => Promise<Partial<CycleResult> & StepExtras>,
    layout: (
      data: PlanningData,
      result: Partial<CycleResult> & { kept: ReturnType<typeof unmatchedEdits> },
    ) => OutputSheet[],
  ): Promise<StepResult> {
    const timings: StepResult["timings"] = {};
    const gathered = await this.gather(timings);
    const { data, inputs } = gathered;
    const problems = gathered.problems;
    const failed = (extra: ValidationProblem[] = []): StepResult => ({
      ok: false,
      problems: [...problems, ...extra],
      written: [],
      data,
      timings,
    });
    if (!data) return failed();
    // Ownership is checked before any computing: the sheets this step may write, including the
    // history sheets, must be absent or the add-in's own.
    const foreign = [...targets, "PreviousPlan", "PlanLog"].filter((name) =>
      inputs.owned.some((o) => o.name === name && o.exists && !o.ownedByAddIn),
    );
    if (foreign.length > 0) {
      const error = new OwnershipError(foreign);
      const others = problems.filter(
        (p) => !(p.severity === "warning" && foreign.includes(p.table) && p.cell?.row === 0),
      );
      problems.splice(0, problems.length, ...others);
      return failed(
        foreign.map((sheet) => ({
          table: sheet,
          severity: "error" as const,
          message: error.message,
          hint: `Rename or delete "${sheet}", or run the planner on a copy of the workbook.`,
          cell: { sheet, row: 0, column: 0 },
        })),
      );
    }

    let result: Partial<CycleResult> & StepExtras;
    let scenario: Scenario | null = null;
    try {
      const active = withActiveScenario(data, inputs, problems);
      scenario = active.scenario;
      result = await compute(active.data, timings, {
        base: data,
        data: active.data,
        inputs,
        book: active.book,
        scenario,
        problems,
      });
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      return failed([
        { table: e.argument === "demand" ? "Sales" : "Plan", severity: "error", message: e.message, hint: hintFor(e) },
      ]);
    }
    const kept = unmatchedEdits(inputs, data.items, data.planPeriods);
    const sheets = [...layout(data, { ...result, kept }), ...(result.sheets ?? [])].map((sheet) =>
      sheet.name === "DemandPlan" ? withPlannerColumns(sheet, inputs) : sheet,
    );
    const chosen = result.reconcile ? (strategy ?? data.strategy) : null;
    const kpis: Partial<PlanKpis> =
      result.reconcile?.outcomes.find((o) => o.strategy === chosen)?.kpis ??
      (result.demand ? { demand: sum(result.demand.families.map((f) => f.consensus)) } : {});
    const previous = previousPlanSheet(inputs, sheets, data.planPeriods[0]);
    if (previous) sheets.push(previous);
    sheets.push(
      planLogSheet(inputs, {
        time: this.options.now(),
        step: name,
        strategy: chosen,
        planStart: data.planPeriods[0],
        horizon: data.planPeriods.length,
        kpis,
        overloadedPeriods: result.supply
          ? result.supply.resources.reduce((n, r) => n + r.overloadedPeriods.length, 0)
          : null,
        warnings: problems.filter((p) => p.severity === "warning").length,
      }),
    );
    await this.timed(timings, "write", () => this.port.writeSheets(sheets));
    const { sheets: _written, ...computed } = result;
    return {
      ok: true,
      problems,
      written: sheets.map((s) => s.name),
      data,
      ...computed,
      scenario: scenario?.name ?? null,
      timings,
    };
  }
}

/** What a step computes beyond the cycle: its own sheets (ExecutiveSummary, Measure) and reports. */
interface StepExtras {
  sheets?: OutputSheet[];
  executive?: ExecutivePack;
  measure?: MeasureReport;
}

function sum(rows: number[][]): number {
  return rows.reduce((total, row) => total + row.reduce((a, b) => a + b, 0), 0);
}

function hintFor(e: PlanningError): string {
  if (e.kind === "notAvailable")
    return "Add capacity (overtime hours, subcontracting in Settings), allow backlog (backlogCost in Settings), or lower the demand plan.";
  return `Check the ${e.argument ?? "inputs"} in the workbook.`;
}
