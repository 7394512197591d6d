/**
 * =SOP.RECONCILE under fuzz: generated arguments and the documented rules of its result
 * (README "=SOP.RECONCILE", JSDoc of `reconcile` in src/functions/functions.ts). Asynchronous:
 * the contract awaits the Promise; a rejection must be a CustomFunctions.Error.
 *
 * Documented shapes (periods across; periods down for a column of demand):
 * - "all": production, inventory, backlog rows for each family (3 × families rows);
 * - "production", "regular", "overtime", "subcontract", "inventory", "backlog", "workforce":
 *   one row per family;
 * - "cost": one cell; "costs": category / amount rows, then "total" (labels in column 1).
 * Every plan keeps the inventory balance: inventory − backlog = previous inventory − previous
 * backlog + production − demand, each period, with inventory and backlog ≥ 0.
 */
import { RECONCILE_OUTPUTS } from "../../src/functions/reconcileFunction";
import fc from "fast-check";
import "../support/customFunctions";
import { COST_PARAMETER_NAMES } from "../../src/engine/reconcile";
import { reconcile } from "../../src/functions/functions";
import { CELL_SOLVE_SECONDS } from "../../src/functions/reconcileFunction";
import type { FunctionUnderFuzz } from "./contract";
import {
  cellsOf,
  chosenOption,
  isBlankCell,
  isOmittedArgument,
  numericRangeRefusal,
  optionKey,
} from "./documentedRules";
import {
  anyArgument,
  anyCell,
  blankCell,
  matrixOf,
  mutated,
  omittedArgument,
  optionName,
  quantityCell,
} from "./excelArbitraries";

export const RECONCILE_STRATEGIES = ["optimal", "chase", "level"] as const;
export { RECONCILE_OUTPUTS };

/** A value for a cost name: mostly sensible, sometimes hostile. */
function costValue(name: string): fc.Arbitrary<unknown> {
  const sensible =
    name === "integerWorkforce"
      ? fc.constantFrom<unknown>(true, false, "TRUE", 0)
      : name === "holdingOn"
        ? fc.constantFrom<unknown>("ending", "average", "Average")
        : name === "workforce" || name === "unitsPerWorker"
          ? fc.integer({ min: 0, max: 120 })
          : fc.oneof(
              fc.integer({ min: 0, max: 50 }),
              fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }),
            );
  return fc.oneof(
    { weight: 12, arbitrary: sensible },
    { weight: 1, arbitrary: blankCell },
    { weight: 1, arbitrary: anyCell },
  );
}

/** A two-column name / value range with a few known names, now and then an unknown one or transposed. */
const costsArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: omittedArgument },
  {
    weight: 8,
    arbitrary: fc
      .uniqueArray(fc.constantFrom(...COST_PARAMETER_NAMES), { minLength: 1, maxLength: 7 })
      // A workforce needs units per worker and the other way round (documented); keep most sets usable.
      .map((names) =>
        names.some((n) => n === "workforce" || n === "unitsPerWorker" || n === "overtimePerWorker")
          ? [...new Set([...names, "workforce", "unitsPerWorker"])]
          : names,
      )
      .chain((names) =>
        fc.tuple(
          fc.tuple(
            ...names.map((name) =>
              fc.tuple(
                fc.constantFrom(name, name.toUpperCase(), name.replace(/([a-z])([A-Z])/g, "$1 $2")),
                costValue(name),
              ),
            ),
          ),
          fc.constantFrom("columns", "columns", "columns", "rows"),
        ),
      )
      .map(([pairs, layout]) => {
        const rows: unknown[][] = pairs.map(([name, value]) => [name, value]);
        return layout === "rows" ? [rows.map((r) => r[0]), rows.map((r) => r[1])] : rows;
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      [["overtimeRate", 5]],
      [["holdingCost", 1, 2]],
      [
        ["holdingCost", 1],
        ["holdingCost", 2],
      ],
      [[3, 1]],
      [["", 4]],
    ),
  },
  { weight: 1, arbitrary: anyArgument },
);

