/**
 * Reason codes and inputs by team on the in-memory demo workbook: an unknown Reason is a warning
 * at its cell; SalesInput / MarketingInput form the consensus after the Override, survive
 * re-runs, pin their item in a family override's split, and are measured as forecast value added
 * in the next cycle (the numbers themselves are hand-checked in test/engine/measure/valueAdded.test.ts).
 */
import { forecastValueAdded } from "../../../src/engine/metrics";
import { MemoryWorkbook } from "../../../src/workbook/memory/memoryWorkbook";
import type { CellValue } from "../../../src/workbook/port";
import { demoWorkbook } from "../../../src/workbook/sample/demoWorkbook";
import { PlanningSession } from "../../../src/workbook/session";
import { EARLIER_PLAN_START, DEMO_PLAN_START, withEarlierCycle, withReasonCodes } from "../../support/earlierCycle";

const now = () => new Date(Date.UTC(2026, 0, 15, 9, 30));
const session = (wb: MemoryWorkbook) => new PlanningSession(wb, { now });

/** Row index (in the sheet's cells, header at 0) of an item and period on DemandPlan, and a cell setter. */
function demandRow(wb: MemoryWorkbook, item: string, period: string) {
  const cells = wb.sheet("DemandPlan")!.cells;
  const col = (h: string) => cells[0].indexOf(h);
  const row = cells.findIndex((r) => r[col("Item")] === item && r[col("Period")] === period);
  expect(row).toBeGreaterThan(0);
  return {
    row,
    get: (h: string) => cells[row][col(h)],
    set: (values: Record<string, CellValue>) => {
      for (const [h, v] of Object.entries(values)) cells[row][col(h)] = v;
    },
    column: col,
  };
}

describe("reason codes", () => {
  it("warns about a Reason that names no code, with its cell, and about a bad Source", async () => {
    const wb = withReasonCodes(demoWorkbook());
    expect((await session(wb).demandPlan()).ok).toBe(true);
    const row = demandRow(wb, "DK-SIT", "2026-03");
    row.set({ Override: 90, Reason: "weather was bad" });
    demandRow(wb, "DK-SIT", "2026-04").set({ Reason: "promo: spring mailing" });
    const again = await session(wb).demandPlan();
    expect(again.ok).toBe(true);
    const reasons = again.problems.filter((p) => p.table === "DemandPlan" && p.column === "Reason");
    expect(reasons).toHaveLength(1); // "promo: spring mailing" names PROMO
    const letter = String.fromCharCode(65 + row.column("Reason"));
    expect(reasons[0]).toMatchObject({
      severity: "warning",
      row: row.row,
      value: "weather was bad",
      cell: { sheet: "DemandPlan", row: row.row, column: row.column("Reason") },
    });
    expect(reasons[0].message).toMatch(
      new RegExp(
        `^DemandPlan!${letter}${row.row + 1}: Reason "weather was bad" names no code of the ReasonCodes table`,
      ),
    );
    expect(again.problems.find((p) => p.table === "ReasonCodes")?.message).toMatch(/"CAPEX" has Source "Accounting"/);
  });

  it("leaves Reason as free text without a ReasonCodes table", async () => {
    const wb = demoWorkbook();
    await session(wb).demandPlan();
    demandRow(wb, "DK-SIT", "2026-03").set({ Override: 90, Reason: "weather was bad" });
    const again = await session(wb).demandPlan();
    expect(again.problems.filter((p) => p.column === "Reason")).toEqual([]);
  });
});

describe("inputs by team", () => {
  it("form the consensus after the Override, survive two re-runs, and pin their item in a family split", async () => {
    const wb = demoWorkbook();
    await session(wb).demandPlan();
    demandRow(wb, "DK-SIT", "2026-03").set({ SalesInput: 500, MarketingInput: 300 });
    demandRow(wb, "DK-SIT", "2026-04").set({ SalesInput: 120, Override: 90 });
    demandRow(wb, "DK-SIT", "2026-05").set({ MarketingInput: 75 });
    await session(wb).demandPlan();
    await session(wb).demandPlan();
    // Both inputs: their mean (500 + 300) / 2 = 400; an Override beats the input; one input is taken as is.
    expect(["Consensus", "Source", "SalesInput", "MarketingInput"].map(demandRow(wb, "DK-SIT", "2026-03").get)).toEqual(
      [400, "team inputs", 500, 300],
    );
    expect(["Consensus", "Source"].map(demandRow(wb, "DK-SIT", "2026-04").get)).toEqual([90, "item override"]);
    expect(["Consensus", "Source"].map(demandRow(wb, "DK-SIT", "2026-05").get)).toEqual([75, "marketing input"]);

    // A family volume override for Desks in 2026-03: DK-SIT keeps its 400, the other desks share the rest.
    const result = await session(wb).familyOverride({ family: "Desks", period: "2026-03", override: 1000 });
    expect(result.ok).toBe(true);
    const desks = result.data!.items.flatMap((item, i) => (item.family === "Desks" ? [i] : []));
    const t = result.data!.planPeriods.indexOf("2026-03");
    const consensus = desks.map((i) => result.demand!.items[i].consensus[t]);
    expect(consensus[desks.findIndex((i) => result.data!.items[i].name === "DK-SIT")]).toBe(400);
    expect(consensus.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.max(1000, 400), 6);
  });

  it("are measured as forecast value added by input and by reason in the next cycle", async () => {
    const wb = withReasonCodes(demoWorkbook());
    // The demo plans 2026-01 + 18 months; Sales runs to 2025-12: an earlier cycle from 2025-10.
    const setPlanStart = withEarlierCycle(wb);
    const start = DEMO_PLAN_START;
    const earlier = EARLIER_PLAN_START;
    setPlanStart(earlier);
    expect((await session(wb).demandPlan()).ok).toBe(true);
    const first = demandRow(wb, "DK-SIT", earlier);
    first.set({ SalesInput: 10, Reason: "DEAL: big customer" });
    await session(wb).demandPlan();
    const replanned = demandRow(wb, "DK-SIT", earlier);
    const statistical = replanned.get("Statistical") as number;
    expect(replanned.get("Consensus")).toBe(10);

    // The next cycle: PlanStart back at the demo's; the earlier plan goes to PreviousPlan.
    setPlanStart(start);
    expect((await session(wb).demandPlan()).ok).toBe(true);
    const measured = await session(wb).measure();
    expect(measured.measure!.source.kind).toBe("earlier cycle");
    const data = measured.data!;
    const actual =
      data.history[data.items.findIndex((it) => it.name === "DK-SIT")][data.historyPeriods.indexOf(earlier)]!;
    expect(typeof actual).toBe("number");
    // One pair: statistical → the input 10 (also the consensus), by input and by the DEAL code's source.
    const expected = forecastValueAdded([actual], [statistical], [10]);
    const rows = measured.measure!.valueAdded;
    expect(rows.find((r) => r.by === "input" && r.name === "SalesInput")).toMatchObject({
      pairs: 1,
      consensusValueAdded: 0,
    });
    expect(rows.find((r) => r.by === "input" && r.name === "SalesInput")!.valueAdded).toBeCloseTo(expected, 12);
    expect(rows.find((r) => r.by === "source" && r.name === "Sales")!.valueAdded).toBeCloseTo(expected, 12);
    expect(rows.find((r) => r.by === "code" && r.name === "DEAL")).toMatchObject({ pairs: 1 });
    expect(wb.sheet("Measure")!.cells.flat()).toContain("SalesInput");
  });
});
