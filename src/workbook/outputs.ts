/**
 * Every sheet the add-in writes from the cycle, declared once: which step writes it, which
 * stages of the cycle it needs, how it is laid out, and how PlanHistory archives it. The
 * session derives from this table what each step computes and writes, so a new output sheet is
 * its name in `OWNED_SHEETS` (port.ts), one entry here and one layout function
 * (docs/architecture.md, "Recipe: add an output sheet").
 *
 * The bookkeeping sheets (PlanHistory, PlanLog) go along with every step; Scenarios is written
 * by the scenario verbs; neither is declared here.
 */
import type { DemandPlan, PlanningData, ReconcileResult, SupplyPlan } from "../engine/cycle";
import type { ExecutiveOutputs } from "./executive/executiveStep";
import type { MeasureReport } from "./executive/measureReport";
import {
  backlogPlanSheet,
  capacityLoadSheet,
  demandPlanSheet,
  familyPlanSheet,
  inventoryPlanSheet,
  productionPlanSheet,
} from "./layout/planSheets";
import { financialPlanSheet } from "./layout/financialPlanSheet";
import { familySopSheet } from "./layout/familySopSheet";
import { withPlannerColumns, type KeptEdit } from "./parse/overrides";
import type { InputTables, OutputSheet, OwnedSheetName } from "./port";

/** The session's steps that write sheets (compareStrategies computes without writing). */
export type StepName = "demand" | "supply" | "reconcile" | "cycle" | "executive" | "measure";

/** The cycle's stages, in the order they run; each runs at most once per step. */
export const STAGES = ["forecast", "rccp", "reconcile", "executive", "measure"] as const;
export type Stage = (typeof STAGES)[number];

/** What a stage needs computed before it. */
export const STAGE_NEEDS: Record<Stage, readonly Stage[]> = {
  forecast: [],
  rccp: ["forecast"],
  reconcile: ["forecast"],
  executive: ["forecast", "rccp", "reconcile"],
  measure: [],
};

/** What the stages computed, handed to the layouts. A layout reads only the stages it `needs`. */
export interface Computed {
  /** the data planned (with the promoted scenario applied) */
  data: PlanningData;
  inputs: InputTables;
  /** overrides of periods or items outside this plan, kept on DemandPlan */
  kept: KeptEdit[];
  demand?: DemandPlan;
  supply?: SupplyPlan;
  reconcile?: ReconcileResult;
  executive?: ExecutiveOutputs;
  measure?: { report: MeasureReport; sheet: OutputSheet };
}

/**
 * How PlanHistory keeps a plan sheet of each cycle: DemandPlan's item rows (Statistical, Consensus),
 * or one measure of a family table, in the PlanHistory column of that name.
 */
export type Archive = "item demand" | "Production" | "Inventory" | "Backlog";

export interface SheetSpec {
  /** the steps that write the sheet */
  writtenBy: readonly StepName[];
  /** the stages its layout reads */
  needs: readonly Stage[];
  layout: (computed: Computed) => OutputSheet;
  /** a plan sheet: what the pane lists as written after a planning step */
  plan?: true;
  /** archived in PlanHistory (the last 12 cycles' plans) */
  archive?: Archive;
}

function required<T>(value: T | undefined, stage: Stage): T {
  if (value === undefined) throw new Error(`The ${stage} stage did not run before a layout that needs it.`);
  return value;
}

/**
 * The output sheets. `satisfies` makes a name that is not in `OWNED_SHEETS` a compile error, and
 * `OutputSheet.name` is an `OwnedSheetName`, so a layout cannot write a sheet the add-in does not own.
 */
