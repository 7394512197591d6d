/**
 * The simulator's own behaviours, each as Excel documents it (sources in typedEntry.ts,
 * model.ts and api.ts). Serial numbers: 45292 = 2024-01-01 and 45306 = 2024-01-15 in the 1900
 * date system (dateToSerial, checked against Excel's DATE(2024,1,1) = 45292).
 */
import { excelSimulator, PAYLOAD_LIMIT_BYTES, SimulatedExcelError } from "./index";

async function setValues(sheetName: string, address: string, values: unknown[][], format?: string) {
  const excel = excelSimulator();
  excel.model.addSheet(sheetName);
  await excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
    if (format) range.numberFormat = values.map((row) => row.map(() => format));
    range.values = values;
    await context.sync();
  });
  return excel;
}

describe("Excel simulator: Range.values takes strings as if typed", () => {
  it("turns dates, leading zeros, percentages, thousands and booleans into values", async () => {
    const excel = await setValues("S", "A1:G1", [["2024-01", "2024-01-15", "00123", "12%", "1,234", "TRUE", "Widget"]]);
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => excel.value("S", 0, c))).toEqual([
      45292, // 2024-01 → 1 Jan 2024
      45306, // 2024-01-15
      123,
      0.12,
      1234,
      true,
      "Widget",
    ]);
    expect(excel.model.sheet("S")!.format(0, 0)).toBe("mmm-yy");
  });

  it("keeps the string when the cell is formatted as text (@) and drops a leading apostrophe", async () => {
    const text = await setValues("S", "A1:C1", [["2024-01", "00123", "12%"]], "@");
    expect([0, 1, 2].map((c) => text.value("S", 0, c))).toEqual(["2024-01", "00123", "12%"]);
    const quoted = await setValues("S", "A1:B1", [["'00123", "'=1+1"]]);
    expect([0, 1].map((c) => quoted.value("S", 0, c))).toEqual(["00123", "=1+1"]);
  });

  it("reads = + - @ as formulas", async () => {
    const excel = await setValues("S", "A1:B1", [["=SUM(1,2)", "-5"]]);
    expect(excel.value("S", 0, 0)).toBe(3);
    expect(excel.value("S", 0, 1)).toBe(-5);
    expect(excel.model.sheet("S")!.formula(0, 0)).toBe("=SUM(1,2)");
  });

  it("refuses a values array that does not match the range", async () => {
    await expect(setValues("S", "A1:B1", [["a"]])).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("Excel simulator: tables and sheets", () => {
  it("keeps table headers as text, even a date-looking header", async () => {
    const excel = excelSimulator();
    excel.model.addSheet("S");
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1:C2").values = [
        ["Item", "2024-01", 7],
        ["A", 1, 2],
      ];
      sheet.tables.add("A1:C2", true).name = "T";
      await context.sync();
    });
    // "2024-01" became a date (mmm-yy) before the table existed; a header shows it as text.
    expect(excel.tableValues("T")[0]).toEqual(["Item", "Jan-24", "7"]);
  });

  it("keeps table names unique in the workbook and refuses overlapping tables", async () => {
    const excel = excelSimulator();
    excel.addTable("Sales", "S1", [["Item"], ["A"]]);
    excel.model.addSheet("S2");
    const addNamed = (address: string, name: string) =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("S2").tables.add(address, true).name = name;
        await context.sync();
      });
    await expect(addNamed("A1:A2", "SALES")).rejects.toMatchObject({ code: "InvalidArgument" });
    const overlapping = excelSimulator();
    overlapping.addTable("Other", "S", [["Item"], ["A"]]);
    await expect(
      overlapping.run(async (context) => {
        context.workbook.worksheets.getItem("S").tables.add("A2:B3", true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("follows the sheet name rules: 31 characters, none of []:*?/\\, unique", async () => {
    const excel = excelSimulator();
    const add = (name: string) =>
      excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
    await add("A".repeat(31));
    await expect(add("B".repeat(32))).rejects.toMatchObject({ code: "InvalidArgument" });
    for (const bad of ["a[1]", "a:b", "a*", "a?", "a/b", "a\\b"])
      await expect(add(bad)).rejects.toBeInstanceOf(SimulatedExcelError);
    await expect(add("a".repeat(31))).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });
});

describe("Excel simulator: live references", () => {
  function planWorkbook() {
    const excel = excelSimulator();
    excel.addTable("SOP_DemandPlan", "DemandPlan", [
      ["Item", "Consensus"],
      ["A", 10],
      ["B", 20],
    ]);
    excel.model.addSheet("Mine");
    excel.type("Mine", 0, 0, "=SUM(SOP_DemandPlan[Consensus])");
    excel.type("Mine", 1, 0, "=DemandPlan!B2");
    return excel;
  }

  it("computes a structured reference over the table as resized", async () => {
    const excel = planWorkbook();
    expect(excel.value("Mine", 0, 0)).toBe(30); // 10 + 20
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("DemandPlan");
      sheet.getRange("A4:B4").values = [["C", 5]];
      context.workbook.tables.getItem("SOP_DemandPlan").resize("A1:B4");
      await context.sync();
    });
    expect(excel.value("Mine", 0, 0)).toBe(35); // 10 + 20 + 5
  });

  it("turns references to a deleted table or sheet into #REF!, for good", async () => {
    const excel = planWorkbook();
    await excel.run(async (context) => {
      context.workbook.tables.getItem("SOP_DemandPlan").delete();
      await context.sync();
    });
    expect(excel.value("Mine", 0, 0)).toBe("#REF!");
    expect(excel.model.sheet("Mine")!.formula(0, 0)).toBe("=SUM(#REF!)");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("DemandPlan").delete();
      context.workbook.worksheets.add("DemandPlan");
      await context.sync();
    });
    expect(excel.value("Mine", 1, 0)).toBe("#REF!");
  });
});

