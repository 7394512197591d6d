import { compareOptions, executivePack } from "../../../src/engine/executive";
import { executiveSheet } from "../../../src/workbook/executive/executiveSheet";
import type { OutputSheet } from "../../../src/workbook/port";

/** A small ExecutiveSummary: one family (Bikes) over two months, one resource overloaded in the second. */
export function bikesSummary(): OutputSheet {
  const family = {
    family: "Bikes",
    demand: [100, 120],
    production: [110, 110],
    inventory: [10, 0],
    backlog: [0, 0],
    openingInventory: 0,
    openingBacklog: 0,
  };
  const resources = [{ resource: "Assembly", loadHours: [80, 120], capacityHours: [100, 100] }];
  return executiveSheet(
    executivePack({
      planName: "optimal",
      periods: ["2026-01", "2026-02"],
      periodsPerYear: 12,
      items: [{ name: "City bike", family: "Bikes", unitPrice: 500, unitCost: 300 }],
      itemDemand: [family.demand],
      families: [family],
      resources,
      comparison: compareOptions([{ name: "optimal", families: [family], resources, totalCost: 1000 }], 12),
    }),
  );
}
