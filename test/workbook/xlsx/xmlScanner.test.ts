/**
 * The package's XML scanner (src/workbook/xlsx/xmlScanner.ts): the events a reader sees, and
 * the XML it refuses. Expected values are XML 1.0's rules (W3C XML 1.0, 5th ed.: §2.11 line
 * ends, §3.3.3 attribute-value normalisation, §4.6 predefined entities) applied by hand.
 */
import { WorkbookFileError } from "../../../src/workbook/xlsx/fileErrors";
import { type Attributes, scanXml } from "../../../src/workbook/xlsx/xmlScanner";

const where = { file: "book.xlsx", part: "xl/worksheets/sheet1.xml" };

/** Every event as a line: `+name {attributes}`, `-name`, `"text"`. */
function events(xml: string): string[] {
  const out: string[] = [];
  scanXml(
    xml,
    {
      open: (name, tag) => out.push(`+${name} ${JSON.stringify(tag.attributes())}`),
      close: (name) => out.push(`-${name}`),
      text: (text) => out.push(JSON.stringify(text)),
    },
    where,
  );
  return out;
}

function refusal(xml: string): WorkbookFileError {
  try {
    events(xml);
  } catch (e) {
    if (e instanceof WorkbookFileError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("scanXml", () => {
  it("reports elements without their prefix, attributes as written, and text with entities decoded", () => {
    expect(
      events(`<?xml version="1.0"?>\n<x:row r="2" x:s='3'><x:v>1 &lt; 2 &amp; &#65;&#x42;</x:v><c/></x:row>`),
    ).toEqual([
      `+row ${JSON.stringify({ r: "2", "x:s": "3" })}`,
      `+v {}`,
      JSON.stringify("1 < 2 & AB"),
      "-v",
      "+c {}",
      "-c",
      "-row",
    ]);
  });

  it("understands comments, processing instructions and CDATA (kept as written)", () => {
    expect(events(`<a><!-- <b> --><?pi x?><![CDATA[<b>&amp;</b>]]></a>`)).toEqual([
      "+a {}",
      JSON.stringify("<b>&amp;</b>"),
      "-a",
    ]);
  });

  it("normalises line ends in text and whitespace in attribute values (XML 1.0 §2.11, §3.3.3)", () => {
    expect(events(`<a t="x\ty\r\nz&#10;">1\r\n2\r3</a>`)).toEqual([
      `+a ${JSON.stringify({ t: "x y z\n" })}`,
      JSON.stringify("1\n2\n3"),
      "-a",
    ]);
  });

  it("decodes an attribute's entities, and gives its raw range without making a string", () => {
    let seen: Attributes = {};
    let raw = "";
    scanXml(
      `<c r="B12" t="a&amp;b"/>`,
      {
        open: (_, tag) => {
          seen = tag.attributes();
          const range = tag.range("t")!;
          raw = tag.source.slice(range.start, range.end);
        },
      },
      where,
    );
    expect(seen).toEqual({ r: "B12", t: "a&b" });
    expect(raw).toBe("a&amp;b");
  });

  it("skips text a reader does not want", () => {
    const texts: string[] = [];
    let inV = false;
    scanXml(
      `<r><c>ignored</c><v>kept</v></r>`,
      {
        wantText: () => inV,
        open: (name) => (inV = name === "v"),
        close: () => (inV = false),
        text: (t) => texts.push(t),
      },
      where,
    );
    expect(texts).toEqual(["kept"]);
  });

  it("gives a plain run of text as a range, and decodes any run holding '&', '\\r' or CDATA", () => {
    const seen: string[] = [];
    const xml = `<r><v>123</v><v>a&amp;b</v><v>x\r\ny</v><v><![CDATA[&lt;]]></v></r>`;
    scanXml(
      xml,
      {
        text: (t) => seen.push(`text ${JSON.stringify(t)}`),
        textRange: (s, e) => seen.push(`range ${xml.slice(s, e)}`),
      },
      where,
    );
    // by hand: "123" is plain; the entity, the CR LF (XML 1.0 §2.11) and the CDATA section go through text
    expect(seen).toEqual(["range 123", 'text "a&b"', 'text "x\\ny"', 'text "&lt;"']);
  });

  it("refuses a DOCTYPE: entities are never declared nor expanded", () => {
    const error = refusal(`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>`);
    expect(error.problem).toBe("doctype");
    expect(error.message).toContain(where.part);
  });

  it.each([
    ["an undefined entity", `<a>&e;</a>`],
    ["a bare ampersand", `<a>fish & chips</a>`],
    ["a character reference out of range", `<a>&#x110000;</a>`],
    ["a mismatched end tag", `<a><b></a></b>`],
    ["an unclosed element", `<a><b></b>`],
    ["an end tag without a start", `<a></a></b>`],
    ["two root elements", `<a/><b/>`],
    ["text outside the root", `<a/>text`],
    ["an unquoted attribute", `<a x=1/>`],
    ["an attribute without a value", `<a x/>`],
    ["'<' in an attribute value", `<a x="<"/>`],
    ["attributes without a space between them", `<a x="1"y="2"/>`],
    ["an unclosed comment", `<a><!-- </a>`],
    ["no root element", `<?xml version="1.0"?>`],
    ["a truncated tag", `<a><b x="1"`],
  ])("refuses %s, naming the part", (_, xml) => {
    const error = refusal(xml);
    expect(error.problem).toBe("corrupt");
    expect(error.message).toContain(where.part);
  });
});
