/**
 * bench/files: the .xlsx adapter's reading and writing alone at 5,000 items × 60 months (300,000
 * long Sales rows), without planning. Read = open the package + readInputs (every input table
 * and owned sheet); write = writeSheets of a DemandPlan-sized owned sheet (5,000 items × 18
 * months = 90,000 rows × 10 columns) + save. Baseline in the same run: fflate unzipping and
 * re-zipping the same file (every part inflated and deflated again), the floor of a tool that
 * handles the package as a whole. Prints wall and CPU times (user + system of this process: on a
 * shared machine the wall time is mostly waiting for a core) and the process's peak RSS so far.
 *
 * Run: npm run bench:files        Target: read + write ≤ 3 s on this machine.
 */
import { performance } from "node:perf_hooks";
import * as os from "node:os";
import { unzipSync, zipSync } from "fflate";
import { MemoryWorkbook } from "../src/workbook/memory/memoryWorkbook";
import type { CellValue, OutputSheet } from "../src/workbook/port";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";
import { seededRandom } from "../src/engine/random";

const ITEMS = 5000;
const MONTHS = 60;
const HORIZON = 18;

function workbook(): MemoryWorkbook {
  const random = seededRandom(7);
  const wb = new MemoryWorkbook();
  const sales: CellValue[][] = [];
  for (let i = 0; i < ITEMS; i++)
    for (let m = 0; m < MONTHS; m++)
      sales.push([
        `IT-${String(i).padStart(5, "0")}`,
        `FAM-${i % 50}`,
        45292 + Math.round(m * 30.44),
        Math.round(100 * random()),
      ]);
  wb.addTable("Sales", "Sales", ["Item", "Family", "Period", "Quantity"], sales);
  wb.sheet("Sales")!.numberFormats = [null, null, "mmm yyyy", "#,##0"];
  const items = Array.from({ length: ITEMS }, (_, i) => [`IT-${String(i).padStart(5, "0")}`, `FAM-${i % 50}`, 0, 0]);
  wb.addTable("Items", "Items", ["Item", "Family", "OpeningInventory", "OpeningBacklog"], items);
  return wb;
}

function demandPlan(): OutputSheet {
  const rows: CellValue[][] = [];
  for (let i = 0; i < ITEMS; i++)
    for (let t = 0; t < HORIZON; t++) {
      const period = `${2029 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
      rows.push([
        `IT-${String(i).padStart(5, "0")}`,
        `FAM-${i % 50}`,
        period,
        50.5,
        40.1,
        60.9,
        null,
        null,
        50.5,
        "ets",
      ]);
    }
  return {
    name: "DemandPlan",
    tableName: "SOP_DemandPlan",
    headers: ["Item", "Family", "Period", "Statistical", "Lower", "Upper", "Override", "Reason", "Consensus", "Model"],
    rows,
    numberFormats: [null, null, null, "#,##0", "#,##0", "#,##0", "#,##0", null, "#,##0", null],
  };
}

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function run(): Promise<void> {
  const input = await XlsxWorkbook.fromMemory(workbook()).toBuffer();
  const sheet = demandPlan();
  const rows: [string, number, number, string][] = [];

  let start = performance.now();
  let cpu = cpuMs();
  const files = unzipSync(input);
  const copy = zipSync(files);
  const baseline = performance.now() - start;
  const baselineCpu = cpuMs() - cpu;
  rows.push(["baseline: fflate unzip + zip of the file", baseline, baselineCpu, peakMb()]);

  start = performance.now();
  cpu = cpuMs();
  const wb = await XlsxWorkbook.fromBuffer(input);
  const inputs = await wb.readInputs();
  const read = performance.now() - start;
  const readCpu = cpuMs() - cpu;
  rows.push([`read: open + readInputs (${inputs.tables.Sales!.rows.length} Sales rows)`, read, readCpu, peakMb()]);

  start = performance.now();
  cpu = cpuMs();
  await wb.writeSheets([sheet]);
  const output = await wb.toBuffer();
  const write = performance.now() - start;
  const writeCpu = cpuMs() - cpu;
  rows.push([`write: writeSheets (${sheet.rows.length} rows) + save`, write, writeCpu, peakMb()]);

  console.log(
    `bench/files: ${ITEMS} items × ${MONTHS} months; input ${(input.length / 2 ** 20).toFixed(1)} MB, output ${(output.length / 2 ** 20).toFixed(1)} MB (baseline copy ${(copy.length / 2 ** 20).toFixed(1)} MB)`,
  );
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(
    `${"stage".padEnd(width)}  ${"wall ms".padStart(8)}  ${"CPU ms".padStart(8)}  ${"peak RSS MB".padStart(11)}`,
  );
  for (const [name, ms, cpuTime, rss] of rows)
    console.log(
      `${name.padEnd(width)}  ${ms.toFixed(0).padStart(8)}  ${cpuTime.toFixed(0).padStart(8)}  ${rss.padStart(11)}`,
    );
  const total = read + write;
  const totalCpu = readCpu + writeCpu;
  console.log(
    `read + write: ${total.toFixed(0)} ms wall, ${(total / baseline).toFixed(2)}× the baseline; ${totalCpu.toFixed(0)} ms CPU, ${(totalCpu / baselineCpu).toFixed(2)}× the baseline's`,
  );
  console.log(
    `target read + write ≤ 3,000 ms: ${total <= 3000 ? "met" : "NOT met"} (wall clock; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`,
  );
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
