/**
 * Inserts the template tables with sample data into the open Excel workbook: the bundled
 * sample workbook (served beside the pane, generated from the same demo data as the CLI's
 * `template`) goes in through `insertWorksheetsFromBase64` (ExcelApi 1.13), one sync.
 * Sheets whose names already exist are not touched: Excel adds the copies with a suffix,
 * so nothing a planner made is overwritten.
 */
export const TEMPLATE_URL = "assets/sample-workbook.xlsx";

export async function insertTemplateIntoExcel(): Promise<void> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13")) {
    throw new Error(
      "This version of Excel cannot insert sheets from a file (ExcelApi 1.13). Open assets/sample-workbook.xlsx and copy its tables instead.",
    );
  }
  const response = await fetch(TEMPLATE_URL);
  if (!response.ok) throw new Error(`The template could not be loaded (${response.status}).`);
  const base64 = toBase64(new Uint8Array(await response.arrayBuffer()));
  await Excel.run(async (context) => {
    context.workbook.insertWorksheetsFromBase64(base64, { positionType: Excel.WorksheetPositionType.end });
    await context.sync();
  });
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode with a whole workbook's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
