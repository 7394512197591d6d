import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { io } from "./cliIo";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-cli-approve-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sheet(file: string, name: string) {
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  return wb.sheetValues(name)!;
}

describe("sop-planner approve", () => {
  it("writes to -o by default beside the input, never the input without --in-place", async () => {
    const file = path.join(dir, "in.xlsx");
    await main(["template", file], io());
    await main(["plan", file, "--in-place"], io());
    const before = fs.readFileSync(file);
    expect(await main(["approve", file, "--by", "Dana"], io())).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const log = await sheet(path.join(dir, "in.plan.xlsx"), "PlanLog");
    expect(log[log.length - 1][log[0].indexOf("By")]).toBe("Dana");
    expect(await main(["approve", file, "--by", "Dana", "-o", file], io())).toBe(2);
  }, 60_000);

  it("refuses a workbook with no plan (exit 1) and bad arguments (exit 2); --help exits 0", async () => {
    const file = path.join(dir, "in.xlsx");
    await main(["template", file], io());
    const none = io();
    expect(await main(["approve", file, "--by", "Dana", "-o", path.join(dir, "x.xlsx")], none)).toBe(1);
    expect(none.out.join("\n")).toMatch(/no whole plan to approve/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    const noName = io();
    expect(await main(["approve", file], noName)).toBe(2);
    expect(noName.err.join("\n")).toMatch(/approve needs --by NAME/);
    expect(await main(["approve", file, "--by", "  "], io())).toBe(2);
    expect(await main(["plan", file, "--by", "Dana"], io())).toBe(2);
    expect(await main(["approve", file, "--by", "Dana", "--strategy", "chase"], io())).toBe(2);
    const stray = io();
    expect(await main(["plan", file, "--allow-stale"], stray)).toBe(2);
    expect(stray.err.join("\n")).toMatch(/--allow-stale applies to "approve" only/);
    const help = io();
    expect(await main(["approve", "--help"], help)).toBe(0);
    expect(help.out.join("\n")).toMatch(/--by <name>/);
    expect(help.out.join("\n")).toMatch(/--allow-stale/);
  });
});
