/**
 * EntryWriter (a part deflated piece by piece as it is written) and crc32's continuation. The
 * reference for the deflate stream is fflate's inflater (an independent JavaScript
 * implementation, not the zlib that wrote it); the reference CRC is the one-shot CRC of the whole.
 */
import { inflateSync, strFromU8, strToU8, unzipSync } from "fflate";
import { crc32, EntryWriter, writeZip } from "../../../src/workbook/xlsx/zip";

/** Deterministic XML-like text: rows of cells, with some non-ASCII, about `rows` × 60 bytes. */
function sheetText(rows: number): string {
  let text = "";
  for (let r = 1; r <= rows; r++) text += `<row r="${r}"><c r="A${r}"><v>${(r * 7.3) % 101}</v></c>é</row>`;
  return text;
}

/** Cuts `bytes` into pieces of the given lengths (the last takes the rest). */
function cut(bytes: Uint8Array, lengths: number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (const n of lengths) {
    pieces.push(bytes.subarray(at, Math.min(bytes.length, at + n)));
    at = Math.min(bytes.length, at + n);
  }
  pieces.push(bytes.subarray(at));
  return pieces;
}

describe("crc32", () => {
  it("continues over more bytes as the one-shot CRC of the whole", () => {
    // 0x352441c2 is the CRC-32 of "abc" (the usual check value, e.g. `python3 -c "import zlib; print(hex(zlib.crc32(b'abc')))"`)
    expect(crc32(strToU8("abc"))).toBe(0x352441c2);
    expect(crc32(strToU8("c"), crc32(strToU8("ab")))).toBe(0x352441c2);
    expect(crc32(strToU8(""), crc32(strToU8("abc")))).toBe(0x352441c2);
  });
});

describe("EntryWriter", () => {
  const text = sheetText(40_000); // about 2.4 MB
  const bytes = strToU8(text);

  it.each([
    ["one final piece", [] as number[]],
    ["1 MB pieces", [1 << 20, 1 << 20]],
    ["uneven pieces, one empty", [5, 0, 700_000, 123_457]],
  ])("makes one deflate stream and the CRC of the whole (%s)", (_label, lengths) => {
    const writer = new EntryWriter("xl/worksheets/sheet1.xml");
    const pieces = cut(bytes, lengths);
    pieces.slice(0, -1).forEach((p) => writer.write(p));
    const entry = writer.finish(pieces[pieces.length - 1]);
    expect(entry.size).toBe(bytes.length);
    expect(entry.crc).toBe(crc32(bytes));
    expect(entry.compressedSize).toBe(entry.raw.length);
    expect(entry.raw.length).toBeLessThan(bytes.length / 3); // it did compress
    expect(strFromU8(inflateSync(entry.raw))).toBe(text);
  });

  it("writes an empty part as a valid empty stream", () => {
    const entry = new EntryWriter("empty.xml").finish(new Uint8Array(0));
    expect(entry.size).toBe(0);
    expect(entry.crc).toBe(0);
    expect(inflateSync(entry.raw).length).toBe(0);
  });

  it("gives a zip entry another reader unzips (fflate's unzip)", () => {
    const writer = new EntryWriter("xl/worksheets/sheet1.xml");
    const [first, rest] = cut(bytes, [1 << 20]);
    writer.write(first);
    const zip = writeZip([writer.finish(rest)]);
    expect(strFromU8(unzipSync(zip)["xl/worksheets/sheet1.xml"])).toBe(text);
  });
});