const reconcileArgs: fc.Arbitrary<unknown[]> = fc.oneof(
  {
    weight: 19,
    arbitrary: fc
      .record({
        families: fc.integer({ min: 1, max: 3 }),
        periods: fc.integer({ min: 1, max: 8 }),
        layout: fc.constantFrom("rows", "rows", "column"),
      })
      .chain(({ families, periods, layout }) => {
        const column = layout === "column";
        const f = column ? 1 : families;
        const demandShape = column ? { rows: periods, columns: 1 } : { rows: f, columns: periods };
        const capacity = fc.oneof(
          omittedArgument,
          fc.integer({ min: 0, max: 1500 }),
          matrixOf(quantityCell(1500, 1), demandShape),
          matrixOf(quantityCell(1500, 1), column ? { rows: periods, columns: 1 } : { rows: 1, columns: periods }),
          matrixOf(quantityCell(1500, 1), { rows: f, columns: 1 }),
        );
        const opening = fc.oneof(
          omittedArgument,
          fc.integer({ min: -500, max: 1000 }),
          matrixOf(fc.integer({ min: -300, max: 800 }), { rows: f, columns: 1 }),
        );
        return fc.tuple(
          mutated(matrixOf(quantityCell(2000), demandShape), 0.85),
          fc.oneof({ weight: 9, arbitrary: capacity }, { weight: 1, arbitrary: anyArgument }),
          fc.oneof({ weight: 9, arbitrary: opening }, { weight: 1, arbitrary: anyArgument }),
          optionName(RECONCILE_STRATEGIES),
          costsArg,
          optionName(RECONCILE_OUTPUTS),
        );
      }),
  },
  { weight: 1, arbitrary: fc.tuple(anyArgument, anyArgument, anyArgument, anyArgument, anyArgument, anyArgument) },
);

const COST_KEYS = new Set(COST_PARAMETER_NAMES.map(optionKey));

/** Why `costs` must be refused by the documented rules (unknown name, not two columns), if it must. */
function costsRefusal(costs: unknown): string | undefined {
  if (isOmittedArgument(costs)) return undefined;
  let cells = cellsOf(costs);
  if (!cells) return "costs is empty or ragged";
  if (cells[0].length !== 2 && cells.length === 2) cells = cells[0].map((_, c) => [cells![0][c], cells![1][c]]);
  if (cells[0].length !== 2) return "costs is not two columns";
  const seen = new Set<string>();
  for (const [name] of cells) {
    if (isBlankCell(name)) continue;
    if (typeof name !== "string") return "a cost name is not text";
    const key = optionKey(name);
    if (!COST_KEYS.has(key)) return `cost name "${name}" is unknown`;
    if (seen.has(key)) return `cost name "${name}" appears twice`;
    seen.add(key);
  }
  return undefined;
}

/** Demand as families × periods numbers (blank = 0), and whether it was laid out periods down. */
function demandOf(demand: unknown): { rows: number[][]; periodsDown: boolean } | undefined {
  const cells = cellsOf(demand);
  if (!cells) return undefined;
  const periodsDown = cells.length > 1 && cells[0].length === 1;
  const oriented = periodsDown ? [cells.map((row) => row[0])] : cells;
  return { rows: oriented.map((row) => row.map((v) => (isBlankCell(v) ? 0 : (v as number)))), periodsDown };
}

/** Opening inventory (positive) or backlog (negative) per family, as documented. */
function openingOf(opening: unknown, families: number): number[] {
  if (isOmittedArgument(opening)) return new Array(families).fill(0);
  const flat = (cellsOf(opening) ?? [[0]]).flat().map((v) => (isBlankCell(v) ? 0 : (v as number)));
  return flat.length === 1 ? new Array(families).fill(flat[0]) : flat;
}

