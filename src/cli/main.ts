/**
 * `sop-planner`: the S&OP cycle on an .xlsx file.
 *
 *   sop-planner plan <in.xlsx> [-o out.xlsx] [--strategy optimal|chase|level]
 *   sop-planner validate <in.xlsx>
 *   sop-planner template <out.xlsx> [--force]
 *   sop-planner measure <in.xlsx> [-o out.xlsx]
 *   sop-planner scenario <in.xlsx> list | promote <name> | revert  [-o out.xlsx]
 *   sop-planner scenario save <in.xlsx> <name> [--strategy optimal|chase|level]
 *       [--capacity Resource=+10%|Resource=+40|Resource=1200 ...] [-o out.xlsx]
 *
 * Progress goes to stderr, the summary to stdout. Exit codes: 0 ok, 1 validation errors (all
 * listed) or no feasible plan, 2 usage (bad arguments, unreadable file). The input file is
 * never written unless `-o` names it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { STRATEGIES, type Strategy } from "../engine/cycle/types";
import { createHighsSolver } from "../solver/highs";
import { demoWorkbook } from "../workbook/sample/demoWorkbook";
import { PlanningSession, type StepResult } from "../workbook/session";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { formatNumber, formatPercent, formatProblems, textTable } from "./format";
import { measure, scenario } from "./executiveCommands";
import { parseCapacitySpec, type CapacitySpec } from "../workbook/executive/captureScenario";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text + "\n"),
  stderr: (text) => process.stderr.write(text + "\n"),
  now: () => new Date(),
};

export const USAGE = `Usage:
  sop-planner plan <in.xlsx> [-o out.xlsx] [--strategy optimal|chase|level]
      run the S&OP cycle and write the plan sheets (default output: <in>.plan.xlsx)
  sop-planner validate <in.xlsx>
      check the input tables and list every problem
  sop-planner template <out.xlsx> [--force]
      write a ready workbook with sample data
  sop-planner measure <in.xlsx> [-o out.xlsx]
      forecast accuracy, plan adherence and OTIF against actuals; writes the Measure sheet
  sop-planner scenario <in.xlsx> list | promote <name> | revert [-o out.xlsx]
      list the Scenarios sheet, make one the plan, or undo the last promotion
      (then run "plan" to plan with it)
  sop-planner scenario save <in.xlsx> <name> [--strategy optimal|chase|level]
      [--capacity Resource=+10%|Resource=+40|Resource=1200 ...] [-o out.xlsx]
      save DemandPlan's overrides, a strategy and capacity changes as a named scenario
      (+10%: a share of each period's hours; +40: hours added; 1200: hours set)

Exit codes: 0 ok, 1 validation errors or no feasible plan, 2 usage.`;

export class UsageError extends Error {}

export interface Parsed {
  command: string;
  file: string;
  output?: string;
  strategy?: Strategy;
  force: boolean;
  /** scenario action and name */
  action?: string[];
  /** scenario save: capacity changes as typed */
  capacity?: CapacitySpec[];
}

