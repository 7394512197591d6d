/**
 * The side effects of the pane: runs a step's action on the PaneCycle and dispatches
 * started / finished / failed, so every action shows progress and ends in a result or a message.
 */
import { useCallback, useMemo, useReducer, useRef } from "react";
import type { PaneCycle } from "../cycle/paneCycle";
import type { FamilyOverrideInput, ForecastSeriesView, StepResults, Strategy } from "../cycle/views";
import { cycleReducer, initialCycleState, type CycleState } from "./cycleReducer";
import type { StepId } from "./steps";
import {
  describeDemand,
  describeExecutive,
  describeGather,
  describeMeasure,
  describeReconcile,
  describeSupply,
  type Outcome,
} from "./outcomes";

export interface CycleActions {
  select(step: StepId): void;
  gather(): Promise<void>;
  insertTemplate(): Promise<void>;
  demandPlan(): Promise<void>;
  /** an item's forecast series from the last demand plan (not a step: nothing runs, nothing is written) */
  findItemSeries(item: string): Promise<ForecastSeriesView | null>;
  familyOverride(edit: FamilyOverrideInput): Promise<void>;
  supplyPlan(): Promise<void>;
  compareStrategies(): Promise<void>;
  choosePlan(strategy: Strategy): Promise<void>;
  executiveSummary(): Promise<void>;
  promoteScenario(name: string): Promise<void>;
  revertPromotion(): Promise<void>;
  saveScenario(name: string, strategy: Strategy | null): Promise<void>;
  /** signs the plan off as `by` (in `role`); a stale plan only with `allowStale` (the second click) */
  approve(by: string, role: string | null, allowStale?: boolean): Promise<void>;
  /** runs the whole cycle again from the inputs as they are now (offered when an approval found the plan stale) */
  rerunCycle(): Promise<void>;
  measure(): Promise<void>;
  /** stops the running forecasts or solve (when they run in the background); nothing is written */
  cancel?(): void;
}

