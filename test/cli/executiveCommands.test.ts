import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { io } from "./cliIo";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

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
    expect(await main(["plan", promoted, "--in-place"], plan)).toBe(0);
    expect(plan.out.join("\n")).toMatch(/written: optimal \(scenario "Second paint shift"\)/);
    const revert = io();
    expect(await main(["scenario", promoted, "revert", "--in-place"], revert)).toBe(0);
    expect(revert.out.join("\n")).toMatch(/the plan is now the base plan/);
    expect(await main(["scenario", promoted, "revert", "--in-place"], io())).toBe(1);
  }, 120_000);

  it("rejects a scenario command without an action or name (exit 2)", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    expect(await main(["scenario", input], io())).toBe(2);
    expect(await main(["scenario", input, "promote"], io())).toBe(2);
    expect(await main(["measure", input, "--strategy", "chase"], io())).toBe(2);
  });
});

describe("sop-planner scenario save", () => {
  it("saves DemandPlan's overrides with a strategy and capacity changes; list then shows it", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    const before = fs.readFileSync(input);
    const out = path.join(dir, "s.xlsx");
    const run = io();
    expect(
      await main(
        [
          "scenario",
          "save",
          input,
          "Overtime push",
          "--strategy",
          "chase",
          "--capacity",
          "Paint=+10%",
          "--capacity",
          "Assembly=+40",
          "-o",
          out,
        ],
        run,
      ),
    ).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true); // the input is not written
    // the template plans 18 months: Paint=+10% is one change per plan period (18), Assembly=+40
    // one change for every period (1): 19; the template has no DemandPlan overrides yet (0);
    // it ships 2 scenarios, so 3 after saving
    expect(run.out.join("\n")).toMatch(
      /Saved scenario "Overtime push": 0 override\(s\), strategy chase, 19 capacity change\(s\); 3 scenario\(s\)/,
    );
    const list = io();
    expect(await main(["scenario", out, "list"], list)).toBe(0);
    expect(list.out.join("\n")).toMatch(/Overtime push\s+chase\s+0\s+19/);
    expect(list.out.join("\n")).toMatch(/Second paint shift/);
  }, 120_000);

  it("rejects bad save arguments with a message (exit 2) and an unknown resource (exit 1)", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    const noName = io();
    expect(await main(["scenario", "save", input], noName)).toBe(2);
    expect(noName.err.join("\n")).toMatch(/scenario save needs a file and one scenario name/);
    const badCapacity = io();
    expect(await main(["scenario", "save", input, "X", "--capacity", "Paint=lots"], badCapacity)).toBe(2);
    expect(badCapacity.err.join("\n")).toMatch(/--capacity takes Resource=\+10%/);
    const badStrategy = io();
    expect(await main(["scenario", "save", input, "X", "--strategy", "fast"], badStrategy)).toBe(2);
    expect(badStrategy.err.join("\n")).toMatch(/--strategy must be one of/);
    expect(await main(["scenario", input, "list", "--capacity", "Paint=+5%"], io())).toBe(2);
    const unknown = io();
    expect(
      await main(
        ["scenario", "save", input, "X", "--capacity", "Nowhere=+5%", "-o", path.join(dir, "x.xlsx")],
        unknown,
      ),
    ).toBe(1);
    expect(unknown.out.join("\n")).toMatch(/no resource "Nowhere"/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  }, 60_000);
});
