import { splitFamilyOverride } from "../../../src/engine/cycle";

describe("splitFamilyOverride", () => {
  it("splits a family override over the items by their basis", () => {
    // 108 × 60/100 = 64.8, 108 × 40/100 = 43.2
    const split = splitFamilyOverride(108, [
      { override: null, basis: 60 },
      { override: null, basis: 40 },
    ]);
    expect(split[0]).toBeCloseTo(64.8, 12);
    expect(split[1]).toBeCloseTo(43.2, 12);
  });

  it("keeps an item override pinned and lets the others absorb the rest", () => {
    // 108 − 70 = 38 left; items 2 and 3 share it 30 : 10 → 28.5 and 9.5
    const split = splitFamilyOverride(108, [
      { override: 70, basis: 60 },
      { override: null, basis: 30 },
      { override: null, basis: 10 },
    ]);
    expect(split).toEqual([70, 28.5, 9.5]);
  });

  it("shares equally when the free items have no basis, and gives them 0 when the pinned items exceed the target", () => {
    expect(
      splitFamilyOverride(10, [
        { override: null, basis: 0 },
        { override: null, basis: -3 },
      ]),
    ).toEqual([5, 5]);
    // pinned 12 > target 10: the item override wins, the free item gets 0
    expect(
      splitFamilyOverride(10, [
        { override: 12, basis: 5 },
        { override: null, basis: 5 },
      ]),
    ).toEqual([12, 0]);
  });
});
