/**
 * `sop-planner`: the S&OP cycle on an .xlsx file.
 *
 *   sop-planner plan <in.xlsx> [-o out.xlsx | --in-place] [--strategy optimal|chase|level]
 *   sop-planner validate <in.xlsx>
 *   sop-planner template <out.xlsx> [--force]
 *   sop-planner measure <in.xlsx> [-o out.xlsx | --in-place]
 *   sop-planner scenario <in.xlsx> list | promote <name> | revert  [-o out.xlsx | --in-place]
 *   sop-planner scenario save <in.xlsx> <name> [--strategy optimal|chase|level]
 *       [--capacity Resource=+10%|Resource=+40|Resource=1200 ...] [-o out.xlsx | --in-place]
 *   sop-planner approve <in.xlsx> --by NAME [--role ROLE] [-o out.xlsx | --in-place]
 *   sop-planner --help | -h | --version      (and `<verb> --help`)
 *
 * Progress goes to stderr, the summary to stdout. Exit codes: 0 ok; 1 a problem with the input
 * (a file that is not a usable workbook, validation errors, all listed) or no feasible plan; 2
 * usage (bad arguments; usage text only then); 3 an internal error (one line asking for a
 * report; the stack trace with `--debug`). Output is written atomically (a temporary file
 * beside the target, then renamed); the input is never written unless `--in-place` is given.
 * See docs/cli.md.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { STRATEGIES, type Strategy } from "../engine/cycle/types";
import { belowTargetPeriods, type TargetShortfall } from "../engine/cycle/reconcilePlan";
import type { PlanVsBudget } from "../engine/executive/planVsBudget";
import { createHighsSolver } from "../solver/highs";
import { demoWorkbook } from "../workbook/sample/demoWorkbook";
import { PlanningSession, type StepResult } from "../workbook/session";
import { WorkbookFileError, XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { formatNumber, formatPercent, formatProblems, textTable } from "./format";
import { approve, measure, scenario } from "./executiveCommands";
import { parseCapacitySpec, type CapacitySpec } from "../workbook/executive/captureScenario";
import { ForecastPool } from "./forecastPool";
import { InputFileError, OutputFileError, checkWorkbookFile, sameFile, writeFileAtomic } from "./files";

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

const OUTPUT_OPTIONS = `  -o, --output <out.xlsx>  where to write (default: <in>.plan.xlsx beside the input)
      --in-place           write into the input file itself (needed when -o names the input)`;

/** Each verb's synopsis and help. */
const VERBS: Record<string, { synopsis: string; help: string }> = {
  plan: {
    synopsis: "sop-planner plan <in.xlsx> [-o out.xlsx | --in-place] [--strategy optimal|chase|level]",
    help: `Run the S&OP cycle (forecast, capacity check, reconcile, executive summary) and write the
plan sheets into a copy of the workbook.

Options:
${OUTPUT_OPTIONS}
      --strategy <name>    optimal, chase or level (default: the Settings table's Strategy, else optimal)`,
  },
  validate: {
    synopsis: "sop-planner validate <in.xlsx>",
    help: `Check the input tables (Sales, Items, Capacity, BillOfResources, Settings) and list every
problem with its table, row, column and cell. Writes nothing.`,
  },
  template: {
    synopsis: "sop-planner template <out.xlsx> [--force]",
    help: `Write a ready workbook with the input tables and sample data.

Options:
      --force              replace <out.xlsx> if it exists`,
  },
  measure: {
    synopsis: "sop-planner measure <in.xlsx> [-o out.xlsx | --in-place]",
    help: `Forecast accuracy, plan adherence and OTIF against actuals; writes the Measure sheet.

Options:
${OUTPUT_OPTIONS}`,
  },
  scenario: {
    synopsis: `sop-planner scenario <in.xlsx> list | promote <name> | revert [-o out.xlsx | --in-place]
  sop-planner scenario save <in.xlsx> <name> [--strategy optimal|chase|level]
      [--capacity Resource=+10%|Resource=+40|Resource=1200 ...] [-o out.xlsx | --in-place]`,
    help: `list: the scenarios on the Scenarios sheet; promote <name>: make one the plan (then run
"plan" to plan with it); revert: undo the last promotion; save <name>: save DemandPlan's
overrides, a strategy and capacity changes as a named scenario.

Options:
${OUTPUT_OPTIONS}
      --strategy <name>    (save) the scenario's strategy
      --capacity <change>  (save, repeatable) Resource=+10% a share of each period's hours,
                           Resource=+40 hours added, Resource=1200 hours set`,
  },
  approve: {
    synopsis: "sop-planner approve <in.xlsx> --by NAME [--role ROLE] [--allow-stale] [-o out.xlsx | --in-place]",
    help: `Sign the plan off: stamp PlanLog with who approved, in what role, when, and a checksum of the
plan sheets (DemandPlan, ProductionPlan, InventoryPlan, BacklogPlan) as the workbook holds them.
A later "plan" whose plan differs says "plan changed since approval". Run "plan" first.
A stale plan (Sales, Items, Capacity, BillOfResources, Settings, Initiatives, Budget, ReasonCodes,
the overrides or the promoted scenario changed since "plan" wrote it) is not signed off (exit 1).

Options:
      --by <name>          the approver's name (required; quote it if it has spaces)
      --role <role>        the approver's role, e.g. CEO
      --allow-stale        sign a stale plan off anyway; PlanLog's Note says what had changed
${OUTPUT_OPTIONS}`,
  },
};

