/**
 * =SOP.RCCP_LOAD under fuzz: generated arguments and the documented rules of its result
 * (README "=SOP.RCCP_LOAD", JSDoc of `rccpLoad` in src/functions/functions.ts).
 */
import fc from "fast-check";
import "../support/customFunctions";
import { rccpLoad } from "../../src/functions/functions";
import type { FunctionUnderFuzz } from "./contract";
import { cellsOf, chosenOption, isOmittedArgument, numericRangeRefusal } from "./documentedRules";
import { matrixOf, mutated, omittedArgument, optionName, quantityCell } from "./excelArbitraries";

export const RCCP_OUTPUTS = ["load", "utilization", "overload", "remaining"] as const;

/** Well-formed shapes first (so the engine runs), each argument then possibly corrupted. */
const rccpArgs: fc.Arbitrary<unknown[]> = fc
  .record({
    items: fc.integer({ min: 1, max: 5 }),
    periods: fc.integer({ min: 1, max: 8 }),
    resources: fc.integer({ min: 1, max: 4 }),
    planLayout: fc.constantFrom("items-across-periods", "column"),
  })
  .chain(({ items, periods, resources, planLayout }) => {
    const columnPlan = planLayout === "column";
    const planShape = columnPlan ? { rows: periods, columns: 1 } : { rows: items, columns: periods };
    const billRows = columnPlan ? 1 : items;
    const capacity = fc.oneof(
      omittedArgument,
      matrixOf(quantityCell(2000), { rows: resources, columns: columnPlan ? 1 : periods }),
      matrixOf(quantityCell(2000), { rows: resources, columns: 1 }),
      matrixOf(quantityCell(2000), { rows: periods, columns: resources }),
    );
    const offsets = fc.oneof(
      omittedArgument,
      matrixOf(fc.oneof(fc.integer({ min: 0, max: periods + 1 }), fc.constant(null)), {
        rows: billRows,
        columns: resources,
      }),
    );
    return fc.tuple(
      mutated(matrixOf(quantityCell(1000), planShape), 0.8),
      mutated(matrixOf(quantityCell(10), { rows: billRows, columns: resources }), 0.85),
      fc.oneof(
        { weight: 9, arbitrary: capacity },
        { weight: 1, arbitrary: mutated(matrixOf(quantityCell(2000), { rows: resources, columns: periods }), 0.5) },
      ),
      fc.oneof(
        { weight: 9, arbitrary: offsets },
        {
          weight: 1,
          arbitrary: mutated(matrixOf(fc.integer({ min: 0, max: 3 }), { rows: billRows, columns: resources }), 0.5),
        },
      ),
      optionName(RCCP_OUTPUTS),
    );
  });

/** The documented result shape: resources × periods, or periods × resources for a one-item column plan. */
export function rccpResultShape(plan: unknown, bill: unknown): { rows: number; columns: number } | undefined {
  const planCells = cellsOf(plan);
  const billCells = cellsOf(bill);
  if (!planCells || !billCells) return undefined;
  const resources = billCells[0].length;
  const columnPlan = planCells.length > 1 && planCells[0].length === 1;
  const periodsDown = columnPlan && !(Array.isArray(bill) && bill.length === planCells.length);
  return periodsDown
    ? { rows: planCells.length, columns: resources }
    : { rows: resources, columns: planCells[0].length };
}

export const rccpLoadUnderFuzz: FunctionUnderFuzz = {
  name: "SOP.RCCP_LOAD",
  exportName: "rccpLoad",
  args: rccpArgs,
  call: ([plan, bill, capacity, offsets, output]) =>
    rccpLoad(plan as any[][], bill as any[][], capacity as any[][], offsets as any[][], output),
  mustRefuse: ([plan, bill, capacity, offsets, output]) => {
    if (chosenOption(output, RCCP_OUTPUTS, "load") === undefined)
      return `output ${JSON.stringify(output)} is not a documented choice`;
    const numeric =
      numericRangeRefusal(plan, "plan", { blanksAllowed: true, nonNegative: true }) ??
      numericRangeRefusal(bill, "bill", { blanksAllowed: true, nonNegative: true }) ??
      (isOmittedArgument(capacity)
        ? undefined
        : numericRangeRefusal(capacity, "capacity", { blanksAllowed: true, nonNegative: true })) ??
      (isOmittedArgument(offsets)
        ? undefined
        : numericRangeRefusal(offsets, "offsets", { blanksAllowed: true, nonNegative: true, integer: true }));
    if (numeric) return numeric;
    const measure = chosenOption(output, RCCP_OUTPUTS, "load");
    if (measure !== "load" && isOmittedArgument(capacity))
      return `output "${measure}" needs capacity and none was given`;
    return undefined;
  },
  check: ([plan, bill, , , output], result) => {
    const problems: string[] = [];
    const shape = rccpResultShape(plan, bill);
    if (shape && (result.length !== shape.rows || result[0].length !== shape.columns)) {
      problems.push(`returned ${result.length}×${result[0].length}, documented ${shape.rows}×${shape.columns}`);
    }
    const measure = chosenOption(output, RCCP_OUTPUTS, "load");
    if (measure === "load" || measure === "overload" || measure === "utilization") {
      const negative = result.flat().find((v) => (v as number) < 0);
      if (negative !== undefined)
        problems.push(`returned a negative ${measure} (${negative}) from non-negative plan, bill and capacity`);
    }
    return problems;
  },
};
