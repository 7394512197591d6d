/**
 * The step-by-step S&OP runner shared by the CLI and the task pane. Every step is
 * read → validate → compute → write: one read, everything checked and computed in memory, then
 * one write. A step that finds an error writes nothing.
 *
 * What each step computes and writes is declared in `outputs.ts` (OUTPUT_SHEETS): a step writes
 * the sheets that name it in `writtenBy` and runs the stages those sheets need, plus PlanLog (and
 * PlanHistory when it writes plan sheets). `gather()` and `compareStrategies()` write nothing.
 */
import type {
  DemandPlan,
  ForecastInputs,
  ItemForecast,
  PlanKpis,
  PlanningData,
  Strategy,
  ReconcileResult,
  SupplyPlan,
} from "../engine/cycle";
import { planDemand, planSupply, reconcilePlans } from "../engine/cycle";
import { invalidInput, notAvailable, PlanningError } from "../engine/errors";
import { PLAN_CHECKSUM_SHEETS, planChecksum } from "../engine/executive";
import type { LpSolver } from "../engine/reconcile";
import { planLogSheet } from "./layout/historySheets";
import { planHistorySheet } from "./layout/planHistory";
import { layoutOf, sheetsWrittenBy, stagesOf, type Computed, type Stage as CycleStage, type StepName } from "./outputs";
import { unmatchedEdits } from "./parse/overrides";
import {
  describeInput,
  formatInputChecksums,
  inputChecksums,
  planDataSums,
  planStaleness,
  StalePlanError,
  type Staleness,
} from "./inputChecksums";
import { parsePlanningData } from "./parse/planningData";
import type { InputTables, OwnedSheetName, ValidationProblem, WorkbookPort } from "./port";
import { isOwnedSheet, OwnershipError } from "./port";
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
import type { ComputeService } from "./compute";

export interface SessionOptions {
  /** the LP solver for the optimal strategy, loaded on first use (e.g. HiGHS) */
  solver?: () => Promise<LpSolver>;
  /** the clock for PlanLog */
  now: () => Date;
  /**
   * the items' forecasts made elsewhere (the CLI: on worker threads) with the engine's
   * `forecastItem`, and the `forecastInputs` they were made from (outliers found there too);
   * without it `planDemand` forecasts on this thread. Same results either way.
   */
  forecaster?: (data: PlanningData) => Promise<{
    forecasts: readonly (ItemForecast | PlanningError)[];
    inputs?: ForecastInputs;
    /** the families' own forecasts (engine `familyForecast`), when made there too */
    families?: readonly (ItemForecast | PlanningError)[];
  }>;
  /**
   * forecasting and reconciling as a service, e.g. in a Web Worker (the task pane); takes
   * precedence over `forecaster`. Same results: the service runs the engine's own functions.
   */
  compute?: ComputeService;
  /** stage names as they start ("read", "validate", "forecast", "rccp", "reconcile", "write") */
  onProgress?: (stage: Stage) => void;
}

