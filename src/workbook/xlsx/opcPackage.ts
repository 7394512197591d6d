/**
 * An Open Packaging Conventions package (ECMA-376 Part 2) held as its zip entries: parts are
 * inflated only when read, replaced or added as whole parts, and every other part goes back
 * into the zip with its original compressed bytes. Relationships are the only truth about
 * which part is what: targets are resolved whether relative (`worksheets/sheet1.xml`, Excel)
 * or absolute (`/xl/tables/table1.xml`, openpyxl).
 */
import { WorkbookFileError } from "./fileErrors";
import { checkPartName, inflateEntry, newEntry, readZip, writeZip, type ZipEntry } from "./zip";
import { attribute, decodeText, escapeXml, findAll, parseTree, type XmlElement } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;
/** Strict OOXML (ISO 29500 strict) spells the same relationship types under another root. */
const STRICT_ROOT = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

export interface Relationship {
  id: string;
  type: string;
  /** resolved part name without leading slash (`xl/worksheets/sheet1.xml`), or the raw target when external */
  target: string;
  external: boolean;
}

/** `type` equals one of REL's, in transitional or strict spelling. */
export function isRelType(type: string, wanted: string): boolean {
  return type === wanted || type === STRICT_ROOT + wanted.slice(wanted.lastIndexOf("/") + 1);
}

/** The part holding the relationships of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against its source part, per OPC (absolute or relative). */
export function resolveTarget(source: string, target: string, file: string): string {
  const path = decodeURIComponent(target.split("#")[0]);
  const base = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (base.length === 0) throw new WorkbookFileError("bad-part-name", file, `${source} → ${target}`);
      base.pop();
    } else base.push(segment);
  }
  const resolved = base.join("/");
  checkPartName(resolved, file);
  return resolved;
}

/** A relative target from `source`'s folder to `part` (`xl/worksheets/sheet1.xml` → `../tables/table1.xml`). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export class OpcPackage {
  private readonly entries: Map<string, ZipEntry>;
  /** parts replaced or added since opening: bytes (deflated on save), or entries deflated as they were written */
  private readonly changed = new Map<string, Uint8Array | ZipEntry>();
  private readonly removed = new Set<string>();
  /** lower-cased name → name: OPC part names compare case-insensitively */
  private readonly names = new Map<string, string>();

  constructor(
    bytes: Uint8Array | null,
    readonly file: string,
  ) {
    this.entries = bytes ? readZip(bytes, file) : new Map();
    for (const name of this.entries.keys()) this.names.set(name.toLowerCase(), name);
  }

  private actualName(part: string): string {
    return this.names.get(part.toLowerCase()) ?? part;
  }

  has(part: string): boolean {
    const name = this.actualName(part);
    return !this.removed.has(name) && (this.changed.has(name) || this.entries.has(name));
  }

  /** The part's bytes (inflated on first read), or undefined when absent. */
  bytes(part: string): Uint8Array | undefined {
    const name = this.actualName(part);
    if (this.removed.has(name)) return undefined;
    const changed = this.changed.get(name);
    if (changed) return changed instanceof Uint8Array ? changed : inflateEntry(changed, this.file);
    const entry = this.entries.get(name);
    return entry ? inflateEntry(entry, this.file) : undefined;
  }

  text(part: string): string | undefined {
    const bytes = this.bytes(part);
    return bytes ? decodeText(bytes) : undefined;
  }

  tree(part: string): XmlElement | undefined {
    const text = this.text(part);
    return text === undefined ? undefined : parseTree(text, { file: this.file, part });
  }

  set(part: string, content: string | Uint8Array): void {
    const name = this.actualName(part);
    this.removed.delete(name);
    this.names.set(name.toLowerCase(), name);
    this.changed.set(name, typeof content === "string" ? new TextEncoder().encode(content) : content);
  }

  /** Puts in a part written straight into a zip entry (`write` gets the part's name as the package spells it). */
  setEntry(part: string, write: (name: string) => ZipEntry): void {
    const name = this.actualName(part);
    this.removed.delete(name);
    this.names.set(name.toLowerCase(), name);
    this.changed.set(name, write(name));
  }

  remove(part: string): void {
    const name = this.actualName(part);
    this.changed.delete(name);
    if (this.entries.has(name)) this.removed.add(name);
  }

  /** Every part name, in package order. */
  partNames(): string[] {
    const names = [...this.entries.keys()].filter((n) => !this.removed.has(n));
    for (const name of this.changed.keys()) if (!this.entries.has(name)) names.push(name);
    return names;
  }

  /** The relationships of `part` (empty when it has none). */
  relationships(part: string): Relationship[] {
    const relsPart = relsPartOf(part);
    const tree = this.tree(relsPart);
    if (!tree) return [];
    return findAll(tree, "Relationship").map((rel) => {
      const external = attribute(rel, "TargetMode") === "External";
      const target = attribute(rel, "Target") ?? "";
      return {
        id: attribute(rel, "Id") ?? "",
        type: attribute(rel, "Type") ?? "",
        target: external ? target : resolveTarget(part, target, this.file),
        external,
      };
    });
  }

  /** The package's zip: untouched parts byte for byte (compressed bytes copied), changed parts deflated. */
  save(): Uint8Array {
    const out: ZipEntry[] = [];
    // [Content_Types].xml first, as Office writes it (some readers sniff it there).
    const order = this.partNames().sort(
      (a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"),
    );
    for (const name of order) {
      const changed = this.changed.get(name);
      out.push(!changed ? this.entries.get(name)! : changed instanceof Uint8Array ? newEntry(name, changed) : changed);
    }
    return writeZip(out);
  }

  /** A copy that shares the unchanged entries (cheap), for all-or-nothing edits. */
  snapshot(): { changed: Map<string, Uint8Array | ZipEntry>; removed: Set<string>; names: Map<string, string> } {
    return { changed: new Map(this.changed), removed: new Set(this.removed), names: new Map(this.names) };
  }

  restore(state: ReturnType<OpcPackage["snapshot"]>): void {
    this.changed.clear();
    state.changed.forEach((v, k) => this.changed.set(k, v));
    this.removed.clear();
    state.removed.forEach((v) => this.removed.add(v));
    this.names.clear();
    state.names.forEach((v, k) => this.names.set(k, v));
  }
}

/** A relationships part's XML. */
export function relationshipsXml(
  rels: readonly { id: string; type: string; target: string; external?: boolean }[],
): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}
