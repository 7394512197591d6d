/**
 * One write to a workbook package: the owned sheets' parts are put in whole (worksheet, table,
 * drawing and chart parts, the sheet's relationships), and the shared parts get only what
 * those need: a `<sheet>` entry in the workbook part, a relationship, content-type overrides,
 * and styles appended at the ends of their lists. Every other part keeps its bytes.
 *
 * An owned table keeps its part, its id and its name from run to run (rewritten over its new
 * range), so the planner's formulas such as `=SUM(SOP_DemandPlan[Consensus])` keep working.
 */
import type { CellValue, ChartSpec } from "../port";
import { chartPartXml, drawingPartXml } from "../executive/chartXml";
import { appPropertiesXml } from "./appProperties";
import { type OpcPackage, REL, isRelType, relationshipsXml, relativeTarget, relsPartOf } from "./opcPackage";
import { EMPTY_STYLES, StyleAppender } from "./styles";
import { NS_REL, type SheetLayout, tableXml, worksheetEntry } from "./sheetWriter";
import type { SheetEntry, TableEntry, WorkbookIndex } from "./workbookIndex";
import { attribute, escapeXml, findAll, parseTree } from "./xml";

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

export interface TableSpec {
  name: string;
  headers: string[];
  row: number;
  column: number;
  /** data rows */
  rows: number;
}

export interface SheetSpec {
  name: string;
  layout: Omit<SheetLayout, "tableIds" | "drawingId">;
  tables: TableSpec[];
  charts?: ChartSpec[];
}

export class PackageEdit {
  private workbookXml: string;
  private workbookRels: string;
  private contentTypes: string;
  private readonly styles: StyleAppender;
  private readonly stylesPart: string;
  private readonly taken = new Set<string>();
  private nextTableId: number;
  private nextSheetId: number;
  private incoming: Map<string, string[]> | null = null;
  private dropCalcChain = false;
  /** sheets added by this edit, in order */
  private readonly added: string[] = [];
  /** owned sheets written by this edit: their header row prints on every page */
  private readonly printTitled: string[] = [];

  constructor(
    private readonly pkg: OpcPackage,
    private readonly index: WorkbookIndex,
  ) {
    this.workbookXml = pkg.text(index.workbookPart)!;
    this.workbookRels = pkg.text(relsPartOf(index.workbookPart)) ?? relationshipsXml([]);
    this.contentTypes = pkg.text("[Content_Types].xml") ?? "";
    this.stylesPart = index.stylesPart ?? "xl/styles.xml";
    this.styles = new StyleAppender(pkg.text(this.stylesPart) ?? EMPTY_STYLES);
    this.nextTableId = index.tables.reduce((m, t) => Math.max(m, t.id), 0) + 1;
    this.nextSheetId = index.sheets.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
  }

  /** Writes a sheet: over the existing one of that name (its marker table kept), or as a new last sheet. */
  putSheet(spec: SheetSpec, existing?: SheetEntry): void {
    let part: string;
    const keptTables = new Map<string, TableEntry>();
    if (existing) {
      part = existing.part;
      for (const table of this.index.tables)
        if (table.sheetPart === part) keptTables.set(table.name.toLowerCase(), table);
      const keep = new Set(
        spec.tables.map((t) => keptTables.get(t.name.toLowerCase())?.part).filter((p): p is string => !!p),
      );
      if (holdsFormula(this.pkg.bytes(part))) this.dropCalcChain = true;
      this.removeSubtree(part, keep);
    } else {
      part = this.freeName("xl/worksheets/sheet");
      const rId = this.addWorkbookRelationship(REL.worksheet, part);
      this.addSheetElement(spec.name, this.nextSheetId++, rId);
      this.addOverride(part, CT.worksheet);
      this.added.push(spec.name);
    }
    if (spec.layout.owned) this.printTitled.push(spec.name);

    const rels: { id: string; type: string; target: string }[] = [];
    const tableIds: string[] = [];
    for (const table of spec.tables) {
      const kept = keptTables.get(table.name.toLowerCase());
      const tablePart = kept?.part ?? this.freeName("xl/tables/table");
      const id = `rId${rels.length + 1}`;
      rels.push({ id, type: REL.table, target: relativeTarget(part, tablePart) });
      tableIds.push(id);
      this.pkg.set(
        tablePart,
        tableXml({
          id: kept?.id ?? this.nextTableId++,
          name: kept?.name ?? table.name,
          headers: table.headers,
          row: table.row,
          column: table.column,
          rows: table.rows,
        }),
      );
      if (!kept) this.addOverride(tablePart, CT.table);
    }

    let drawingId: string | undefined;
    const charts = spec.charts ?? [];
    if (charts.length > 0) {
      const drawingPart = this.freeName("xl/drawings/drawing");
      drawingId = `rId${rels.length + 1}`;
      rels.push({ id: drawingId, type: REL.drawing, target: relativeTarget(part, drawingPart) });
      const lookup = (row: number, column: number): CellValue | undefined => spec.layout.rows[row]?.[column];
      const chartRels = charts.map((chart, k) => {
        const chartPart = this.freeName("xl/charts/chart");
        this.pkg.set(chartPart, chartPartXml(spec.name, chart, lookup));
        this.addOverride(chartPart, CT.chart);
        return { id: `rId${k + 1}`, type: REL.chart, target: relativeTarget(drawingPart, chartPart) };
      });
      this.pkg.set(drawingPart, drawingPartXml(charts));
      this.pkg.set(relsPartOf(drawingPart), relationshipsXml(chartRels));
      this.addOverride(drawingPart, CT.drawing);
    }

    this.pkg.setEntry(part, (name) => worksheetEntry(name, { ...spec.layout, tableIds, drawingId }, this.styles));
    if (rels.length > 0) this.pkg.set(relsPartOf(part), relationshipsXml(rels));
    else this.pkg.remove(relsPartOf(part));
  }

