/** Messages between the pane and its planning worker (structured-clone plain data only). */
import type { DemandPlan, PlanningData, Strategy, ReconcileResult } from "../../engine/cycle";
import type { PlanningErrorKind } from "../../engine/errors";

export type WorkerRequest =
  | { id: number; kind: "planDemand"; data: PlanningData }
  | { id: number; kind: "reconcilePlans"; data: PlanningData; demand: DemandPlan; strategy: Strategy };

export type WorkerReply =
  | { id: number; kind: "progress"; done: number; total: number }
  | { id: number; kind: "result"; value: DemandPlan | ReconcileResult }
  | {
      id: number;
      kind: "error";
      /** a PlanningError keeps its kind and argument across the thread boundary */
      error: { name: string; message: string; kind?: PlanningErrorKind; argument?: string };
    };