export const reconcileUnderFuzz: FunctionUnderFuzz = {
  name: "SOP.RECONCILE",
  exportName: "reconcile",
  args: reconcileArgs,
  call: ([demand, capacity, opening, strategy, costs, output]) =>
    reconcile(demand as any[][], capacity as any[][], opening as any[][], strategy, costs as any[][], output),
  // With whole workers the solve is a mixed-integer program, capped at CELL_SOLVE_SECONDS per cell.
  budgetMs: ([, , , , costs]) =>
    /integer\s*workforce/i.test(JSON.stringify(costs) ?? "") ? (CELL_SOLVE_SECONDS + 1) * 1000 : undefined,
  isLabelCell: (args, _row, column) => chosenOption(args[5], RECONCILE_OUTPUTS, "all") === "costs" && column === 0,
  mustRefuse: ([demand, capacity, opening, strategy, costs, output]) =>
    (chosenOption(strategy, RECONCILE_STRATEGIES, "optimal") === undefined
      ? `strategy ${JSON.stringify(strategy)} is not a documented choice`
      : undefined) ??
    (chosenOption(output, RECONCILE_OUTPUTS, "all") === undefined
      ? `output ${JSON.stringify(output)} is not a documented choice`
      : undefined) ??
    numericRangeRefusal(demand, "demand", { blanksAllowed: true, nonNegative: true }) ??
    (isOmittedArgument(capacity)
      ? undefined
      : numericRangeRefusal(capacity, "capacity", { blanksAllowed: true, nonNegative: true })) ??
    (isOmittedArgument(opening) ? undefined : numericRangeRefusal(opening, "opening", { blanksAllowed: true })) ??
    costsRefusal(costs),
  check: ([demand, , opening, , , output], result) => {
    const measure = chosenOption(output, RECONCILE_OUTPUTS, "all")!;
    const parsed = demandOf(demand);
    if (!parsed) return [];
    const families = parsed.rows.length;
    const periods = parsed.rows[0].length;
    const seriesRows = measure === "all" ? 3 * families : families;
    const expected =
      measure === "cost"
        ? { rows: 1, columns: 1 }
        : measure === "costs"
          ? { rows: 10, columns: 2 }
          : parsed.periodsDown
            ? { rows: periods, columns: seriesRows }
            : { rows: seriesRows, columns: periods };
    if (result.length !== expected.rows || result[0].length !== expected.columns) {
      return [
        `output "${measure}" returned ${result.length}×${result[0].length}, documented ${expected.rows}×${expected.columns}`,
      ];
    }
    if (measure === "costs" && result[9][0] !== "total") return [`output "costs" does not end with a "total" row`];
    if (measure !== "all") return [];
    const problems: string[] = [];
    const series = (parsed.periodsDown ? result[0].map((_, c) => result.map((row) => row[c])) : result) as number[][];
    const openings = openingOf(opening, families);
    for (let f = 0; f < families; f++) {
      const [production, inventory, backlog] = [series[3 * f], series[3 * f + 1], series[3 * f + 2]];
      let net = openings[f];
      for (let t = 0; t < periods; t++) {
        net += production[t] - parsed.rows[f][t];
        const scale = Math.max(1, Math.abs(net), Math.abs(production[t]), Math.abs(parsed.rows[f][t]));
        if (Math.abs(inventory[t] - backlog[t] - net) > 1e-6 * scale)
          problems.push(`family ${f + 1}, period ${t + 1}: inventory ${inventory[t]} − backlog ${backlog[t]} ≠ ${net}`);
        if (inventory[t] < 0 || backlog[t] < 0 || production[t] < -1e-9 * scale)
          problems.push(`family ${f + 1}, period ${t + 1}: negative production, inventory or backlog`);
        net = inventory[t] - backlog[t];
      }
    }
    return problems.slice(0, 3);
  },
};
