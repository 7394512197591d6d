/**
 * A multi-family plan's cost by family, cost line and period: the plan's own cost
 * (`MultiFamilyPlan.totalCost`) spread over the months it is spent in, so the financial plan
 * can show conversion, holding and backlog month by month and the lines add up to the plan's
 * total to the cent.
 *
 * - regular time[f][t] = regularCost · R[f][t] + the family's share of the resources' regular
 *   hours U[r][t] · CostPerHour[r];
 * - overtime[f][t] = overtimeCost · O[f][t] + its share of the overtime hours V[r][t] ·
 *   OvertimeCostPerHour[r];
 * - a family's share of resource r in period t = its hours there, hoursPerUnit[f][r] ·
 *   (R[f][t] + O[f][t]), ÷ all families' hours on r in t (regular and overtime hours are shared
 *   in the same proportion: a resource does not know whose unit ran after hours);
 * - subcontract = subcontractCost · C; material = materialCost · (R + O) (Settings' own material
 *   cost, if any); workforce = workerCost · W; hiring = hireCost · H; layoffs = layoffCost · L;
 * - holding = holdingCost · ending inventory (or (opening + ending) ÷ 2 with holdingOn
 *   "average"); backlog = backlogCost · ending backlog.
 *
 * Reference: Chopra & Meindl, "Supply Chain Management", ch. 8 (the cost lines of aggregate
 * planning); the resource hours by bill of resources, Vollmann et al., ch. 10. O(families ·
 * resources · periods).
 *
 * @example
 * // one family, 10 units in period 1 on a line at 1 h/unit and $3/h, regular $2/unit
 * planCostsByPeriod(input, plan)[0].regularTime // => [50]  (10 × $2 + 10 h × $3)
 */
import { rccpLoad } from "../capacity/rccpLoad";
import { resolveFamily } from "./resolveFamily";
import { hoursPeriod, type MultiFamilyInput, type MultiFamilyPlan } from "./types";

/** The cost lines a plan spends, per period (money). */
export interface FamilyPeriodCosts {
  family: string;
  regularTime: number[];
  overtime: number[];
  subcontract: number[];
  material: number[];
  workforce: number[];
  hiring: number[];
  layoffs: number[];
  holding: number[];
  backlog: number[];
}

export const PERIOD_COST_LINES = [
  "regularTime",
  "overtime",
  "subcontract",
  "material",
  "workforce",
  "hiring",
  "layoffs",
  "holding",
  "backlog",
] as const satisfies readonly (keyof FamilyPeriodCosts)[];

export type PeriodCostLine = (typeof PERIOD_COST_LINES)[number];

/**
 * Hours family f puts on each resource per period: hoursPerUnit × units made in house, in the
 * period the line's offset puts them (past due in the first).
 */
export function familyResourceHours(input: MultiFamilyInput, plan: MultiFamilyPlan): number[][][] {
  const periods = input.families[0]?.demand.length ?? 0;
  const hours = input.families.map(() => input.resources.map(() => new Array<number>(periods).fill(0)));
  for (const line of input.bill) {
    const p = plan.plans[line.family];
    for (let s = 0; s < periods; s++)
      hours[line.family][line.resource][hoursPeriod(s, line.offset)] +=
        line.hoursPerUnit * (p.regular[s] + p.overtime[s]);
  }
  return hours;
}

/**
 * The plan's past-due hours per resource: hours of units made in house in the first periods
 * whose offsets put them before the first period (`rccpLoad`'s `pastDueLoad` of the production
 * plan). They are already inside the first period's hours (`familyResourceHours`,
 * `resourceHours`): work the plan must release now.
 * @example
 * // Desks make 100 units in period 1 with Paint 0.4 h/unit, offset 1 → [40] past due on Paint
 */
export function planPastDueHours(input: MultiFamilyInput, plan: MultiFamilyPlan): number[] {
  const made = plan.plans.map((p) => p.regular.map((units, t) => units + p.overtime[t]));
  const bill = input.bill.map((line) => ({
    item: line.family,
    resource: line.resource,
    hoursPerUnit: line.hoursPerUnit,
    offset: line.offset,
  }));
  return rccpLoad({ plan: made, bill, resourceCount: input.resources.length }).pastDueLoad;
}

