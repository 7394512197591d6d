/**
 * bench/initiatives: what the strategic initiatives' "with and without" comparison costs at
 * 5,000 items. The generated workbook (src/workbook/sample/generatedWorkbook: 5,000 items in 50
 * families, 4 resources, an 18-month horizon; the forecast method set to "naive" so the run
 * is about planning, not forecasting) is planned by the optimal strategy twice in one process:
 * without an Initiatives table (the baseline), and with three initiatives (a demand change on a
 * family, a capacity change on a resource, and both on another family). Prints each stage's
 * time for both runs and the executive stage's ratio (with ÷ without), beside the reconcile
 * stage (three strategies over all 50 families) as the unit: the comparison re-plans the
 * chosen strategy once per initiative that changes demand or capacity, plus once without any,
 * at family level (no forecast, no item loop beyond scaling the consensus).
 *
 * Then, in the same process (best of 3): the comparison alone against one family-level optimal
 * plan, its unit.
 *
 * Run: npm run bench:initiatives [-- --items 5000]. Reports; asserts nothing about time.
 */
import { performance } from "node:perf_hooks";
import { createHighsSolver } from "../src/solver/highs";
import { generatedWorkbook } from "../src/workbook/sample/generatedWorkbook";
import type { MemoryWorkbook } from "../src/workbook/memory/memoryWorkbook";
import { INITIATIVES } from "../src/workbook/schema/tables";
import { PlanningSession, type Stage, type StepResult } from "../src/workbook/session";
import { initiativeEffects } from "../src/workbook/executive/initiativeEffects";
import { planFamilies } from "../src/engine/reconcile";

const at = process.argv.indexOf("--items");
const ITEMS = at >= 0 ? Number(process.argv[at + 1]) : 5000;

function workbook(initiatives: boolean): MemoryWorkbook {
  const wb = generatedWorkbook({ items: ITEMS });
  const settings = wb.findTable("Settings")!;
  const cells = settings.sheet.cells;
  cells.find((row) => row[settings.table.column] === "ForecastMethod")![settings.table.column + 1] = "naive";
  if (initiatives)
    wb.addTable(
      "Initiatives",
      "Initiatives",
      INITIATIVES.columns.map((c) => c.name),
      [
        ["Promotion", "Marketing", "2026-04", "2026-09", "FAM-001", null, 10, null, 20000, 1500],
        ["Second shift", "Operations", "2026-06", null, null, "Assembly", null, 400, 5000, 12000],
        ["New channel", "Sales", "2026-03", null, "FAM-002", "Paint", 15, 120, 0, 3000],
      ],
    );
  return wb;
}

async function run(
  initiatives: boolean,
): Promise<{ timings: Partial<Record<Stage, number>>; total: number; result: StepResult }> {
  const session = new PlanningSession(workbook(initiatives), {
    now: () => new Date(Date.UTC(2026, 0, 15)),
    solver: async () => createHighsSolver(),
  });
  const start = performance.now();
  const result = await session.run("optimal");
  const total = performance.now() - start;
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  if (initiatives !== !!result.executive?.initiatives) throw new Error("initiatives report missing");
  if (initiatives)
    for (const e of [...result.executive!.initiatives!.effects, result.executive!.initiatives!.all])
      console.log(
        `${e.name.padEnd(16)} units ${e.units.toFixed(0).padStart(8)}  capacity h ${e.capacityHours.toFixed(0).padStart(6)}  gross margin ${e.grossMargin.toFixed(2).padStart(12)}  cost ${e.cost.toFixed(2).padStart(10)}${e.failure ? `  (${e.failure})` : ""}`,
      );
  return { timings: result.timings, total, result };
}

async function main(): Promise<void> {
  await run(false); // warm-up: HiGHS's WebAssembly, the JIT
  const without = await run(false);
  const withIt = await run(true);
  const stages: Stage[] = ["read", "validate", "forecast", "rccp", "reconcile", "executive", "write"];
  console.log(`\n${ITEMS} items, optimal, ms per stage (wall; a shared machine adds noise, compare ratios)`);
  console.log(`${"stage".padEnd(12)}${"without".padStart(10)}${"with 3".padStart(10)}${"ratio".padStart(8)}`);
  for (const stage of stages) {
    const a = without.timings[stage] ?? 0;
    const b = withIt.timings[stage] ?? 0;
    console.log(
      `${stage.padEnd(12)}${a.toFixed(0).padStart(10)}${b.toFixed(0).padStart(10)}${(a > 0 ? b / a : 0).toFixed(2).padStart(8)}`,
    );
  }
  console.log(
    `${"run".padEnd(12)}${without.total.toFixed(0).padStart(10)}${withIt.total.toFixed(0).padStart(10)}${(withIt.total / without.total).toFixed(2).padStart(8)}`,
  );
  // The comparison alone, against its unit (one family-level optimal plan), same process, best of 3.
  const solver = await createHighsSolver();
  const { data, demand, reconcile } = withIt.result;
  const best = async (work: () => Promise<unknown>) => {
    let min = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await work();
      min = Math.min(min, performance.now() - start);
    }
    return min;
  };
  const unit = await best(() => planFamilies(reconcile!.input, "optimal", solver));
  const effects = await best(() => initiativeEffects(data!, demand!, reconcile!, solver));
  console.log(
    `\nbest of 3: one family-level optimal plan ${unit.toFixed(0)} ms; the initiatives comparison (4 re-plans and their financial plans) ${effects.toFixed(0)} ms = ${(effects / unit).toFixed(2)} × one plan`,
  );
  const extra = (withIt.timings.executive ?? 0) - (without.timings.executive ?? 0);
  console.log(
    `\nextra executive time with 3 initiatives (4 family-level optimal re-plans): ${extra.toFixed(0)} ms = ${(extra / (without.timings.reconcile ?? 1)).toFixed(2)} × the reconcile stage (3 strategies)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
