/**
 * =SOP.FORECAST_SOP under fuzz: generated arguments and the documented rules of its result
 * (JSDoc of `forecastSop` in src/functions/functions.ts, src/functions/forecastSopFunction.ts,
 * README "FORECAST_SOP").
 *
 * Documented shapes: a row history gives a row of `horizon` forecasts; a column gives a column;
 * a matrix gives one row per item. With `level`, rows hold horizon forecasts, then horizon lower
 * bounds, then horizon upper bounds; a column gives horizon rows × 3 (forecast, lower, upper).
 * A history row with no number at all gives blank cells (""). Bounds satisfy lower ≤ point ≤ upper.
 */
import fc from "fast-check";
import "../support/customFunctions";
import { FORECAST_METHODS, MAX_HORIZON } from "../../src/engine/forecast";
import { forecastSop } from "../../src/functions/functions";
import type { FunctionUnderFuzz } from "./contract";
import { cellsOf, isBlankCell, isOmittedArgument, numericRangeRefusal, optionKey, singleCell } from "./documentedRules";
import { anyArgument, blankCell, mutated, omittedArgument, optionName, textCell } from "./excelArbitraries";

/** The documented maximum season length (FORECAST.ETS accepts up to 8,760). */
const MAX_SEASON = 8760;

/** A demand history a planner could have: level, trend, season, noise, zeros, gaps. */
function demandRow(periods: number): fc.Arbitrary<(number | null | "")[]> {
  return fc
    .record({
      level: fc.oneof(
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: -50, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      ),
      trend: fc.double({ min: -5, max: 5, noNaN: true }),
      season: fc.constantFrom(0, 0, 4, 12),
      amplitude: fc.double({ min: 0, max: 0.5, noNaN: true }),
      intermittent: fc.boolean(),
      noise: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: periods, maxLength: periods }),
      gaps: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: periods, maxLength: periods }),
      gapRate: fc.constantFrom(0, 0, 0, 0, 0.1, 0.1, 0.3, 1),
      blank: blankCell,
    })
    .map(({ level, trend, season, amplitude, intermittent, noise, gaps, gapRate, blank }) =>
      noise.map((e, t) => {
        if (gaps[t] < gapRate) return blank === 0 ? null : blank;
        if (intermittent && e < 0.3) return 0;
        const seasonal = season ? 1 + amplitude * Math.sin((2 * Math.PI * t) / season) : 1;
        return Math.round((level + trend * t) * seasonal * (1 + 0.2 * e) * 100) / 100;
      }),
    );
}

const historyArg: fc.Arbitrary<unknown> = fc
  .record({
    rows: fc.integer({ min: 1, max: 3 }),
    periods: fc.integer({ min: 1, max: 40 }),
    layout: fc.constantFrom("rows", "column"),
  })
  .chain(({ rows, periods, layout }) => {
    const matrix = fc.array(demandRow(periods), { minLength: rows, maxLength: rows });
    const oriented = layout === "column" ? demandRow(periods).map((row) => row.map((v) => [v])) : matrix;
    return mutated(oriented as fc.Arbitrary<unknown[][]>, 0.85);
  });

const horizonArg = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 18 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>([[6]], 0, -1, 1.5, MAX_HORIZON + 1, "12", true, "#N/A", Number.NaN, [[1, 2]]),
  },
  { weight: 1, arbitrary: omittedArgument },
);

const seasonalityArg = fc.oneof(
  { weight: 4, arbitrary: omittedArgument },
  { weight: 4, arbitrary: fc.constantFrom<unknown>(0, 1, 4, 12, [[12]]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      -1,
      2.5,
      "12",
      MAX_SEASON,
      MAX_SEASON + 1,
      false,
      "#VALUE!",
      Number.POSITIVE_INFINITY,
    ),
  },
);

/** Method names a planner types (the documented ones, in any spelling) and unknown ones. */
const methodArg = fc.oneof(
  { weight: 6, arbitrary: optionName(FORECAST_METHODS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      "ETS(A,N,N)",
      "ets(m,ad,m)",
      "ETS(X,Y,Z)",
      "ETS",
      "Holt Winters",
      "arima",
      "prophet",
    ),
  },
);

const levelArg = fc.oneof(
  { weight: 4, arbitrary: omittedArgument },
  {
    weight: 4,
    arbitrary: fc.oneof(
      fc.constantFrom<unknown>(0.5, 0.8, 0.9, 0.95, 0.99),
      fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom<unknown>(0, 1, 95, -0.5, "95%", true, 1e-300), textCell) },
);

const forecastArgs: fc.Arbitrary<unknown[]> = fc.oneof(
  { weight: 19, arbitrary: fc.tuple(historyArg, horizonArg, seasonalityArg, methodArg, levelArg) },
  { weight: 1, arbitrary: fc.tuple(anyArgument, anyArgument, anyArgument, anyArgument, anyArgument) },
);

