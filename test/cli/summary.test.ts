import { belowTargetLine } from "../../src/cli/main";

describe("the plan summary's inventory target line", () => {
  it("lists every family's periods below target with the units short, whole", () => {
    const periods = ["2026-10", "2026-11", "2026-12"];
    expect(
      belowTargetLine(
        [
          { family: "Desks", period: 1, target: 86, shortfall: 7.4 },
          { family: "Desks", period: 2, target: 86, shortfall: 86 },
          { family: "Chairs", period: 1, target: 1219, shortfall: 1025.6 },
        ],
        periods,
      ),
    ).toBe(
      "Below inventory target (units short of target): Desks 2026-11 7 of 86, 2026-12 86 of 86; Chairs 2026-11 1,026 of 1,219.",
    );
    expect(belowTargetLine([], periods)).toBe("Inventory at or above target in every period for every family.");
  });
});
