/**
 * Utf8Sink: what it writes must be exactly what TextEncoder makes of the same text (the
 * reference), across its buffer boundaries, with XML escaping as escapeXml does it.
 */
import { Utf8Sink } from "../../../src/workbook/xlsx/utf8Sink";
import { escapeXml } from "../../../src/workbook/xlsx/xml";

const encode = (text: string) => new TextEncoder().encode(text);

describe("Utf8Sink", () => {
  it("writes ASCII, accented, CJK and astral characters as UTF-8", () => {
    const sink = new Utf8Sink();
    const pieces = ["<row>", "Crème brûlée", "東京", "😀 ok", ""];
    pieces.forEach((p) => sink.raw(p));
    expect(sink.bytes()).toEqual(encode(pieces.join("")));
  });

  it("escapes text as escapeXml does (markup, control characters), and leaves plain text alone", () => {
    const sink = new Utf8Sink();
    const texts = ['a<b & "c">', "tab\there", "bell\u0007", "plain", "ünïcode & co"];
    texts.forEach((t) => sink.text(t));
    expect(new TextDecoder().decode(sink.bytes())).toBe(texts.map(escapeXml).join(""));
    expect(escapeXml("bell\u0007")).toBe("bell_x0007_");
  });

  it("joins its buffers in order past 1 MB, including a piece larger than a buffer", () => {
    const sink = new Utf8Sink();
    const line = '<c r="A1"><v>12345.5</v></c>é';
    let expected = "";
    for (let i = 0; i < 60_000; i++) {
      sink.raw(line);
      expected += line;
    }
    const big = "x".repeat(3 * 2 ** 20);
    sink.text(big);
    expected += big;
    const bytes = sink.bytes();
    expect(bytes.length).toBe(encode(expected).length);
    expect(Buffer.from(bytes).equals(Buffer.from(encode(expected)))).toBe(true);
  });
});
