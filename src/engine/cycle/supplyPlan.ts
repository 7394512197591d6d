/**
 * Supply plan (S&OP step 3): rough-cut capacity load of the consensus demand on each key
 * resource, against its capacity. Bill lines may be per item (items' consensus) or per family
 * (the family's volume), with lead-time offsets.
 *
 * Reference: Vollmann et al., "Manufacturing Planning and Control", ch. 10 (RCCP).
 */
import { overloadedPeriods } from "../capacity/capacityMeasures";
import { rccpLoad, type BillLine } from "../capacity/rccpLoad";
import { initiativeResources } from "../initiatives";
import type { DemandPlan } from "./demandPlan";
import type { PlanningData } from "./types";

export interface ResourceLoad {
  resource: string;
  /** hours per plan period (past-due load in the first period) */
  load: number[];
  /** regular hours available */
  capacity: number[];
  /** load ÷ capacity; null when capacity is 0 */
  utilization: (number | null)[];
  /** max(0, load − capacity), hours */
  overload: number[];
  /** 0-based plan periods with load above capacity */
  overloadedPeriods: number[];
  /** hours that fell before the first period (included in load[0]) */
  pastDue: number;
}

export interface SupplyPlan {
  resources: ResourceLoad[];
}

/**
 * @example
 * // 450 units of one family needing 0.2 h/unit on a 130-hour resource → load 90, utilization ≈ 0.69
 */
export function planSupply(data: PlanningData, demand: DemandPlan): SupplyPlan {
  // Rows of the RCCP plan: items first (their consensus), then families (their volume).
  const plan = [...demand.items.map((it) => it.consensus), ...demand.families.map((f) => f.consensus)];
  const bill: BillLine[] = data.bill.map((line) => ({
    item: line.target.kind === "item" ? line.target.index : data.items.length + line.target.index,
    resource: line.resource,
    hoursPerUnit: line.hoursPerUnit,
    offset: line.offset,
  }));
  const { load, pastDueLoad } = rccpLoad({ plan, bill, resourceCount: data.resources.length });
  // Capacity as the plan has it: the Capacity table's hours with the initiatives' changes.
  const resources = initiativeResources(data.resources, data.planPeriods, data.initiatives);
  return {
    resources: resources.map((resource, r) => ({
      resource: resource.name,
      load: load[r],
      capacity: resource.hours.slice(),
      utilization: load[r].map((hours, t) => (resource.hours[t] > 0 ? hours / resource.hours[t] : null)),
      overload: load[r].map((hours, t) => Math.max(0, hours - resource.hours[t])),
      overloadedPeriods: overloadedPeriods(load[r], resource.hours),
      pastDue: pastDueLoad[r],
    })),
  };
}
