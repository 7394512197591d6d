import {
  demandMultipliers,
  initiativeCosts,
  initiativePeriods,
  initiativeResources,
  type Initiative,
} from "../../src/engine/initiatives";
import { initiativeFinance } from "../../src/engine/executive";
import { financialPlan } from "../../src/engine/executive";
import { PlanningError } from "../../src/engine/errors";

const PERIODS = ["2026-01", "2026-02", "2026-03", "2026-04"];
const base: Initiative = {
  name: "x",
  owner: null,
  start: null,
  end: null,
  family: null,
  resource: null,
  demandChangePct: 0,
  capacityChangeHours: 0,
  oneOffCost: 0,
  periodCost: 0,
};

describe("initiatives", () => {
  it("runs from Start to End inclusive, blank ends open, weeks too", () => {
    expect(initiativePeriods({ ...base, start: "2026-02", end: "2026-03" }, PERIODS)).toEqual([1, 2]);
    expect(initiativePeriods({ ...base, start: "2026-03" }, PERIODS)).toEqual([2, 3]);
    expect(initiativePeriods({ ...base, end: "2026-01" }, PERIODS)).toEqual([0]);
    expect(initiativePeriods({ ...base, start: "2027-01" }, PERIODS)).toEqual([]);
    expect(initiativePeriods({ ...base, start: "2026-W09" }, ["2026-W08", "2026-W09", "2026-W10"])).toEqual([1, 2]);
  });

  it("adds overlapping percentages on a family (1 + (10 + 5) / 100 = 1.15) and never goes below 0", () => {
    const promo = { ...base, name: "promo", family: "F", demandChangePct: 10, start: "2026-02" };
    const ad = { ...base, name: "ad", family: "F", demandChangePct: 5, start: "2026-03", end: "2026-03" };
    const exit = { ...base, name: "exit", family: "G", demandChangePct: -100, start: "2026-04" };
    const cut = { ...base, name: "cut", family: "G", demandChangePct: -50, start: "2026-04" };
    const all = [promo, ad, exit, cut];
    expect(demandMultipliers(["F", "G"], PERIODS, all)).toEqual([
      [1, 1.1, 1.15, 1.1],
      // −100 % − 50 % = −150 % → max(0, 1 − 1.5) = 0
      [1, 1, 1, 0],
    ]);
    // Without "ad" (index 1): F keeps only the promo's 10 %; without all: 1 everywhere.
    expect(demandMultipliers(["F", "G"], PERIODS, all, 1)[0]).toEqual([1, 1.1, 1.1, 1.1]);
    expect(demandMultipliers(["F", "G"], PERIODS, all, "all")).toEqual([
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]);
  });

  it("books the one-off cost in the start period and the period cost in every period it runs", () => {
    const campaign = { ...base, start: "2026-02", end: "2026-03", oneOffCost: 500, periodCost: 100 };
    expect(initiativeCosts(campaign, PERIODS)).toEqual([0, 600, 100, 0]);
    // Started before the plan: its one-off cost is not in this plan.
    expect(initiativeCosts({ ...campaign, start: "2025-11" }, PERIODS)).toEqual([100, 100, 100, 0]);
    // Blank start: from the plan start, one-off in the first period.
    expect(initiativeCosts({ ...campaign, start: null, end: "2026-01" }, PERIODS)).toEqual([600, 0, 0, 0]);
  });

  it("adds hours to a resource in its periods, and refuses to leave it below 0", () => {
    const resources = [
      {
        name: "R",
        hours: [100, 100, 100, 100],
        overtimeHours: [0, 0, 0, 0],
        costPerHour: null,
        overtimeCostPerHour: null,
      },
    ];
    const shift = { ...base, resource: "R", capacityChangeHours: 40, start: "2026-03" };
    expect(initiativeResources(resources, PERIODS, [shift])[0].hours).toEqual([100, 100, 140, 140]);
    expect(initiativeResources(resources, PERIODS, [shift], 0)[0].hours).toEqual([100, 100, 100, 100]);
    expect(resources[0].hours).toEqual([100, 100, 100, 100]); // input unchanged
    const cut = { ...base, name: "cut", resource: "R", capacityChangeHours: -150 };
    expect(() => initiativeResources(resources, PERIODS, [cut])).toThrow(PlanningError);
    expect(() => initiativeResources(resources, PERIODS, [{ ...shift, resource: "Q" }])).toThrow(
      /"Q".*not in Capacity/,
    );
  });

  it("puts a family's initiative costs on that family and a resource's on the total only, below gross margin", () => {
    // Family F: price 10, cost 6, 100 units a month → gross margin 400 a month.
    const financial = financialPlan({
      items: [{ name: "A", family: "F", unitPrice: 10, unitCost: 6 }],
      itemDemand: [[100, 100]],
      families: [
        {
          family: "F",
          demand: [100, 100],
          production: [100, 100],
          inventory: [0, 0],
          backlog: [0, 0],
          openingInventory: 0,
          openingBacklog: 0,
        },
      ],
    });
    const periods = ["2026-01", "2026-02"];
    const onF = { ...base, family: "F", start: "2026-02", oneOffCost: 50, periodCost: 5 };
    const onR = { ...base, resource: "R", periodCost: 10.005 };
    const result = initiativeFinance(financial, [onF, onR], periods);
    // F: 2026-02 costs 50 + 5 = 55 → margin after 400 − 55 = 345.
    expect(result.families[0]).toEqual({
      family: "F",
      cost: [0, 55],
      marginAfter: [400, 345],
      totalCost: 55,
      totalMarginAfter: 745,
    });
    // All families: F's costs + R's 10.005 → 10.01 (cents) a month: [10.01, 65.01], margin after [389.99, 334.99].
    expect(result.total).toEqual({
      family: "All families",
      cost: [10.01, 65.01],
      marginAfter: [389.99, 334.99],
      totalCost: 75.02,
      totalMarginAfter: 724.98,
    });
  });
});
