/**
 * The optional `Initiatives` table → the engine's initiatives (engine/initiatives), every
 * problem named with its table, row, column and cell (docs/meeting.md, "Strategic initiatives").
 */
import type { Bucket, PlanResource } from "../../engine/cycle/types";
import type { Initiative } from "../../engine/initiatives";
import { initiativePeriods } from "../../engine/initiatives";
import type { TableData, ValidationProblem } from "../port";
import { isBlankCell } from "../regions";
import { periodIndex, periodLabel } from "../schema/periods";
import { INITIATIVES, locateColumns } from "../schema/tables";
import { TableReader } from "./tableReader";

export interface InitiativeContext {
  bucket: Bucket;
  planPeriods: readonly string[];
  families: readonly string[];
  resources: readonly PlanResource[];
}

/**
 * Reads the Initiatives table; a row with an error is left out (the error stops the step anyway).
 * @example
 * // Initiative "Promo", Start 2026-03, Family Desks, DemandChangePct 10
 * readInitiatives(table, problems, context)
 * // => [{ name: "Promo", start: "2026-03", end: null, family: "Desks", demandChangePct: 10, … }]
 */
export function readInitiatives(
  table: TableData | undefined,
  problems: ValidationProblem[],
  context: InitiativeContext,
): Initiative[] {
  if (!table) return [];
  const reader = new TableReader(table, problems);
  const columns = locateColumns(table, INITIATIVES, problems);
  if (columns.Initiative < 0) return [];
  const families = new Map(context.families.map((f) => [f.toLowerCase(), f]));
  const resourceIndex = new Map(context.resources.map((r, i) => [r.name.toLowerCase(), i]));
  const hours = context.resources.map((r) => r.hours.slice());
  const seen = new Map<string, number>();
  const out: Initiative[] = [];
  const format = context.bucket === "month" ? "a date or YYYY-MM" : "a date or YYYY-Www";
  const list = (names: readonly string[]) =>
    names.length <= 8 ? names.join(", ") : `${names.slice(0, 8).join(", ")} and ${names.length - 8} more`;

  for (let row = 0; row < reader.rowCount; row++) {
    if (table.rows[row].every((cell) => isBlankCell(cell))) continue;
    const name = reader.text(row, columns.Initiative, "Initiative");
    if (name === null) continue;
    const where = `Initiative "${name}"`;
    const key = name.toLowerCase();
    if (seen.has(key)) {
      reader.report(
        row,
        columns.Initiative,
        `${where} is on rows ${seen.get(key)! + 1} and ${row + 1} of Initiatives.`,
        "Give each initiative its own name (or merge the rows).",
      );
      continue;
    }
    seen.set(key, row);
    let ok = true;
    const period = (column: number, label: string): string | null => {
      const value = reader.value(row, column);
      if (isBlankCell(value)) return null;
      const index = periodIndex(value, context.bucket);
      if (index === null) {
        reader.report(
          row,
          column,
          `${where}: ${label} ${JSON.stringify(value)} is not a ${context.bucket}.`,
          `Use ${format}.`,
        );
        ok = false;
        return null;
      }
      return periodLabel(index, context.bucket);
    };
    const start = period(columns.Start, "Start");
    const end = period(columns.End, "End");
    if (start !== null && end !== null && end < start) {
      reader.report(row, columns.End, `${where} ends (${end}) before it starts (${start}).`, "Swap Start and End.");
      ok = false;
    }
    const number = (column: number, meaning: string, nonNegative = false): number => {
      const value = reader.number(row, column, { meaning, nonNegative, fallback: 0 });
      if (value === undefined) ok = false;
      return value ?? 0;
    };
    const demandChangePct = number(columns.DemandChangePct, "a percent change of demand (10 = +10 %)");
    const capacityChangeHours = number(columns.CapacityChangeHours, "hours per period added (negative removes)");
    const oneOffCost = number(columns.OneOffCost, "a cost ≥ 0", true);
    const periodCost = number(columns.PeriodCost, "a cost per period ≥ 0", true);

    let family: string | null = null;
    const familyText = columns.Family >= 0 ? reader.text(row, columns.Family, null) : null;
    if (familyText !== null) {
      family = families.get(familyText.toLowerCase()) ?? null;
      if (family === null) {
        reader.report(
          row,
          columns.Family,
          `${where} is for family "${familyText}", which is not in Items.`,
          `Families: ${list([...families.values()])}.`,
        );
        ok = false;
      }
    }
    let resource: string | null = null;
    const resourceText = columns.Resource >= 0 ? reader.text(row, columns.Resource, null) : null;
    if (resourceText !== null) {
      const r = resourceIndex.get(resourceText.toLowerCase());
      if (r === undefined) {
        reader.report(
          row,
          columns.Resource,
          `${where} changes resource "${resourceText}", which is not in Capacity.`,
          `Resources: ${list(context.resources.map((x) => x.name))}.`,
        );
        ok = false;
      } else resource = context.resources[r].name;
    }
    if (demandChangePct < -100) {
      reader.report(
        row,
        columns.DemandChangePct,
        `${where} lowers demand by ${-demandChangePct} %; demand cannot fall by more than 100 %.`,
        "Use a percent ≥ −100.",
      );
      ok = false;
    } else if (demandChangePct !== 0 && familyText === null) {
      reader.report(
        row,
        columns.DemandChangePct,
        `${where} changes demand by ${demandChangePct} % but names no Family.`,
        "Fill in the family whose demand it changes.",
      );
      ok = false;
    } else if (demandChangePct !== 0 && Math.abs(demandChangePct) < 1) {
      reader.report(
        row,
        columns.DemandChangePct,
        `${where}: DemandChangePct ${demandChangePct} reads as ${demandChangePct} %, not ${demandChangePct * 100} %.`,
        `DemandChangePct is in percent: type ${demandChangePct * 100} for ${demandChangePct * 100} %.`,
        "warning",
      );
    }
    if (capacityChangeHours !== 0 && resourceText === null) {
      reader.report(
        row,
        columns.CapacityChangeHours,
        `${where} changes capacity by ${capacityChangeHours} hours but names no Resource.`,
        "Fill in the resource whose hours it changes.",
      );
      ok = false;
    }
    if (!ok) continue;
    const initiative: Initiative = {
      name,
      owner: columns.Owner >= 0 ? reader.text(row, columns.Owner, null) : null,
      start,
      end,
      family,
      resource,
      demandChangePct,
      capacityChangeHours,
      oneOffCost,
      periodCost,
    };
    const running = initiativePeriods(initiative, context.planPeriods);
    if (running.length === 0) {
      reader.report(
        row,
        columns.Start >= 0 ? columns.Start : columns.Initiative,
        `${where} runs outside this plan (${context.planPeriods[0]} to ${context.planPeriods[context.planPeriods.length - 1]}), so it changes nothing in it.`,
        "Check its Start and End.",
        "warning",
      );
    }
    if (resource !== null && capacityChangeHours !== 0) {
      const r = resourceIndex.get(resource.toLowerCase())!;
      const short = running.find((t) => t < hours[r].length && hours[r][t] + capacityChangeHours < 0);
      if (short !== undefined) {
        reader.report(
          row,
          columns.CapacityChangeHours,
          `${where} leaves ${resource} with ${hours[r][short] + capacityChangeHours} hours in ${context.planPeriods[short]} (after the initiatives above it).`,
          "A resource cannot have fewer than 0 hours; lower the change.",
        );
        continue;
      }
      for (const t of running) if (t < hours[r].length) hours[r][t] += capacityChangeHours;
    }
    if (
      family === null &&
      resource === null &&
      oneOffCost === 0 &&
      periodCost === 0 &&
      demandChangePct === 0 &&
      capacityChangeHours === 0
    )
      reader.report(
        row,
        columns.Initiative,
        `${where} has no family, resource or cost, so it changes nothing.`,
        "Fill in what it changes: DemandChangePct with a Family, CapacityChangeHours with a Resource, or its costs.",
        "warning",
      );
    out.push(initiative);
  }
  return out;
}
