/**
 * Cell values of a worksheet part and the shared strings, streamed (xmlScanner.ts) without
 * building a tree. Values come out as the port wants them: shared, inline and rich-text strings as plain
 * text, formulas as their cached results, booleans, error cells as their code (`#N/A`, for
 * validation to report with the cell), and dates as serials of the 1900 date system whatever
 * the workbook's own (`date1904` workbooks from Excel for Mac are shifted by 1,462 days).
 */
import type { CellValue } from "../port";
import { dateToSerial } from "../schema/periods";
import { unescapeCellText } from "./xml";
import { scanXml } from "./xmlScanner";

/** Days between the 1900 and 1904 date systems' day 0 (Excel: 1904-01-01 is 1462 in 1900 serials). */
export const DATE_1904_OFFSET = 1462;

/** The strings of `xl/sharedStrings.xml`, runs joined, phonetic hints (`rPh`) left out. */
export function readSharedStrings(xml: string, where: { file: string; part: string }): string[] {
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  scanXml(
    xml,
    {
      wantText: () => inText,
      open(name) {
        if (name === "si") current = "";
        else if (name === "rPh") phonetic++;
        else if (name === "t" && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === "si") strings.push(unescapeCellText(current));
        else if (name === "rPh") phonetic--;
        else if (name === "t") inText = false;
      },
      text(text) {
        current += text;
      },
    },
    where,
  );
  return strings;
}

/** A worksheet's values: `rows[r][c]`, 0-based, holes for empty cells. */
export interface SheetCells {
  rows: CellValue[][];
  /** rows and columns up to the last cell holding a value */
  rowCount: number;
  columnCount: number;
}

