import { planDemand } from "../../src/engine/cycle";
import { forecastSeries } from "../../src/engine/forecast";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { parsePlanningData } from "../../src/workbook/parse/planningData";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import type { CellValue } from "../../src/workbook/port";

/** The demo workbook with ForecastMethod and DiscontinuePeriod columns added to Items. */
function withItemControls(controls: Record<string, [CellValue, CellValue]>): MemoryWorkbook {
  const wb = demoWorkbook();
  const cells = wb.sheet("Settings")!.cells;
  cells.find((r) => r[0] === "ForecastMethod")![1] = "snaive";
  const { sheet, table } = wb.findTable("Items")!;
  const width = table.columnCount;
  sheet.cells[table.row][table.column + width] = "ForecastMethod";
  sheet.cells[table.row][table.column + width + 1] = "DiscontinuePeriod";
  for (let r = table.row + 1; r < table.row + table.rowCount; r++) {
    const [method, stop] = controls[String(sheet.cells[r][table.column])] ?? [null, null];
    sheet.cells[r][table.column + width] = method;
    sheet.cells[r][table.column + width + 1] = stop;
  }
  table.columnCount += 2;
  return wb;
}

describe("item controls in Items", () => {
  it("forecasts an item with its own ForecastMethod and nothing from its DiscontinuePeriod on", async () => {
    const wb = withItemControls({ "CH-100": ["holt", null], "DK-120": [null, "2026-04"] });
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const demand = planDemand(data!);
    const i = data!.items.findIndex((it) => it.name === "CH-100");
    // the same as FORECAST_SOP(history, 18, 12, "holt", 0.9) on the item's history
    const holt = forecastSeries({
      history: data!.history[i],
      horizon: 18,
      seasonality: 12,
      method: "holt",
      level: 0.9,
    });
    expect(demand.items[i].statistical).toEqual(holt.point);
    const dk = demand.items.find((it) => it.item === "DK-120")!;
    // plan starts 2026-01: Jan–Mar forecast, April on nothing
    expect(dk.statistical.slice(0, 3).every((v) => v > 0)).toBe(true);
    expect(dk.statistical.slice(3).every((v) => v === 0)).toBe(true);
    expect(dk.consensus.slice(3).every((v) => v === 0)).toBe(true);
  });

  it("refuses an unknown ForecastMethod or a DiscontinuePeriod that is not a month, at its cell", async () => {
    const wb = withItemControls({ "CH-100": ["crystal ball", null], "DK-120": [null, "soon"] });
    const { data, problems } = parsePlanningData(await wb.readInputs());
    expect(data).toBeNull();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: "Items", column: "ForecastMethod", severity: "error", value: "crystal ball" }),
        expect.objectContaining({ table: "Items", column: "DiscontinuePeriod", severity: "error", value: "soon" }),
      ]),
    );
  });
});
