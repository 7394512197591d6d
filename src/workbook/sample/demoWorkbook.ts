/**
 * The demo workbook: deterministic sample data a planner recognises — 3 furniture families,
 * 12 items, 36 months of history with trend, seasonality and a few intermittent items,
 * 4 resources with a capacity crunch (a summer shutdown and a lost shift), a Budget for the
 * plan's first year, and settings.
 * Host-free (no fs, no Node): the CLI's `template`, the sample in assets/ and the browser
 * demo are all made from it.
 */
import type { CellValue } from "../port";
import { MemoryWorkbook } from "../memory/memoryWorkbook";
import { dateToSerial } from "../schema/periods";
import { addExecutiveDemo, NEW_PRODUCT_COLUMNS, newProductRow } from "../executive/demoExtras";
import { seededRandom } from "../../engine/random";

export interface DemoOptions {
  /** first history month, default 2023-01 */
  startYear?: number;
  /** months of history, default 36 */
  historyMonths?: number;
  /** plan horizon in months, default 18 */
  horizon?: number;
  /** seed of the pseudo-random noise, default 20260101 */
  seed?: number;
}

interface DemoItem {
  item: string;
  description: string;
  family: string;
  base: number;
  trend: number;
  seasonal: number;
  peakMonth: number;
  /** share of months with any sale (intermittent items < 1) */
  frequency: number;
  unitCost: number;
  unitPrice: number;
}

const ITEMS: DemoItem[] = [
  {
    item: "CH-100",
    description: "Task chair",
    family: "Chairs",
    base: 420,
    trend: 0.01,
    seasonal: 0.3,
    peakMonth: 9,
    frequency: 1,
    unitCost: 62,
    unitPrice: 139,
  },
  {
    item: "CH-110",
    description: "Task chair, mesh",
    family: "Chairs",
    base: 260,
    trend: 0.018,
    seasonal: 0.3,
    peakMonth: 9,
    frequency: 1,
    unitCost: 78,
    unitPrice: 179,
  },
  {
    item: "CH-200",
    description: "Meeting chair",
    family: "Chairs",
    base: 180,
    trend: 0.004,
    seasonal: 0.25,
    peakMonth: 3,
    frequency: 1,
    unitCost: 41,
    unitPrice: 95,
  },
  {
    item: "CH-900",
    description: "Chair spare kit",
    family: "Chairs",
    base: 14,
    trend: 0,
    seasonal: 0,
    peakMonth: 1,
    frequency: 0.35,
    unitCost: 9,
    unitPrice: 25,
  },
  {
    item: "DK-120",
    description: "Desk 120 cm",
    family: "Desks",
    base: 150,
    trend: 0.008,
    seasonal: 0.35,
    peakMonth: 9,
    frequency: 1,
    unitCost: 88,
    unitPrice: 219,
  },
  {
    item: "DK-160",
    description: "Desk 160 cm",
    family: "Desks",
    base: 110,
    trend: 0.012,
    seasonal: 0.35,
    peakMonth: 9,
    frequency: 1,
    unitCost: 104,
    unitPrice: 259,
  },
  {
    item: "DK-SIT",
    description: "Sit-stand desk",
    family: "Desks",
    base: 70,
    trend: 0.025,
    seasonal: 0.3,
    peakMonth: 10,
    frequency: 1,
    unitCost: 210,
    unitPrice: 549,
  },
  {
    item: "DK-EXE",
    description: "Executive desk",
    family: "Desks",
    base: 6,
    trend: 0,
    seasonal: 0,
    peakMonth: 1,
    frequency: 0.4,
    unitCost: 390,
    unitPrice: 990,
  },
  {
    item: "ST-2D",
    description: "Pedestal, 2 drawers",
    family: "Storage",
    base: 200,
    trend: 0.006,
    seasonal: 0.3,
    peakMonth: 9,
    frequency: 1,
    unitCost: 35,
    unitPrice: 89,
  },
  {
    item: "ST-3D",
    description: "Pedestal, 3 drawers",
    family: "Storage",
    base: 160,
    trend: 0.006,
    seasonal: 0.3,
    peakMonth: 9,
    frequency: 1,
    unitCost: 42,
    unitPrice: 105,
  },
  {
    item: "ST-CAB",
    description: "Tall cabinet",
    family: "Storage",
    base: 90,
    trend: -0.004,
    seasonal: 0.3,
    peakMonth: 1,
    frequency: 1,
    unitCost: 96,
    unitPrice: 229,
  },
  {
    item: "ST-LCK",
    description: "Locker bank",
    family: "Storage",
    base: 8,
    trend: 0,
    seasonal: 0,
    peakMonth: 1,
    frequency: 0.3,
    unitCost: 310,
    unitPrice: 720,
  },
];

