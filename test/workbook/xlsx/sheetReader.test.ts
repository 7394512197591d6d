/**
 * Cell values of a worksheet part (src/workbook/xlsx/sheetReader.ts), on hand-written sheet XML:
 * the in-place fast paths (integers, row and cell references, `inlineStr`/`str` types) must give
 * what the general path gives. Expected values are read off the XML by hand (ECMA-376 §18.3.1.4
 * `c`, §18.18.11 cell types; the 1904 date system starts 1,462 days after the 1900 one).
 */
import { readSheetCells } from "../../../src/workbook/xlsx/sheetReader";

const where = { file: "book.xlsx", part: "xl/worksheets/sheet1.xml" };
const sheet = (data: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
const read = (data: string, date1904 = false) =>
  readSheetCells(sheet(data), { sharedStrings: () => ["zero", "one"], dateStyles: [false, true], date1904 }, where);

describe("readSheetCells", () => {
  it("reads integers, decimals, signs and exponents as Number does", () => {
    const { rows } = read(
      `<row r="1"><c r="A1"><v>45292</v></c><c r="B1"><v>007</v></c><c r="C1"><v>-12</v></c>` +
        `<c r="D1"><v>2.5</v></c><c r="E1"><v>1E3</v></c><c r="F1"><v> 8 </v></c><c r="G1"><v>1234567890123456789</v></c></row>`,
    );
    expect(rows[0]).toEqual([45292, 7, -12, 2.5, 1000, 8, 1234567890123456789]);
  });

  it("matches the cell types in place: shared, inline and formula strings, booleans, errors", () => {
    const { rows } = read(
      `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>IT-1</t></is></c>` +
        `<c r="C2" t="str"><f>A1</f><v>x_x0041_</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#N/A</v></c>` +
        `<c r="F2" t="inlineStr"><is><t>a&amp;b</t></is></c></row>`,
    );
    expect(rows[1]).toEqual(["one", "IT-1", "xA", true, "#N/A", "a&b"]);
  });

  it("follows rows and cells without references, and shifts 1904 dates by 1,462 days", () => {
    const { rows, rowCount, columnCount } = read(
      `<row r="3"><c s="1"><v>100</v></c><c><v>5</v></c></row><row r=""><c r="C4"><v>6</v></c></row><row><c><v>7</v></c></row>`,
      true,
    );
    // row 3 (index 2): the date style (s=1) gives 100 + 1462; then r="" and no r each mean the next row
    expect(rows[2]).toEqual([1562, 5]);
    expect(rows[3]).toEqual([undefined, undefined, 6]);
    expect(rows[4]).toEqual([7]);
    expect([rowCount, columnCount]).toEqual([5, 3]);
  });
});
