/**
 * The pane's state: which step is shown, and for each step its status, its last result and its
 * last message. Pure: the hooks in useCycle.ts run the actions and dispatch what happened.
 */
import { downstreamOf, STEP_IDS, type StepId } from "./steps";
import type { StepResults } from "../cycle/views";

export type StepStatus = "notStarted" | "running" | "done" | "attention";

export interface StepRun<R> {
  status: StepStatus;
  result?: R;
  /** what the planner should read: a summary on success, the reason on failure */
  message?: string;
  /** what the running action is doing, for the progress indicator */
  progress?: string;
  /** items done of total while forecasts run in the background */
  done?: number;
  total?: number;
}

export type StepRuns = { [K in StepId]: StepRun<StepResults[K]> };

export interface CycleState {
  current: StepId;
  steps: StepRuns;
}

export type CycleAction =
  | { type: "select"; step: StepId }
  | { type: "started"; step: StepId; progress: string }
  | { type: "progress"; step: StepId; done: number; total: number }
  | {
      [K in StepId]: { type: "finished"; step: K; result: StepResults[K]; attention: boolean; message: string };
    }[StepId]
  | { type: "failed"; step: StepId; message: string }
  /** steps whose sheets another action rewrote (the whole cycle run from step 5): their views no longer match */
  | { type: "outdated"; steps: readonly StepId[] };

export function initialCycleState(): CycleState {
  const steps = {} as StepRuns;
  for (const id of STEP_IDS) steps[id] = { status: "notStarted" };
  return { current: "gather", steps };
}

export function cycleReducer(state: CycleState, action: CycleAction): CycleState {
  switch (action.type) {
    case "select":
      return { ...state, current: action.step };
    case "started":
      return patch(state, action.step, {
        ...state.steps[action.step],
        status: "running",
        progress: action.progress,
        message: undefined,
        done: undefined,
        total: undefined,
      });
    case "progress": {
      const run = state.steps[action.step];
      if (run.status !== "running") return state;
      return patch(state, action.step, { ...run, done: action.done, total: action.total });
    }
    case "finished": {
      const next = patch(state, action.step, {
        status: action.attention ? "attention" : "done",
        result: action.result,
        message: action.message,
      });
      // A new result makes what was computed from the old one stale.
      return downstreamOf(action.step).reduce(
        (s, id) => (s.steps[id].status === "notStarted" ? s : patch(s, id, { status: "notStarted" })),
        next,
      );
    }
    case "failed":
      // Keep the previous result out of sight: it no longer matches what the planner just ran.
      return patch(state, action.step, { status: "attention", message: action.message });
    case "outdated":
      return action.steps.reduce(
        (s, id) => (s.steps[id].status === "notStarted" ? s : patch(s, id, { status: "notStarted" })),
        state,
      );
  }
}

function patch<K extends StepId>(state: CycleState, step: K, run: StepRun<StepResults[K]>): CycleState {
  return { ...state, steps: { ...state.steps, [step]: run } };
}

/** The step after `step` in the cycle, if any. */
export function nextStep(step: StepId): StepId | undefined {
  return STEP_IDS[STEP_IDS.indexOf(step) + 1];
}
