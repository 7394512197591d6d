import { applyNewProducts } from "../../src/engine/newProducts";
import { PlanningError } from "../../src/engine/errors";

const periods = ["2026-01", "2026-02", "2026-03", "2026-04"];

describe("applyNewProducts", () => {
  it("gives a new item its like item's forecast × factor from the launch period on", () => {
    const result = applyNewProducts(
      [{ name: "Old" }, { name: "New", likeItem: "Old", launchPeriod: "2026-03", likeItemFactor: 0.5 }],
      [
        [10, 12, 14],
        [null, null, 0],
      ],
      periods,
      {
        point: [
          [100, 100, 100, 120],
          [7, 7, 7, 7],
        ],
        lower: [
          [80, 80, 80, 90],
          [0, 0, 0, 0],
        ],
        upper: [
          [120, 120, 120, 150],
          [9, 9, 9, 9],
        ],
      },
    );
    // before 2026-03: 0; from it: 100 × 0.5 = 50, 120 × 0.5 = 60
    expect(result.point[1]).toEqual([0, 0, 50, 60]);
    expect(result.lower?.[1]).toEqual([0, 0, 40, 45]);
    expect(result.upper?.[1]).toEqual([0, 0, 60, 75]);
    expect(result.point[0]).toEqual([100, 100, 100, 120]);
    expect(result.newProducts).toEqual([1]);
  });

  it("leaves an item with history alone even when it names a like item", () => {
    const result = applyNewProducts(
      [{ name: "Old" }, { name: "Grown", likeItem: "Old" }],
      [[1], [5]],
      periods.slice(0, 1),
      { point: [[10], [6]] },
    );
    expect(result.point[1]).toEqual([6]);
    expect(result.newProducts).toEqual([]);
  });

  it("resolves a chain of new products and sells from the start without a launch period", () => {
    const result = applyNewProducts(
      [
        { name: "C", likeItem: "B", likeItemFactor: 2 },
        { name: "B", likeItem: "A", likeItemFactor: 0.5 },
        { name: "A" },
      ],
      [[null], [null], [3]],
      ["2026-01"],
      { point: [[0], [0], [40]] },
    );
    // B = 40 × 0.5 = 20; C = 20 × 2 = 40
    expect(result.point.map((r) => r[0])).toEqual([40, 20, 40]);
  });

  it("refuses unknown like items, cycles and negative factors", () => {
    const run = (items: Parameters<typeof applyNewProducts>[0]) => () =>
      applyNewProducts(
        items,
        items.map(() => [null]),
        ["2026-01"],
        { point: items.map(() => [0]) },
      );
    expect(run([{ name: "X", likeItem: "Nope" }])).toThrow(/not an item/);
    expect(
      run([
        { name: "X", likeItem: "Y" },
        { name: "Y", likeItem: "X" },
      ]),
    ).toThrow(/leads back/);
    expect(run([{ name: "X", likeItem: "X" }])).toThrow(PlanningError);
    expect(run([{ name: "A" }, { name: "X", likeItem: "A", likeItemFactor: -1 }])).toThrow(/LikeItemFactor/);
  });
});
