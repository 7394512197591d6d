/** The six S&OP steps, in the order the monthly cycle runs them. */
export const STEP_IDS = ["gather", "demand", "supply", "reconcile", "executive", "measure"] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface StepInfo {
  id: StepId;
  title: string;
  /** the planner's question this step answers */
  question: string;
  /** steps whose results this one uses: re-running one of them makes this one stale */
  dependsOn: readonly StepId[];
}

export const STEPS: Readonly<Record<StepId, StepInfo>> = {
  gather: { id: "gather", title: "Gather data", question: "Are the inputs complete and sane?", dependsOn: [] },
  demand: { id: "demand", title: "Demand plan", question: "What will customers buy?", dependsOn: ["gather"] },
  supply: { id: "supply", title: "Supply plan", question: "Can we make it?", dependsOn: ["demand"] },
  reconcile: {
    id: "reconcile",
    title: "Reconcile",
    question: "What do we do about the gaps?",
    dependsOn: ["demand", "supply"],
  },
  executive: { id: "executive", title: "Executive summary", question: "What do we decide?", dependsOn: ["reconcile"] },
  measure: { id: "measure", title: "Measure", question: "Did the plan work?", dependsOn: ["gather"] },
};

/** Every step that (directly or through others) uses `step`'s results. */
export function downstreamOf(step: StepId): StepId[] {
  const found = new Set<StepId>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of STEP_IDS) {
      if (found.has(id)) continue;
      if (STEPS[id].dependsOn.some((d) => d === step || found.has(d))) {
        found.add(id);
        grew = true;
      }
    }
  }
  return STEP_IDS.filter((id) => found.has(id));
}
