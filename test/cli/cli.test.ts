import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { io } from "./cliIo";
import { demoWorkbook } from "../../src/workbook/sample/demoWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { PlanningSession } from "../../src/workbook/session";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function brokenWorkbook(file: string): Promise<void> {
  const wb = demoWorkbook();
  wb.sheet("Sales")!.cells[3][3] = "lots";
  wb.sheet("Items")!.cells[2][2] = null; // an item without family
  fs.writeFileSync(file, await XlsxWorkbook.fromMemory(wb).toBuffer());
}

describe("sop-planner CLI", () => {
  it("template writes a workbook that validate accepts (exit 0)", async () => {
    const file = path.join(dir, "t.xlsx");
    const a = io();
    expect(await main(["template", file], a)).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    const b = io();
    expect(await main(["validate", file], b)).toBe(0);
    expect(b.out.join("\n")).toMatch(/0 error\(s\)/);
  });

  it("plan writes the plan next to the input, never into it, and prints the summary (exit 0)", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    const original = fs.readFileSync(input);
    const run = io();
    expect(await main(["plan", input, "--strategy", "chase"], run)).toBe(0);
    expect(fs.readFileSync(input).equals(original)).toBe(true);
    const output = path.join(dir, "in.plan.xlsx");
    expect(fs.existsSync(output)).toBe(true);
    const summary = run.out.join("\n");
    expect(summary).toMatch(/chase \*/);
    expect(summary).toMatch(/Chairs/);
    expect(run.err.join("\n")).toMatch(/… forecast/);
    const written = await XlsxWorkbook.fromBuffer(fs.readFileSync(output));
    const owned = (await written.readInputs()).owned.filter((s) => s.ownedByAddIn).map((s) => s.name);
    expect(owned).toEqual([
      "DemandPlan",
      "FamilyPlan",
      "CapacityLoad",
      "ProductionPlan",
      "InventoryPlan",
      "BacklogPlan",
      "PlanHistory",
      "PlanLog",
      "ExecutiveSummary",
      "FinancialPlan",
      "Scenarios",
      "DecisionLog",
      "FamilySOP",
    ]);
  });

  it("refuses -o naming the input (exit 2) unless --in-place is given", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    const original = fs.readFileSync(input);
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(input, link);
    for (const target of [input, path.join(dir, ".", "in.xlsx"), link]) {
      const refused = io();
      expect(await main(["plan", input, "-o", target, "--strategy=level"], refused)).toBe(2);
      expect(refused.err[0]).toBe(
        `sop-planner: ${target} is the input file; pass --in-place to write into it, or choose another -o.`,
      );
      expect(fs.readFileSync(input).equals(original)).toBe(true);
    }
    expect(await main(["plan", input, "-o", input, "--in-place", "--strategy=level"], io())).toBe(0);
    const inPlace = await XlsxWorkbook.fromBuffer(fs.readFileSync(input));
    expect((await inPlace.readInputs()).owned.find((s) => s.name === "ProductionPlan")!.ownedByAddIn).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["in.xlsx", "link.xlsx"]); // no temporary file left, no in.plan.xlsx
  }, 120_000);

  it("exits 1 and lists every validation error, writing nothing", async () => {
    const input = path.join(dir, "broken.xlsx");
    await brokenWorkbook(input);
    const check = io();
    expect(await main(["validate", input], check)).toBe(1);
    const listed = check.out.join("\n");
    expect(listed).toMatch(/Sales, row 3, column Quantity \[Sales!D4\]/);
    expect(listed).toMatch(/Items, row 2, column Family \[Items!C3\]/);
    const run = io();
    expect(await main(["plan", input, "-o", path.join(dir, "out.xlsx")], run)).toBe(1);
    expect(run.out.join("\n")).toMatch(/No plan written: 2 error\(s\)/);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });

  it("exits 1 with the reason when the chosen strategy has no feasible plan, writing nothing", async () => {
    const wb = demoWorkbook();
    // No hours at all, no subcontracting and no backlog allowed: no optimal plan can meet demand.
    const capacity = wb.sheet("Capacity")!;
    for (const row of capacity.cells.slice(1)) {
      row[2] = 0;
      row[3] = 0;
    }
    const settings = wb.sheet("Settings")!;
    settings.cells = settings.cells.filter((row) => row[0] !== "backlogCost" && row[0] !== "subcontractCost");
    const input = path.join(dir, "short.xlsx");
    fs.writeFileSync(input, await XlsxWorkbook.fromMemory(wb).toBuffer());
    const run = io();
    expect(await main(["plan", input, "-o", path.join(dir, "out.xlsx")], run)).toBe(1);
    expect(run.out.join("\n")).toMatch(/error +Plan: .*short/i);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });

  it.each([
    [[], /Usage/],
    [["forecast", "x.xlsx"], /Unknown command "forecast"/],
    [["plan"], /needs exactly one file/],
    [["plan", "x.xlsx", "--strategy", "cheapest"], /--strategy must be one of/],
    [["plan", "x.xlsx", "-o"], /-o needs a value/],
    [["validate", "x.xlsx", "--strategy", "chase"], /apply to "plan" only/],
    [["validate", "x.xlsx", "--in-place"], /--in-place applies to plan, measure, scenario and approve only/],
    [["plan", "x.xlsx", "--verbose"], /Unknown option --verbose/],
  ])("exits 2 on bad usage: %j", async (argv, message) => {
    const run = io();
    const code = await main(
      (argv as string[]).map((a) => (a.endsWith(".xlsx") ? path.join(dir, a) : a)),
      run,
    );
    expect(code).toBe(2);
    expect(run.err.join("\n")).toMatch(message as RegExp);
    expect(run.out).toEqual([]);
  });

  it("prints the verb's synopsis after a usage error, not the whole help", async () => {
    const run = io();
    expect(await main(["plan", "a.xlsx", "b.xlsx"], run)).toBe(2);
    expect(run.err).toEqual([
      "sop-planner: plan needs exactly one file, got 2.",
      'Usage: sop-planner plan <in.xlsx> [-o out.xlsx | --in-place] [--strategy optimal|chase|level]\nRun "sop-planner plan --help" for the options.',
    ]);
  });

  it.each([["--help"], ["-h"], ["help"]])("%s prints the usage on stdout and exits 0", async (flag) => {
    const run = io();
    expect(await main([flag], run)).toBe(0);
    expect(run.out.join("\n")).toMatch(/^Usage:/);
    for (const verb of ["plan", "validate", "template", "measure", "scenario"])
      expect(run.out.join("\n")).toContain(`sop-planner ${verb} <`);
    expect(run.err).toEqual([]);
  });

  it.each(["plan", "validate", "template", "measure", "scenario"])(
    "%s --help and -h print that verb's help and exit 0, even with other arguments",
    async (verb) => {
      for (const argv of [
        [verb, "--help"],
        [verb, "-h"],
        [verb, "in.xlsx", "--strategy", "level", "--help"],
      ]) {
        const run = io();
        expect(await main(argv, run)).toBe(0);
        expect(run.out.join("\n")).toMatch(new RegExp(`^Usage: sop-planner ${verb} `));
        expect(run.err).toEqual([]);
      }
    },
  );

  it("--version prints the package's version and exits 0", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    for (const argv of [["--version"], ["plan", "--version"]]) {
      const run = io();
      expect(await main(argv, run)).toBe(0);
      expect(run.out).toEqual([`sop-planner ${pkg.version}`]);
    }
  });

  it("exits 3 with one line asking for a report on an internal error; the stack only with --debug", async () => {
    const input = path.join(dir, "in.xlsx");
    await main(["template", input], io());
    const spy = jest.spyOn(PlanningSession.prototype, "run").mockRejectedValue(new TypeError("boom"));
    try {
      const quiet = io();
      expect(await main(["plan", input], quiet)).toBe(3);
      expect(quiet.err.filter((l) => !l.startsWith("…"))).toEqual([
        "sop-planner: internal error: boom. This is a bug; please report it with the command you ran (run again with --debug for the stack trace).",
      ]);
      const debug = io();
      expect(await main(["plan", input, "--debug"], debug)).toBe(3);
      expect(debug.err.join("\n")).toMatch(/TypeError: boom\n\s+at /);
    } finally {
      spy.mockRestore();
    }
    expect(fs.existsSync(path.join(dir, "in.plan.xlsx"))).toBe(false);
  });

  it("template refuses to overwrite without --force (exit 2)", async () => {
    const text = path.join(dir, "notes.xlsx");
    fs.writeFileSync(text, "not a zip");
    expect(await main(["template", text], io())).toBe(2);
    expect(fs.readFileSync(text, "utf8")).toBe("not a zip");
  });
});
