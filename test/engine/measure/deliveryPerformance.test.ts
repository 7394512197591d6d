import { deliveryPerformance } from "../../../src/engine/measure";

const rows = [
  // order 1: all 10 by the due date → on time, in full
  { order: "1", item: "A", due: 100, delivered: 99, quantity: 10 },
  // order 2: 6 on the due date, 4 still open → on time, not in full
  { order: "2", item: "A", due: 100, delivered: 100, quantity: 6 },
  { order: "2", item: "A", due: 100, delivered: null, quantity: 4 },
  // order 3: 5 early, 5 late → in full, not on time
  { order: "3", item: "B", due: 100, delivered: 98, quantity: 5 },
  { order: "3", item: "B", due: 100, delivered: 103, quantity: 5 },
  // order 4: nothing delivered → neither
  { order: "4", item: "B", due: 100, delivered: null, quantity: 8 },
  // order 5: Ordered column says 12, all 12 early → OTIF
  { order: "5", item: "A", due: 100, delivered: 95, quantity: 12, ordered: 12 },
  // order 6: due after the as-of date → not measured yet
  { order: "6", item: "A", due: 200, delivered: null, quantity: 3 },
];

describe("deliveryPerformance", () => {
  it("rates order lines on time, in full and OTIF (hand-classified)", () => {
    const result = deliveryPerformance(rows, 150);
    expect(result.measured).toBe(5);
    // on time: 1, 2, 5 → 3/5; in full: 1, 3, 5 → 3/5; OTIF: 1, 5 → 2/5
    expect(result.onTimeRate).toBeCloseTo(0.6, 12);
    expect(result.inFullRate).toBeCloseTo(0.6, 12);
    expect(result.otifRate).toBeCloseTo(0.4, 12);
    expect(result.lines.find((l) => l.order === "2")).toMatchObject({
      ordered: 10,
      delivered: 6,
      deliveredOnTime: 6,
      onTime: true,
      inFull: false,
    });
  });

  it("counts every line without an as-of date (an open line is late and short)", () => {
    const result = deliveryPerformance(rows);
    // order 6 joins as neither: 3/6, 3/6, 2/6
    expect(result.measured).toBe(6);
    expect(result.otifRate).toBeCloseTo(2 / 6, 12);
  });

  it("measures in full against the Ordered column when it is given", () => {
    const result = deliveryPerformance([{ order: "7", item: "C", due: 100, delivered: 90, quantity: 15, ordered: 20 }]);
    // 15 of 20 delivered early: on time, not in full
    expect(result.lines[0]).toMatchObject({ onTime: true, inFull: false, otif: false });
  });

  it("refuses negative quantities and has nothing to say before any line is due", () => {
    expect(() => deliveryPerformance([{ order: "1", item: "A", due: 1, delivered: 1, quantity: -1 }])).toThrow(
      /Quantity/,
    );
    expect(() => deliveryPerformance([{ order: "1", item: "A", due: 10, delivered: null, quantity: 1 }], 5)).toThrow(
      /no order line is due/,
    );
  });
});