const METHOD_KEYS = new Set(FORECAST_METHODS.map(optionKey));

/** Why a scalar numeric argument must be refused, by the documented range; undefined when fine. */
function wholeNumberRefusal(
  value: unknown,
  name: string,
  min: number,
  max: number,
  required: boolean,
): string | undefined {
  if (isOmittedArgument(value)) return required ? `${name} is required` : undefined;
  const one = singleCell(value);
  if (!one) return `${name} is not a single cell`;
  if (isBlankCell(one.cell)) return required ? `${name} is blank` : undefined;
  const v = one.cell;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    return `${name} ${String(v)} is not a whole number from ${min} to ${max}`;
  return undefined;
}

function levelRefusal(value: unknown): string | undefined {
  if (isOmittedArgument(value)) return undefined;
  const one = singleCell(value);
  if (!one) return "level is not a single cell";
  if (isBlankCell(one.cell)) return undefined;
  const v = one.cell;
  if (typeof v !== "number" || !(v > 0 && v < 1))
    return `level ${String(v)} is not a probability strictly between 0 and 1`;
  return undefined;
}

function methodRefusal(value: unknown): string | undefined {
  if (isOmittedArgument(value)) return undefined;
  const one = singleCell(value);
  if (!one) return "method is not a single cell";
  // A cell holding only spaces reads as blank: the default method.
  if (isBlankCell(one.cell) || (typeof one.cell === "string" && one.cell.trim() === "")) return undefined;
  if (typeof one.cell !== "string") return `method ${String(one.cell)} is not a name`;
  const key = optionKey(one.cell);
  // ETS model strings are parsed, not listed: only the clearly unknown names are judged here.
  if (!METHOD_KEYS.has(key) && !key.startsWith("ets")) return `method "${one.cell}" is not a documented name`;
  return undefined;
}

/** The history's rows as series (a column is one series), or undefined when malformed. */
function seriesOf(history: unknown): { series: unknown[][]; periodsDown: boolean } | undefined {
  const cells = cellsOf(history);
  if (!cells) return undefined;
  const periodsDown = cells.length > 1 && cells[0].length === 1;
  return { series: periodsDown ? [cells.map((row) => row[0])] : cells, periodsDown };
}

export const forecastSopUnderFuzz: FunctionUnderFuzz = {
  name: "SOP.FORECAST_SOP",
  exportName: "forecastSop",
  args: forecastArgs,
  allowsBlank: true,
  call: ([history, horizon, seasonality, method, level]) =>
    forecastSop(history as any[][], horizon, seasonality, method, level),
  mustRefuse: ([history, horizon, seasonality, method, level]) =>
    numericRangeRefusal(history, "history", { blanksAllowed: true }) ??
    wholeNumberRefusal(horizon, "horizon", 1, MAX_HORIZON, true) ??
    wholeNumberRefusal(seasonality, "seasonality", 0, MAX_SEASON, false) ??
    methodRefusal(method) ??
    levelRefusal(level),
  check: ([history, horizon, , , level], result) => {
    const problems: string[] = [];
    const shape = seriesOf(history);
    const h = singleCell(horizon)?.cell as number;
    const withBounds = !isOmittedArgument(level) && !isBlankCell(singleCell(level)?.cell);
    if (!shape) return problems;
    const { series, periodsDown } = shape;
    const expected = periodsDown
      ? { rows: h, columns: withBounds ? 3 : 1 }
      : { rows: series.length, columns: withBounds ? 3 * h : h };
    if (result.length !== expected.rows || result[0].length !== expected.columns) {
      return [`returned ${result.length}×${result[0].length}, documented ${expected.rows}×${expected.columns}`];
    }
    // Per series: its forecasts, and bounds when asked, as flat arrays in documented order.
    const perSeries: unknown[][] = periodsDown
      ? [withBounds ? [0, 1, 2].flatMap((k) => result.map((row) => row[k])) : result.map((row) => row[0])]
      : result;
    perSeries.forEach((cells, s) => {
      const noNumbers = series[s].every((cell) => isBlankCell(cell));
      if (noNumbers && !cells.every((v) => v === ""))
        problems.push(`series ${s + 1} has no numbers but its result is not blank`);
      if (!noNumbers && cells.some((v) => v === ""))
        problems.push(`series ${s + 1} has numbers but its result holds a blank`);
      if (withBounds && !noNumbers) {
        for (let k = 0; k < h; k++) {
          const [point, lower, upper] = [cells[k], cells[h + k], cells[2 * h + k]] as number[];
          // Bounds come from floating-point sums: allow a relative 1e-9 of rounding.
          const slack = 1e-9 * Math.max(1, Math.abs(point));
          if (!(lower <= point + slack && point <= upper + slack))
            problems.push(`series ${s + 1}, horizon ${k + 1}: bounds not ordered (${lower} ≤ ${point} ≤ ${upper})`);
        }
      }
    });
    return problems;
  },
};