export const USAGE = `Usage:
${Object.values(VERBS)
  .map((v) => `  ${v.synopsis}`)
  .join("\n")}
  sop-planner <verb> --help | --help | --version

Global options: -h, --help  this text; --version  the version; --debug  stack traces on internal errors.
Exit codes: 0 ok, 1 input problem, validation errors or no feasible plan, 2 usage, 3 internal error.`;

export class UsageError extends Error {
  constructor(
    message: string,
    readonly verb?: string,
  ) {
    super(message);
  }
}

export interface Parsed {
  command: string;
  file: string;
  output?: string;
  /** --in-place: the output may be the input */
  inPlace: boolean;
  strategy?: Strategy;
  force: boolean;
  /** scenario action and name */
  action?: string[];
  /** scenario save: capacity changes as typed */
  capacity?: CapacitySpec[];
  /** approve: who signs the plan off, and in what role */
  by?: string;
  role?: string;
  /** approve: sign a stale plan off anyway */
  allowStale?: boolean;
  /** milliseconds spent reading and checking the file before the session's own "read" */
  openMs?: number;
}

type Request = { kind: "help"; verb?: string } | { kind: "version" } | { kind: "run"; args: Parsed };

function parseArgs(argv: string[]): Request {
  const words = argv.filter((a) => a !== "--debug");
  if (words.includes("--version")) return { kind: "version" };
  const [command, ...rest] = words;
  if (!command) throw new UsageError("");
  if (command === "-h" || command === "--help" || command === "help")
    return { kind: "help", verb: command === "help" && rest[0] in VERBS ? rest[0] : undefined };
  if (!(command in VERBS)) throw new UsageError(`Unknown command "${command}".`);
  if (rest.includes("--help") || rest.includes("-h")) return { kind: "help", verb: command };
  const usage = (message: string) => new UsageError(message, command);
  const positional: string[] = [];
  let output: string | undefined;
  let strategy: Strategy | undefined;
  let force = false;
  let inPlace = false;
  let by: string | undefined;
  let role: string | undefined;
  let allowStale = false;
  const capacity: CapacitySpec[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined || next.startsWith("-")) throw usage(`${arg} needs a value.`);
      return next;
    };
    if (arg === "-o" || arg === "--output") output = value();
    else if (arg.startsWith("--output=")) output = arg.slice("--output=".length);
    else if (arg === "--strategy" || arg.startsWith("--strategy=")) {
      const name = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : value();
      if (!(STRATEGIES as readonly string[]).includes(name))
        throw usage(`--strategy must be one of ${STRATEGIES.join(", ")}, not "${name}".`);
      strategy = name as Strategy;
    } else if (arg === "--capacity" || arg.startsWith("--capacity=")) {
      const text = arg.includes("=") && arg.startsWith("--capacity=") ? arg.slice("--capacity=".length) : value();
      const spec = parseCapacitySpec(text);
      if (!spec) throw usage(`--capacity takes Resource=+10%, Resource=+40 or Resource=1200, not "${text}".`);
      capacity.push(spec);
    } else if (arg === "--by" || arg.startsWith("--by=")) by = arg.includes("=") ? arg.slice("--by=".length) : value();
    else if (arg === "--role" || arg.startsWith("--role="))
      role = arg.includes("=") ? arg.slice("--role=".length) : value();
    else if (arg === "--force") force = true;
    else if (arg === "--allow-stale") allowStale = true;
    else if (arg === "--in-place") inPlace = true;
    else if (arg.startsWith("-") && arg !== "-") throw usage(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  if ((command === "validate" || command === "template") && inPlace)
    throw usage(`--in-place applies to plan, measure, scenario and approve only.`);
  if (command !== "approve" && (by !== undefined || role !== undefined))
    throw usage(`--by and --role apply to "approve" only.`);
  if (command !== "approve" && allowStale) throw usage(`--allow-stale applies to "approve" only.`);
  if (command === "approve") {
    if (positional.length !== 1) throw usage(`approve needs exactly one file, got ${positional.length}.`);
    if (!by?.trim()) throw usage(`approve needs --by NAME, the approver's name.`);
    if (strategy || force) throw usage(`--strategy and --force do not apply to "approve".`);
    return {
      kind: "run",
      args: { command, file: positional[0], output, inPlace, force, by: by.trim(), role, allowStale },
    };
  }
  if (command === "scenario" && positional[0] === "save") {
    const [, file, ...names] = positional;
    if (!file || names.length !== 1)
      throw usage("scenario save needs a file and one scenario name (quote it if it has spaces).");
    if (!names[0].trim()) throw usage("scenario save needs a non-blank scenario name.");
    if (force) throw usage(`--force does not apply to "scenario".`);
    return {
      kind: "run",
      args: { command, file, output, inPlace, strategy, force, action: ["save", names[0]], capacity },
    };
  }
  if (capacity.length > 0) throw usage(`--capacity applies to "scenario save" only.`);
  if (command === "scenario") {
    const [file, action, ...names] = positional;
    if (!file || !action || !["list", "promote", "revert"].includes(action))
      throw usage(
        `scenario needs a file and one of list, promote <name>, revert (or: scenario save <in.xlsx> <name>).`,
      );
    if ((action === "promote") !== (names.length === 1) || names.length > 1)
      throw usage(
        action === "promote"
          ? "scenario promote needs one scenario name (quote it if it has spaces)."
          : `scenario ${action} takes no name.`,
      );
    if (strategy || force) throw usage(`--strategy and --force do not apply to "scenario".`);
    return { kind: "run", args: { command, file, output, inPlace, force, action: [action, ...names] } };
  }
  if (positional.length !== 1) throw usage(`${command} needs exactly one file, got ${positional.length}.`);
  if (command === "measure" && strategy) throw usage(`--strategy applies to "plan" only.`);
  if (command !== "plan" && command !== "measure" && (output || strategy))
    throw usage(`-o and --strategy apply to "plan" only.`);
  if (command !== "template" && force) throw usage(`--force applies to "template" only.`);
  return { kind: "run", args: { command, file: positional[0], output, inPlace, strategy, force } };
}

