/**
 * Adapter for =SOP.FORECAST_SOP(history, horizon, [seasonality], [method], [level]).
 *
 * Shapes (Excel's habits):
 * - a single row is one series and the result is a row of `horizon` forecasts;
 * - a single column is one series (periods down) and the result is a column;
 * - a matrix is one series per row (items down, periods across) and the result has one row
 *   per item with `horizon` columns.
 * With `level`, the bounds come beside the forecast:
 * - row / matrix: each row holds `horizon` forecasts, then `horizon` lower bounds, then
 *   `horizon` upper bounds (3 × horizon columns);
 * - column: `horizon` rows × 3 columns (forecast, lower, upper).
 * Blank history cells are gaps (filled by interpolation; leading and trailing blanks are
 * dropped). Some hosts pass a blank as 0, which then counts as a real zero. A row with no
 * numbers at all (a new item) gives blank cells ("").
 */
import { invalidInput } from "../engine/errors";
import { forecastSeries, MAX_HORIZON, parseMethod } from "../engine/forecast";
import {
  isOmitted,
  orientationOf,
  readNumberMatrix,
  refuseDataType,
  readOptionalNumber,
  readRequiredNumber,
  singleCell,
  toMatrix,
  transpose,
  isBlank,
} from "./args";

/**
 * The most history cells one call forecasts (e.g. 1,000 items × 100 months). Fitting costs
 * about 0.1 ms per cell with "auto" on this project's CI machine, so a whole-column or
 * million-cell selection would block Excel's runtime for minutes; it gets a message instead.
 */
export const MAX_HISTORY_CELLS = 100_000;

export function forecastSopFromExcel(
  history: unknown,
  horizon: unknown,
  seasonality: unknown,
  method: unknown,
  level: unknown,
): (number | string)[][] {
  const cells = toMatrix(history, "history");
  const size = cells.length * cells[0].length;
  if (size > MAX_HISTORY_CELLS) {
    throw invalidInput(
      "history",
      `history has ${size.toLocaleString("en-US")} cells; one call forecasts at most ${MAX_HISTORY_CELLS.toLocaleString("en-US")} (e.g. 1,000 items × 100 months): split the range over several cells.`,
    );
  }
  const periodsDown = orientationOf(cells) === "column";
  const series = readNumberMatrix(periodsDown ? transpose(cells) : cells, "history", {
    blank: "gap",
    turned: periodsDown,
  });
  const periods = readRequiredNumber(horizon, "horizon", { min: 1, max: MAX_HORIZON, integer: true });
  const season = readOptionalNumber(seasonality, "seasonality", undefined, { min: 0, max: 8760, integer: true });
  const methodName = readMethod(method);
  const probability = readOptionalNumber(level, "level", undefined, {
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  });

  const rows: (number | string)[][] = series.map((history, r) => {
    if (history.every((v) => v === null))
      return new Array<string>(probability === undefined ? periods : 3 * periods).fill("");
    const forecast = forecastSeries({
      history,
      horizon: periods,
      seasonality: season,
      method: methodName,
      level: probability,
    });
    const values =
      probability === undefined
        ? forecast.point
        : [...forecast.point, ...(forecast.lower ?? []), ...(forecast.upper ?? [])];
    // Extreme history (1E+300 beside ordinary months) can overflow a forecast or its bounds;
    // Excel would show a bare #NUM!, so say which series and what to check.
    if (!values.every(Number.isFinite)) {
      const which = periodsDown ? "the history" : `history row ${r + 1}`;
      throw invalidInput(
        "history",
        `the forecast of ${which} is beyond Excel's number range (±1.8E+308); check that history for extreme values.`,
      );
    }
    return values;
  });
  if (!periodsDown) return rows;
  const only = rows[0];
  if (probability === undefined) return only.map((v) => [v]);
  return Array.from({ length: periods }, (_, h) => [only[h], only[periods + h], only[2 * periods + h]]);
}

function readMethod(method: unknown): string | undefined {
  if (isOmitted(method)) return undefined;
  const value = singleCell(method, "method");
  if (isBlank(value)) return undefined;
  refuseDataType(value, "method");
  if (typeof value !== "string")
    throw invalidInput("method", `method must be a name such as "auto", "ets" or "theta", not ${String(value)}.`);
  // Checked here, not only when a series is fitted, so a wrong name is refused even while every
  // history row is still blank (a new item).
  parseMethod(value);
  return value;
}
