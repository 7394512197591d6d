/** Reads the written plan tables back as numbers, for identity checks in tests. */
import type { CellValue } from "../../../src/workbook/port";

/**
 * Rows of a families × periods table keyed by "Family|Measure" (Measure omitted when absent);
 * with `only`, the rows of that measure keyed by family (InventoryPlan's "Inventory").
 */
export function familyRows(values: CellValue[][], only?: string): Map<string, number[]> {
  const [headers, ...rows] = values;
  const measure = headers.indexOf("Measure");
  const periods = headers.map((h, c) => (/^\d{4}-(\d{2}|W\d{2})$/.test(String(h)) ? c : -1)).filter((c) => c >= 0);
  const out = new Map<string, number[]>();
  for (const row of rows) {
    if (only !== undefined && measure >= 0 && row[measure] !== only) continue;
    out.set(
      measure >= 0 && only === undefined ? `${row[0]}|${row[measure]}` : String(row[0]),
      periods.map((c) => Number(row[c])),
    );
  }
  return out;
}

/**
 * Checks inventory − backlog = previous inventory − previous backlog + production − demand in
 * every period of every family; returns the largest violation (units).
 */
export function worstBalanceError(
  production: CellValue[][],
  inventory: CellValue[][],
  backlog: CellValue[][],
  opening: Map<string, { inventory: number; backlog: number }>,
): number {
  const made = familyRows(production);
  const stock = familyRows(inventory, "Inventory");
  const owed = familyRows(backlog);
  let worst = 0;
  let checked = 0;
  for (const [family, start] of opening) {
    const demand = made.get(`${family}|Demand`)!;
    const output = made.get(`${family}|Production`)!;
    const inv = stock.get(family)!;
    const bl = owed.get(family)!;
    let net = start.inventory - start.backlog;
    for (let t = 0; t < demand.length; t++) {
      net += output[t] - demand[t];
      worst = Math.max(worst, Math.abs(inv[t] - bl[t] - net));
      net = inv[t] - bl[t];
      checked++;
    }
  }
  if (checked === 0) throw new Error("no family periods were checked");
  return worst;
}
