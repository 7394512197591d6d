import { daysOfSupply, inventoryTurns } from "../../../src/engine/executive";

describe("inventory turns and days of supply", () => {
  // Oracle restated from ../shared/oracles/kpis.json "inventory_turns_and_days_of_supply":
  // turns = COGS / average inventory; days of supply = average inventory / (COGS / 365); tolerance 1e-9.
  const cases = [
    { cogs: 120000, averageInventory: 30000, turns: 4, days: 91.25 },
    { cogs: 300000, averageInventory: 60000, turns: 5, days: 73 },
  ];
  it.each(cases)(
    "COGS $cogs, average inventory $averageInventory → $turns turns, $days days",
    ({ cogs, averageInventory, turns, days }) => {
      expect(Math.abs(inventoryTurns(cogs, averageInventory) - turns)).toBeLessThan(1e-9);
      expect(Math.abs(daysOfSupply(averageInventory, cogs) - days)).toBeLessThan(1e-9);
    },
  );

  it("has no turns without inventory and no days of supply without usage", () => {
    expect(() => inventoryTurns(100, 0)).toThrow(/no inventory/);
    expect(() => daysOfSupply(100, 0)).toThrow(/no usage/);
  });
});
