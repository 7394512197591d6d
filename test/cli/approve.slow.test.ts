import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { typeIntoCells } from "../workbook/support/packageSurgery";
import { io } from "./cliIo";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-cli-approve-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The A1 address of a sheet cell (0-based row and column). */
function address(row: number, column: number): string {
  let letters = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

async function sheet(file: string, name: string) {
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  return wb.sheetValues(name)!;
}

describe("sop-planner approve", () => {
  it("stamps PlanLog; a changed override then makes plan and the pack say the plan changed since approval", async () => {
    const file = path.join(dir, "march.xlsx");
    await main(["template", file], io());
    expect(await main(["plan", file, "--in-place"], io())).toBe(0);

    const approve = io();
    expect(await main(["approve", file, "--by", "Dana Chief", "--role", "CEO", "--in-place"], approve)).toBe(0);
    expect(approve.out.join("\n")).toMatch(
      /^Approved the plan starting 2026-01 by Dana Chief \(CEO\) at 2026-01-15T00:00:00Z/,
    );
    const log = await sheet(file, "PlanLog");
    const last = log[log.length - 1];
    expect(last[log[0].indexOf("Step")]).toBe("approve");
    expect(last[log[0].indexOf("By")]).toBe("Dana Chief");
    expect(last[log[0].indexOf("Role")]).toBe("CEO");

    // Re-planning the unchanged workbook: still the approved plan.
    const same = io();
    expect(await main(["plan", file, "--in-place"], same)).toBe(0);
    expect(same.out.join("\n")).toMatch(
      /Plan approved by Dana Chief \(CEO\) at 2026-01-15T00:00:00Z; unchanged since\./,
    );
    expect((await sheet(file, "ExecutiveSummary")).flat().join(" ")).toContain("Approved by Dana Chief (CEO)");

    // A planner types an override into the saved file (as Excel would), then plans again.
    const demand = await sheet(file, "DemandPlan");
    const [headers] = demand;
    const row = demand.findIndex(
      (r) => r[headers.indexOf("Item")] === "DK-SIT" && r[headers.indexOf("Period")] === "2026-03",
    );
    expect(row).toBeGreaterThan(0);
    fs.writeFileSync(
      file,
      typeIntoCells(fs.readFileSync(file), "DemandPlan", { [address(row, headers.indexOf("Override"))]: 400 }),
    );
    const changed = io();
    expect(await main(["plan", file, "--in-place"], changed)).toBe(0);
    expect(changed.out.join("\n")).toMatch(/Plan changed since approval by Dana Chief \(CEO\)/);
    expect((await sheet(file, "ExecutiveSummary")).flat().join(" ")).toContain(
      "CHANGED since approval by Dana Chief (CEO)",
    );
  }, 120_000);
});

describe("sop-planner approve on a stale plan", () => {
  it("refuses (exit 1, naming Sales) after a history cell changed; --allow-stale signs off and PlanLog says so", async () => {
    const file = path.join(dir, "april.xlsx");
    await main(["template", file], io());
    expect(await main(["plan", file, "--in-place"], io())).toBe(0);
    const planned = fs.readFileSync(file);

    // Fresh: approves with no note.
    const fresh = io();
    expect(await main(["approve", file, "--by", "Dana", "-o", path.join(dir, "fresh.xlsx")], fresh)).toBe(0);
    expect(fresh.out.join("\n")).not.toMatch(/stale/);

    // A planner corrects one history cell in Excel and saves, without planning again.
    const sales = await sheet(file, "Sales");
    const quantity = sales[0].indexOf("Quantity");
    expect(quantity).toBeGreaterThanOrEqual(0);
    expect(typeof sales[1][quantity]).toBe("number");
    fs.writeFileSync(file, typeIntoCells(planned, "Sales", { [address(1, quantity)]: Number(sales[1][quantity]) + 1 }));
    const edited = fs.readFileSync(file);

    const refused = io();
    expect(await main(["approve", file, "--by", "Dana", "--in-place"], refused)).toBe(1);
    expect(refused.out.join("\n")).toBe(
      "sop-planner: The plan is stale: Sales changed since the plan was computed at 2026-01-15T00:00:00Z. " +
        "Run the cycle again (sop-planner plan), or approve anyway with --allow-stale. Nothing was written.",
    );
    expect(fs.readFileSync(file).equals(edited)).toBe(true);

    const anyway = io();
    expect(await main(["approve", file, "--by", "Dana", "--allow-stale", "--in-place"], anyway)).toBe(0);
    expect(anyway.out[0]).toBe(
      "The plan is stale: Sales changed since the plan was computed at 2026-01-15T00:00:00Z. Approved anyway (--allow-stale); PlanLog's Note says so.",
    );
    const log = await sheet(file, "PlanLog");
    const last = log[log.length - 1];
    expect(last[log[0].indexOf("Step")]).toBe("approve");
    expect(last[log[0].indexOf("Note")]).toBe(
      "Approved stale: Sales changed since the plan was computed at 2026-01-15T00:00:00Z.",
    );
  }, 120_000);

  it("approves a workbook planned before input checksums were recorded, with a note", async () => {
    const file = path.join(dir, "old.xlsx");
    await main(["template", file], io());
    expect(await main(["plan", file, "--in-place"], io())).toBe(0);
    // Blank the recorded checksums, as an older add-in left its PlanLog rows.
    const log = await sheet(file, "PlanLog");
    const at = log[0].indexOf("InputChecksums");
    expect(at).toBeGreaterThanOrEqual(0);
    const blanks = Object.fromEntries(log.slice(1).map((_, r) => [address(r + 1, at), null]));
    fs.writeFileSync(file, typeIntoCells(fs.readFileSync(file), "PlanLog", blanks));

    const approve = io();
    expect(await main(["approve", file, "--by", "Dana", "--in-place"], approve)).toBe(0);
    expect(approve.out[0]).toMatch(/^Note: staleness could not be checked/);
    const after = await sheet(file, "PlanLog");
    expect(after[after.length - 1][after[0].indexOf("Note")]).toBe(
      "Staleness not checked: the plan was written before input checksums were recorded.",
    );
  }, 120_000);
});
