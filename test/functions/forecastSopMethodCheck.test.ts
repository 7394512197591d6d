/**
 * Regression: =SOP.FORECAST_SOP returned blanks for an unknown method name when every history
 * row was blank (the name was only checked when a series was fitted), so the error appeared
 * only later, once a planner typed history. Found by `npm run fuzz`.
 */
import { excelError } from "../support/customFunctions";
import { forecastSop } from "../../src/functions/functions";

describe("=SOP.FORECAST_SOP method check", () => {
  it("refuses an unknown method even when the history is still blank", () => {
    const error = excelError(() => forecastSop([[null, "", null]], 3, null, "prophet", null));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/method "prophet" is unknown/);
  });

  it("still gives blanks for a blank history with a known method", () => {
    expect(forecastSop([[null, ""]], 2, null, "Holt", null)).toEqual([["", ""]]);
  });
});
