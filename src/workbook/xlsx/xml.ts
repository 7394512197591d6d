/**
 * XML of package parts, read with the package's own scanner (xmlScanner.ts: streaming, never
 * expanding entities; a part with a DOCTYPE is refused). Element names are seen without their
 * prefix (`x:row` → `row`): producers differ in prefixes, never in local names.
 */
import { WorkbookFileError } from "./fileErrors";
import { type Attributes, scanXml } from "./xmlScanner";

export type { Attributes } from "./xmlScanner";

export interface XmlHandlers {
  open?(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Streams `xml` through the handlers. @throws WorkbookFileError on a DOCTYPE or malformed XML. */
export function parseXml(xml: string, handlers: XmlHandlers, where: { file: string; part: string }): void {
  const { open, close, text } = handlers;
  scanXml(xml, { open: open && ((name, tag) => open(name, tag.attributes())), close, text }, where);
}

/** A small part as a tree (workbook, relationships, content types, tables, styles). */
export interface XmlElement {
  name: string;
  attributes: Attributes;
  children: XmlElement[];
  text: string;
}

export function parseTree(xml: string, where: { file: string; part: string }): XmlElement {
  const root: XmlElement = { name: "", attributes: {}, children: [], text: "" };
  const stack = [root];
  parseXml(
    xml,
    {
      open(name, attributes) {
        const element = { name, attributes, children: [], text: "" };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
      },
      close() {
        stack.pop();
      },
      text(text) {
        stack[stack.length - 1].text += text;
      },
    },
    where,
  );
  const top = root.children[0];
  if (!top) throw new WorkbookFileError("corrupt", where.file, `${where.part} is empty`);
  return top;
}

/** Every descendant called `name`, in document order. */
export function findAll(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (child.name === name) out.push(child);
    findAll(child, name, out);
  }
  return out;
}

/** An attribute by local name (`r:id` → `id`), whatever prefix the producer chose. */
export function attribute(element: XmlElement, name: string): string | undefined {
  if (name in element.attributes) return element.attributes[name];
  for (const [key, value] of Object.entries(element.attributes)) if (localName(key) === name) return value;
  return undefined;
}

/** The relationship id of an element (`r:id`, under whatever prefix). */
export function relationshipId(element: XmlElement): string | undefined {
  for (const [key, value] of Object.entries(element.attributes)) if (key.endsWith(":id")) return value;
  return undefined;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Text for an element or attribute: markup escaped, and characters XML 1.0 cannot carry
 * (control characters) written the way Excel writes them, `_x0001_`.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"]/g, (c) => XML_ESCAPES[c])
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

/** Text read from a cell: Excel's `_xHHHH_` escapes turned back into characters. */
export function unescapeCellText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

const decoder = new TextDecoder("utf-8");
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return decoder.decode(bytes); // strips a UTF-8 BOM
}
