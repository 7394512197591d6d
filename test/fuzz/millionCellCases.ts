/**
 * The million-cell arguments of the load requirement (issue 8): one argument of 1,000,000 cells
 * (or a 500,000-row name/value range), in shapes a planner can select — a full grid, a whole
 * column, a whole row. Each case says what the documented answer is: a result of a given shape,
 * or a #VALUE! whose message matches.
 */
import "../support/customFunctions";
import type { FunctionUnderFuzz } from "./contract";
import { forecastSopUnderFuzz } from "./forecastSopSpec";
import { rccpLoadUnderFuzz } from "./rccpLoadSpec";
import { reconcileUnderFuzz } from "./reconcileSpec";

export interface MillionCellCase {
  name: string;
  spec: FunctionUnderFuzz;
  args: () => unknown[];
  /** a result of this shape, or a #VALUE! matching this message */
  expected:
    | { rows: number; columns: number; check?: (value: unknown[][], args: unknown[]) => boolean }
    | { error: RegExp };
}

export function grid(rows: number, columns: number, cell: (r: number, c: number) => unknown): unknown[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));
}

const quantity = (r: number, c: number) => ((r * 7919 + c * 104729) % 1000) + (r % 3 === 0 ? 0.5 : 0);

export const MILLION_CELL_CASES: MillionCellCase[] = [
  {
    name: "=SOP.RCCP_LOAD: a 1,000 items × 1,000 periods plan, utilization",
    spec: rccpLoadUnderFuzz,
    args: () => [
      grid(1000, 1000, quantity),
      grid(1000, 4, (r, c) => ((r + c) % 5) * 0.25),
      grid(4, 1, () => 250_000),
      null,
      "utilization",
    ],
    expected: { rows: 4, columns: 1000 },
  },
  {
    name: "=SOP.RCCP_LOAD: a one-item plan of 1,000,000 periods down",
    spec: rccpLoadUnderFuzz,
    args: () => [grid(1_000_000, 1, (r) => r % 100), [[0.5, 2]], null, [[1, 0]], "load"],
    // period 1,000,000 (the last, r = 999,999 → 99 units) falls in period 999,999 on resource 1 (offset 1) and stays on resource 2
    expected: {
      rows: 1_000_000,
      columns: 2,
      check: (value) => value[999_999][1] === 2 * 99 && value[999_999][0] === 0,
    },
  },
  {
    name: "=SOP.RCCP_LOAD: a 1,000 × 1,000 bill of resources",
    spec: rccpLoadUnderFuzz,
    args: () => [
      grid(1000, 12, quantity),
      grid(1000, 1000, (r, c) => ((r * c) % 7 === 0 ? 1.5 : "")),
      null,
      null,
      null,
    ],
    expected: { rows: 1000, columns: 12 },
  },
  {
    name: "=SOP.RCCP_LOAD: a million-cell plan with text in its last cell",
    spec: rccpLoadUnderFuzz,
    args: () => {
      const plan = grid(1000, 1000, quantity);
      plan[999][999] = "n/a";
      return [plan, grid(1000, 1, () => 1), null, null, null];
    },
    expected: { error: /plan holds text "n\/a" at row 1000, column 1000/ },
  },
  {
    name: "=SOP.FORECAST_SOP: a 1,000 items × 1,000 months history",
    spec: forecastSopUnderFuzz,
    args: () => [grid(1000, 1000, quantity), 12, null, null, 0.95],
    expected: { error: /^history has 1,000,000 cells; one call forecasts at most 100,000/ },
  },
  {
    name: "=SOP.FORECAST_SOP: a whole column of 1,000,000 months",
    spec: forecastSopUnderFuzz,
    args: () => [grid(1_000_000, 1, (r) => 100 + (r % 12)), 12, null, null, null],
    expected: { error: /^history has 1,000,000 cells/ },
  },
  {
    name: "=SOP.RECONCILE: 1,000 families × 1,000 periods by chase",
    spec: reconcileUnderFuzz,
    args: () => [grid(1000, 1000, quantity), [[2000]], null, "chase", null, "production"],
    // capacity 2,000 covers every demand cell (< 1,000), so chase makes exactly the demand
    expected: {
      rows: 1000,
      columns: 1000,
      check: (value, args) => value[999][999] === (args[0] as number[][])[999][999],
    },
  },
  {
    name: "=SOP.RECONCILE: 1,000,000 periods by the optimal strategy",
    spec: reconcileUnderFuzz,
    args: () => [grid(1, 1_000_000, quantity), [[1500]], null, "optimal", [["backlogCost", 1]], "cost"],
    expected: { error: /^demand has 1,000,000 cells; the optimal strategy plans at most 10,000/ },
  },
  {
    name: "=SOP.RECONCILE: a costs range of 500,000 name/value rows",
    spec: reconcileUnderFuzz,
    args: () => {
      const costs = grid(500_000, 2, () => "");
      costs[0] = ["holdingCost", 1];
      return [[[100, 120, 90]], [[110]], null, "level", costs, "all"];
    },
    expected: { rows: 3, columns: 3 },
  },
];
