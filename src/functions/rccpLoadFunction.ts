/**
 * Adapter for =SOP.RCCP_LOAD: coerces Excel ranges, calls the capacity engine, shapes the result.
 *
 * Shapes: `plan` is items down × periods across; a single row is one item. A single column
 * (several cells) is one item with periods down, and then the result is transposed to keep
 * that orientation (periods down × resources across) — unless `bill` has as many rows as the
 * column has cells, which makes it several items in one period. Blank cells in plan, bill, capacity and
 * offsets count as 0 (some hosts pass blanks as 0 anyway, so a blank and a 0 cannot differ).
 *
 * Past due: hours that offsets put before the first period are in the first period's figure
 * (work that can only be done now), as in CapacityLoad and the executive pack. With `pastDue`
 * TRUE the result also gets a leading column (a leading row for a column plan) holding each
 * resource's past-due hours, whatever the output, so a planner sees how much of the first
 * period is catch-up; without it the shape is resources × periods as before.
 */
import { BillLine, rccpLoad } from "../engine/capacity/rccpLoad";
import { CAPACITY_MEASURES, CapacityMeasure, capacityMeasure } from "../engine/capacity/capacityMeasures";
import { invalidInput } from "../engine/errors";
import {
  isOmitted,
  orientationOf,
  readNumberMatrix,
  readOptionalBoolean,
  readOptionalChoice,
  toMatrix,
  transpose,
} from "./args";

export function rccpLoadFromExcel(
  plan: unknown,
  bill: unknown,
  capacity: unknown,
  offsets: unknown,
  output: unknown,
  pastDue?: unknown,
): number[][] {
  const planCells = toMatrix(plan, "plan");
  const periodsDown = orientationOf(planCells) === "column" && !billHasRows(bill, planCells.length);
  const planMatrix = readNumberMatrix(periodsDown ? transpose(planCells) : planCells, "plan", {
    blank: "zero",
    nonNegative: true,
    turned: periodsDown,
  });
  const items = planMatrix.length;
  const periods = planMatrix[0].length;

  const billMatrix = readNumberMatrix(bill, "bill", { blank: "zero", nonNegative: true });
  if (billMatrix.length !== items) {
    throw invalidInput(
      "bill",
      `bill has ${billMatrix.length} rows but plan has ${items} item${items === 1 ? "" : "s"}; bill must be items down × resources across.`,
    );
  }
  const resources = billMatrix[0].length;

  let offsetMatrix: number[][] | undefined;
  if (!isOmitted(offsets)) {
    offsetMatrix = readNumberMatrix(offsets, "offsets", { blank: "zero", nonNegative: true, integer: true });
    if (offsetMatrix.length !== items || offsetMatrix[0].length !== resources) {
      throw invalidInput(
        "offsets",
        `offsets is ${offsetMatrix.length}×${offsetMatrix[0].length} but bill is ${items}×${resources}; give one offset per item and resource.`,
      );
    }
  }

  const measure = readOptionalChoice<CapacityMeasure>(output, "output", CAPACITY_MEASURES, "load");
  const withPastDue = readOptionalBoolean(pastDue, "pastDue", false);
  let capacityMatrix: number[][] | undefined;
  if (!isOmitted(capacity)) capacityMatrix = readCapacity(capacity, resources, periods, periodsDown);
  if (measure !== "load" && !capacityMatrix) {
    throw invalidInput(
      "capacity",
      `capacity is needed for output "${measure}": give hours per resource (down) and period (across).`,
    );
  }

  const lines: BillLine[] = [];
  for (let i = 0; i < items; i++) {
    for (let r = 0; r < resources; r++) {
      const hoursPerUnit = billMatrix[i][r];
      if (hoursPerUnit !== 0)
        lines.push({ item: i, resource: r, hoursPerUnit, offset: offsetMatrix ? offsetMatrix[i][r] : 0 });
    }
  }
  const { load, pastDueLoad } = rccpLoad({ plan: planMatrix, bill: lines, resourceCount: resources });
  const measured = capacityMeasure(measure, load, capacityMatrix);
  refuseBeyondExcelRange(measured, measure);
  const result = withPastDue ? measured.map((row, r) => [pastDueLoad[r], ...row]) : measured;
  return periodsDown ? transpose(result) : result;
}

/**
 * Excel's numbers stop at ±1.8E+308. Extreme plans or bills can overflow the load, and a tiny
 * capacity (say 1E-320 hours) the utilization; Excel would show a bare #NUM!, so say where.
 */
function refuseBeyondExcelRange(result: readonly (readonly number[])[], measure: CapacityMeasure): void {
  for (let r = 0; r < result.length; r++) {
    for (let t = 0; t < result[r].length; t++) {
      if (Number.isFinite(result[r][t])) continue;
      const suspects =
        measure === "utilization" ? "capacity (a nearly zero capacity), plan and bill" : "plan, bill and capacity";
      throw invalidInput(
        measure === "utilization" ? "capacity" : "plan",
        `the ${measure} of resource ${r + 1} in period ${t + 1} is beyond Excel's number range (±1.8E+308); check ${suspects} for extreme values.`,
      );
    }
  }
}

/** True when `bill` is a range with `rows` rows: a column plan is then items down in one period. */
function billHasRows(bill: unknown, rows: number): boolean {
  return Array.isArray(bill) && bill.length === rows;
}

/**
 * Capacity is resources × periods, or one column (resources × 1) that holds every period.
 * With a column plan (periods down) it is read periods down × resources across.
 */
function readCapacity(capacity: unknown, resources: number, periods: number, periodsDown: boolean): number[][] {
  const cells = toMatrix(capacity, "capacity");
  const oriented =
    periodsDown && !(cells.length === resources && cells[0].length === 1 && periods !== 1) ? transpose(cells) : cells;
  const matrix = readNumberMatrix(oriented, "capacity", { blank: "zero", nonNegative: true });
  if (matrix.length !== resources) {
    throw invalidInput(
      "capacity",
      `capacity has ${matrix.length} rows but bill has ${resources} resources; capacity must be resources down × periods across.`,
    );
  }
  if (matrix[0].length === 1 && periods > 1) return matrix.map((row) => new Array<number>(periods).fill(row[0]));
  if (matrix[0].length !== periods) {
    throw invalidInput(
      "capacity",
      `capacity has ${matrix[0].length} periods but plan has ${periods}; give one column per period, or a single column for all.`,
    );
  }
  return matrix;
}