/**
 * Where a writing verb writes: `-o`, else the input with --in-place, else `<in>.plan.xlsx`.
 * `-o` naming the input (by path, symbolic or hard link) is refused without --in-place.
 */
function resolveOutput(args: Parsed): string {
  if (args.output === undefined && args.inPlace) return args.file;
  const output = args.output ?? defaultOutput(args.file);
  if (!args.inPlace && sameFile(args.file, output))
    throw new UsageError(
      `${output} is the input file; pass --in-place to write into it, or choose another -o.`,
      args.command,
    );
  return output;
}

/** Reads and checks the input file; an unusable file is an InputFileError (exit 1, one line). */
async function open(file: string): Promise<XlsxWorkbook> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputFileError(
      file,
      code === "ENOENT"
        ? `Cannot read ${file}: no such file. Check the path, or create a workbook with "sop-planner template ${file}".`
        : code === "EISDIR"
          ? `Cannot read ${file}: it is a folder; name an .xlsx file.`
          : `Cannot read ${file}: ${(e as Error).message}.`,
    );
  }
  checkWorkbookFile(file, buffer);
  try {
    return await XlsxWorkbook.fromBuffer(buffer, file);
  } catch (e) {
    if (e instanceof InputFileError || e instanceof WorkbookFileError) throw e;
    const detail = String((e as Error)?.message ?? e)
      .split("\n")[0]
      .slice(0, 200);
    throw new InputFileError(
      file,
      `${file} could not be read as an .xlsx workbook (${detail}): open it in Excel or LibreOffice, save it again as .xlsx, and run again.`,
    );
  }
}

/** SOP_PLANNER_THREADS: forecast worker threads (1 = on the main thread); unset: one per core. */
function threadsFromEnv(): number | undefined {
  const value = Number(process.env.SOP_PLANNER_THREADS);
  return Number.isInteger(value) && value >= 1 ? value : undefined;
}