/** Planner-facing text of anything thrown: PlanningError and friends carry a message written for planners. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === "string" && error ? error : "The step failed for an unknown reason.";
}

export function useCycle(cycle: PaneCycle, onWorkbookChanged?: () => void): [CycleState, CycleActions] {
  const [state, dispatch] = useReducer(cycleReducer, undefined, initialCycleState);
  const busy = useRef(false);
  const changed = useRef(onWorkbookChanged);
  changed.current = onWorkbookChanged;

  const run = useCallback(
    async <K extends StepId>(
      step: K,
      progress: string,
      action: () => Promise<StepResults[K]>,
      describe: (r: StepResults[K]) => Outcome,
      /** other steps whose sheets the action rewrote: their views are dropped on success */
      rewrote: readonly StepId[] = [],
    ) => {
      // One action at a time: the port reads and writes the same workbook.
      if (busy.current) return;
      busy.current = true;
      dispatch({ type: "started", step, progress });
      const unsubscribe = cycle.work?.onProgress((done, total) => dispatch({ type: "progress", step, done, total }));
      try {
        const result = await action();
        const outcome = describe(result);
        dispatch({ type: "finished", step, result, attention: outcome.attention, message: outcome.message } as never);
        if (rewrote.length > 0) dispatch({ type: "outdated", steps: rewrote });
      } catch (error) {
        dispatch({ type: "failed", step, message: messageOf(error) });
      } finally {
        unsubscribe?.();
        busy.current = false;
        changed.current?.();
      }
    },
    [cycle],
  );

  const actions = useMemo<CycleActions>(
    () => ({
      select: (step) => dispatch({ type: "select", step }),
      gather: () => run("gather", "Reading and checking the input tables…", () => cycle.gather(), describeGather),
      insertTemplate: () =>
        run(
          "gather",
          "Inserting the template tables with sample data…",
          async () => {
            await cycle.insertTemplate();
            return cycle.gather();
          },
          describeGather,
        ),
      demandPlan: () => run("demand", "Forecasting every item and family…", () => cycle.demandPlan(), describeDemand),
      findItemSeries: (item) => cycle.demandSeries?.(item) ?? Promise.resolve(null),
      familyOverride: (edit) =>
        run(
          "demand",
          edit.override === null
            ? `Clearing the ${edit.family} override in ${edit.period}…`
            : `Planning ${edit.family} at ${edit.override} in ${edit.period}…`,
          () =>
            cycle.familyOverride
              ? cycle.familyOverride(edit)
              : Promise.reject(new Error("Family overrides are not available here.")),
          describeDemand,
        ),
      supplyPlan: () => run("supply", "Computing the capacity load…", () => cycle.supplyPlan(), describeSupply),
      compareStrategies: () =>
        run(
          "reconcile",
          "Computing chase, level and optimal plans…",
          () => cycle.compareStrategies(),
          describeReconcile,
        ),
      choosePlan: (strategy) =>
        run("reconcile", `Writing the ${strategy} plan…`, () => cycle.choosePlan(strategy), describeReconcile),
      executiveSummary: () =>
        run("executive", "Summarizing the plan…", () => cycle.executiveSummary(), describeExecutive),
      promoteScenario: (name) =>
        run(
          "executive",
          `Planning with scenario "${name}"…`,
          () =>
            cycle.promoteScenario
              ? cycle.promoteScenario(name)
              : Promise.reject(new Error("Scenarios are not available here.")),
          describeExecutive,
        ),
      revertPromotion: () =>
        run(
          "executive",
          "Going back to the previous plan…",
          () =>
            cycle.revertPromotion
              ? cycle.revertPromotion()
              : Promise.reject(new Error("Scenarios are not available here.")),
          describeExecutive,
        ),
      saveScenario: (name, strategy) =>
        run(
          "executive",
          `Saving scenario "${name}"…`,
          () =>
            cycle.saveScenario
              ? cycle.saveScenario(name, strategy)
              : Promise.reject(new Error("Scenarios are not available here.")),
          (view) => ({
            ...describeExecutive(view),
            message: `Saved scenario "${name.trim()}"; the options compared include it. ${describeExecutive(view).message}`,
          }),
        ),
      approve: (by, role, allowStale = false) =>
        run(
          "executive",
          `Approving the plan as ${by.trim()}…`,
          () =>
            cycle.approve
              ? cycle.approve(by, role, allowStale)
              : Promise.reject(new Error("Sign-off is not available here.")),
          (view) => {
            const who = `${by.trim()}${role?.trim() ? ` (${role.trim()})` : ""}`;
            if (view.staleApproval)
              return { attention: true, message: `Not approved: ${view.staleApproval.message} Nothing was written.` };
            // Worded from what the session found at sign-off, not from the button pressed: a plan
            // approved "anyway" may have been fresh by then.
            const signed = view.signedOff;
            const stale = signed && signed.changed.length > 0;
            const signedOff = stale
              ? `Approved anyway by ${who} although the plan is stale (${signed.changed.join(", ")} changed): stamped in PlanLog with the plan's checksum and a Note of what had changed.`
              : `Approved by ${who}: stamped in PlanLog with the plan's checksum.${signed && !signed.checked ? " Staleness could not be checked: the plan was written before input checksums were recorded." : ""}`;
            const described = describeExecutive(view);
            return { ...described, message: `${signedOff} ${described.message}` };
          },
        ),
      rerunCycle: () =>
        run(
          "executive",
          "Running the cycle again with the inputs as they are now…",
          () =>
            cycle.rerunCycle
              ? cycle.rerunCycle()
              : Promise.reject(new Error("Running the cycle from here is not available.")),
          describeExecutive,
          // The whole cycle rewrote DemandPlan, CapacityLoad and the plan sheets: steps 2–4's views are old.
          ["demand", "supply", "reconcile"],
        ),
      measure: () =>
        run("measure", "Measuring forecast accuracy on held-out history…", () => cycle.measure(), describeMeasure),
      cancel: cycle.work ? () => cycle.work!.cancel() : undefined,
    }),
    [cycle, run],
  );
  return [state, actions];
}
