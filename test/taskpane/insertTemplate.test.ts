import { insertTemplateIntoExcel, TEMPLATE_URL } from "../../src/taskpane/host/insertTemplate";

// Office.js stand-ins: only what insertTemplateIntoExcel touches.
function fakeExcel(supported: boolean) {
  const inserted: { base64: string; options: unknown }[] = [];
  let syncs = 0;
  const context = {
    workbook: { insertWorksheetsFromBase64: (base64: string, options: unknown) => inserted.push({ base64, options }) },
    sync: async () => {
      syncs++;
    },
  };
  Object.assign(globalThis, {
    Office: {
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) => supported && set === "ExcelApi" && version === "1.13",
        },
      },
    },
    Excel: {
      run: async (batch: (c: typeof context) => Promise<void>) => batch(context),
      WorksheetPositionType: { end: "End" },
    },
  });
  return { inserted, syncs: () => syncs };
}

describe("inserting the template into Excel", () => {
  const fetched: string[] = [];
  beforeEach(() => {
    fetched.length = 0;
    (globalThis as { fetch?: unknown }).fetch = async (url: string) => {
      fetched.push(url);
      return { ok: true, status: 200, arrayBuffer: async () => new Uint8Array([1, 2, 3]).buffer };
    };
  });

  it("inserts the bundled sample workbook's sheets at the end, in one sync", async () => {
    const excel = fakeExcel(true);
    await insertTemplateIntoExcel();
    expect(fetched).toEqual([TEMPLATE_URL]);
    // Bytes 01 02 03 in base64 are "AQID" (RFC 4648: 000000 010000 001000 000011).
    expect(excel.inserted).toEqual([{ base64: "AQID", options: { positionType: "End" } }]);
    expect(excel.syncs()).toBe(1);
  });

  it("says what to do on an Excel without ExcelApi 1.13", async () => {
    const excel = fakeExcel(false);
    await expect(insertTemplateIntoExcel()).rejects.toThrow("ExcelApi 1.13");
    expect(excel.inserted).toEqual([]);
    expect(fetched).toEqual([]);
  });
});