function version(): string {
  for (const candidate of [
    path.join(__dirname, "..", "..", "package.json"),
    path.join(__dirname, "..", "package.json"),
  ]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "sop-planner" && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return "unknown";
}

/** Input files from this size (about 800 items × 60 months) start the forecast workers before reading. */
const WARM_POOL_FROM_BYTES = 1024 * 1024;

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 input or plan problem, 2 usage, 3 internal error). */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const request = parseArgs(argv);
    if (request.kind === "version") {
      io.stdout(`sop-planner ${version()}`);
      return 0;
    }
    if (request.kind === "help") {
      const verb = request.verb ? VERBS[request.verb] : undefined;
      io.stdout(verb ? `Usage: ${verb.synopsis}\n\n${verb.help}` : USAGE);
      return 0;
    }
    const args = request.args;
    if (args.command === "template") return await template(args, io);
    if (
      args.command === "plan" ||
      args.command === "measure" ||
      args.command === "approve" ||
      (args.command === "scenario" && args.action?.[0] !== "list")
    )
      args.output = resolveOutput(args);
    const pool = new ForecastPool({ threads: threadsFromEnv() });
    try {
      // A big workbook will be forecast on worker threads: start them now, so their start-up
      // runs on the other core while this one reads the file.
      if (args.command !== "validate" && fileSize(args.file) >= WARM_POOL_FROM_BYTES) pool.warm();
      const opening = Date.now();
      const workbook = await open(args.file);
      args.openMs = Date.now() - opening;
      const session = new PlanningSession(workbook, {
        now: io.now,
        solver: async () => createHighsSolver(),
        forecaster: (data) => pool.forecast(data),
        onProgress: (stage) => io.stderr(`… ${stage}`),
      });
      if (args.command === "validate") return await validate(args, session, io);
      if (args.command === "measure") return await measure(args, workbook, session, io, defaultOutput);
      if (args.command === "scenario") return await scenario(args, workbook, session, io);
      if (args.command === "approve") return await approve(args, workbook, session, io);
      return await plan(args, workbook, session, io);
    } finally {
      await pool.close();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      if (!e.message) {
        io.stderr(USAGE);
        return 2;
      }
      io.stderr(`sop-planner: ${e.message}`);
      io.stderr(
        e.verb
          ? `Usage: ${VERBS[e.verb].synopsis}\nRun "sop-planner ${e.verb} --help" for the options.`
          : `Run "sop-planner --help" for the verbs and options.`,
      );
      return 2;
    }
    // WorkbookFileError: a part the adapter reads later (a sheet) is damaged or has a DOCTYPE
    if (e instanceof InputFileError || e instanceof OutputFileError || e instanceof WorkbookFileError) {
      io.stderr(`sop-planner: ${e.message}`);
      return 1;
    }
    const error = e as Error;
    io.stderr(
      `sop-planner: internal error: ${String(error?.message ?? e).split("\n")[0]}. This is a bug; please report it with the command you ran${debug ? "." : " (run again with --debug for the stack trace)."}`,
    );
    if (debug && error?.stack) io.stderr(error.stack);
    return 3;
  }
}

async function template(args: Parsed, io: CliIo): Promise<number> {
  if (fs.existsSync(args.file) && !args.force)
    throw new UsageError(`${args.file} exists; pass --force to replace it.`, "template");
  const buffer = await XlsxWorkbook.fromMemory(demoWorkbook()).toBuffer();
  writeFileAtomic(args.file, buffer);
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
  const output = args.output!;
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
  writeFileAtomic(output, buffer);
  result.timings.write = (result.timings.write ?? 0) + (Date.now() - started);
  result.timings.read = (result.timings.read ?? 0) + (args.openMs ?? 0);
  io.stderr(`… stage times (s): ${stageTimes(result.timings)}`);
  io.stdout(summary(result, output));
  return 0;
}

/**
 * The written plan's periods below the inventory targets, by family:
 * "Below inventory target: Desks 2026-11 7 of 86, 2026-12 86 of 86; Chairs 2026-11 26 of 219."
 */
export function belowTargetLine(shortfalls: readonly TargetShortfall[], periods: readonly string[]): string {
  if (shortfalls.length === 0) return "Inventory at or above target in every period for every family.";
  const byFamily = new Map<string, string[]>();
  for (const s of shortfalls)
    byFamily.set(s.family, [
      ...(byFamily.get(s.family) ?? []),
      `${periods[s.period]} ${formatNumber(s.shortfall)} of ${formatNumber(s.target)}`,
    ]);
  return `Below inventory target (units short of target): ${[...byFamily].map(([family, list]) => `${family} ${list.join(", ")}`).join("; ")}.`;
}