function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") throw new UsageError("");
  if (!["plan", "validate", "template", "measure", "scenario"].includes(command))
    throw new UsageError(`Unknown command "${command}".`);
  const positional: string[] = [];
  let output: string | undefined;
  let strategy: Strategy | undefined;
  let force = false;
  const capacity: CapacitySpec[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined || next.startsWith("-")) throw new UsageError(`${arg} needs a value.`);
      return next;
    };
    if (arg === "-o" || arg === "--output") output = value();
    else if (arg.startsWith("--output=")) output = arg.slice("--output=".length);
    else if (arg === "--strategy" || arg.startsWith("--strategy=")) {
      const name = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : value();
      if (!(STRATEGIES as readonly string[]).includes(name))
        throw new UsageError(`--strategy must be one of ${STRATEGIES.join(", ")}, not "${name}".`);
      strategy = name as Strategy;
    } else if (arg === "--capacity" || arg.startsWith("--capacity=")) {
      const text = arg.includes("=") && arg.startsWith("--capacity=") ? arg.slice("--capacity=".length) : value();
      const spec = parseCapacitySpec(text);
      if (!spec) throw new UsageError(`--capacity takes Resource=+10%, Resource=+40 or Resource=1200, not "${text}".`);
      capacity.push(spec);
    } else if (arg === "--force") force = true;
    else if (arg.startsWith("-")) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  if (command === "scenario" && positional[0] === "save") {
    const [, file, ...names] = positional;
    if (!file || names.length !== 1)
      throw new UsageError("scenario save needs a file and one scenario name (quote it if it has spaces).");
    if (!names[0].trim()) throw new UsageError("scenario save needs a non-blank scenario name.");
    if (force) throw new UsageError(`--force does not apply to "scenario".`);
    return { command, file, output, strategy, force, action: ["save", names[0]], capacity };
  }
  if (capacity.length > 0) throw new UsageError(`--capacity applies to "scenario save" only.`);
  if (command === "scenario") {
    const [file, action, ...names] = positional;
    if (!file || !action || !["list", "promote", "revert"].includes(action))
      throw new UsageError(
        `scenario needs a file and one of list, promote <name>, revert (or: scenario save <in.xlsx> <name>).`,
      );
    if ((action === "promote") !== (names.length === 1) || names.length > 1)
      throw new UsageError(
        action === "promote"
          ? "scenario promote needs one scenario name (quote it if it has spaces)."
          : `scenario ${action} takes no name.`,
      );
    if (strategy || force) throw new UsageError(`--strategy and --force do not apply to "scenario".`);
    return { command, file, output, force, action: [action, ...names] };
  }
  if (positional.length !== 1) throw new UsageError(`${command} needs exactly one file, got ${positional.length}.`);
  if (command === "measure" && strategy) throw new UsageError(`--strategy applies to "plan" only.`);
  if (command !== "plan" && command !== "measure" && (output || strategy))
    throw new UsageError(`-o and --strategy apply to "plan" only.`);
  if (command !== "template" && force) throw new UsageError(`--force applies to "template" only.`);
  return { command, file: positional[0], output, strategy, force };
}

async function open(file: string): Promise<XlsxWorkbook> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(
      `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}.`,
    );
  }
  try {
    return await XlsxWorkbook.fromBuffer(buffer);
  } catch (e) {
    throw new UsageError(`${file} is not a readable .xlsx workbook (${(e as Error).message}).`);
  }
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(argv);
    if (args.command === "template") return await template(args, io);
    const workbook = await open(args.file);
    const session = new PlanningSession(workbook, {
      now: io.now,
      solver: async () => createHighsSolver(),
      onProgress: (stage) => io.stderr(`… ${stage}`),
    });
    if (args.command === "validate") return await validate(args, session, io);
    if (args.command === "measure") return await measure(args, workbook, session, io, defaultOutput);
    if (args.command === "scenario") return await scenario(args, workbook, session, io);
    return await plan(args, workbook, session, io);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.stderr(`sop-planner: ${e.message}\n`);
      io.stderr(USAGE);
      return 2;
    }
    throw e;
  }
}

async function template(args: Parsed, io: CliIo): Promise<number> {
  if (fs.existsSync(args.file) && !args.force) throw new UsageError(`${args.file} exists; pass --force to replace it.`);
  const buffer = await XlsxWorkbook.fromMemory(demoWorkbook()).toBuffer();
  fs.mkdirSync(path.dirname(path.resolve(args.file)), { recursive: true });
  fs.writeFileSync(args.file, buffer);
  io.stdout(
    `Wrote ${args.file}: tables Sales, Items, Capacity, BillOfResources, Settings with sample data. Next: sop-planner plan ${args.file}`,
  );
  return 0;
}

async function validate(args: Parsed, session: PlanningSession, io: CliIo): Promise<number> {
  const gathered = await session.gather();
  io.stdout(
    textTable(
      ["Table", "Sheet", "Rows"],
      gathered.tables.map((t) => [t.name, t.sheet, t.rows]),
    ),
  );
  const errors = gathered.problems.filter((p) => p.severity === "error").length;
  const warnings = gathered.problems.length - errors;
  if (gathered.problems.length > 0) io.stdout("\n" + formatProblems(gathered.problems));
  io.stdout(`\n${args.file}: ${errors} error(s), ${warnings} warning(s).`);
  return errors > 0 ? 1 : 0;
}

