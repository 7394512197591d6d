/**
 * FamilySOP: the family S&OP spreadsheet, one block per family and one printed page each (a page
 * break before every family but the first, the header row repeated). Columns: Family, Measure,
 * Line, then the history periods shown, then the plan periods. Fill rate is in percent (0–100)
 * so that the sheet's one units format shows it; days of supply in days.
 */
import type { FamilySopBlock, FamilySopMeasure } from "../../engine/executive";
import type { CellValue, OutputSheet } from "../port";
import { markerTableName } from "../port";
import { clean, UNITS } from "./planSheets";

/** The Measure label on the sheet (fill rate is shown in percent). */
export function familySopMeasureLabel(measure: FamilySopMeasure): string {
  return measure === "Fill rate" ? "Fill rate %" : measure;
}

export function familySopSheet(blocks: readonly FamilySopBlock[]): OutputSheet {
  const periods = blocks.length > 0 ? [...blocks[0].historyPeriods, ...blocks[0].planPeriods] : [];
  const headers = ["Family", "Measure", "Line", ...periods];
  const rows: CellValue[][] = [];
  const pageBreaks: number[] = [];
  for (const block of blocks) {
    if (rows.length > 0) pageBreaks.push(rows.length);
    for (const line of block.lines) {
      const scale = line.measure === "Fill rate" ? 100 : 1;
      rows.push([
        block.family,
        familySopMeasureLabel(line.measure),
        line.line,
        ...line.values.map((v) => (v === null ? null : clean(v * scale))),
      ]);
    }
  }
  return {
    name: "FamilySOP",
    tableName: markerTableName("FamilySOP"),
    headers,
    rows,
    numberFormats: headers.map((_, c) => (c < 3 ? null : UNITS)),
    columnWidths: headers.map((_, c) => (c === 0 ? 14 : c === 1 ? 15 : c === 2 ? 20 : 9)),
    landscape: true,
    pageBreaks,
  };
}