/** `"BC12"` → column 54 (0-based); the row part is ignored. */
export function columnIndex(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

function rowOf(reference: string): number {
  let i = 0;
  while (i < reference.length && reference.charCodeAt(i) >= 65) i++;
  return Number(reference.slice(i)) - 1;
}

/**
 * The integer written in `source[start, end)` when that is 1 to 15 plain digits (exact as a
 * double, and what `Number` makes of it), else -1: the caller falls back to `Number`.
 */
function digitsAt(source: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let at = start; at < end; at++) {
    const digit = source.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The inline strings met lately, by a hash of their characters: a long table repeats its item
 * and family names row after row, and a repeat found here is the earlier string, not one more
 * copy for the heap to keep (300,000 Sales rows hold some 5,000 different names, not 600,000).
 */
class RecentStrings {
  private readonly slots: string[] = new Array<string>(4096).fill("");

  /** The text at `source[start, end)` as a string, or undefined when it needs unescaping (`_x`). */
  find(source: string, start: number, end: number): string | undefined {
    let hash = end - start;
    for (let at = start; at < end; at++) {
      const code = source.charCodeAt(at);
      if (code === 95) return undefined; // "_": maybe an _xHHHH_ escape, left to unescapeCellText
      hash = (Math.imul(hash, 31) + code) | 0;
    }
    const slot = (hash ^ (hash >>> 12)) & 4095;
    const known = this.slots[slot];
    if (known.length === end - start && source.startsWith(known, start)) return known;
    return (this.slots[slot] = source.slice(start, end));
  }
}

export interface SheetReadOptions {
  sharedStrings: () => string[];
  /** per cellXfs index: does the style show a date */
  dateStyles: boolean[];
  date1904: boolean;
}

export function readSheetCells(
  xml: string,
  options: SheetReadOptions,
  where: { file: string; part: string },
): SheetCells {
  const rows: CellValue[][] = [];
  let rowCount = 0;
  let columnCount = 0;
  let row = -1;
  let column = -1;
  let type = "n";
  let style = 0;
  let text = "";
  let collecting = false;
  let hasValue = false;
  let phonetic = 0;
  let inCell = false;
  let strings: string[] | null = null;
  const recent = new RecentStrings();
  // a cell's text while it is one plain run: its place in `xml` (textStart >= 0), not yet a string
  let textStart = -1;
  let textEnd = -1;
  const store = (value: CellValue) => {
    if (value === null || value === "") return;
    (rows[row] ??= [])[column] = value;
    if (row + 1 > rowCount) rowCount = row + 1;
    if (column + 1 > columnCount) columnCount = column + 1;
  };
  const flush = () => {
    if (textStart >= 0) text += xml.slice(textStart, textEnd);
    textStart = -1;
  };
  scanXml(
    xml,
    {
      wantText: () => collecting,
      open(name, tag) {
        switch (name) {
          case "row": {
            const r = tag.range("r");
            if (!r || r.end === r.start) row++;
            else {
              const digits = digitsAt(tag.source, r.start, r.end);
              row = (digits >= 0 ? digits : Number(tag.attribute("r"))) - 1;
            }
            column = -1;
            break;
          }
          case "c": {
            const source = tag.source;
            const r = tag.range("r");
            if (r) {
              // "BC12": letters, then digits; parsed in place (a string per cell costs at 1,000,000 cells)
              let letters = 0;
              let at = r.start;
              for (
                let code = source.charCodeAt(at);
                at < r.end && code >= 65 && code <= 90;
                code = source.charCodeAt(++at)
              )
                letters = letters * 26 + (code - 64);
              let digits = 0;
              const numberStart = at;
              for (
                let code = source.charCodeAt(at);
                at < r.end && code >= 48 && code <= 57;
                code = source.charCodeAt(++at)
              )
                digits = digits * 10 + (code - 48);
              if (at === r.end && letters > 0) {
                column = letters - 1;
                if (at > numberStart && digits > 0) row = digits - 1;
              } else {
                const reference = source.slice(r.start, r.end);
                column = columnIndex(reference);
                const inRow = rowOf(reference);
                if (Number.isFinite(inRow) && inRow >= 0) row = inRow;
              }
            } else column++;
            const t = tag.range("t");
            // single characters ("s", "b", "e", "n", "d") come from V8's one-character string cache,
            // the two longer types are matched in place: no string per cell
            type = !t
              ? "n"
              : t.end - t.start === 1
                ? source[t.start]
                : t.end - t.start === 9 && source.startsWith("inlineStr", t.start)
                  ? "inlineStr"
                  : t.end - t.start === 3 && source.startsWith("str", t.start)
                    ? "str"
                    : tag.attribute("t")!;
            const s = tag.range("s");
            style = 0;
            if (s)
              for (let at = s.start; at < s.end; at++) {
                const digit = source.charCodeAt(at) - 48;
                if (digit < 0 || digit > 9) {
                  style = Number(tag.attribute("s")) || 0;
                  break;
                }
                style = style * 10 + digit;
              }
            text = "";
            textStart = -1;
            hasValue = false;
            inCell = true;
            break;
          }
          case "v":
          case "t":
            if (inCell && (name === "v" || phonetic === 0)) {
              collecting = true;
              hasValue = true;
            }
            break;
          case "rPh":
            phonetic++;
            break;
        }
      },
      close(name) {
        if (name === "v" || name === "t") collecting = false;
        else if (name === "rPh") phonetic--;
        else if (name === "c") {
          inCell = false;
          if (!hasValue) return;
          let value: CellValue;
          if (type === "n" && textStart >= 0) {
            // the common number cell, an integer written in plain digits, parsed in place
            const digits = digitsAt(xml, textStart, textEnd);
            if (digits >= 0) {
              value = options.date1904 && options.dateStyles[style] ? digits + DATE_1904_OFFSET : digits;
              store(value);
              return;
            }
          }
          if ((type === "inlineStr" || type === "str") && textStart >= 0) {
            const repeated = recent.find(xml, textStart, textEnd);
            if (repeated !== undefined) return store(repeated);
          }
          flush();
          switch (type) {
            case "s":
              strings ??= options.sharedStrings();
              value = strings[Number(text)] ?? null;
              break;
            case "inlineStr":
            case "str":
              value = unescapeCellText(text);
              break;
            case "b":
              value = text.trim() === "1" || text.trim().toLowerCase() === "true";
              break;
            case "e":
              value = text.trim();
              break;
            case "d": {
              const iso = text.trim();
              const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || iso.length <= 10 ? iso : iso + "Z");
              value = Number.isNaN(date.getTime()) ? iso : dateToSerial(date);
              break;
            }
            default: {
              if (text.trim() === "") return;
              const number = Number(text);
              value = options.date1904 && options.dateStyles[style] ? number + DATE_1904_OFFSET : number;
            }
          }
          store(value);
        }
      },
      text(chunk) {
        flush();
        text += chunk;
      },
      textRange(start, end) {
        if (textStart < 0 && text === "") {
          textStart = start;
          textEnd = end;
        } else {
          flush();
          text += xml.slice(start, end);
        }
      },
    },
    where,
  );
  return { rows, rowCount, columnCount };
}
