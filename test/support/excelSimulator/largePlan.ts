/**
 * A large planning workbook in the Excel simulator, for the 5,000-item run and bench/office.ts:
 * `items` items in 25 families, `history` months of sales (periods as date serials, as a
 * planner's Sales table holds them), a `horizon`-month plan, 30 resources. Forecasts use the
 * seasonal naive method (Settings: ForecastMethod = snaive) so the run measures the Excel
 * traffic, not the forecasting.
 */
import { dateToSerial } from "../../../src/workbook/schema/periods";
import { seededRandom } from "../../../src/engine/random";
import type { CellValue } from "../../../src/workbook/port";
import { excelSimulator, type ExcelSimulator } from "./index";

const FAMILIES = 25;
const RESOURCES = 30;

function month(index: number): number {
  return dateToSerial(new Date(Date.UTC(2022 + Math.floor(index / 12), index % 12, 1)));
}

export interface LargePlanSize {
  items: number;
  history: number;
  horizon: number;
}

export function largePlanExcel({ items, history, horizon }: LargePlanSize): ExcelSimulator {
  const random = seededRandom(20261130);
  const excel = excelSimulator();
  const itemRows: CellValue[][] = [["Item", "Family", "OpeningInventory", "OpeningBacklog", "SafetyStock"]];
  const sales: CellValue[][] = [["Item", "Period", "Quantity"]];
  const familyVolume = new Array<number>(FAMILIES).fill(0);
  for (let i = 0; i < items; i++) {
    const family = i % FAMILIES;
    const base = 20 + random() * 200;
    const name = `ITEM-${String(i).padStart(5, "0")}`;
    itemRows.push([name, `FAM-${family}`, Math.round(base), 0, Math.round(base / 4)]);
    familyVolume[family] += base;
    for (let m = 0; m < history; m++) {
      const season = 1 + 0.3 * Math.cos((2 * Math.PI * ((m % 12) - (family % 12))) / 12);
      sales.push([name, month(m), Math.round(base * season * (0.9 + 0.2 * random()))]);
    }
  }
  const bill: CellValue[][] = [["ItemOrFamily", "Resource", "HoursPerUnit", "OffsetPeriods"]];
  const load = new Array<number>(RESOURCES).fill(0);
  for (let f = 0; f < FAMILIES; f++) {
    for (let k = 0; k < 3; k++) {
      const resource = (f * 7 + k * 3) % RESOURCES;
      const hours = Math.round((0.1 + random() * 0.5) * 100) / 100;
      bill.push([`FAM-${f}`, `RES-${resource}`, hours, 0]);
      load[resource] += hours * familyVolume[f];
    }
  }
  const capacity: CellValue[][] = [["Resource", "Period", "Hours"]];
  for (let m = history; m < history + horizon; m++)
    for (let r = 0; r < RESOURCES; r++) capacity.push([`RES-${r}`, month(m), Math.round(Math.max(100, load[r] * 1.1))]);
  excel.addTable("Items", "Items", itemRows);
  excel.addTable("Sales", "Sales", sales);
  excel.addTable("BillOfResources", "BillOfResources", bill);
  excel.addTable("Capacity", "Capacity", capacity);
  excel.addTable("Settings", "Settings", [
    ["Name", "Value"],
    ["Horizon", horizon],
    ["ForecastMethod", "snaive"],
  ]);
  return excel;
}
