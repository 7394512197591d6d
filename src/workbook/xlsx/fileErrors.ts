/**
 * The one error the `.xlsx` adapter raises for a file it will not open: what the file is, and
 * what to do. The CLI prints `message` as its one line (exit 1) and writes nothing.
 */

export type WorkbookFileProblem =
  | "empty"
  | "not-zip"
  | "csv"
  | "legacy-xls"
  | "encrypted"
  | "truncated"
  | "too-large"
  | "zip-bomb"
  | "unsupported-zip"
  | "corrupt"
  | "doctype"
  | "bad-part-name"
  | "not-a-workbook";

const ADVICE: Record<WorkbookFileProblem, string> = {
  empty: "the file is empty; choose the saved workbook (.xlsx or .xlsm)",
  "not-zip": "it is not an .xlsx workbook; open it in Excel and save it as Excel Workbook (.xlsx)",
  csv: "it looks like CSV text, not an .xlsx workbook; open it in Excel and save it as Excel Workbook (.xlsx)",
  "legacy-xls": "it is a legacy Excel 97-2003 (.xls) workbook; open it in Excel and save it as Excel Workbook (.xlsx)",
  encrypted:
    "it is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook) and save it",
  truncated: "the file is truncated or damaged (incomplete zip); copy or download it again",
  "too-large": "it would unpack to more than the size limit; split the workbook or remove unused sheets",
  "zip-bomb": "a part unpacks to far more than its packed size (a zip bomb?); it was not opened",
  "unsupported-zip": "it uses a zip feature Excel does not write; open it in Excel and save it again",
  corrupt: "a part of the package is damaged; open it in Excel (which offers to repair it) and save it again",
  doctype: "a part contains a DOCTYPE or entity declaration, which workbooks never need; it was not read",
  "bad-part-name": "a part name climbs out of the package (../); it was not opened",
  "not-a-workbook": "the zip holds no Excel workbook; choose an .xlsx or .xlsm file",
};

export class WorkbookFileError extends Error {
  readonly problem: WorkbookFileProblem;
  readonly file: string;
  constructor(problem: WorkbookFileProblem, file: string, detail?: string) {
    super(`${file}: ${ADVICE[problem]}${detail ? ` (${detail})` : ""}.`);
    this.name = "WorkbookFileError";
    this.problem = problem;
    this.file = file;
  }
}
