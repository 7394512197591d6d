/**
 * `sop-planner measure` and `sop-planner scenario`: the measure step and the scenario verbs on
 * an .xlsx file. Like `plan`, they write to `-o` (default `<in>.plan.xlsx`), never to the input
 * unless `--in-place` is given; main.ts resolves `args.output`.
 */
import { PlanningError } from "../engine/errors";
import { activeScenarioName } from "../engine/scenarios";
import { scenarioFromPlan } from "../workbook/executive/captureScenario";
import { StalePlanError, staleMessage } from "../workbook/inputChecksums";
import { OwnershipError } from "../workbook/port";
import type { PlanningSession } from "../workbook/session";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { formatNumber, formatPercent, formatProblems, textTable } from "./format";
import type { CliIo, Parsed } from "./main";
import { writeFileAtomic } from "./files";

async function save(workbook: XlsxWorkbook, output: string): Promise<void> {
  writeFileAtomic(output, await workbook.toBuffer());
}

const ratio = (value: number | null) => (value === null ? "–" : formatPercent(value));

export async function measure(
  args: Parsed,
  workbook: XlsxWorkbook,
  session: PlanningSession,
  io: CliIo,
  defaultOutput: (input: string) => string,
): Promise<number> {
  const output = args.output ?? defaultOutput(args.file);
  const result = await session.measure();
  if (!result.ok || !result.measure) {
    io.stdout(formatProblems(result.problems));
    io.stdout(`\nNothing measured: ${result.problems.filter((p) => p.severity === "error").length} error(s).`);
    return 1;
  }
  const report = result.measure;
  const lines: string[] = [];
  const source =
    report.source.kind === "earlier cycle"
      ? `the earlier cycle's forecast${report.source.planStart ? ` (plan start ${report.source.planStart})` : ""}`
      : report.source.kind === "backtest"
        ? `a backtest over the last ${report.source.periods} periods (no earlier cycle on record)`
        : `nothing (${report.source.reason})`;
  lines.push(`Forecast accuracy of ${source} → ${output}`, "");
  if (report.accuracy.length > 0) {
    lines.push(
      textTable(
        ["Level", "Name", "WMAPE", "Bias", "Tracking signal", "FVA overrides", "FVA model vs naive"],
        report.accuracy
          .filter((a) => a.level !== "item")
          .map((a) => [
            a.level,
            a.name,
            ratio(a.wmapeConsensus),
            ratio(a.biasConsensus),
            a.trackingSignal.toFixed(2),
            ratio(a.overrideValueAdded),
            ratio(a.statisticalValueAdded),
          ]),
      ),
    );
  }
  if (report.valueAdded.length > 0)
    lines.push(
      "",
      "Forecast value added by reason code, source and team input:",
      textTable(
        ["By", "Name", "Pairs", "WMAPE statistical", "WMAPE after", "FVA", "FVA input → consensus"],
        report.valueAdded.map((v) => [
          v.by,
          v.name,
          v.pairs,
          ratio(v.wmapeStatistical),
          ratio(v.wmapeAfter),
          ratio(v.valueAdded),
          v.by === "input" ? ratio(v.consensusValueAdded ?? null) : "",
        ]),
      ),
    );
  if (report.adherence)
    lines.push(
      "",
      textTable(
        ["Family", "Planned", "Made", "Adherence"],
        report.adherence.map((a) => [a.name, formatNumber(a.planned), formatNumber(a.made), ratio(a.adherence)]),
      ),
    );
  if (report.delivery)
    lines.push(
      "",
      `Deliveries: ${report.delivery.measured} order lines; on time ${formatPercent(report.delivery.onTimeRate)}, in full ${formatPercent(report.delivery.inFullRate)}, OTIF ${formatPercent(report.delivery.otifRate)}.`,
    );
  for (const note of report.notes) lines.push(note);
  await save(workbook, output);
  io.stdout(lines.join("\n"));
  return 0;
}

