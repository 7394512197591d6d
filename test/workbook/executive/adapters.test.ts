import { strFromU8, unzipSync } from "fflate";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { bikesSummary } from "./bikesSummary";

const summary = bikesSummary;

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
    const notes = new MemoryWorkbook();
    notes.addSheet("Notes", [["mine"]]);
    const first = XlsxWorkbook.fromMemory(notes);
    await first.writeSheets([summary()]);
    const saved = await first.toBuffer();
    const zip = unzipSync(saved);
    expect(Object.keys(zip).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);

    const again = await XlsxWorkbook.fromBuffer(saved);
    const inputs = await again.readInputs();
    expect(inputs.owned.find((o) => o.name === "ExecutiveSummary")?.ownedByAddIn).toBe(true);
    await again.writeSheets([summary()]);
    const resaved = unzipSync(await again.toBuffer());
    expect(Object.keys(resaved).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);
    expect(Object.keys(resaved).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(1);
    const sheetXml = strFromU8(resaved["xl/worksheets/sheet2.xml"]);
    expect(sheetXml.match(/<drawing /g)).toHaveLength(1);
  });
});
