/**
 * Bad input files through the CLI (issue 12): each is refused with exit 1 and one line on
 * stderr naming the file and what to do; no usage text, no stack trace, nothing written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { checkWorkbookFile, InputFileError } from "../../src/cli/files";
import { io } from "./cliIo";

let dir: string;
let template: Buffer;
beforeAll(async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sop-bad-template-"));
  await main(["template", path.join(scratch, "t.xlsx")], io());
  template = fs.readFileSync(path.join(scratch, "t.xlsx"));
  fs.rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-bad-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The template's package with one part replaced or added (JSZip rewrites the whole zip). */
async function edited(change: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  await change(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * A compound file (MS-CFB): the 8-byte signature D0 CF 11 E0 A1 B1 1A E1 at offset 0, a 512-byte
 * header, then a directory sector whose 128-byte entries start with the stream name in UTF-16LE.
 * An encrypted .xlsx (MS-OFFCRYPTO 2.3.4.1) has the streams "EncryptionInfo" and
 * "EncryptedPackage"; a legacy .xls has "Workbook". Only what the detection reads is filled in.
 */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const directory = Buffer.alloc(512);
  ["Root Entry", ...streams].forEach((name, i) => {
    const encoded = Buffer.from(name + "\0", "utf16le");
    encoded.copy(directory, i * 128);
    directory.writeUInt16LE(encoded.length, i * 128 + 64);
  });
  return Buffer.concat([header, directory]);
}

/** Renames a part by patching both of its zip headers (same length), keeping the zip valid. */
function renamePart(zip: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  let count = 0;
  while (at >= 0) {
    out.write(to, at, "latin1");
    count++;
    at = out.indexOf(from, at + 1);
  }
  expect(count).toBe(2); // the local header and the central directory
  return out;
}

const cases: [string, string, () => Promise<Buffer> | Buffer, RegExp][] = [
  ["an empty file", "empty.xlsx", () => Buffer.alloc(0), /is empty/],
  ["random bytes", "noise.xlsx", () => Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x80, 0x00]), /not a zip package/],
  [
    "a CSV file",
    "sales.csv",
    () => Buffer.from("Item,Family,Period,Quantity\nA1,Chairs,2025-01,12\nA1,Chairs,2025-02,15\n"),
    /is a CSV text file.*save it as Excel Workbook \(\.xlsx\)/,
  ],
  [
    "a CSV file named .xlsx",
    "sales.xlsx",
    () => Buffer.from("\uFEFFItem;Family;Period;Quantity\r\nA1;Chairs;2025-01;12\r\n"),
    /is a CSV text file/,
  ],
  ["a legacy .xls", "old.xls", () => compoundFile(["Workbook", "\u0005SummaryInformation"]), /legacy Excel 97-2003/],
  [
    "a password-protected workbook",
    "secret.xlsx",
    () => compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]),
    /is password-protected.*remove the password/,
  ],
  ["a truncated zip", "cut.xlsx", () => template.subarray(0, Math.floor(template.length / 2)), /truncated or damaged/],
  [
    "a zip whose central directory is cut",
    "cut-end.xlsx",
    () => Buffer.concat([template.subarray(0, template.length - 200), template.subarray(template.length - 22)]),
    /truncated or damaged/,
  ],
  [
    // 4 MB of zeros deflate to about 4 KB: a ratio near 1000:1, over the 200:1 cap for parts over 1 MB
    "a zip bomb (compression ratio)",
    "bomb.xlsx",
    () => edited((zip) => void zip.file("xl/media/filler.bin", Buffer.alloc(4 * 2 ** 20))),
    /looks like a zip bomb/,
  ],
  [
    "a zip bomb (declared size over the total cap)",
    "big.xlsx",
    async () => {
      // The central directory claims 2 GB uncompressed for one part (field at offset 24).
      const zip = await edited(() => undefined);
      const at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      zip.writeUInt32LE(2 ** 31, at + 24);
      return zip;
    },
    /looks like a zip bomb/,
  ],
  [
    "XML with a DOCTYPE",
    "doctype.xlsx",
    () =>
      edited(async (zip) => {
        const xml = await zip.file("xl/workbook.xml")!.async("string");
        zip.file(
          "xl/workbook.xml",
          xml.replace(/(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'),
        );
      }),
    /DOCTYPE or entity declarations in "xl\/workbook.xml"/,
  ],
  [
    "a part name climbing out of the package",
    "climb.xlsx",
    async () => renamePart(await edited((zip) => void zip.file("xx/evil.xml", "<x/>")), "xx/evil.xml", "../evil.xml"),
    /part named "\.\.\/evil\.xml" that points outside the package/,
  ],
  [
    "a relationship target climbing out of the package",
    "climb-rel.xlsx",
    () =>
      edited(async (zip) => {
        const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
        zip.file("xl/_rels/workbook.xml.rels", rels.replace(/Target="[^"]*styles\.xml"/, 'Target="../../etc/passwd"'));
      }),
    /relationship in "xl\/_rels\/workbook\.xml\.rels" to "\.\.\/\.\.\/etc\/passwd", outside the package/,
  ],
  [
    "an OpenDocument spreadsheet",
    "calc.xlsx",
    async () => {
      const zip = new JSZip();
      zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
      zip.file("content.xml", "<office:document-content/>");
      return zip.generateAsync({ type: "nodebuffer" });
    },
    /OpenDocument file \(\.ods\)/,
  ],
  [
    "a zip that is not a workbook",
    "photos.xlsx",
    async () => {
      const zip = new JSZip();
      zip.file("a.txt", "hello");
      return zip.generateAsync({ type: "nodebuffer" });
    },
    /zip file but not an Excel workbook/,
  ],
];

describe("sop-planner refuses bad files with one line and exit 1", () => {
  it.each(cases)("%s", async (_what, name, make, message) => {
    const input = path.join(dir, name);
    fs.writeFileSync(input, await make());
    const output = path.join(dir, "out.xlsx");
    for (const argv of [
      ["plan", input, "-o", output],
      ["validate", input],
    ]) {
      const run = io();
      expect(await main(argv, run)).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err).toHaveLength(1);
      const line = run.err[0];
      expect(line).not.toMatch(/\n/);
      expect(line).not.toMatch(/Usage|^\s+at /);
      expect(line).toContain(input);
      expect(line).toMatch(message);
      expect(fs.existsSync(output)).toBe(false);
      expect(fs.readdirSync(dir)).toEqual([name]); // no output, no temporary file
    }
  });

  it("a missing input is one line, exit 1, naming the file", async () => {
    const run = io();
    const missing = path.join(dir, "nowhere.xlsx");
    expect(await main(["plan", missing], run)).toBe(1);
    expect(run.err).toEqual([
      `sop-planner: Cannot read ${missing}: no such file. Check the path, or create a workbook with "sop-planner template ${missing}".`,
    ]);
  });

  it("accepts the template and every real workbook in ../shared/workbooks (no false alarm)", () => {
    expect(() => checkWorkbookFile("t.xlsx", template)).not.toThrow();
    // ../shared beside the project (SOP_SHARED_DIR overrides, e.g. from a git worktree)
    const folder = path.join(
      process.env.SOP_SHARED_DIR ?? path.resolve(__dirname, "..", "..", "..", "shared"),
      "workbooks",
    );
    if (!fs.existsSync(folder)) {
      console.warn(`SKIPPED: ${folder} is absent; real workbooks were NOT checked for false alarms.`);
      return;
    }
    const files = fs.readdirSync(folder).filter((f) => /\.xls[xm]$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(folder, file));
      expect(() => checkWorkbookFile(file, bytes)).not.toThrow();
    }
  });

  it("names the check in its error type", () => {
    expect(() => checkWorkbookFile("x.xlsx", Buffer.from("a,b\n1,2\n"))).toThrow(InputFileError);
  });
});
