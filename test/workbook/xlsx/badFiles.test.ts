/**
 * Files the .xlsx adapter refuses with a WorkbookFileError naming the file and what to do,
 * before inflating anything it should not: each case is built here from a good workbook (the
 * adapter's own output) by changing the bytes the way the bad file differs.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { WorkbookFileError, XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import type { WorkbookFileProblem } from "../../../src/workbook/xlsx/fileErrors";
import { sheetPart } from "../support/packageSurgery";

let good: Uint8Array;
beforeAll(async () => {
  good = await XlsxWorkbook.fromMemory(demoWorkbook({ historyMonths: 12, horizon: 3 })).toBuffer();
});

async function refusal(bytes: Uint8Array, read = false): Promise<WorkbookFileError> {
  try {
    const workbook = await XlsxWorkbook.fromBuffer(bytes, "plan.xlsx");
    if (read) await workbook.readInputs();
  } catch (e) {
    if (e instanceof WorkbookFileError) return e;
    throw e;
  }
  throw new Error("the file was accepted");
}

function withPart(name: string, content: string | Uint8Array): Uint8Array {
  const files = unzipSync(good);
  files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files);
}

/** A minimal OLE2 compound file header (MS-CFB magic) followed by a directory naming `streams`. */
function ole2(streams: string[]): Uint8Array {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return new Uint8Array(
    Buffer.concat([header, Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, "utf16le")), Buffer.alloc(512)]),
  );
}

describe("the .xlsx adapter refuses bad files with one message naming the file and what to do", () => {
  const cases: [string, () => Uint8Array, WorkbookFileProblem, RegExp][] = [
    ["an empty file", () => new Uint8Array(0), "empty", /empty/],
    [
      "a PNG image",
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      "not-zip",
      /save it as/,
    ],
    ["a CSV file", () => strToU8("Item,Period,Quantity\nCH-100,2026-01,40\n"), "csv", /CSV.*save it as Excel Workbook/],
    ["a legacy .xls", () => ole2(["Workbook", "SummaryInformation"]), "legacy-xls", /97-2003.*save it as/],
    [
      "a password-protected workbook (encrypted OLE2 container)",
      () => ole2(["EncryptionInfo", "EncryptedPackage"]),
      "encrypted",
      /password-protected.*remove the password/,
    ],
    ["a truncated zip", () => good.subarray(0, Math.floor(good.length / 2)), "truncated", /truncated.*again/],
    [
      "a zip with a part climbing out (../)",
      () => zipSync({ ...unzipSync(good), "../evil.xml": strToU8("<x/>") }),
      "bad-part-name",
      /\.\.\//,
    ],
  ];
  it.each(cases)("%s", async (_, bytes, problem, advice) => {
    const error = await refusal(bytes());
    expect(error.problem).toBe(problem);
    expect(error.message).toMatch(/^plan\.xlsx: /);
    expect(error.message).toMatch(advice);
  });

  it("a zip bomb: a part that inflates over 200:1 is refused from the directory, before inflating", async () => {
    // 50 MB of zeros deflate to ~50 kB (ratio ~1000:1)
    const bomb = zipSync({ ...unzipSync(good), "xl/media/zeros.bin": new Uint8Array(50 * 2 ** 20) });
    const error = await refusal(bomb);
    expect(error.problem).toBe("zip-bomb");
    expect(error.message).toMatch(/xl\/media\/zeros\.bin/);
  });

  it("a zip whose directory declares more than 1 GB in total is refused", async () => {
    const bytes = new Uint8Array(good);
    const view = new DataView(bytes.buffer);
    // set every central-directory entry's sizes to 0x7fffffff (compressed too, so the ratio is 1)
    for (let i = 0; i < bytes.length - 4; i++)
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 20, 0x7fffffff, true);
        view.setUint32(i + 24, 0x7fffffff, true);
      }
    expect((await refusal(bytes)).problem).toBe("too-large");
  });

  it("a damaged part is caught by its checksum when read", async () => {
    const files = unzipSync(good);
    const part = sheetPart(good, "Sales");
    // the sheet stored uncompressed, so one of its bytes can be flipped in place
    const bytes = new Uint8Array(zipSync({ ...files, [part]: [files[part], { level: 0 }] }));
    const at = Buffer.from(bytes).indexOf(Buffer.from(files[part].subarray(0, 64)));
    expect(at).toBeGreaterThan(0);
    bytes[at + 100] ^= 0x01;
    const error = await refusal(bytes, true);
    expect(error.problem).toBe("corrupt");
    expect(error.message).toContain(part);
  });

  it("a part whose directory under-declares its size is inflated no further than declared, then refused", async () => {
    const part = sheetPart(good, "Sales");
    const bytes = new Uint8Array(good);
    const view = new DataView(bytes.buffer);
    const name = Buffer.from(part);
    for (let i = 0; i < bytes.length - 46; i++)
      if (
        view.getUint32(i, true) === 0x02014b50 &&
        Buffer.from(bytes.subarray(i + 46, i + 46 + name.length)).equals(name)
      )
        view.setUint32(i + 24, 100, true); // declared uncompressed size: 100 bytes
    expect((await refusal(bytes, true)).problem).toBe("corrupt");
  });

  it("XML with a DOCTYPE (entity declarations) is refused, in the workbook part or in a sheet read later", async () => {
    const doctype = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>`;
    const workbookXml = Buffer.from(unzipSync(good)["xl/workbook.xml"]).toString("utf8");
    const inWorkbook = withPart("xl/workbook.xml", workbookXml.replace(/^<\?xml[^>]*>/, doctype));
    expect((await refusal(inWorkbook)).problem).toBe("doctype");
    const part = sheetPart(good, "Sales");
    const sheetXml = Buffer.from(unzipSync(good)[part]).toString("utf8");
    const inSheet = withPart(
      part,
      sheetXml.replace(/^<\?xml[^>]*>/, doctype).replace("<sheetData>", "<sheetData>&lol2;"),
    );
    const error = await refusal(inSheet, true);
    expect(error.problem).toBe("doctype");
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it("a relationship target climbing out of the package is refused", async () => {
    const rels = Buffer.from(unzipSync(good)["xl/_rels/workbook.xml.rels"]).toString("utf8");
    const bad = withPart(
      "xl/_rels/workbook.xml.rels",
      rels.replace('Target="worksheets/sheet1.xml"', 'Target="../../../etc/passwd"'),
    );
    expect((await refusal(bad)).problem).toBe("bad-part-name");
  });

  it("a zip without a workbook is refused as not a workbook", async () => {
    expect((await refusal(zipSync({ "readme.txt": strToU8("hello") }))).problem).toBe("not-a-workbook");
  });
});
