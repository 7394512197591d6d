/**
 * The whole reconciliation linear program: every family's rows (`familyModel.ts`) plus, for
 * families sharing resources, one row per resource and period:
 *
 *   Σ_f Σ_{s: max(s − offset, 0) = t} hoursPerUnit[f][r] · (R[f][s] + O[f][s]) = U[r][t] + V[r][t]
 *   0 ≤ U[r][t] ≤ hours[r][t],  0 ≤ V[r][t] ≤ overtimeHours[r][t]
 *
 * (a unit made in s needs its hours `offset` periods earlier, past-due hours in the first
 * period: the resource profile of RCCP_LOAD, so the plan's hours are the RCCP load of the plan),
 * priced at costPerHour · U + overtimeCostPerHour · V (bill of resources: Vollmann et al.,
 * "Manufacturing Planning and Control", ch. 10; subcontracted units use no own hours).
 */
import { invalidInput } from "../errors";
import { addFamilyToModel, FamilyColumns } from "./familyModel";
import { LinearProgram, LinearProgramBuilder, Term } from "./linearProgram";
import type { ResolvedFamily } from "./resolveFamily";
import { hoursPeriod, type BillOfResourcesLine, type ResourceCapacity } from "./types";

export interface ReconcileModel {
  program: LinearProgram;
  families: FamilyColumns[];
  /** resources × periods column indices of regular (U) and overtime (V) hours */
  regularHours: number[][];
  overtimeHours: number[][];
  /** families × periods shortfall columns (feasibility models only) */
  shortfall?: number[][];
}

export interface ReconcileModelOptions {
  /**
   * Build the feasibility model instead: no costs, continuous, and a shortfall supply in every
   * balance row priced at `shortfallCost(period)`.
   */
  feasibility?: { shortfallCost: (period: number) => number };
}

/**
 * Checks resources and bill against the families (periods, indices, hours ≥ 0).
 * Errors: `invalidInput` naming the resource or the bill line, e.g. "bill line 2 refers to
 * family 3, but there are 2."
 */
export function checkResources(
  periods: number,
  familyCount: number,
  resources: readonly ResourceCapacity[],
  bill: readonly BillOfResourcesLine[],
): void {
  resources.forEach((resource, r) => {
    const label = resource.name || `resource ${r + 1}`;
    const series: [string, number[] | undefined][] = [
      ["hours", resource.hours],
      ["overtimeHours", resource.overtimeHours],
    ];
    for (const [field, values] of series) {
      if (values === undefined) continue;
      if (values.length !== periods)
        throw invalidInput("resources", `${label} has ${values.length} periods of ${field} but demand has ${periods}.`);
      values.forEach((h, t) => {
        if (typeof h !== "number" || Number.isNaN(h) || h < 0)
          throw invalidInput("resources", `${label} ${field} in period ${t + 1} must be ≥ 0, not ${String(h)}.`);
      });
    }
    for (const [field, value] of [
      ["costPerHour", resource.costPerHour],
      ["overtimeCostPerHour", resource.overtimeCostPerHour],
    ] as const) {
      if (value !== undefined && !(Number.isFinite(value) && value >= 0))
        throw invalidInput("resources", `${label} ${field} must be a finite number ≥ 0, not ${value}.`);
    }
  });
  bill.forEach((line, k) => {
    if (!Number.isInteger(line.family) || line.family < 0 || line.family >= familyCount) {
      throw invalidInput(
        "bill",
        `bill line ${k + 1} refers to family ${line.family + 1}, but there are ${familyCount}.`,
      );
    }
    if (!Number.isInteger(line.resource) || line.resource < 0 || line.resource >= resources.length) {
      throw invalidInput(
        "bill",
        `bill line ${k + 1} refers to resource ${line.resource + 1}, but there are ${resources.length}.`,
      );
    }
    if (line.offset !== undefined && !(Number.isInteger(line.offset) && line.offset >= 0))
      throw invalidInput("bill", `bill line ${k + 1} has an offset of ${line.offset}; it must be whole periods ≥ 0.`);
    if (!(Number.isFinite(line.hoursPerUnit) && line.hoursPerUnit >= 0)) {
      throw invalidInput(
        "bill",
        `bill line ${k + 1} has ${line.hoursPerUnit} hours per unit; it must be a finite number ≥ 0.`,
      );
    }
  });
}

/**
 * Builds the program for families sharing resources (families must have the same periods).
 * @example
 * buildReconcileModel([resolveFamily({ demand: [60], capacity: [100] })], [], []).program.rowLower.length
 * // => 1  (one balance row)
 */
export function buildReconcileModel(
  families: readonly ResolvedFamily[],
  resources: readonly ResourceCapacity[],
  bill: readonly BillOfResourcesLine[],
  options: ReconcileModelOptions = {},
): ReconcileModel {
  const lp = new LinearProgramBuilder();
  const periods = families[0]?.periods ?? 0;
  const shortfall = options.feasibility ? ([] as number[][]) : undefined;
  const columns = families.map((family, f) => {
    let familyShortfall: number[] | undefined;
    if (shortfall) {
      familyShortfall = [];
      for (let t = 0; t < family.periods; t++)
        familyShortfall.push(lp.addVariable(`f${f + 1}short${t + 1}`, { cost: options.feasibility?.shortfallCost(t) }));
      shortfall.push(familyShortfall);
    }
    return addFamilyToModel(lp, family, {
      prefix: `f${f + 1}`,
      shortfall: familyShortfall,
      continuous: !!options.feasibility,
      noCosts: !!options.feasibility,
    });
  });

  const regularHours: number[][] = [];
  const overtimeHours: number[][] = [];
  const linesByResource: BillOfResourcesLine[][] = resources.map(() => []);
  for (const line of bill) if (line.hoursPerUnit > 0) linesByResource[line.resource].push(line);
  resources.forEach((resource, r) => {
    const U: number[] = [];
    const V: number[] = [];
    // the units whose hours land in each period, by the lines' offsets (past due in the first)
    const made: Term[][] = Array.from({ length: periods }, () => []);
    for (const line of linesByResource[r]) {
      for (let s = 0; s < periods; s++) {
        const t = hoursPeriod(s, line.offset);
        made[t].push(
          [columns[line.family].regular[s], line.hoursPerUnit],
          [columns[line.family].overtime[s], line.hoursPerUnit],
        );
      }
    }
    for (let t = 0; t < periods; t++) {
      const regularCost = options.feasibility ? 0 : (resource.costPerHour ?? 0);
      const overtimeCost = options.feasibility ? 0 : (resource.overtimeCostPerHour ?? 0);
      const u = lp.addVariable(`r${r + 1}hours${t + 1}`, { upper: resource.hours[t], cost: regularCost });
      const v = lp.addVariable(`r${r + 1}overtime${t + 1}`, {
        upper: resource.overtimeHours?.[t] ?? 0,
        cost: overtimeCost,
      });
      U.push(u);
      V.push(v);
      const terms: Term[] = [[u, -1], [v, -1], ...made[t]];
      lp.addConstraint(`r${r + 1}load${t + 1}`, terms, 0, 0);
    }
    regularHours.push(U);
    overtimeHours.push(V);
  });
  return { program: lp.build(), families: columns, regularHours, overtimeHours, shortfall };
}
