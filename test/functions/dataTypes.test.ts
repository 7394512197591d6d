/**
 * Cells holding Excel data types arrive in custom functions as objects with a `type`
 * ("Use data types with custom functions in Excel",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts;
 * shapes from the Excel.EntityCellValue, DoubleCellValue and FormattedNumberCellValue
 * interfaces in @types/office-js). The functions refuse them with #VALUE! and a message naming
 * the argument, the cell, the data type and how to pass its value — not "an error value".
 */
import { excelError } from "../support/customFunctions";
import { forecastSop, rccpLoad } from "../../src/functions/functions";

const entity = { type: "Entity", text: "Widget", properties: { Price: { type: "Double", basicValue: 12 } } };
const double = { type: "Double", basicValue: 3.5 };
const formatted = { type: "FormattedNumber", basicValue: 0.25, numberFormat: "0%" };

describe("data-type cells passed to the functions", () => {
  it.each([
    [
      "an entity in the plan",
      () => rccpLoad([[1, entity]], [[1]], null as any, null as any, null),
      "plan",
      "Entity",
      "row 1, column 2",
    ],
    [
      "a double in the bill",
      () => rccpLoad([[1]], [[double]], null as any, null as any, null),
      "bill",
      "Double",
      "row 1, column 1",
    ],
    [
      "a formatted number in a history",
      () => forecastSop([[1], [2], [formatted], [4]], 2),
      "history",
      "FormattedNumber",
      "row 3, column 1",
    ],
    ["an entity as the horizon", () => forecastSop([[1], [2], [3]], entity), "horizon", "Entity", "its cell"],
    ["an entity as the method", () => forecastSop([[1], [2], [3]], 2, null, entity), "method", "Entity", "its cell"],
    [
      "an entity as the output",
      () => rccpLoad([[1]], [[1]], null as any, null as any, entity),
      "output",
      "Entity",
      "its cell",
    ],
  ])("refuses %s, naming the argument and the type", (_name, call, argument, type, where) => {
    const error = excelError(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(`${argument} holds a data type (${type}) at ${where}`);
    expect(error.message).toContain("=A1.Price");
    expect(error.message).not.toContain("error value");
  });

  it("still calls an error cell an error value, naming the error", () => {
    const error = excelError(() =>
      rccpLoad([[{ type: "Error", errorType: "Div0", basicValue: "#DIV/0!" }]], [[1]], null as any, null as any, null),
    );
    expect(error.message).toContain("plan holds an error value (#DIV/0!) at row 1, column 1");
  });
});
