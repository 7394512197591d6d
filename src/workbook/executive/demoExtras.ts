/**
 * What the demo workbook adds for the executive and measure steps, deterministic like the rest:
 * a new product (an eco task chair launched in April of the plan year, selling like the mesh
 * chair at half its volume), a `Deliveries` table of the last three months' order lines (some
 * late, some short, so OTD and OTIF are not 100 %), and a `Scenarios` sheet with two scenarios
 * to compare with the plan.
 */
import type { CellValue } from "../port";
import { markerTableName } from "../port";
import type { MemoryWorkbook } from "../memory/memoryWorkbook";
import { dateToSerial } from "../schema/periods";
import { SCENARIO_HEADERS, SCENARIOS_SHEET } from "./scenariosSheet";
import { seededRandom } from "../../engine/random";

/** Items columns for new products, and the new product's row (Item, Description, Family, UnitCost, UnitPrice, OpeningInventory, OpeningBacklog, SafetyStock, LikeItem, LaunchPeriod, LikeItemFactor). */
export const NEW_PRODUCT_COLUMNS = ["LikeItem", "LaunchPeriod", "LikeItemFactor"];

export function newProductRow(planYear: number): CellValue[] {
  return ["CH-300", "Task chair, eco", "Chairs", 70, 159, 0, 0, 0, "CH-110", `${planYear}-04`, 0.5];
}

/** Adds the Deliveries table and the Scenarios sheet. `planYear`/`planMonth` (1–12) is the plan's first month. */
export function addExecutiveDemo(
  wb: MemoryWorkbook,
  planYear: number,
  planMonth: number,
  items: readonly string[],
): void {
  const random = seededRandom(20260207);
  const deliveries: CellValue[][] = [];
  let order = 41000;
  for (let back = 3; back >= 1; back--) {
    const month = new Date(Date.UTC(planYear, planMonth - 1 - back, 1));
    for (let k = 0; k < 12; k++) {
      order++;
      const item = items[Math.floor(random() * items.length)];
      const ordered = 10 * (1 + Math.floor(random() * 12));
      const due = dateToSerial(month) + 3 + Math.floor(random() * 24);
      const lateness = random() < 0.78 ? -Math.floor(random() * 4) : 1 + Math.floor(random() * 6);
      if (random() < 0.12) {
        // a split shipment: most on time, the rest a week later or still open
        const first = Math.round(ordered * 0.7);
        deliveries.push([`SO-${order}`, item, due, due + Math.min(lateness, 0), first, ordered]);
        deliveries.push([`SO-${order}`, item, due, random() < 0.5 ? due + 7 : null, ordered - first, ordered]);
      } else {
        const short = random() < 0.06 ? Math.round(ordered * 0.9) : ordered;
        deliveries.push([`SO-${order}`, item, due, due + lateness, short, ordered]);
      }
    }
  }
  const sheet = wb.addSheet("Deliveries");
  wb.addTable("Deliveries", "Deliveries", ["Order", "Item", "Due", "Delivered", "Quantity", "Ordered"], deliveries);
  sheet.numberFormats = [null, null, "yyyy-mm-dd", "yyyy-mm-dd", "#,##0", "#,##0"];
  sheet.columnWidths = [11, 10, 12, 12, 10, 10];

  const label = (offset: number) => {
    const m = planMonth - 1 + offset;
    return `${planYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  };
  const scenarios: CellValue[][] = [
    ["Second paint shift", "description", null, null, null, "A temporary second Paint shift through the autumn peak"],
    ["Second paint shift", "capacity", "Paint", label(8), 160, null],
    ["Second paint shift", "capacity", "Paint", label(9), 160, null],
    ["Chair promotion, chase", "description", null, null, null, "Spring promotion on task chairs, produced to demand"],
    ["Chair promotion, chase", "strategy", null, null, "chase", null],
    ["Chair promotion, chase", "override", "CH-100", label(3), 700, "spring promotion"],
    ["Chair promotion, chase", "override", "CH-100", label(4), 650, "spring promotion"],
  ];
  const scenarioSheet = wb.addSheet(SCENARIOS_SHEET);
  wb.addTable(SCENARIOS_SHEET, markerTableName(SCENARIOS_SHEET), [...SCENARIO_HEADERS], scenarios);
  scenarioSheet.columnWidths = [24, 12, 12, 10, 10, 50];
}
