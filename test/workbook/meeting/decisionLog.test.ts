import { decisionId, mergeDecisionLog, planChecksum } from "../../../src/engine/executive";
import { createHighsSolver } from "../../../src/solver/highs";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now, solver: async () => createHighsSolver() });

/** Sets a planner's cell on an owned sheet whose table starts at A1, by Id (column 0) and header. */
function typeInto(wb: MemoryWorkbook, sheet: string, id: string, header: string, value: string | number) {
  const cells = wb.sheet(sheet)!.cells;
  const column = cells[0].indexOf(header);
  const row = cells.findIndex((r) => r[0] === id);
  expect(row).toBeGreaterThan(0);
  cells[row][column] = value;
}

function logRow(wb: MemoryWorkbook, id: string): Record<string, unknown> {
  const [headers, ...rows] = wb.tableValues("SOP_DecisionLog")!;
  const row = rows.find((r) => r[0] === id)!;
  return Object.fromEntries(headers.map((h, c) => [String(h), row?.[c]]));
}

describe("the decision log", () => {
  it("gives the same decision the same id on every run, and a different one for other periods", () => {
    const a = decisionId("overload", "Paint", "2026-03", "2026-05");
    expect(a).toMatch(/^D-[0-9a-f]{8}$/);
    expect(decisionId("overload", "Paint", "2026-03", "2026-05")).toBe(a);
    expect(decisionId("overload", "Paint", "2026-03", "2026-06")).not.toBe(a);
  });

  it("keeps open rows no longer raised and closed rows, newest cycle first", () => {
    const base = { kind: "backlog", subject: "S", periods: "p", size: 1, limit: null, message: "m", current: false };
    const previous = [
      {
        ...base,
        id: "D-1",
        raised: "2025-11",
        cycle: "2025-11",
        owner: "Ann",
        due: null,
        status: "open" as const,
        decision: null,
      },
      {
        ...base,
        id: "D-2",
        raised: "2025-10",
        cycle: "2025-10",
        owner: null,
        due: null,
        status: "dropped" as const,
        decision: "x",
      },
      {
        ...base,
        id: "D-3",
        raised: "2025-11",
        cycle: "2025-12",
        owner: null,
        due: null,
        status: "decided" as const,
        decision: "y",
      },
    ];
    const merged = mergeDecisionLog(previous, [], ["2026-01"]);
    expect(merged.map((e) => [e.id, e.current, e.status])).toEqual([
      ["D-1", false, "open"],
      ["D-3", false, "decided"],
      ["D-2", false, "dropped"],
    ]);
  });

  it("keeps a decision's owner, due date and status over two re-runs and carries it into the next cycle", async () => {
    const wb = demoWorkbook();
    const first = await session(wb).run("optimal");
    expect(first.ok).toBe(true);
    const decision = first.executive!.decisions[0];
    const id = decisionId(
      decision.kind,
      decision.subject,
      first.data!.planPeriods[decision.firstPeriod],
      first.data!.planPeriods[decision.lastPeriod],
    );
    expect(logRow(wb, id).Status).toBe("open");
    typeInto(wb, "DecisionLog", id, "Owner", "Maria (Ops)");
    typeInto(wb, "DecisionLog", id, "Due", 46080); // 2026-02-27 as an Excel serial
    await session(wb).run("optimal");
    await session(wb).executive("optimal");
    expect(logRow(wb, id)).toMatchObject({ Owner: "Maria (Ops)", Due: 46080, Status: "open", Raised: "2026-01" });
    // The pack shows the owner beside the decision.
    expect(wb.sheet("ExecutiveSummary")!.cells.flat()).toContain("Maria (Ops)");

    // The next cycle (PlanStart moves a month on): the open decision is still there with its owner.
    const settings = wb.sheet("Settings")!;
    settings.cells.find((r) => r[0] === "PlanStart")![1] = "2026-02";
    settings.cells.find((r) => r[0] === "Horizon")![1] = 17;
    const next = await session(wb).run("optimal");
    expect(next.ok).toBe(true);
    expect(logRow(wb, id)).toMatchObject({ Owner: "Maria (Ops)", Due: 46080, Status: "open", Raised: "2026-01" });

    // Closed by the meeting: the outcome is kept on the next run too.
    typeInto(wb, "DecisionLog", id, "Status", "decided");
    typeInto(wb, "DecisionLog", id, "Decision", "Second shift from March");
    await session(wb).run("optimal");
    expect(logRow(wb, id)).toMatchObject({
      Owner: "Maria (Ops)",
      Status: "decided",
      Decision: "Second shift from March",
    });
  });

  it("warns about an unknown Status with its cell and reads the row as open", async () => {
    const wb = demoWorkbook();
    const first = await session(wb).run("optimal");
    const [headers, firstRow] = wb.tableValues("SOP_DecisionLog")!;
    typeInto(wb, "DecisionLog", String(firstRow[0]), "Status", "pending");
    const again = await session(wb).run("optimal");
    const warning = again.problems.find((p) => p.table === "DecisionLog")!;
    expect(warning).toMatchObject({
      severity: "warning",
      row: 1,
      column: "Status",
      cell: { sheet: "DecisionLog", row: 1, column: headers.indexOf("Status") },
    });
    expect(first.ok && logRow(wb, String(firstRow[0])).Status).toBe("open");
  });
});