export const OUTPUT_SHEETS = {
  DemandPlan: {
    writtenBy: ["demand", "cycle"],
    needs: ["forecast"],
    layout: (c) => withPlannerColumns(demandPlanSheet(c.data, required(c.demand, "forecast"), c.kept), c.inputs),
    plan: true,
    archive: "item demand",
  },
  FamilyPlan: {
    writtenBy: ["demand", "cycle"],
    needs: ["forecast"],
    layout: (c) => familyPlanSheet(c.data, required(c.demand, "forecast")),
  },
  CapacityLoad: {
    // The reconcile step rewrites it with the plan's own hours beside the load of unconstrained
    // demand; the supply step alone (no plan yet) leaves the plan columns blank.
    writtenBy: ["supply", "reconcile", "cycle"],
    needs: ["rccp"],
    layout: (c) => capacityLoadSheet(c.data, required(c.supply, "rccp"), c.reconcile),
    plan: true,
  },
  ProductionPlan: {
    writtenBy: ["reconcile", "cycle"],
    needs: ["forecast", "reconcile"],
    layout: (c) => productionPlanSheet(c.data, required(c.demand, "forecast"), required(c.reconcile, "reconcile")),
    plan: true,
    archive: "Production",
  },
  InventoryPlan: {
    writtenBy: ["reconcile", "cycle"],
    needs: ["reconcile"],
    layout: (c) => inventoryPlanSheet(c.data, required(c.reconcile, "reconcile")),
    plan: true,
    archive: "Inventory",
  },
  BacklogPlan: {
    writtenBy: ["reconcile", "cycle"],
    needs: ["reconcile"],
    layout: (c) => backlogPlanSheet(c.data, required(c.reconcile, "reconcile")),
    plan: true,
    archive: "Backlog",
  },
  ExecutiveSummary: {
    writtenBy: ["cycle", "executive"],
    needs: ["executive"],
    layout: (c) => required(c.executive, "executive").sheet,
  },
  FinancialPlan: {
    writtenBy: ["cycle", "executive"],
    needs: ["executive"],
    layout: (c) => financialPlanSheet(required(c.executive, "executive").pack.financial, c.data.planPeriods),
  },
  DecisionLog: {
    writtenBy: ["cycle", "executive"],
    needs: ["executive"],
    layout: (c) => required(c.executive, "executive").decisionLog,
  },
  FamilySOP: {
    writtenBy: ["cycle", "executive"],
    needs: ["executive"],
    layout: (c) => familySopSheet(required(c.executive, "executive").pack.familySop ?? []),
  },
  Measure: {
    writtenBy: ["measure"],
    needs: ["measure"],
    layout: (c) => required(c.measure, "measure").sheet,
  },
} satisfies { [Name in OwnedSheetName]?: SheetSpec };

export type OutputSheetName = keyof typeof OUTPUT_SHEETS;

const SPECS = OUTPUT_SHEETS as Record<OutputSheetName, SheetSpec>;

/** The sheets a step writes, in declaration order. */
export function sheetsWrittenBy(step: StepName): OutputSheetName[] {
  return (Object.keys(SPECS) as OutputSheetName[]).filter((name) => SPECS[name].writtenBy.includes(step));
}

/** The stages a step runs, in order: every stage its sheets need, with what those need. */
export function stagesOf(step: StepName): Stage[] {
  const wanted = new Set<Stage>();
  const add = (stage: Stage) => {
    if (wanted.has(stage)) return;
    wanted.add(stage);
    STAGE_NEEDS[stage].forEach(add);
  };
  for (const name of sheetsWrittenBy(step)) SPECS[name].needs.forEach(add);
  return STAGES.filter((stage) => wanted.has(stage));
}

/** How PlanHistory archives a sheet; undefined for sheets it does not keep. */
export function archiveOf(sheet: string): Archive | undefined {
  return (SPECS as Record<string, SheetSpec | undefined>)[sheet]?.archive;
}

/** The plan sheets: what the pane lists as "written" after a planning step. */
export function isPlanSheet(sheet: string): boolean {
  return (SPECS as Record<string, SheetSpec | undefined>)[sheet]?.plan === true;
}

/** The layout of an output sheet. */
export function layoutOf(sheet: OutputSheetName): SheetSpec["layout"] {
  return SPECS[sheet].layout;
}
