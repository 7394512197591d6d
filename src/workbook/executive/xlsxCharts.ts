/**
 * Adds native chart parts to an .xlsx that ExcelJS wrote (ExcelJS 4 cannot write charts): for
 * each sheet with charts, a drawing part anchoring them, one chart part per chart, the
 * relationships from sheet to drawing to charts, and their content types. The rest of the
 * package is left byte for byte as ExcelJS wrote it.
 *
 * Package layout per ECMA-376 Part 2 (OPC): `xl/workbook.xml` names the sheets,
 * `xl/_rels/workbook.xml.rels` maps them to `xl/worksheets/sheetN.xml`; a sheet's drawing is a
 * `<drawing r:id>` element, placed where CT_Worksheet's sequence allows it.
 */
import JSZip from "jszip";
import { chartPartXml, drawingPartXml, type CellLookup } from "./chartXml";
import type { ChartSpec } from "./sheetParts";

const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/** CT_Worksheet elements that must come after `<drawing>`. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
  /** the sheet's cell values (0-based), for the charts' value caches */
  lookup: CellLookup;
}

/**
 * @example
 * const bytes = await addCharts(await workbook.xlsx.writeBuffer(), [{ sheet: "ExecutiveSummary", charts, lookup }]);
 * // bytes hold xl/charts/chart1.xml … and open in Excel / LibreOffice with the charts drawn
 * @throws Error when a named sheet is not in the package or already has a drawing.
 */
export async function addCharts(xlsx: ArrayBuffer | Uint8Array, sheets: readonly SheetCharts[]): Promise<Uint8Array> {
  const wanted = sheets.filter((s) => s.charts.length > 0);
  const zip = await JSZip.loadAsync(xlsx);
  if (wanted.length === 0) return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const workbookXml = await read(zip, "xl/workbook.xml");
  const workbookRels = await read(zip, "xl/_rels/workbook.xml.rels");
  let contentTypes = await read(zip, "[Content_Types].xml");
  let drawingNo = countParts(zip, /^xl\/drawings\/drawing\d+\.xml$/);
  let chartNo = countParts(zip, /^xl\/charts\/chart\d+\.xml$/);

  for (const { sheet, charts, lookup } of wanted) {
    const sheetPath = sheetPartPath(workbookXml, workbookRels, sheet);
    const sheetRelsPath = sheetPath.replace(/^xl\/worksheets\//, "xl/worksheets/_rels/") + ".rels";
    let sheetXml = await read(zip, sheetPath);
    if (/<drawing\s/.test(sheetXml)) throw new Error(`Sheet "${sheet}" already has a drawing.`);
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels: string[] = [];
    charts.forEach((chart, k) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartPartXml(sheet, chart, lookup));
      contentTypes = addOverride(contentTypes, `/xl/charts/chart${chartNo}.xml`, CT_CHART);
      chartRels.push(`<Relationship Id="rId${k + 1}" Type="${REL_CHART}" Target="../charts/chart${chartNo}.xml"/>`);
    });
    zip.file(drawingPath, drawingPartXml(charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relationships(chartRels.join("")));
    contentTypes = addOverride(contentTypes, `/${drawingPath}`, CT_DRAWING);

    const existingRels = zip.file(sheetRelsPath) ? await read(zip, sheetRelsPath) : relationships("");
    const rId = freeRelationshipId(existingRels);
    zip.file(
      sheetRelsPath,
      existingRels.replace(
        "</Relationships>",
        `<Relationship Id="${rId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
      ),
    );
    if (!/xmlns:r="/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet"))))) {
      sheetXml = sheetXml.replace(
        "<worksheet",
        `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`,
      );
    }
    zip.file(sheetPath, insertDrawing(sheetXml, rId));
  }
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function read(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`The workbook package has no ${path}.`);
  return file.async("string");
}

function countParts(zip: JSZip, pattern: RegExp): number {
  return Object.keys(zip.files).filter((p) => pattern.test(p)).length;
}

function relationships(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** `xl/worksheets/sheetN.xml` of the sheet called `name`. */
export function sheetPartPath(workbookXml: string, workbookRels: string, name: string): string {
  for (const match of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const tag = match[0];
    const sheetName = /\bname="([^"]*)"/.exec(tag)?.[1];
    const rId = /\br:id="([^"]*)"/.exec(tag)?.[1];
    if (sheetName === undefined || rId === undefined || unescapeXml(sheetName) !== name) continue;
    for (const rel of workbookRels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/\bId="([^"]*)"/.exec(rel[0])?.[1] !== rId) continue;
      const target = /\bTarget="([^"]*)"/.exec(rel[0])?.[1] as string;
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  throw new Error(`The workbook has no sheet "${name}".`);
}

function freeRelationshipId(rels: string): string {
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addOverride(contentTypes: string, partName: string, type: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  return contentTypes.replace("</Types>", `<Override PartName="${partName}" ContentType="${type}"/></Types>`);
}

/** Inserts `<drawing r:id>` before the first element CT_Worksheet wants after it. */
export function insertDrawing(sheetXml: string, rId: string): string {
  const element = `<drawing r:id="${rId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const match = new RegExp(`<${name}[\\s/>]`).exec(sheetXml);
    if (match && (at < 0 || match.index < at)) at = match.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}
