/**
 * Assumptions in the executive pack, and the alert limits of Settings deciding which alerts appear,
 * on the in-memory demo workbook (chase: no solver needed).
 */
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now });

describe("assumptions", () => {
  it("are printed in the executive pack on every run, as the planner's table holds them", async () => {
    const wb = demoWorkbook();
    wb.addTable(
      "Assumptions",
      "Assumptions",
      ["Area", "Assumption", "Owner", "Impact"],
      [
        ["Demand", "Spring promotion runs as in 2025", "Marketing (Ann)", "+8 % chairs Mar–Apr"],
        ["Supply", null, "Ops", "a row without an assumption is skipped"],
        [null, "No price change before July", null, null],
      ],
    );
    const first = await session(wb).run("chase");
    expect(first.ok).toBe(true);
    expect(first.executive!.assumptions).toEqual([
      {
        area: "Demand",
        assumption: "Spring promotion runs as in 2025",
        owner: "Marketing (Ann)",
        impact: "+8 % chairs Mar–Apr",
      },
      { area: null, assumption: "No price change before July", owner: null, impact: null },
    ]);
    const pack = () => wb.sheet("ExecutiveSummary")!.cells.flat();
    expect(pack()).toContain("Assumptions (the Assumptions table)");
    expect(pack()).toContain("Spring promotion runs as in 2025");
    // The meeting edits the table; the next run prints the edit (the table is the planner's, carried as it stands).
    wb.sheet("Assumptions")!.cells[1][1] = "Spring promotion moves to May";
    await session(wb).executive("chase");
    expect(pack()).toContain("Spring promotion moves to May");
    expect(pack()).not.toContain("Spring promotion runs as in 2025");
  });
});

describe("alert limits in Settings", () => {
  it("a changed utilization limit changes which alerts appear, each with its limit", async () => {
    const wb = demoWorkbook();
    const defaults = await session(wb).run("chase");
    const overloads = (r: typeof defaults) => r.executive!.decisions.filter((d) => d.kind === "overload");
    // The demo overloads some resource at the default limit (100 %): those are decisions.
    expect(overloads(defaults).length).toBeGreaterThan(0);
    expect(overloads(defaults)[0].message).toMatch(/\(Limit: utilization 100 %\.\)$/);
    // Allowing 10× the capacity, no load is over the limit: no overload decision.
    // (typed over the ConfidenceLevel row, which then takes its default: bands do not raise alerts)
    const row = wb.sheet("Settings")!.cells.find((r) => r[0] === "ConfidenceLevel")!;
    row.splice(0, 3, "UtilizationLimit", 10, "share of capacity");
    const relaxed = await session(wb).run("chase");
    expect(relaxed.problems.filter((p) => p.table === "Settings" && p.severity === "error")).toEqual([]);
    expect(overloads(relaxed)).toEqual([]);
  });
});
