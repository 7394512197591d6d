import { headlineKpis, servedOnTime } from "../../../src/engine/executive";

const family = (over: Partial<Parameters<typeof servedOnTime>[0]> = {}) => ({
  family: "F",
  demand: [10, 10, 10],
  production: [8, 12, 10],
  inventory: [0, 0, 0],
  backlog: [2, 0, 0],
  openingInventory: 0,
  openingBacklog: 0,
  ...over,
});

describe("headlineKpis", () => {
  it("counts demand served in its own period, backlog first", () => {
    // t1: min(10, 0 + 8 − 0) = 8; t2: min(10, 0 + 12 − 2) = 10; t3: min(10, 0 + 10 − 0) = 10
    expect(servedOnTime(family())).toEqual([8, 10, 10]);
    // fill rate = 28 / 30
    expect(headlineKpis([family()], [], 12).fillRate).toBeCloseTo(28 / 30, 12);
  });

  it("adds families up for inventory, backlog and days of supply", () => {
    const a = family({ inventory: [5, 5, 6], backlog: [0, 0, 0], production: [15, 10, 11], demand: [10, 10, 10] });
    const b = family({
      family: "G",
      demand: [20, 20, 20],
      production: [10, 20, 30],
      inventory: [0, 0, 0],
      backlog: [10, 10, 0],
    });
    const kpis = headlineKpis([a, b], [], 12);
    // ending inventory 6 + 0 = 6; ending backlog 0; peak backlog max(10, 10, 0) = 10
    expect(kpis.endingInventory).toBe(6);
    expect(kpis.endingBacklog).toBe(0);
    expect(kpis.peakBacklog).toBe(10);
    // annual usage = (90 / 3) × 12 = 360 units; days of supply = 6 / (360 / 365) = 6.0833…
    expect(kpis.daysOfSupply).toBeCloseTo(6 / (360 / 365), 12);
    // average inventory = (5 + 5 + 6) / 3 = 16/3; turns = 360 / (16/3) = 67.5
    expect(kpis.inventoryTurns).toBeCloseTo(67.5, 12);
    expect(kpis.totalDemand).toBe(90);
  });

  it("finds the peak utilization and counts overloaded resource-periods", () => {
    const kpis = headlineKpis(
      [family()],
      [
        { resource: "Press", loadHours: [90, 130, 100], capacityHours: [100, 100, 100] },
        { resource: "Paint", loadHours: [50, 50, 125], capacityHours: [100, 100, 100] },
      ],
      12,
    );
    // Press period 2: 130 / 100 = 1.3 beats Paint period 3: 1.25
    expect(kpis.peakUtilization).toEqual({ value: 1.3, resource: "Press", period: 1 });
    expect(kpis.overloadedResourcePeriods).toBe(2);
  });

  it("reads a fill rate of 1 and no days of supply without demand", () => {
    const kpis = headlineKpis([family({ demand: [0, 0, 0], production: [0, 0, 0], backlog: [0, 0, 0] })], [], 12);
    expect(kpis.fillRate).toBe(1);
    expect(kpis.daysOfSupply).toBeNull();
    expect(kpis.peakUtilization).toBeNull();
  });
});