  /** Puts the shared parts back with what the sheets needed. */
  commit(): void {
    if (this.dropCalcChain && this.index.calcChainPart) {
      // The chain lists formula cells; some were on a rewritten sheet. Excel rebuilds a missing chain.
      const part = this.index.calcChainPart;
      this.pkg.remove(part);
      this.removeOverride(part);
      this.workbookRels = this.workbookRels.replace(/<Relationship\b[^>]*calcChain[^>]*\/>/, "");
    }
    this.addPrintTitles();
    this.updateAppProperties();
    this.pkg.set(this.index.workbookPart, this.workbookXml);
    this.pkg.set(relsPartOf(this.index.workbookPart), this.workbookRels);
    const styles = this.styles.xml();
    if (!this.pkg.has(this.stylesPart)) {
      this.pkg.set(this.stylesPart, styles);
      this.addWorkbookRelationship(REL.styles, this.stylesPart);
      this.pkg.set(relsPartOf(this.index.workbookPart), this.workbookRels);
      this.addOverride(this.stylesPart, CT.styles);
    } else if (styles !== this.pkg.text(this.stylesPart)) this.pkg.set(this.stylesPart, styles);
    this.pkg.set("[Content_Types].xml", this.contentTypes);
  }

  /**
   * The header row of each owned sheet written prints on every page (the `_xlnm.Print_Titles`
   * defined name, local to the sheet, as the Office.js path's `setPrintTitleRows("$1:$1")` sets
   * it). A sheet that already has print titles keeps them.
   */
  private addPrintTitles(): void {
    if (this.printTitled.length === 0) return;
    const workbook = parseTree(this.workbookXml, { file: this.pkg.file, part: this.index.workbookPart });
    const sheetsElement = workbook.children.find((c) => c.name === "sheets");
    const positions = new Map(
      (sheetsElement ? findAll(sheetsElement, "sheet") : []).map((s, i) => [attribute(s, "name") ?? "", i]),
    );
    const existing = new Set(
      findAll(workbook, "definedName")
        .filter((d) => attribute(d, "name")?.toLowerCase() === "_xlnm.print_titles")
        .map((d) => attribute(d, "localSheetId")),
    );
    const prefix = /<(\w+:)?workbook/.exec(this.workbookXml)?.[1] ?? "";
    const names = this.printTitled
      .map((name) => ({ name, position: positions.get(name) }))
      .filter(({ position }) => position !== undefined && !existing.has(String(position)))
      .map(
        ({ name, position }) =>
          `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${position}">${escapeXml(`'${name.replace(/'/g, "''")}'!$1:$1`)}</${prefix}definedName>`,
      )
      .join("");
    if (!names) return;
    const close = this.workbookXml.indexOf(`</${prefix}definedNames>`);
    if (close >= 0) {
      this.workbookXml = this.workbookXml.slice(0, close) + names + this.workbookXml.slice(close);
      return;
    }
    // CT_Workbook's order: sheets, functionGroups, externalReferences, then definedNames.
    let at = -1;
    for (const element of ["sheets", "functionGroups", "externalReferences"]) {
      const match = new RegExp(`</${prefix}${element}>|<${prefix}${element}\b[^>]*/>`).exec(this.workbookXml);
      if (match) at = Math.max(at, match.index + match[0].length);
    }
    if (at < 0) return;
    this.workbookXml =
      this.workbookXml.slice(0, at) +
      `<${prefix}definedNames>${names}</${prefix}definedNames>` +
      this.workbookXml.slice(at);
  }

  /** docProps/app.xml's sheet list gains the sheets added (appProperties.ts). */
  private updateAppProperties(): void {
    if (this.added.length === 0) return;
    const part = this.pkg
      .relationships("")
      .find((r) => !r.external && isRelType(r.type, REL.extendedProperties))?.target;
    const xml = part ? this.pkg.text(part) : undefined;
    if (!part || xml === undefined) return;
    const worksheets = [...this.index.sheets.filter((s) => s.isWorksheet).map((s) => s.name), ...this.added];
    const updated = appPropertiesXml(xml, worksheets, { file: this.pkg.file });
    if (updated !== xml) this.pkg.set(part, updated);
  }

  /** `xl/worksheets/sheet7.xml`: the lowest number no part has. */
  private freeName(stem: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}.xml`;
      if (!this.pkg.has(name) && !this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }

  private addWorkbookRelationship(type: string, part: string): string {
    const used = new Set([...this.workbookRels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
    let n = 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(this.index.workbookPart, part);
    const element = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    const close = /<\/(\w+:)?Relationships>/.exec(this.workbookRels);
    this.workbookRels = close
      ? this.workbookRels.slice(0, close.index) + element + this.workbookRels.slice(close.index)
      : this.workbookRels.replace(
          /<(\w+:)?Relationships\b([^>]*)\/>/,
          `<$1Relationships$2>${element}</$1Relationships>`,
        );
    return id;
  }

  private addSheetElement(name: string, sheetId: number, rId: string): void {
    const rootTag = /<(\w+:)?workbook\b[^>]*>/.exec(this.workbookXml)!;
    const relPrefix = new RegExp(`xmlns:(\\w+)="${NS_REL.replace(/\./g, "\\.")}"`).exec(rootTag[0])?.[1];
    const prefix = rootTag[1] ?? "";
    const idAttribute = relPrefix ? `${relPrefix}:id="${rId}"` : `xmlns:r="${NS_REL}" r:id="${rId}"`;
    const element = `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttribute}/>`;
    const close = this.workbookXml.indexOf(`</${prefix}sheets>`);
    if (close >= 0) this.workbookXml = this.workbookXml.slice(0, close) + element + this.workbookXml.slice(close);
    else
      this.workbookXml = this.workbookXml.replace(
        new RegExp(`<${prefix}sheets\\s*/>`),
        `<${prefix}sheets>${element}</${prefix}sheets>`,
      );
  }

  private addOverride(part: string, type: string): void {
    const name = `/${part}`;
    if (new RegExp(`PartName="${escapeRegExp(name)}"`, "i").test(this.contentTypes)) return;
    const close = this.contentTypes.lastIndexOf("</Types>");
    this.contentTypes =
      this.contentTypes.slice(0, close) +
      `<Override PartName="${name}" ContentType="${type}"/>` +
      this.contentTypes.slice(close);
  }

  private removeOverride(part: string): void {
    this.contentTypes = this.contentTypes.replace(
      new RegExp(`<Override\\b[^>]*PartName="/${escapeRegExp(part)}"[^>]*/>`, "i"),
      "",
    );
  }

  /** Every relationship target in the package → the parts pointing at it. */
  private incomingReferences(): Map<string, string[]> {
    if (this.incoming) return this.incoming;
    const incoming = new Map<string, string[]>();
    for (const relsPart of this.pkg.partNames()) {
      const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPart);
      if (!match) continue;
      const source = match[1] + match[2];
      for (const rel of this.pkg.relationships(source)) {
        if (rel.external) continue;
        const key = rel.target.toLowerCase();
        incoming.set(key, [...(incoming.get(key) ?? []), source.toLowerCase()]);
      }
    }
    return (this.incoming = incoming);
  }

  /**
   * Removes the parts only the rewritten sheet used (its old drawing and charts, comments…),
   * following relationships down, but not `keep` (its marker table) nor anything another part
   * still points at.
   */
  private removeSubtree(part: string, keep: Set<string>): void {
    const incoming = this.incomingReferences();
    const removed = new Set<string>([part.toLowerCase()]);
    const visit = (source: string) => {
      for (const rel of this.pkg.relationships(source)) {
        if (rel.external || keep.has(rel.target)) continue;
        const key = rel.target.toLowerCase();
        if (removed.has(key)) continue;
        const others = (incoming.get(key) ?? []).filter((s) => !removed.has(s));
        if (others.length > 0) continue;
        removed.add(key);
        visit(rel.target);
        this.pkg.remove(rel.target);
        this.pkg.remove(relsPartOf(rel.target));
        this.removeOverride(rel.target);
      }
    };
    visit(part);
  }
}

/**
 * Does a worksheet part hold a formula (`<f>`, `<f t="shared" …>`, `<x:f>`)? Searched in the
 * bytes: decoding a 50 MB owned sheet to a string only for this took longer than the search.
 */
function holdsFormula(bytes: Uint8Array | undefined): boolean {
  if (!bytes) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return ["<f>", "<f ", ":f>", ":f "].some((mark) => buffer.includes(mark));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