describe("sign-off", () => {
  it("stamps PlanLog with who, when and the plan's checksum; a changed override makes the pack say so", async () => {
    const wb = demoWorkbook();
    await session(wb).run("optimal");
    const approved = await session(wb).approve("Dana Chief", "CEO");
    const [headers, ...rows] = wb.tableValues("SOP_PlanLog")!;
    const last = rows[rows.length - 1];
    expect(last[headers.indexOf("Step")]).toBe("approve");
    expect(last[headers.indexOf("By")]).toBe("Dana Chief");
    expect(last[headers.indexOf("Role")]).toBe("CEO");
    expect(last[headers.indexOf("PlanChecksum")]).toBe(approved.checksum);
    // The checksum read from the sheets equals the one the cycle computed for the same plan.
    const cycleRow = rows[rows.length - 2];
    expect(cycleRow[headers.indexOf("PlanChecksum")]).toBe(approved.checksum);

    // Re-running without a change: the pack says approved.
    const same = await session(wb).executive("optimal");
    expect(same.executive!.approval).toMatchObject({ by: "Dana Chief", role: "CEO", changedSince: false });

    // A planner changes an override: the next run's plan differs from the approved one.
    const demand = wb.sheet("DemandPlan")!.cells;
    const col = (h: string) => demand[0].indexOf(h);
    const row = demand.findIndex((r) => r[col("Item")] === "DK-SIT" && r[col("Period")] === "2026-03");
    demand[row][col("Override")] = 400;
    const changed = await session(wb).run("optimal");
    expect(changed.executive!.approval).toMatchObject({ changedSince: true });
    expect(changed.problems.find((p) => p.table === "PlanLog")?.message).toMatch(
      /^The plan has changed since Dana Chief \(CEO\) approved it/,
    );
    expect(wb.sheet("ExecutiveSummary")!.cells.flat().join(" ")).toContain(
      "CHANGED since approval by Dana Chief (CEO)",
    );
  });

  it("refuses to approve a workbook with no plan yet, and an approval without a name", async () => {
    const wb = demoWorkbook();
    await expect(session(wb).approve("Dana")).rejects.toThrow(/no whole plan to approve/);
    await expect(session(wb).approve("  ")).rejects.toThrow(/approver's name/);
  });

  it("checksums a DemandPlan of 300,000 rows (5,000 items × 60 periods) without overflowing the stack", () => {
    const rows = Array.from({ length: 300_000 }, (_, r) => [`IT-${r % 5000}`, `20${26 + Math.floor(r / 60000)}-01`, r]);
    expect(planChecksum([{ name: "DemandPlan", headers: ["Item", "Period", "Consensus"], rows }])).toMatch(
      /^[0-9a-f]{16}$/,
    );
  });

  it("checksums the plan whatever the DemandPlan row order, and changes with any consensus", () => {
    const table = (rows: (string | number)[][]) => ({
      name: "DemandPlan",
      headers: ["Item", "Period", "Consensus"],
      rows,
    });
    const a = planChecksum([
      table([
        ["A", "2026-01", 10],
        ["B", "2026-01", 5],
      ]),
    ]);
    expect(
      planChecksum([
        table([
          ["B", "2026-01", 5],
          ["A", "2026-01", 10],
        ]),
      ]),
    ).toBe(a);
    expect(
      planChecksum([
        table([
          ["B", "2026-01", 5],
          ["A", "2026-01", 10.5],
        ]),
      ]),
    ).not.toBe(a);
  });
});
