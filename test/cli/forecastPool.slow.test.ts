/**
 * Forecasts on worker threads (issue 12) give the same demand plan as on one thread: the workers
 * run the engine's pure forecastItem (items, and the families' own forecasts that set their
 * bands), and the pool puts the results back in item and family order.
 * Slow lane: starting a worker from TypeScript (ts-node) takes seconds.
 */
import { familyForecast, forecastInputs, forecastItem, planDemand, type PlanningData } from "../../src/engine/cycle";
import { PlanningError } from "../../src/engine/errors";
import { seededRandom } from "../../src/engine/random";
import { forecastItems } from "../../src/cli/forecastPool";

/** n items × 36 months of seasonal, trending, intermittent and empty histories (seeded). */
function data(n: number): PlanningData {
  const random = seededRandom(20261130);
  const months = 36;
  const historyPeriods = Array.from(
    { length: months },
    (_, m) => `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`,
  );
  const items = Array.from({ length: n }, (_, i) => ({
    name: `IT-${i}`,
    family: `F-${i % 7}`,
    unitCost: null,
    unitPrice: null,
    openingInventory: 0,
    openingBacklog: 0,
    safetyStock: 0,
  }));
  const history = items.map((_, i) => {
    if (i % 97 === 5) return new Array<number | null>(months).fill(null); // no history
    const base = 5 + 100 * random();
    return Array.from({ length: months }, (_, m) => {
      if (i % 5 === 0) return random() < 0.6 ? 0 : Math.round(base * random()); // intermittent
      if (m < 3 && i % 11 === 0) return null; // a gap at the start
      return Math.round(base * (1 + 0.02 * m) * (1 + 0.3 * Math.sin((2 * Math.PI * m) / 12)) * (0.8 + 0.4 * random()));
    });
  });
  return {
    bucket: "month",
    historyPeriods,
    planPeriods: ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"],
    items,
    families: Array.from({ length: 7 }, (_, f) => `F-${f}`),
    history,
    overrides: items.map((_, i) => [i % 13 === 0 ? 42 : null, null, null, null, null, null]),
    reasons: items.map(() => new Array(6).fill(null)),
    resources: [],
    bill: [],
    forecast: { level: 0.9, seasonality: 12 },
    strategy: "chase",
    costs: {},
  };
}

describe("forecastItems on worker threads", () => {
  // One pool run (starting a worker from TypeScript takes seconds under ts-node), checked three ways.
  it("gives the same forecasts, errors and demand plan as the main thread", async () => {
    const input = data(120);
    const clean = input.history[41].slice();
    input.history[41][7] = Number.NaN; // an item that cannot be forecast (invalidInput)
    const { forecasts, inputs, families } = await forecastItems(input, { threads: 2, minItems: 0, chunk: 13 });
    expect(forecasts).toHaveLength(120);
    // the families' own forecasts are the main thread's: F-6 holds the broken item, so it fails too
    expect(families).toHaveLength(7);
    input.families.forEach((family, f) => {
      const expected = familyForecast(input, family);
      if (expected instanceof PlanningError) expect(families![f]).toMatchObject({ kind: expected.kind });
      else expect(families![f]).toEqual(expected);
    });
    expect(families![6]).toBeInstanceOf(PlanningError);
    expect(families!.filter((f) => f instanceof PlanningError)).toHaveLength(1);
    // the outliers and histories found on the workers are the main thread's
    expect(inputs).toEqual(forecastInputs(input));
    // 1. item by item, the same as forecastItem on this thread
    input.history.forEach((history, i) => {
      let expected: unknown;
      try {
        expected = forecastItem(history, input.planPeriods.length, input.forecast);
      } catch (e) {
        expected = e;
      }
      if (expected instanceof PlanningError) {
        expect(forecasts[i]).toBeInstanceOf(PlanningError);
        expect(forecasts[i]).toMatchObject({ kind: expected.kind, message: expected.message });
      } else expect(forecasts[i]).toEqual(expected);
    });
    expect(forecasts.filter((f) => f instanceof PlanningError)).toHaveLength(1);
    // 2. the failing item is reported the same way
    expect(() => planDemand(input)).toThrow(/^Item "IT-41": /);
    let message = "";
    try {
      planDemand(input);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(() => planDemand(input, forecasts, inputs)).toThrow(message);
    // 3. with that item repaired, the whole demand plan is the same
    input.history[41] = clean;
    const repaired = forecasts.slice();
    repaired[41] = forecastItem(clean, input.planPeriods.length, input.forecast);
    const single = planDemand(input);
    expect(planDemand(input, repaired)).toEqual(single);
    const familiesRepaired = families!.slice();
    familiesRepaired[6] = familyForecast(input, "F-6");
    expect(planDemand(input, repaired, inputs, familiesRepaired)).toEqual(single);
    expect(single.families.every((f) => f.lower && f.upper)).toBe(true); // the bands came from those forecasts
    expect(new Set(single.items.map((it) => it.model)).size).toBeGreaterThan(1); // a mix of methods was chosen
  }, 120_000);

  it("stays on the main thread for a small workbook", async () => {
    const input = data(30);
    const { forecasts, inputs } = await forecastItems(input, { threads: 2 });
    expect(planDemand(input, forecasts, inputs)).toEqual(planDemand(input));
  });
});