/** What the session reports as it works: reading, validating, each cycle stage, writing. */
export type Stage = "read" | "validate" | CycleStage | "write";

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

  constructor(
    private readonly port: WorkbookPort,
    private readonly options: SessionOptions,
  ) {}

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
      if (sheet.exists && !sheet.ownedByAddIn && isOwnedSheet(sheet.name)) {
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

  /** DemandPlan: the statistical forecast, overrides and consensus. */
  async demandPlan(): Promise<StepResult> {
    return this.step("demand");
  }

  /**
   * Sets a family volume override (or clears it: `override` null) and re-plans demand with it:
   * writes FamilyPlan (where the override is kept for later runs) and DemandPlan (the split).
   */
  async familyOverride(edit: FamilyOverrideEdit): Promise<StepResult> {
    return this.step("demand", null, edit);
  }

  /** CapacityLoad: the rough-cut load of the consensus demand. */
  async supplyPlan(): Promise<StepResult> {
    return this.step("supply");
  }

  /** ProductionPlan, InventoryPlan and BacklogPlan of one strategy (Settings' when omitted). */
  async reconcile(strategy?: Strategy): Promise<StepResult> {
    return this.step("reconcile", strategy);
  }

  /**
   * Chase, level and optimal side by side for the scenario comparison: reads, validates and
   * computes, writes nothing. `reconcile(strategy)` then writes the chosen one.
   */
  async compareStrategies(strategy?: Strategy): Promise<StepResult> {
    const timings: StepResult["timings"] = {};
    const { data, problems } = await this.gather(timings);
    if (!data) return { ok: false, problems, written: [], data, timings };
    try {
      const demand = await this.timed(timings, "forecast", () => this.planDemand(data));
      const solver = await this.solver();
      const reconcile = await this.timed(timings, "reconcile", () =>
        reconcilePlans(data, demand, strategy ?? data.strategy, solver),
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
  async run(strategy?: Strategy): Promise<StepResult> {
    return this.step("cycle", strategy);
  }

  /** The executive step: the cycle recomputed and summarized; writes ExecutiveSummary. */
  async executive(strategy?: Strategy): Promise<StepResult> {
    return this.step("executive", strategy);
  }

  /** The measure step: forecast accuracy, plan adherence and delivery performance; writes Measure. */
  async measure(): Promise<StepResult> {
    return this.step("measure");
  }

  /**
   * Signs the plan off: stamps PlanLog with who approved, in what role, when, and the checksum of
   * the plan sheets as the workbook holds them. A later run whose plan differs says so (pane,
   * CLI, executive pack). Writes only PlanLog.
   *
   * A stale plan (an input changed since the runs that wrote the plan sheets, see
   * inputChecksums.ts) is not signed off: throws StalePlanError, writing nothing, unless
   * `allowStale`; then the PlanLog row's Note says which inputs had changed. A plan written before
   * input checksums were recorded is signed off with a Note that staleness was not checked.
   */
  async approve(
    by: string,
    role: string | null = null,
    options: { allowStale?: boolean } = {},
  ): Promise<{ checksum: string; planStart: string; staleness: Staleness }> {
    if (!by.trim()) throw invalidInput("by", "An approval needs the approver's name.");
    const inputs = await this.port.readInputs();
    const log = inputs.owned.find((o) => o.name === "PlanLog");
    if (log?.exists && !log.ownedByAddIn) throw new OwnershipError(["PlanLog"]);
    const tables = PLAN_CHECKSUM_SHEETS.map((name) => ({
      name,
      table: inputs.owned.find((o) => o.name === name && o.ownedByAddIn)?.table,
    }));
    const missing = tables.filter((t) => !t.table).map((t) => t.name);
    if (missing.length > 0)
      throw notAvailable(
        `There is no whole plan to approve: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing. Run the cycle first.`,
        "plan",
      );
    const staleness = planStaleness(inputs);
    const stale = staleness.changed.length > 0;
    if (stale && !options.allowStale) throw new StalePlanError(staleness);
    const checksum = planChecksum(
      tables.map(({ name, table }) => ({ name, headers: table!.headers, rows: table!.rows })),
    );
    const demandPlan = tables[0].table!;
    const periodColumn = demandPlan.headers.indexOf("Period");
    const periods = [...new Set(demandPlan.rows.map((row) => String(row[periodColumn] ?? "")))]
      .filter((p) => /^\d{4}-(\d{2}|W\d{2})$/.test(p))
      .sort();
    const note = stale
      ? `Approved stale: ${staleness.changed.map(describeInput).join(", ")} changed since the plan was computed${staleness.computedAt ? ` at ${staleness.computedAt}` : ""}.`
      : staleness.checked
        ? null
        : "Staleness not checked: the plan was written before input checksums were recorded.";
    await this.port.writeSheets([
      planLogSheet(inputs, {
        time: this.options.now(),
        step: "approve",
        strategy: null,
        planStart: periods[0] ?? "",
        horizon: periods.length,
        kpis: {},
        overloadedPeriods: null,
        warnings: 0,
        checksum,
        by: by.trim(),
        role: role?.trim() || null,
        note,
      }),
    ]);
    return { checksum, planStart: periods[0] ?? "", staleness };
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

  private async planDemand(data: PlanningData): Promise<DemandPlan> {
    if (this.options.compute) return this.options.compute.planDemand(data);
    if (!this.options.forecaster) return planDemand(data);
    const made = await this.options.forecaster(data);
    return planDemand(data, made.forecasts, made.inputs, made.families);
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

  /** Runs one stage into `computed`. */
  private async runStage(
    stage: CycleStage,
    computed: Computed,
    context: ExecutiveContext,
    strategy: Strategy | null,
    timings: StepResult["timings"],
  ): Promise<void> {
    const { data } = computed;
    switch (stage) {
      case "forecast":
        computed.demand = await this.timed(timings, stage, () => this.planDemand(data));
        return;
      case "rccp":
        computed.supply = await this.timed(timings, stage, () => planSupply(data, computed.demand!));
        return;
      case "reconcile": {
        const compute = this.options.compute;
        if (compute) {
          computed.reconcile = await this.timed(timings, stage, () =>
            compute.reconcilePlans(data, computed.demand!, strategy ?? data.strategy),
          );
          return;
        }
        const solver = await this.solver();
        computed.reconcile = await this.timed(timings, stage, () =>
          reconcilePlans(data, computed.demand!, strategy ?? data.strategy, solver),
        );
        return;
      }
      case "executive": {
        const solver = await this.solver();
        computed.executive = await this.timed(timings, stage, () =>
          executiveOutputs(
            { ...context, solver },
            { demand: computed.demand!, supply: computed.supply, reconcile: computed.reconcile! },
          ),
        );
        return;
      }
      case "measure":
        computed.measure = await this.timed(timings, stage, () =>
          measureOutputs(context.base, context.inputs, context.problems),
        );
        return;
    }
  }

  private async step(
    name: StepName,
    strategy: Strategy | null = null,
    familyEdit: FamilyOverrideEdit | null = null,
  ): Promise<StepResult> {
    const targets = sheetsWrittenBy(name);
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
    // The input tables' checksums for PlanLog, from the data as parsed, before the edit below.
    const tableSums = planDataSums(data);
    if (familyEdit) {
      const problem = applyFamilyEdit(data, familyEdit);
      if (problem) return failed([problem]);
    }
    // Ownership is checked before any computing: the sheets this step may write, including the
    // history sheets, must be absent or the add-in's own.
    const foreign = [...targets, ...BOOKKEEPING_SHEETS].filter((sheet) =>
      inputs.owned.some((o) => o.name === sheet && o.exists && !o.ownedByAddIn),
    );
    if (foreign.length > 0) {
      const error = new OwnershipError(foreign);
      const others = problems.filter(
        (p) => !(p.severity === "warning" && (foreign as string[]).includes(p.table) && p.cell?.row === 0),
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

    let computed: Computed;
    let scenario: Scenario | null = null;
    try {
      const active = withActiveScenario(data, inputs, problems);
      scenario = active.scenario;
      const context: ExecutiveContext = {
        base: data,
        data: active.data,
        inputs,
        book: active.book,
        scenario,
        problems,
      };
      computed = { data: active.data, inputs, kept: unmatchedEdits(inputs, data.items, data.planPeriods) };
      for (const stage of stagesOf(name)) await this.runStage(stage, computed, context, strategy, timings);
    } catch (e) {
      if (!(e instanceof PlanningError)) throw e;
      return failed([
        {
          table: e.argument === "demand" ? "Sales" : "Plan",
          severity: "error",
          message: e.message,
          hint: hintFor(e),
        },
      ]);
    }
    // Layouts see the workbook's own data (a scenario's overrides drive Consensus but are not
    // shown as the planner's Override).
    const sheets = targets.map((sheet) => layoutOf(sheet)({ ...computed, data }));
    const { demand, supply, reconcile } = computed;
    const chosen = reconcile ? (strategy ?? data.strategy) : null;
    const kpis: Partial<PlanKpis> =
      reconcile?.outcomes.find((o) => o.strategy === chosen)?.kpis ??
      (demand ? { demand: sum(demand.families.map((f) => f.consensus)) } : {});
    const time = this.options.now();
    const history = planHistorySheet(inputs, data, sheets, time.toISOString().replace(/\.\d{3}Z$/, "Z"));
    if (history) sheets.push(history);
    sheets.push(
      planLogSheet(inputs, {
        time,
        step: name,
        strategy: chosen,
        planStart: data.planPeriods[0],
        horizon: data.planPeriods.length,
        kpis,
        overloadedPeriods: supply ? supply.resources.reduce((n, r) => n + r.overloadedPeriods.length, 0) : null,
        warnings: problems.filter((p) => p.severity === "warning").length,
        checksum: computed.executive?.checksum ?? null,
        inputChecksums: formatInputChecksums(inputChecksums(inputs, sheets, tableSums)),
      }),
    );
    await this.timed(timings, "write", () => this.port.writeSheets(sheets));
    return {
      ok: true,
      problems,
      written: sheets.map((s) => s.name),
      data,
      demand,
      supply,
      reconcile,
      executive: computed.executive?.pack,
      measure: computed.measure?.report,
      scenario: scenario?.name ?? null,
      timings,
    };
  }
}

/** A family volume override typed in the pane. */
export interface FamilyOverrideEdit {
  family: string;
  /** a plan period label (`YYYY-MM` / `YYYY-Www`) */
  period: string;
  /** units; null clears the override */
  override: number | null;
  reason?: string | null;
}

function applyFamilyEdit(data: PlanningData, edit: FamilyOverrideEdit): ValidationProblem | null {
  const f = data.families.findIndex((family) => family.toLowerCase() === edit.family.toLowerCase());
  const t = data.planPeriods.indexOf(edit.period);
  const problem = (message: string, hint: string): ValidationProblem => ({
    table: "FamilyPlan",
    severity: "error",
    message,
    hint,
  });
  if (f < 0) return problem(`"${edit.family}" is not a family in Items.`, `Families: ${data.families.join(", ")}.`);
  if (t < 0)
    return problem(
      `${edit.period} is not a plan period.`,
      `Plan periods: ${data.planPeriods[0]} to ${data.planPeriods[data.planPeriods.length - 1]}.`,
    );
  if (edit.override !== null && !(Number.isFinite(edit.override) && edit.override >= 0))
    return problem(
      `The family override ${edit.override} is not a number of units ≥ 0.`,
      "Type the family's demand in units.",
    );
  const horizon = data.planPeriods.length;
  data.familyOverrides ??= data.families.map(() => new Array<number | null>(horizon).fill(null));
  data.familyReasons ??= data.families.map(() => new Array<string | null>(horizon).fill(null));
  data.familyOverrides[f][t] = edit.override;
  if (edit.reason !== undefined) data.familyReasons[f][t] = edit.reason === "" ? null : edit.reason;
  return null;
}

/** Written along with every step. */
const BOOKKEEPING_SHEETS: readonly OwnedSheetName[] = ["PlanHistory", "PlanLog"];

function sum(rows: number[][]): number {
  return rows.reduce((total, row) => total + row.reduce((a, b) => a + b, 0), 0);
}

function hintFor(e: PlanningError): string {
  if (e.kind === "notAvailable")
    return "Add capacity (overtime hours, subcontracting in Settings), allow backlog (backlogCost in Settings), or lower the demand plan.";
  return `Check the ${e.argument ?? "inputs"} in the workbook.`;
}