/** Family-level bill of capacity, hours per unit; chairs also need upholstery per item. */
const BILL: [string, string, number, number][] = [
  ["Chairs", "Assembly", 0.35, 0],
  ["Chairs", "Packing", 0.1, 0],
  ["CH-100", "Upholstery", 0.3, 0],
  ["CH-110", "Upholstery", 0.2, 0],
  ["CH-200", "Upholstery", 0.25, 0],
  ["Desks", "Assembly", 0.6, 0],
  ["Desks", "Paint", 0.4, 1],
  ["Desks", "Packing", 0.2, 0],
  ["Storage", "Assembly", 0.45, 0],
  ["Storage", "Paint", 0.35, 1],
  ["Storage", "Packing", 0.15, 0],
];

/** Regular hours per month, overtime hours, cost per hour, overtime cost per hour. */
const RESOURCES: [string, number, number, number, number][] = [
  ["Assembly", 1040, 160, 38, 57],
  ["Paint", 480, 80, 42, 63],
  ["Upholstery", 330, 60, 35, 52],
  ["Packing", 360, 60, 28, 42],
];

/** The demo budget's growth on the last history year. */
const BUDGET_GROWTH = 1.04;

function monthSerial(year: number, monthIndex: number): number {
  return dateToSerial(new Date(Date.UTC(year + Math.floor(monthIndex / 12), monthIndex % 12, 1)));
}

