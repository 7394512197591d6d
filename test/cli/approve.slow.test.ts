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
