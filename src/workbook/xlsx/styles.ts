/**
 * `xl/styles.xml`: read which cell styles show dates (so a 1904-system workbook's dates can be
 * moved to the 1900 serials the planning code uses), and append the few styles the owned sheets
 * need (a number format, bold, text "@", the overload highlight) without touching the planner's
 * styles: new entries go at the end of their lists, existing indexes keep their meaning.
 * Entries the add-in appended in an earlier run are found again and reused, not appended twice.
 */
import { attribute, escapeXml, findAll, type XmlElement } from "./xml";

/** Excel's built-in number formats the add-in uses (ECMA-376 Part 1, §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "mm-dd-yy": 14,
  "@": 49,
};
/** Built-in format ids that show dates or times (§18.8.30; 50-58 are the East Asian ones). */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A format code shows a date when, outside quotes, brackets and escapes, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "")
    .split(";")[0];
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cellXfs index, whether the style shows a date. */
export function dateStyles(styles: XmlElement | undefined): boolean[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  for (const fmt of findAll(styles, "numFmt"))
    custom.set(Number(attribute(fmt, "numFmtId")), attribute(fmt, "formatCode") ?? "");
  const cellXfs = styles.children.find((c) => c.name === "cellXfs");
  return (cellXfs?.children ?? [])
    .filter((xf) => xf.name === "xf")
    .map((xf) => {
      const id = Number(attribute(xf, "numFmtId") ?? 0);
      const code = custom.get(id);
      return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_IDS.has(id);
    });
}

export interface CellStyle {
  /** number format code, null = General */
  format: string | null;
  bold?: boolean;
}