/** "read 1.2, validate 0.3, …" in the session's stage order (write includes saving the file). */
export function stageTimes(timings: StepResult["timings"]): string {
  const stages = ["read", "validate", "forecast", "rccp", "reconcile", "write"] as const;
  return stages.map((stage) => `${stage} ${((timings[stage] ?? 0) / 1000).toFixed(2)}`).join(", ");
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
        "Below target",
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
              formatNumber(o.kpis.belowTarget),
            ]
          : [o.strategy, `no plan: ${o.failure}`, "", "", "", "", "", "", ""],
      ),
    ),
  );
  lines.push(
    `* written: ${reconcile.chosen}${result.scenario ? ` (scenario "${result.scenario}")` : ""}. Sheets: ${result.written.join(", ")}.`,
  );
  const written = reconcile.outcomes.find((o) => o.strategy === reconcile.chosen)?.plan;
  if (written) lines.push(belowTargetLine(belowTargetPeriods(reconcile.input, written), data.planPeriods));
  if (result.executive)
    lines.push(
      `Executive summary: ${result.executive.decisions.length} decision(s) needed; revenue ${formatNumber(result.executive.financial.revenue)}, cost of goods ${formatNumber(result.executive.financial.costOfGoods)}, gross margin ${formatNumber(result.executive.financial.grossMargin)}.`,
    );
  const budget = result.executive?.budget;
  if (budget) lines.push(budgetLine(budget, data.planPeriods));
  const approval = result.executive?.approval;
  if (approval) {
    const who = `${approval.by}${approval.role ? ` (${approval.role})` : ""} at ${approval.at}`;
    lines.push(
      approval.changedSince
        ? `Plan changed since approval by ${who}: review it and approve again (sop-planner approve).`
        : `Plan approved by ${who}; unchanged since.`,
    );
  }
  const initiatives = result.executive?.initiatives;
  if (initiatives) {
    lines.push("");
    lines.push("Strategic initiatives (each: the plan with it minus the plan without it):");
    lines.push(
      textTable(
        [
          "Initiative",
          "Owner",
          "Periods",
          "Units",
          "Capacity h",
          "Plan h",
          "Gross margin",
          "Cost",
          "Margin after cost",
        ],
        [...initiatives.effects, initiatives.all].map((e) => [
          e.failure ? `${e.name} (${e.failure})` : e.name,
          e.owner ?? "",
          e.periods || "none",
          formatNumber(e.units),
          formatNumber(e.capacityHours),
          formatNumber(e.planHours),
          formatNumber(e.grossMargin),
          formatNumber(e.cost),
          formatNumber(e.netMargin),
        ]),
      ),
    );
  }
  if (reconcile.outcomes.some((o) => (o.kpis?.hoursBeyondCapacity ?? 0) > 0.5)) {
    lines.push(
      "Chase and level plan each family alone: hours beyond capacity are work the resources cannot do; only optimal respects shared capacity.",
    );
  }
  const warnings = result.problems.filter((p) => p.severity === "warning");
  if (warnings.length > 0) lines.push(`\n${warnings.length} warning(s):\n${formatProblems(warnings)}`);
  return lines.join("\n");
}

/** The executive pack's plan vs budget, all families, in one line with its months and basis. */
function budgetLine(budget: PlanVsBudget, periods: readonly string[]): string {
  const all = budget.rows[budget.rows.length - 1];
  const signed = (value: number) => `${value >= 0 ? "+" : "−"}${formatNumber(Math.abs(value))}`;
  const part = (name: string, plan: number | null, target: number | null, gap: number | null, share: number | null) =>
    plan === null || target === null || gap === null
      ? null
      : `${name} ${formatNumber(plan)} vs ${formatNumber(target)} (${signed(gap)}${share === null ? "" : `, ${share >= 0 ? "+" : ""}${formatPercent(share)}`})`;
  const parts = [
    part("revenue", all.planRevenue, all.budgetRevenue, all.revenueGap, all.revenueGapShare),
    part("units shipped", all.planUnits, all.budgetUnits, all.unitsGap, all.unitsGapShare),
  ].filter((p): p is string => p !== null);
  const first = periods[budget.firstPeriod];
  const last = periods[budget.lastPeriod];
  return `Plan vs budget, ${first === last ? first : `${first} to ${last}`} (FinancialPlan vs the Budget table): ${parts.join("; ")}.`;
}
