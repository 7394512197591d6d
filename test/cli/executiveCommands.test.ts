import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type CliIo } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 0, 15)) };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-cli-exec-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("sop-planner measure and scenario", () => {
  it("measure writes the Measure sheet and prints accuracy and OTIF (exit 0)", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    const run = io();
    expect(await main(["measure", input, "-o", path.join(dir, "m.xlsx")], run)).toBe(0);
    const text = run.out.join("\n");
    expect(text).toMatch(/backtest over the last 6 periods/);
    expect(text).toMatch(/OTIF \d+\.\d%/);
    const written = await XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(dir, "m.xlsx")));
    expect((await written.readInputs()).owned.find((o) => o.name === "Measure")?.ownedByAddIn).toBe(true);
  }, 60_000);

  it("scenario lists, promotes and reverts; plan then plans with the promoted one", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    const list = io();
    expect(await main(["scenario", input, "list"], list)).toBe(0);
    expect(list.out.join("\n")).toMatch(/Second paint shift/);
    const promoted = path.join(dir, "p.xlsx");
    const promote = io();
    expect(await main(["scenario", input, "promote", "Second paint shift", "-o", promoted], promote)).toBe(0);
    expect(promote.out.join("\n")).toMatch(/the plan is now scenario "Second paint shift"/);
    const plan = io();
    expect(await main(["plan", promoted, "-o", promoted], plan)).toBe(0);
    expect(plan.out.join("\n")).toMatch(/written: optimal \(scenario "Second paint shift"\)/);
    const revert = io();
    expect(await main(["scenario", promoted, "revert", "-o", promoted], revert)).toBe(0);
    expect(revert.out.join("\n")).toMatch(/the plan is now the base plan/);
    expect(await main(["scenario", promoted, "revert", "-o", promoted], io())).toBe(1);
  }, 120_000);

  it("rejects a scenario command without an action or name (exit 2)", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    expect(await main(["scenario", input], io())).toBe(2);
    expect(await main(["scenario", input, "promote"], io())).toBe(2);
    expect(await main(["measure", input, "--strategy", "chase"], io())).toBe(2);
  });
});