export function planCostsByPeriod(input: MultiFamilyInput, plan: MultiFamilyPlan): FamilyPeriodCosts[] {
  const periods = input.families[0]?.demand.length ?? 0;
  const byFamily = familyResourceHours(input, plan);
  const totalHours = input.resources.map((_, r) =>
    Array.from({ length: periods }, (_, t) => byFamily.reduce((s, f) => s + f[r][t], 0)),
  );
  return input.families.map((family, f) => {
    const resolved = resolveFamily(family, family.name, { capacityOptional: true });
    const c = resolved.cost;
    const p = plan.plans[f];
    const zeros = () => new Array<number>(periods).fill(0);
    const out: FamilyPeriodCosts = {
      family: family.name,
      regularTime: p.regular.map((u) => c.regular * u),
      overtime: p.overtime.map((u) => c.overtime * u),
      subcontract: p.subcontract.map((u) => c.subcontract * u),
      material: p.regular.map((u, t) => c.material * (u + p.overtime[t])),
      workforce: p.workforce ? p.workforce.map((w) => c.worker * w) : zeros(),
      hiring: p.hires ? p.hires.map((h) => c.hire * h) : zeros(),
      layoffs: p.layoffs ? p.layoffs.map((l) => c.layoff * l) : zeros(),
      holding: p.inventory.map((inv, t) => {
        const opening = t === 0 ? resolved.openingInventory : p.inventory[t - 1];
        return c.holding * (resolved.holdingOnAverage ? (opening + inv) / 2 : inv);
      }),
      backlog: p.backlog.map((b) => c.backlog * b),
    };
    input.resources.forEach((resource, r) => {
      for (let t = 0; t < periods; t++) {
        const all = totalHours[r][t];
        if (!(all > 0)) continue;
        const share = byFamily[f][r][t] / all;
        out.regularTime[t] += share * plan.resourceHours.regular[r][t] * (resource.costPerHour ?? 0);
        out.overtime[t] += share * plan.resourceHours.overtime[r][t] * (resource.overtimeCostPerHour ?? 0);
      }
    });
    return out;
  });
}

/** A family's share of the resources' hours, and the units it made after hours, per period. */
export interface FamilyHours {
  family: string;
  /** Σ over resources of the family's share of regular hours */
  regularHours: number[];
  /** Σ over resources of the family's share of overtime hours */
  overtimeHours: number[];
  /**
   * units made in overtime: the family's own overtime units plus, on the resource where its
   * share of overtime hours covers the most units (share of V ÷ hoursPerUnit), those units;
   * a unit that needs overtime on any resource is an overtime unit, so the busiest resource counts
   */
  overtimeUnits: number[];
}

/**
 * Each family's regular and overtime hours (shared as in `planCostsByPeriod`) and its overtime
 * units, per period.
 * @example
 * // A (1 h/unit) and B (2 h/unit) on one line of 20 regular hours; A makes 20, B 5 → 30 h,
 * // 10 h overtime, A two thirds (6.67 h → 6.67 units), B one third (3.33 h → 1.67 units)
 */
export function planHoursByFamily(input: MultiFamilyInput, plan: MultiFamilyPlan): FamilyHours[] {
  const periods = input.families[0]?.demand.length ?? 0;
  const byFamily = familyResourceHours(input, plan);
  const totalHours = input.resources.map((_, r) =>
    Array.from({ length: periods }, (_, t) => byFamily.reduce((s, f) => s + f[r][t], 0)),
  );
  const perUnit = input.families.map(() => input.resources.map(() => 0));
  for (const line of input.bill) perUnit[line.family][line.resource] += line.hoursPerUnit;
  return input.families.map((family, f) => {
    const p = plan.plans[f];
    const out: FamilyHours = {
      family: family.name,
      regularHours: new Array<number>(periods).fill(0),
      overtimeHours: new Array<number>(periods).fill(0),
      overtimeUnits: p.overtime.slice(),
    };
    for (let t = 0; t < periods; t++) {
      let afterHoursUnits = 0;
      input.resources.forEach((_, r) => {
        const all = totalHours[r][t];
        if (!(all > 0)) return;
        const share = byFamily[f][r][t] / all;
        out.regularHours[t] += share * plan.resourceHours.regular[r][t];
        const overtime = share * plan.resourceHours.overtime[r][t];
        out.overtimeHours[t] += overtime;
        if (perUnit[f][r] > 0) afterHoursUnits = Math.max(afterHoursUnits, overtime / perUnit[f][r]);
      });
      // the family's own overtime units already run after hours on every resource
      out.overtimeUnits[t] = Math.min(p.regular[t] + p.overtime[t], p.overtime[t] + afterHoursUnits);
    }
    return out;
  });
}
