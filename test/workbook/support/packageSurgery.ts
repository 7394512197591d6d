/**
 * Test helpers that edit an .xlsx package the way a planner's tool would, without going
 * through the adapter's write path: type values into cells of a sheet (as a planner typing an
 * override), add the planning input sheets and tables to someone else's workbook, and list a
 * package's parts with their bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { CellValue } from "../../../src/workbook/port";
import type { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { OpcPackage } from "../../../src/workbook/xlsx/opcPackage";
import { PackageEdit } from "../../../src/workbook/xlsx/packageEdit";
import { indexWorkbook } from "../../../src/workbook/xlsx/workbookIndex";
import { memorySheetSpec } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { columnIndex } from "../../../src/workbook/xlsx/sheetReader";

/** Every part of a package, name → bytes. */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** The part name of a sheet, through the workbook's relationships. */
export function sheetPart(bytes: Uint8Array, sheet: string): string {
  const pkg = new OpcPackage(bytes, "test");
  const entry = indexWorkbook(pkg).sheets.find((s) => s.name === sheet);
  if (!entry) throw new Error(`no sheet ${sheet}`);
  return entry.part;
}

function cellXml(ref: string, value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** Sets cells (`{ G4: 999 }`) of a sheet in the package's XML, as a planner typing them would. */
export function typeIntoCells(bytes: Uint8Array, sheet: string, cells: Record<string, CellValue>): Uint8Array {
  const files = unzipSync(bytes);
  const part = sheetPart(bytes, sheet);
  let xml = strFromU8(files[part]);
  for (const [ref, value] of Object.entries(cells)) {
    const row = Number(/\d+/.exec(ref)![0]);
    const rowMatch = new RegExp(`<row [^>]*?r="${row}"[^>]*?(/>|>([\\s\\S]*?)</row>)`).exec(xml);
    if (!rowMatch) throw new Error(`row ${row} of ${sheet} is not in the sheet (this helper edits existing rows only)`);
    let inner = rowMatch[2] ?? "";
    const existing = new RegExp(`<c r="${ref}"(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</c>)`).exec(inner);
    if (existing)
      inner = inner.slice(0, existing.index) + cellXml(ref, value) + inner.slice(existing.index + existing[0].length);
    else {
      const column = columnIndex(ref);
      const after = [...inner.matchAll(/<c r="([A-Z]+)\d+"/g)].find((m) => columnIndex(m[1]) > column);
      inner = after
        ? inner.slice(0, after.index) + cellXml(ref, value) + inner.slice(after.index)
        : inner + cellXml(ref, value);
    }
    const open = rowMatch[0].slice(0, rowMatch[0].indexOf(">") + 1).replace(/\/>$/, ">");
    xml = xml.slice(0, rowMatch.index) + `${open}${inner}</row>` + xml.slice(rowMatch.index + rowMatch[0].length);
  }
  files[part] = strToU8(xml);
  return zipSync(files);
}

/**
 * A copy of `bytes` with the sheets of `memory` (the planning input tables) added after the
 * workbook's own sheets, by package surgery: every existing part keeps its bytes except the
 * workbook part, its relationships, the content types and styles, which gain entries.
 */
export function addPlanningSheets(bytes: Uint8Array, memory: MemoryWorkbook): Uint8Array {
  const pkg = new OpcPackage(bytes, "test");
  const edit = new PackageEdit(pkg, indexWorkbook(pkg));
  for (const sheet of memory.sheets) edit.putSheet(memorySheetSpec(memory, sheet));
  edit.commit();
  return pkg.save();
}
