/**
 * bench/office: the Office.js adapter in the Excel behaviour simulator
 * (test/support/excelSimulator) running the whole S&OP cycle (`PlanningSession.run`) on a
 * workbook of 5,000 items × 60 months of sales history with a 60-month plan, then once more
 * (the re-run reads back everything the first run wrote). Per step: the read and write times
 * (the session's own stage timings: the adapter plus the simulator applying the batches), the
 * syncs, the largest request and response of a sync, and syncs rejected for their size.
 *
 * Baselines in the same run: the same steps at 500 items (ratio = time at 5,000 / time at 500;
 * linear is 10), and the unchunked approach (one read and one write sync whatever the size,
 * the adapter's byte budget lifted) at 5,000 items, which Excel on the web refuses.
 *
 * Run: npm run bench:office     Targets: no rejected sync, every sync ≤ 4 MB.
 */
import { largePlanExcel } from "../test/support/excelSimulator/largePlan";
import { countedStep, simulatedSession, type SyncCounts } from "./simulatedSteps";

interface Row extends SyncCounts {
  label: string;
  items: number;
  step: string;
  readMs: number;
  writeMs: number;
}

const MB = (bytes: number) => (bytes / 1_000_000).toFixed(2);

async function measure(label: string, items: number, budgetBytes?: number): Promise<Row[]> {
  const excel = largePlanExcel({ items, history: 60, horizon: 60 });
  const rows: Row[] = [];
  for (const step of ["first run", "re-run"]) {
    const session = simulatedSession(excel, budgetBytes);
    const { result, counts } = await countedStep(excel, () => session.run("chase"));
    rows.push({
      label,
      items,
      step,
      readMs: result?.timings.read ?? NaN,
      writeMs: result?.timings.write ?? NaN,
      ...counts,
    });
    if (counts.error) break;
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(
    "bench/office: S&OP cycle through the Office.js adapter in the Excel simulator, 60 months history, 60-month plan",
  );
  const small = await measure("chunked (4 MB budget)", 500);
  const large = await measure("chunked (4 MB budget)", 5000);
  const unchunked = await measure("unchunked (no budget)", 5000, Number.POSITIVE_INFINITY);
  const header = [
    "approach",
    "items",
    "step",
    "read ms",
    "write ms",
    "syncs",
    "max req MB",
    "max resp MB",
    "rejected",
    "time ×",
  ];
  const lines = [...small, ...large, ...unchunked].map((row) => {
    const base = small.find((s) => s.step === row.step);
    const ratio =
      base && row.items !== base.items ? ((row.readMs + row.writeMs) / (base.readMs + base.writeMs)).toFixed(1) : "1.0";
    return [
      row.label,
      String(row.items),
      row.step,
      row.readMs.toFixed(0),
      row.writeMs.toFixed(0),
      String(row.syncs),
      MB(row.maxRequest),
      MB(row.maxResponse),
      row.error ? `${row.rejected} (${row.error})` : String(row.rejected),
      row.error ? "-" : ratio,
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const print = (cells: string[]) => console.log(cells.map((cell, c) => cell.padEnd(widths[c])).join("  "));
  print(header);
  print(widths.map((w) => "-".repeat(w)));
  lines.forEach(print);
  const worst = Math.max(...large.map((r) => Math.max(r.maxRequest, r.maxResponse)));
  const ok = large.every((r) => r.rejected === 0 && !r.error) && worst <= 4_000_000;
  console.log(`\n5,000 items: ${ok ? "no rejected sync" : "FAILED"}, largest sync ${MB(worst)} MB (target ≤ 4 MB).`);
  if (!ok) process.exitCode = 1;
}

void main();
