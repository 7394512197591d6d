/**
 * Utf8Sink: what it writes must be exactly what TextEncoder makes of the same text (the
 * reference), across its buffer boundaries, with XML escaping as escapeXml does it.
 */
import { Utf8Sink } from "../../../src/workbook/xlsx/utf8Sink";
import { escapeXml } from "../../../src/workbook/xlsx/xml";

const encode = (text: string) => new TextEncoder().encode(text);

/** A sink whose drained buffers are copied (the sink reuses its buffer) and joined with the rest. */
function collecting(): { sink: Utf8Sink; bytes: () => Buffer; drains: () => number } {
  const pieces: Buffer[] = [];
  const sink = new Utf8Sink((bytes) => pieces.push(Buffer.from(bytes)));
  return { sink, bytes: () => Buffer.concat([...pieces, Buffer.from(sink.rest())]), drains: () => pieces.length };
}

describe("Utf8Sink", () => {
  it("writes ASCII, accented, CJK and astral characters as UTF-8", () => {
    const { sink, bytes } = collecting();
    const pieces = ["<row>", "Crème brûlée", "東京", "😀 ok", ""];
    pieces.forEach((p) => sink.raw(p));
    expect(new Uint8Array(bytes())).toEqual(encode(pieces.join("")));
  });

  it("escapes text as escapeXml does (markup, control characters), and leaves plain text alone", () => {
    const { sink, bytes } = collecting();
    const texts = ['a<b & "c">', "tab\there", "bell\u0007", "plain", "ünïcode & co"];
    texts.forEach((t) => sink.text(t));
    expect(new TextDecoder().decode(bytes())).toBe(texts.map(escapeXml).join(""));
    expect(escapeXml("bell\u0007")).toBe("bell_x0007_");
  });

  it("drains its buffer in order past 1 MB, including a piece larger than a buffer", () => {
    const { sink, bytes: joined, drains } = collecting();
    const line = '<c r="A1"><v>12345.5</v></c>é';
    let expected = "";
    for (let i = 0; i < 60_000; i++) {
      sink.raw(line);
      expected += line;
    }
    const big = "x".repeat(3 * 2 ** 20);
    sink.text(big);
    expected += big;
    const bytes = joined();
    expect(drains()).toBeGreaterThan(1); // 60,000 × 31 bytes = 1.8 MB: at least one full 1 MB buffer
    expect(bytes.length).toBe(encode(expected).length);
    expect(bytes.equals(Buffer.from(encode(expected)))).toBe(true);
  });
});