export function demoWorkbook(options: DemoOptions = {}): MemoryWorkbook {
  const startYear = options.startYear ?? 2023;
  const historyMonths = options.historyMonths ?? 36;
  const horizon = options.horizon ?? 18;
  const random = seededRandom(options.seed ?? 20260101);
  const wb = new MemoryWorkbook();

  const sales: CellValue[][] = [];
  // the last history year's units and list-price revenue per family: the budget's base
  const lastYear = new Map<string, { units: number; revenue: number }>();
  for (let m = 0; m < historyMonths; m++) {
    const calendarMonth = (m % 12) + 1;
    for (const it of ITEMS) {
      let units = 0;
      if (random() < it.frequency) {
        const season = 1 + it.seasonal * Math.cos((2 * Math.PI * (calendarMonth - it.peakMonth)) / 12);
        const noise = 1 + 0.08 * (random() + random() + random() - 1.5);
        units = Math.max(0, Math.round(it.base * (1 + it.trend * m) * season * noise));
        if (it.frequency < 1) units = Math.max(1, Math.round(it.base * (0.4 + 1.2 * random())));
      }
      sales.push([it.item, it.family, monthSerial(startYear, m), units]);
      if (m >= historyMonths - 12) {
        const year = lastYear.get(it.family) ?? { units: 0, revenue: 0 };
        year.units += units;
        year.revenue += units * it.unitPrice;
        lastYear.set(it.family, year);
      }
    }
  }
  const salesSheet = wb.addSheet("Sales");
  wb.addTable("Sales", "Sales", ["Item", "Family", "Period", "Quantity"], sales);
  salesSheet.numberFormats = [null, null, "mmm yyyy", "#,##0"];
  salesSheet.columnWidths = [12, 12, 12, 10];

  const planYear = startYear + Math.floor(historyMonths / 12);
  const items: CellValue[][] = ITEMS.map((it) => [
    it.item,
    it.description,
    it.family,
    it.unitCost,
    it.unitPrice,
    Math.round(it.base * 0.8),
    0,
    Math.round(it.base * 0.25),
    null,
    null,
    null,
  ]);
  items.push(newProductRow(planYear));
  const itemsSheet = wb.addSheet("Items");
  wb.addTable(
    "Items",
    "Items",
    [
      "Item",
      "Description",
      "Family",
      "UnitCost",
      "UnitPrice",
      "OpeningInventory",
      "OpeningBacklog",
      "SafetyStock",
      ...NEW_PRODUCT_COLUMNS,
    ],
    items,
  );
  itemsSheet.numberFormats = [null, null, null, "#,##0.00", "#,##0.00", "#,##0", "#,##0", "#,##0", null, null, "0.00"];
  itemsSheet.columnWidths = [12, 22, 12, 11, 11, 18, 16, 13, 10, 13, 15];

  // Capacity for the plan horizon: a summer shutdown (July/August: two weeks off) and a lost
  // Paint shift in the autumn peak make the crunch the reconciliation has to solve.
  const capacity: CellValue[][] = [];
  for (let m = historyMonths; m < historyMonths + horizon; m++) {
    const calendarMonth = (m % 12) + 1;
    for (const [name, hours, overtime, cost, overtimeCost] of RESOURCES) {
      let available = hours;
      if (calendarMonth === 8) available = Math.round(hours * 0.5);
      if (calendarMonth === 7 && name === "Assembly") available = Math.round(hours * 0.8);
      if ((calendarMonth === 9 || calendarMonth === 10) && name === "Paint") available = Math.round(hours * 0.7);
      capacity.push([name, monthSerial(startYear, m), available, overtime, cost, overtimeCost]);
    }
  }
  const capacitySheet = wb.addSheet("Capacity");
  wb.addTable(
    "Capacity",
    "Capacity",
    ["Resource", "Period", "Hours", "OvertimeHours", "CostPerHour", "OvertimeCostPerHour"],
    capacity,
  );
  capacitySheet.numberFormats = [null, "mmm yyyy", "#,##0", "#,##0", "#,##0.00", "#,##0.00"];
  capacitySheet.columnWidths = [14, 12, 10, 15, 13, 21];

  const billSheet = wb.addSheet("BillOfResources");
  wb.addTable(
    "BillOfResources",
    "BillOfResources",
    ["ItemOrFamily", "Resource", "HoursPerUnit", "OffsetPeriods"],
    BILL.map((line) => [...line]),
  );
  billSheet.numberFormats = [null, null, "0.00", "0"];
  billSheet.columnWidths = [15, 14, 14, 15];

  const settings: CellValue[][] = [
    [
      "PlanStart",
      `${startYear + Math.floor(historyMonths / 12)}-${String((historyMonths % 12) + 1).padStart(2, "0")}`,
      "first month of the plan",
    ],
    ["Horizon", horizon, "months planned"],
    ["Bucket", "month", "month or week"],
    ["Strategy", "optimal", "chase, level or optimal (minimum cost)"],
    ["ForecastMethod", "auto", "statistical forecast method"],
    ["Seasonality", 12, "season length in months (0 = none, 1 = detect)"],
    ["ConfidenceLevel", 0.9, "prediction interval level"],
    ["holdingCost", 2, "per unit per month"],
    ["backlogCost", 8, "per unit per month"],
    ["subcontractCost", 75, "per unit, all-in"],
  ];
  const settingsSheet = wb.addSheet("Settings");
  wb.addTable("Settings", "Settings", ["Name", "Value", "Note"], settings);
  settingsSheet.columnWidths = [18, 12, 40];
  // The Budget: the finance year that starts with the plan, flat per family: last year's units
  // + 4 %, a twelfth a month (to the ten), at last year's list-price mix (revenue to the hundred).
  const budget: CellValue[][] = [];
  for (const [family, year] of lastYear) {
    if (!(year.units > 0)) continue;
    const units = Math.round((year.units * BUDGET_GROWTH) / 12 / 10) * 10;
    const revenue = Math.round((units * (year.revenue / year.units)) / 100) * 100;
    for (let m = historyMonths; m < historyMonths + Math.min(12, horizon); m++)
      budget.push([family, monthSerial(startYear, m), units, revenue]);
  }
  const budgetSheet = wb.addSheet("Budget");
  wb.addTable("Budget", "Budget", ["Family", "Period", "Units", "Revenue"], budget);
  budgetSheet.numberFormats = [null, "mmm yyyy", "#,##0", "#,##0.00"];
  budgetSheet.columnWidths = [12, 12, 10, 14];

  addExecutiveDemo(
    wb,
    planYear,
    (historyMonths % 12) + 1,
    ITEMS.map((it) => it.item),
  );
  return wb;
}