describe("Excel simulator: payload limits and counts", () => {
  it("rejects a request over 5 MB with RequestPayloadSizeLimitExceeded, applying nothing", async () => {
    const excel = excelSimulator();
    excel.model.addSheet("S");
    // 600,000 cells of "xxxxxxx" (9 bytes of JSON each with quotes and comma) ≈ 5.4 MB
    const values = Array.from({ length: 60_000 }, () => Array.from({ length: 10 }, () => "xxxxxxx"));
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 60_000, 10).values = values;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.value("S", 0, 0)).toBe("");
    expect(excel.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it("rejects a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const rows = [["Item", "Text"], ...Array.from({ length: 60_000 }, (_, r) => [`I${r}`, "y".repeat(80)])];
    const excel = excelSimulator();
    excel.addTable("Big", "S", rows);
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.tables.getItem("Big").getRange();
        range.load("values");
        await context.sync();
        const { values } = range;
        return values.length;
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("counts syncs, bytes and whether calculation was suspended", async () => {
    const excel = excelSimulator();
    excel.model.addSheet("S");
    await excel.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["a", 1]];
      await context.sync();
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
      range.load("values");
      await context.sync();
    });
    expect(excel.syncs).toHaveLength(2);
    expect(excel.syncs.map((s) => s.calculationSuspended)).toEqual([true, false]);
    // the second sync's response is {"values":[["a",1]]}: 20 bytes
    expect(excel.syncs[1].responseBytes).toBe(JSON.stringify({ values: [["a", 1]] }).length);
  });

  it("throws when a property is read without load and sync, as Office.js does", async () => {
    const excel = excelSimulator();
    excel.addTable("T", "S", [["A"], [1]]);
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.tables.getItem("T").getRange();
        await context.sync();
        // eslint-disable-next-line office-addins/load-object-before-read -- the mistake under test
        return range.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });
});