export async function scenario(
  args: Parsed,
  workbook: XlsxWorkbook,
  session: PlanningSession,
  io: CliIo,
): Promise<number> {
  const [action, name] = args.action ?? [];
  if (action === "list") {
    const book = await session.scenarios();
    const active = activeScenarioName(book);
    if (book.scenarios.length === 0)
      io.stdout("No scenarios yet: add rows to the Scenarios sheet (Scenario, Change, Target, Period, Value, Note).");
    else
      io.stdout(
        textTable(
          ["Scenario", "Strategy", "Overrides", "Capacity changes", "Plan"],
          book.scenarios.map((s) => [
            s.name,
            s.strategy ?? "(plan's)",
            s.overrides.length,
            s.capacityChanges.length,
            s.name === active ? "yes" : "",
          ]),
        ),
      );
    return 0;
  }
  const output = args.output!;
  if (action === "save") return saveAs(args, name, output, workbook, session, io);
  try {
    const book = action === "promote" ? await session.promoteScenario(name) : await session.revertPromotion();
    await save(workbook, output);
    const active = activeScenarioName(book);
    io.stdout(
      `${action === "promote" ? `Promoted "${name}"` : "Reverted the last promotion"}: the plan is now ${active ? `scenario "${active}"` : "the base plan"}. Run "sop-planner plan ${output}" to plan with it. → ${output}`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof PlanningError) && !(e instanceof OwnershipError)) throw e;
    io.stdout(`sop-planner: ${e.message}`);
    return 1;
  }
}

/** `scenario save`: DemandPlan's overrides plus the given strategy and capacity changes, under a name. */
async function saveAs(
  args: Parsed,
  name: string,
  output: string,
  workbook: XlsxWorkbook,
  session: PlanningSession,
  io: CliIo,
): Promise<number> {
  const gathered = await session.gather();
  if (!gathered.data) {
    io.stdout(formatProblems(gathered.problems));
    io.stdout(
      `\nNothing saved: ${gathered.problems.filter((p) => p.severity === "error").length} error(s). Fix them and run again.`,
    );
    return 1;
  }
  try {
    const saved = scenarioFromPlan(gathered.data, name, args.strategy ?? null, args.capacity ?? []);
    const book = await session.saveScenario(saved);
    await save(workbook, output);
    io.stdout(
      `Saved scenario "${saved.name}": ${saved.overrides.length} override(s), strategy ${saved.strategy ?? "(plan's)"}, ${saved.capacityChanges.length} capacity change(s); ${book.scenarios.length} scenario(s) in the workbook. → ${output}`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof PlanningError) && !(e instanceof OwnershipError)) throw e;
    io.stdout(`sop-planner: ${e.message}`);
    return 1;
  }
}

/** `approve`: stamps PlanLog with the sign-off (who, role, when, the plan's checksum). */
export async function approve(
  args: Parsed,
  workbook: XlsxWorkbook,
  session: PlanningSession,
  io: CliIo,
): Promise<number> {
  const output = args.output!;
  try {
    const approved = await session.approve(args.by ?? "", args.role ?? null, { allowStale: args.allowStale });
    await save(workbook, output);
    const who = `${args.by}${args.role?.trim() ? ` (${args.role.trim()})` : ""}`;
    const { staleness } = approved;
    if (staleness.changed.length > 0)
      io.stdout(`${staleMessage(staleness)} Approved anyway (--allow-stale); PlanLog's Note says so.`);
    else if (!staleness.checked)
      io.stdout(
        "Note: staleness could not be checked: the plan was written before the inputs' checksums were recorded (run plan again to record them).",
      );
    io.stdout(
      `Approved the plan starting ${approved.planStart || "(no period)"} by ${who} at ${io
        .now()
        .toISOString()
        .replace(
          /\.\d{3}Z$/,
          "Z",
        )}; plan checksum ${approved.checksum}. A later plan that differs will say "plan changed since approval". → ${output}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof StalePlanError) {
      io.stdout(
        `sop-planner: ${e.message} Run the cycle again (sop-planner plan), or approve anyway with --allow-stale. Nothing was written.`,
      );
      return 1;
    }
    if (!(e instanceof PlanningError) && !(e instanceof OwnershipError)) throw e;
    io.stdout(`sop-planner: ${e.message}`);
    return 1;
  }
}
