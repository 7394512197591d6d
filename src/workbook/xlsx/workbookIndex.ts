/**
 * What a workbook package holds, found by following relationships from the package root:
 * the workbook part, its sheets (name → part), each sheet's tables (name, id, range, part), the
 * shared strings and styles parts, and the date system. Small parts only; cells are read later,
 * and only for the sheets planning needs.
 */
import { WorkbookFileError } from "./fileErrors";
import { type OpcPackage, REL, isRelType } from "./opcPackage";
import { attribute, findAll, relationshipId } from "./xml";

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** relationship id in the workbook's relationships */
  rId: string;
  part: string;
  /** a worksheet (not a chart sheet, dialog or macro sheet) */
  isWorksheet: boolean;
}

export interface TableEntry {
  /** the name formulas use (`displayName`) */
  name: string;
  id: number;
  part: string;
  /** `A1:D20` */
  ref: string;
  sheet: string;
  sheetPart: string;
}

export interface WorkbookIndex {
  workbookPart: string;
  sheets: SheetEntry[];
  tables: TableEntry[];
  sharedStringsPart?: string;
  stylesPart?: string;
  calcChainPart?: string;
  date1904: boolean;
}

export function indexWorkbook(pkg: OpcPackage): WorkbookIndex {
  const root = pkg.relationships("");
  const office = root.find((r) => isRelType(r.type, REL.officeDocument) && !r.external);
  if (!office || !pkg.has(office.target)) throw new WorkbookFileError("not-a-workbook", pkg.file);
  const workbookPart = office.target;
  const workbook = pkg.tree(workbookPart)!;
  if (workbook.name !== "workbook") throw new WorkbookFileError("not-a-workbook", pkg.file, workbook.name);
  const rels = pkg.relationships(workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const workbookPr = workbook.children.find((c) => c.name === "workbookPr");
  const date1904 = ["1", "true"].includes(String(workbookPr ? attribute(workbookPr, "date1904") : "").toLowerCase());

  const sheets: SheetEntry[] = [];
  const sheetsElement = workbook.children.find((c) => c.name === "sheets");
  for (const sheet of sheetsElement ? findAll(sheetsElement, "sheet") : []) {
    const rel = byId.get(relationshipId(sheet) ?? "");
    if (!rel || rel.external) continue;
    sheets.push({
      name: attribute(sheet, "name") ?? "",
      sheetId: Number(attribute(sheet, "sheetId") ?? 0),
      rId: rel.id,
      part: rel.target,
      isWorksheet: isRelType(rel.type, REL.worksheet),
    });
  }
  const tables: TableEntry[] = [];
  for (const sheet of sheets) {
    if (!sheet.isWorksheet) continue;
    for (const rel of pkg.relationships(sheet.part)) {
      if (rel.external || !isRelType(rel.type, REL.table)) continue;
      const table = pkg.tree(rel.target);
      if (!table) continue;
      tables.push({
        name: attribute(table, "displayName") ?? attribute(table, "name") ?? "",
        id: Number(attribute(table, "id") ?? 0),
        part: rel.target,
        ref: attribute(table, "ref") ?? "A1",
        sheet: sheet.name,
        sheetPart: sheet.part,
      });
    }
  }
  const find = (type: string) => rels.find((r) => !r.external && isRelType(r.type, type))?.target;
  return {
    workbookPart,
    sheets,
    tables,
    sharedStringsPart: find(REL.sharedStrings),
    stylesPart: find(REL.styles),
    calcChainPart: find(REL.calcChain),
    date1904,
  };
}
