import JSZip from "jszip";
import { compareOptions, executivePack } from "../../../src/engine/executive";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { executiveSheet } from "../../../src/workbook/executive/executiveSheet";
import type { OutputSheet } from "../../../src/workbook/port";

function summary(): OutputSheet {
  const family = { family: "Bikes", demand: [100, 120], production: [110, 110], inventory: [10, 0], backlog: [0, 0], openingInventory: 0, openingBacklog: 0 };
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

describe("ExecutiveSummary through the adapters", () => {
  it("memory: writes the sections' cells below the table and keeps the charts as data", async () => {
    const workbook = new MemoryWorkbook();
    const sheet = summary();
    await workbook.writeSheets([sheet]);
    const written = workbook.sheet("ExecutiveSummary")!;
    const supply = sheet.sections!.find((s) => s.title.startsWith("Demand vs supply"))!;
    // the section's title, header and first row sit where the layout put them
    expect(written.cells[supply.row][0]).toBe(supply.title);
    expect(written.cells[supply.row + 1].slice(0, 3)).toEqual(["Family", "Demand", "Supply"]);
    expect(written.cells[supply.row + 2].slice(0, 3)).toEqual(["Bikes", 220, 220]);
    expect(written.charts).toHaveLength(3);
    // the KPI strip is still the marker table the next run recognises
    const inputs = await workbook.readInputs();
    expect(inputs.owned.find((o) => o.name === "ExecutiveSummary")).toMatchObject({ exists: true, ownedByAddIn: true });
  });

  it("xlsx: writes chart parts, and re-running on the saved file replaces them", async () => {
    const first = XlsxWorkbook.fromMemory(new MemoryWorkbook());
    first.workbook.addWorksheet("Notes");
    await first.writeSheets([summary()]);
    const saved = await first.toBuffer();
    const zip = await JSZip.loadAsync(saved);
    expect(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);

    const again = await XlsxWorkbook.fromBuffer(saved);
    const inputs = await again.readInputs();
    expect(inputs.owned.find((o) => o.name === "ExecutiveSummary")?.ownedByAddIn).toBe(true);
    await again.writeSheets([summary()]);
    const resaved = await JSZip.loadAsync(await again.toBuffer());
    expect(Object.keys(resaved.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);
    const sheetXml = await resaved.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheetXml.match(/<drawing /g)).toHaveLength(1);
  });
});
