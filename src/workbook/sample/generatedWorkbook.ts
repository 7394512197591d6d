/**
 * A generated planning workbook of any size (deterministic): `items` items in `items / 100`
 * families, `months` months of seasonal history (15% of the items intermittent), 4 resources
 * with capacity sized to the average load and a 10% crunch every fourth month, an
 * `horizon`-month plan. The load test (scripts/load-test.ts) writes it to .xlsx for the CLI;
 * the pane's demo opens it with `?items=5000` for the browser tests and bench:pane.
 */
import { seededRandom } from "../../engine/random";
import { MemoryWorkbook } from "../memory/memoryWorkbook";
import type { CellValue } from "../port";
import { dateToSerial } from "../schema/periods";

export interface GeneratedWorkbookOptions {
  items: number;
  /** months of history (default 60) */
  months?: number;
  /** plan horizon in months (default 18) */
  horizon?: number;
}

export const GENERATED_RESOURCES: [string, number][] = [
  ["Assembly", 0.4],
  ["Paint", 0.25],
  ["Upholstery", 0.15],
  ["Packing", 0.1],
];

/** families in a generated workbook of `items` items: one per hundred items */
export const generatedFamilies = (items: number) => Math.max(1, Math.round(items / 100));

const month = (m: number) => dateToSerial(new Date(Date.UTC(2021 + Math.floor(m / 12), m % 12, 1)));

export function generatedWorkbook(options: GeneratedWorkbookOptions): MemoryWorkbook {
  const ITEMS = options.items;
  const MONTHS = options.months ?? 60;
  const HORIZON = options.horizon ?? 18;
  const FAMILIES = generatedFamilies(ITEMS);
  const RESOURCES = GENERATED_RESOURCES;

  const random = seededRandom(20261127);
  const wb = new MemoryWorkbook();
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    item: `IT-${String(i + 1).padStart(5, "0")}`,
    family: `FAM-${String((i % FAMILIES) + 1).padStart(3, "0")}`,
    base: 5 + Math.round(random() * 200),
    intermittent: random() < 0.15,
    peak: Math.floor(random() * 12),
  }));
  const sales: CellValue[][] = [];
  for (let m = 0; m < MONTHS; m++) {
    for (const it of items) {
      const season = 1 + 0.25 * Math.cos((2 * Math.PI * ((m % 12) - it.peak)) / 12);
      const units =
        it.intermittent && random() < 0.6 ? 0 : Math.max(0, Math.round(it.base * season * (0.85 + 0.3 * random())));
      sales.push([it.item, it.family, month(m), units]);
    }
  }
  wb.addTable("Sales", "Sales", ["Item", "Family", "Period", "Quantity"], sales);
  wb.addTable(
    "Items",
    "Items",
    ["Item", "Family", "UnitCost", "UnitPrice", "OpeningInventory"],
    items.map((it) => [it.item, it.family, 20, 45, it.base]),
  );
  // Capacity sized to the average load with a 10% crunch every fourth month.
  const familyUnits = (ITEMS * 105) / FAMILIES;
  const capacity: CellValue[][] = [];
  for (let m = MONTHS; m < MONTHS + HORIZON; m++) {
    for (const [name, hoursPerUnit] of RESOURCES)
      capacity.push([
        name,
        month(m),
        Math.round(familyUnits * FAMILIES * hoursPerUnit * (m % 4 === 0 ? 0.9 : 1.1)),
        0,
        30,
        45,
      ]);
  }
  wb.addTable(
    "Capacity",
    "Capacity",
    ["Resource", "Period", "Hours", "OvertimeHours", "CostPerHour", "OvertimeCostPerHour"],
    capacity,
  );
  const bill: CellValue[][] = [];
  for (let f = 1; f <= FAMILIES; f++)
    for (const [name, hoursPerUnit] of RESOURCES)
      bill.push([`FAM-${String(f).padStart(3, "0")}`, name, hoursPerUnit, 0]);
  wb.addTable(
    "BillOfResources",
    "BillOfResources",
    ["ItemOrFamily", "Resource", "HoursPerUnit", "OffsetPeriods"],
    bill,
  );
  const start = `${2021 + Math.floor(MONTHS / 12)}-${String((MONTHS % 12) + 1).padStart(2, "0")}`;
  wb.addTable(
    "Settings",
    "Settings",
    ["Name", "Value"],
    [
      ["PlanStart", start],
      ["Horizon", HORIZON],
      ["Bucket", "month"],
      ["ForecastMethod", "auto"],
      ["Seasonality", 12],
      ["holdingCost", 2],
      ["backlogCost", 8],
      ["subcontractCost", 75],
    ],
  );
  return wb;
}