const BOLD_FONT = `<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
const HIGHLIGHT_DXF = `<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>`;

/** The minimal styles part of a new workbook (one font, the two fills Excel requires, one border). */
export const EMPTY_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `</styleSheet>`;

/** One list inside styles.xml (`numFmts`, `fonts`, `cellXfs`, `dxfs`): where it is and what it holds. */
interface StyleList {
  name: string;
  prefix: string;
  items: string[];
}

/**
 * Appends styles to a styles.xml text, keeping every existing byte but the appended lists'
 * counts and closing tags. Call `xf()` / `dxf()` for what a sheet needs, then `xml()`.
 */
export class StyleAppender {
  private readonly lists = new Map<string, StyleList>();
  private readonly added = new Map<string, string[]>();
  private readonly xfIds = new Map<string, number>();
  private customFormats = new Map<string, number>();
  private nextFormatId = 164;

  constructor(private readonly source: string) {
    const prefix = /<(\w+:)?styleSheet\b/.exec(source)?.[1] ?? "";
    for (const name of ["numFmts", "fonts", "cellXfs", "dxfs"]) {
      const match = new RegExp(`<${prefix}${name}\\b[^>]*?(/>|>([\\s\\S]*?)</${prefix}${name}>)`).exec(source);
      const inner = match?.[2] ?? "";
      const items = splitItems(
        inner,
        name === "numFmts" ? "numFmt" : name === "fonts" ? "font" : name === "cellXfs" ? "xf" : "dxf",
      );
      this.lists.set(name, { name, prefix, items });
      this.added.set(name, []);
    }
    for (const item of this.lists.get("numFmts")!.items) {
      const id = Number(/numFmtId="(\d+)"/.exec(item)?.[1]);
      const code = /formatCode="([^"]*)"/.exec(item)?.[1];
      if (code !== undefined) this.customFormats.set(unescape(code), id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
  }

  private count(list: string): number {
    return this.lists.get(list)!.items.length + this.added.get(list)!.length;
  }

  /** Index of `item` in the list, appending it when no identical entry exists. */
  private ensure(list: string, item: string): number {
    const existing = this.lists.get(list)!.items.indexOf(item);
    if (existing >= 0) return existing;
    const added = this.added.get(list)!;
    const again = added.indexOf(item);
    if (again >= 0) return this.lists.get(list)!.items.length + again;
    added.push(item);
    return this.count(list) - 1;
  }

  private formatId(format: string | null): number {
    if (format === null) return 0;
    if (format in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[format];
    const known = this.customFormats.get(format);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(format, id);
    this.ensure("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`);
    return id;
  }

  /** The cellXfs index of a style (0, the workbook's default, for General and not bold). */
  xf(style: CellStyle): number {
    const key = `${style.format}\u0000${style.bold ? 1 : 0}`;
    const cached = this.xfIds.get(key);
    if (cached !== undefined) return cached;
    let id = 0;
    if (style.format !== null || style.bold) {
      const numFmtId = this.formatId(style.format);
      const fontId = style.bold ? this.ensure("fonts", BOLD_FONT) : 0;
      id = this.ensure(
        "cellXfs",
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
          `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}/>`,
      );
    }
    this.xfIds.set(key, id);
    return id;
  }

  /** The dxfs index of the overload highlight (light red fill, dark red text). */
  highlightDxf(): number {
    return this.ensure("dxfs", HIGHLIGHT_DXF);
  }

  /** styles.xml with the appended entries; the source itself when nothing was appended. */
  xml(): string {
    let xml = this.source;
    for (const name of ["numFmts", "fonts", "cellXfs", "dxfs"]) {
      const added = this.added.get(name)!;
      if (added.length === 0) continue;
      const list = this.lists.get(name)!;
      const count = this.count(name);
      const tag = `${list.prefix}${name}`;
      const items = list.prefix ? added.map((a) => a.replace(/<(\/?)(\w)/g, `<$1${list.prefix}$2`)) : added;
      const open = new RegExp(`<${tag}\\b([^>]*?)(/?)>`).exec(xml);
      if (open) {
        const attrs = open[1].replace(/\s*count="\d*"/, "");
        const start = `<${tag}${attrs} count="${count}">`;
        if (open[2] === "/") {
          xml =
            xml.slice(0, open.index) + start + items.join("") + `</${tag}>` + xml.slice(open.index + open[0].length);
        } else {
          const close = xml.indexOf(`</${tag}>`, open.index);
          xml =
            xml.slice(0, open.index) +
            start +
            xml.slice(open.index + open[0].length, close) +
            items.join("") +
            xml.slice(close);
        }
      } else {
        // CT_Stylesheet order: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs, …
        const before: Record<string, string[]> = {
          numFmts: ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"],
          fonts: ["fills", "borders", "cellStyleXfs", "cellXfs"],
          cellXfs: ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
          dxfs: ["tableStyles", "colors", "extLst"],
        };
        const prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
        const element = `<${prefix}${name} count="${count}">${items.join("")}</${prefix}${name}>`;
        let at = -1;
        for (const next of before[name]) {
          const m = new RegExp(`<${prefix}${next}\\b`).exec(xml);
          if (m) {
            at = m.index;
            break;
          }
        }
        if (at < 0) at = xml.lastIndexOf(`</${prefix}styleSheet>`);
        xml = xml.slice(0, at) + element + xml.slice(at);
      }
    }
    return xml;
  }
}

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The top-level `<item …/>` / `<item>…</item>` elements of a list's inner XML, as text. */
function splitItems(inner: string, item: string): string[] {
  const items: string[] = [];
  const open = new RegExp(`<(\\w+:)?${item}\\b`, "g");
  let match: RegExpExecArray | null;
  while ((match = open.exec(inner))) {
    const start = match.index;
    const tagEnd = inner.indexOf(">", start);
    if (inner[tagEnd - 1] === "/") {
      items.push(inner.slice(start, tagEnd + 1));
      open.lastIndex = tagEnd + 1;
      continue;
    }
    const closeTag = `</${match[1] ?? ""}${item}>`;
    const end = inner.indexOf(closeTag, tagEnd) + closeTag.length;
    items.push(inner.slice(start, end));
    open.lastIndex = end;
  }
  return items;
}
