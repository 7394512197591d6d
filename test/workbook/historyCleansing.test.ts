import { planDemand } from "../../src/engine/cycle";
import { findOutliers } from "../../src/engine/forecast/outliers";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { parsePlanningData } from "../../src/workbook/parse/planningData";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import type { CellValue } from "../../src/workbook/port";

const SPIKE_SERIAL = 45717; // 2025-03-01 (1900 date system)

/** Multiplies CH-100's 2025-03 sale by `factor`; returns the Sales row (0-based in the table body). */
function spike(wb: MemoryWorkbook, factor: number): number {
  const { sheet, table } = wb.findTable("Sales")!;
  const headers = sheet.cells[table.row];
  const [item, period, quantity] = ["Item", "Period", "Quantity"].map((h) => headers.indexOf(h));
  for (let r = table.row + 1; r < table.row + table.rowCount; r++) {
    const row = sheet.cells[r];
    if (row[item] === "CH-100" && row[period] === SPIKE_SERIAL) {
      row[quantity] = Number(row[quantity]) * factor;
      return r - table.row - 1;
    }
  }
  throw new Error("no CH-100 2025-03 row");
}

function setSetting(wb: MemoryWorkbook, name: string, value: CellValue) {
  const { sheet, table } = wb.findTable("Settings")!;
  const row = sheet.cells.slice(table.row + 1, table.row + table.rowCount).find((r) => r[table.column] === name);
  if (row) row[table.column + 1] = value;
  else {
    sheet.cells[table.row + table.rowCount] = [name, value];
    table.rowCount++;
  }
}

async function forecastOf(wb: MemoryWorkbook, item: string) {
  const { data, problems } = parsePlanningData(await wb.readInputs());
  expect(data).not.toBeNull();
  const demand = planDemand(data!);
  return { problems, demand, statistical: demand.items.find((it) => it.item === item)!.statistical };
}

describe("history cleansing", () => {
  it("finds nothing in a flat history and the one spike in a seasonal one", () => {
    expect(findOutliers(new Array(24).fill(100), 12)).toEqual([]);
    // two years of a ±20 % seasonal pattern around 100, month 15 at 5 × its value
    const history = Array.from({ length: 24 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12));
    const fitted = history[15];
    history[15] *= 5;
    const found = findOutliers(history, 12);
    expect(found.map((o) => o.index)).toEqual([15]);
    // the robust fit there is near the pattern's value (within 10 %: the seasonal index is a median
    // over neighbouring months, so it flattens the peak a little)
    expect(Math.abs(found[0].fitted - fitted) / fitted).toBeLessThan(0.1);
  });

  it("flags a 5× spike at its Sales cell, and with CleanOutliers the forecast stays within 5 % of the forecast without it", async () => {
    const clean = demoWorkbook();
    const base = await forecastOf(clean, "CH-100");
    expect(base.problems.filter((p) => /outlier/.test(p.message))).toEqual([]);

    const spiked = demoWorkbook();
    const row = spike(spiked, 5);
    const raw = await forecastOf(spiked, "CH-100");
    const flags = raw.problems.filter((p) => /outlier/.test(p.message));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ table: "Sales", severity: "warning", row: row + 1, column: "Quantity" });
    expect(flags[0].message).toMatch(/CH-100.*2025-03/);
    expect(raw.demand.outliers).toMatchObject([{ item: "CH-100", period: "2025-03", cleaned: false }]);
    const worst = (forecast: number[]) =>
      Math.max(...forecast.map((v, t) => Math.abs(v - base.statistical[t]) / base.statistical[t]));
    // without cleansing the spike moves the forecast by more than 5 % somewhere (the test has teeth)
    expect(worst(raw.statistical)).toBeGreaterThan(0.05);

    setSetting(spiked, "CleanOutliers", true);
    const cleaned = await forecastOf(spiked, "CH-100");
    expect(cleaned.demand.outliers).toMatchObject([{ item: "CH-100", period: "2025-03", cleaned: true }]);
    expect(worst(cleaned.statistical)).toBeLessThanOrEqual(0.05);
    // the Sales cell itself is unchanged
    const { sheet, table } = spiked.findTable("Sales")!;
    expect(sheet.cells[table.row + 1 + row][3]).toBe(
      Number(raw.problems.find((p) => /outlier/.test(p.message))!.value),
    );
  });
});
