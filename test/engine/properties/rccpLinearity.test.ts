/**
 * Engine properties of rough-cut capacity load (src/engine/capacity/rccpLoad.ts) on random
 * plans, bills and lead-time offsets. Load is a sum of plan × hours-per-unit terms
 * (Vollmann et al., ch. 10), so it is linear in the plan, and shifting by offsets moves hours
 * between periods without creating or losing any.
 */
import fc from "fast-check";
import { BillLine, rccpLoad } from "../../../src/engine/capacity/rccpLoad";
import { testRuns } from "../../support/runs";

interface Instance {
  planA: number[][];
  planB: number[][];
  bill: BillLine[];
  resourceCount: number;
}

const quantity = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }),
);

const instance: fc.Arbitrary<Instance> = fc
  .record({
    items: fc.integer({ min: 1, max: 6 }),
    periods: fc.integer({ min: 1, max: 12 }),
    resourceCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ items, periods, resourceCount }) => {
    const plan = fc.array(fc.array(quantity, { minLength: periods, maxLength: periods }), {
      minLength: items,
      maxLength: items,
    });
    const line = fc.record({
      item: fc.nat({ max: items - 1 }),
      resource: fc.nat({ max: resourceCount - 1 }),
      hoursPerUnit: fc.double({ min: 0, max: 20, noNaN: true, noDefaultInfinity: true }),
      offset: fc.nat({ max: periods + 2 }),
    });
    return fc.record({
      planA: plan,
      planB: plan,
      bill: fc.array(line, { maxLength: 12 }),
      resourceCount: fc.constant(resourceCount),
    });
  });

const load = (plan: number[][], bill: BillLine[], resourceCount: number) => rccpLoad({ plan, bill, resourceCount });

/** |x − y| within 1e-9 of the magnitudes involved: the sums are reordered, so not bit-equal. */
function close(x: number, y: number, scale: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(1, scale);
}

describe("RCCP load properties on random instances", () => {
  it("is linear in the plan: load(a·P + b·Q) = a·load(P) + b·load(Q), past-due load too", () => {
    fc.assert(
      fc.property(
        instance,
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        ({ planA, planB, bill, resourceCount }, a, b) => {
          const combined = planA.map((row, i) => row.map((units, t) => a * units + b * planB[i][t]));
          const left = load(combined, bill, resourceCount);
          const rightA = load(planA, bill, resourceCount);
          const rightB = load(planB, bill, resourceCount);
          // Every term is ≥ 0, so the value itself is the scale of the rounding error.
          left.load.forEach((row, r) =>
            row.forEach((hours, t) =>
              expect(close(hours, a * rightA.load[r][t] + b * rightB.load[r][t], hours)).toBe(true),
            ),
          );
          left.pastDueLoad.forEach((hours, r) =>
            expect(close(hours, a * rightA.pastDueLoad[r] + b * rightB.pastDueLoad[r], hours)).toBe(true),
          );
        },
      ),
      { numRuns: testRuns(300, 60) },
    );
  });

  it("loses no hours to offsets: total load = Σ plan × hours per unit over every bill line", () => {
    fc.assert(
      fc.property(instance, ({ planA, bill, resourceCount }) => {
        const result = load(planA, bill, resourceCount);
        // Each bill line contributes hoursPerUnit × (the item's total planned units), shifted or not.
        const expectedByResource = new Array<number>(resourceCount).fill(0);
        for (const line of bill)
          expectedByResource[line.resource] += line.hoursPerUnit * planA[line.item].reduce((s, u) => s + u, 0);
        result.load.forEach((row, r) => {
          const total = row.reduce((s, h) => s + h, 0);
          expect(close(total, expectedByResource[r], expectedByResource[r])).toBe(true);
        });
      }),
      { numRuns: testRuns(300, 60) },
    );
  });

  it("is the sum of the items' loads taken one at a time", () => {
    fc.assert(
      fc.property(instance, ({ planA, bill, resourceCount }) => {
        const whole = load(planA, bill, resourceCount).load;
        const sum = whole.map((row) => row.map(() => 0));
        planA.forEach((_, i) => {
          const alone = planA.map((row, k) => (k === i ? row : row.map(() => 0)));
          load(alone, bill, resourceCount).load.forEach((row, r) => row.forEach((h, t) => (sum[r][t] += h)));
        });
        whole.forEach((row, r) => row.forEach((h, t) => expect(close(h, sum[r][t], h)).toBe(true)));
      }),
      { numRuns: testRuns(200, 40) },
    );
  });
});