function defaultOutput(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.plan${parsed.ext || ".xlsx"}`);
}

async function plan(args: Parsed, workbook: XlsxWorkbook, session: PlanningSession, io: CliIo): Promise<number> {
  const output = args.output ?? defaultOutput(args.file);
  const result = await session.run(args.strategy);
  if (!result.ok) {
    io.stdout(formatProblems(result.problems));
    io.stdout(
      `\nNo plan written: ${result.problems.filter((p) => p.severity === "error").length} error(s). Fix them and run again.`,
    );
    return 1;
  }
  const started = Date.now();
  io.stderr("… save");
  const buffer = await workbook.toBuffer();
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, buffer);
  result.timings.write = (result.timings.write ?? 0) + (Date.now() - started);
  io.stdout(summary(result, output));
  return 0;
}

/** The summary printed after a plan: demand by family, capacity, strategies compared. */
export function summary(result: StepResult, output: string): string {
  const data = result.data!;
  const lines: string[] = [];
  lines.push(
    `S&OP plan ${data.planPeriods[0]} – ${data.planPeriods[data.planPeriods.length - 1]} (${data.planPeriods.length} ${data.bucket}s, ${data.items.length} items, ${data.families.length} families) → ${output}`,
  );
  lines.push("");
  const demand = result.demand!;
  lines.push(
    textTable(
      ["Family", "Statistical", "Consensus", "Overrides"],
      demand.families.map((f) => {
        const overrides = data.items.reduce(
          (n, item, i) => n + (item.family === f.family ? data.overrides[i].filter((v) => v !== null).length : 0),
          0,
        );
        return [
          f.family,
          formatNumber(f.statistical.reduce((a, b) => a + b, 0)),
          formatNumber(f.consensus.reduce((a, b) => a + b, 0)),
          overrides,
        ];
      }),
    ),
  );
  lines.push("");
  lines.push(
    textTable(
      ["Resource", "Peak load", "Overloaded periods"],
      result.supply!.resources.map((r) => {
        const peak = Math.max(...r.utilization.map((u) => u ?? 0));
        return [
          r.resource,
          formatPercent(peak),
          r.overloadedPeriods.map((t) => data.planPeriods[t]).join(" ") || "none",
        ];
      }),
    ),
  );
  lines.push("");
  const reconcile = result.reconcile!;
  lines.push(
    textTable(
      [
        "Strategy",
        "Total cost",
        "Fill rate",
        "Avg inventory",
        "End backlog",
        "Overtime h",
        "Beyond capacity h",
        "Subcontract",
      ],
      reconcile.outcomes.map((o) =>
        o.kpis
          ? [
              `${o.strategy}${o.strategy === reconcile.chosen ? " *" : ""}`,
              formatNumber(o.kpis.totalCost),
              formatPercent(o.kpis.fillRate),
              formatNumber(o.kpis.averageInventory),
              formatNumber(o.kpis.endingBacklog),
              formatNumber(o.kpis.overtimeHours),
              formatNumber(o.kpis.hoursBeyondCapacity),
              formatNumber(o.kpis.subcontract),
            ]
          : [o.strategy, `no plan: ${o.failure}`, "", "", "", "", "", ""],
      ),
    ),
  );
  lines.push(
    `* written: ${reconcile.chosen}${result.scenario ? ` (scenario "${result.scenario}")` : ""}. Sheets: ${result.written.join(", ")}.`,
  );
  if (result.executive)
    lines.push(
      `Executive summary: ${result.executive.decisions.length} decision(s) needed; revenue ${formatNumber(result.executive.financial.revenue)}, margin ${formatNumber(result.executive.financial.margin)}.`,
    );
  if (reconcile.outcomes.some((o) => (o.kpis?.hoursBeyondCapacity ?? 0) > 0.5)) {
    lines.push(
      "Chase and level plan each family alone: hours beyond capacity are work the resources cannot do; only optimal respects shared capacity.",
    );
  }
  const warnings = result.problems.filter((p) => p.severity === "warning");
  if (warnings.length > 0) lines.push(`\n${warnings.length} warning(s):\n${formatProblems(warnings)}`);
  return lines.join("\n");
}
