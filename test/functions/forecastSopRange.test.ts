/**
 * Regression: =SOP.FORECAST_SOP returned -Infinity or NaN (Excel shows a bare #NUM!) when a
 * history held an extreme number beside ordinary ones. Found by `npm run fuzz`; shrunk cases.
 */
import { excelError } from "../support/customFunctions";
import { forecastSop } from "../../src/functions/functions";

describe("=SOP.FORECAST_SOP beyond Excel's number range", () => {
  it("refuses a forecast whose bounds overflow, naming the history row", () => {
    // row 2 naive: the residual −1E+300 squared (1E+600) overflows the variance, so the bounds do
    const error = excelError(() =>
      forecastSop(
        [
          [5, 0],
          [0, -1e300],
        ],
        3,
        0,
        "naive",
        0.95,
      ),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/forecast of history row 2 is beyond Excel's number range/);
  });

  it("refuses a Holt forecast of a column holding 1.8E+308, naming the history", () => {
    const error = excelError(() =>
      forecastSop([[71052], [84646], [""], [1.7976931348623157e308]], 3, null, "HOLT", null),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/forecast of the history is beyond Excel's number range/);
  });
});
