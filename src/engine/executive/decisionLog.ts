/**
 * The decision log: every "decision needed" becomes a row that lives from cycle to cycle, so the
 * meeting can give it an owner, a due date and an outcome, and the next cycle can follow it up.
 *
 * - A decision's id is stable: the same kind, subject and periods give the same id on every run
 *   (FNV-1a of "kind|subject|first period|last period", as `D-` and 8 hex digits).
 * - Owner, Due, Status and Decision are the planner's: a re-run keeps them.
 * - A row still open that this run no longer raises is carried forward (the meeting closes it, not
 *   the add-in); a decided or dropped row is kept with the cycle it was closed in.
 *
 * Order: this run's decisions (in the pack's order), then open rows carried from earlier cycles,
 * then closed rows, newest cycle first.
 */
import type { Decision } from "./decisionsNeeded";

export const DECISION_STATUSES = ["open", "decided", "dropped"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface DecisionLogEntry {
  id: string;
  /** plan start of the cycle that first raised it */
  raised: string;
  /** plan start of the latest cycle that raised it, or that it was closed in */
  cycle: string;
  kind: string;
  subject: string;
  /** "2026-03" or "2026-03 to 2026-05" */
  periods: string;
  size: number | null;
  /** the limit that raised it, as the pack prints it */
  limit: string | null;
  message: string;
  /** raised by this run */
  current: boolean;
  owner: string | null;
  /** a date (Excel serial) or text, as the planner typed it */
  due: string | number | null;
  status: DecisionStatus;
  decision: string | null;
}

/**
 * The stable id of a decision.
 *
 * @example decisionId("overload", "Paint", "2026-03", "2026-05") // => "D-…" (8 hex digits, the same on every run)
 */
export function decisionId(kind: string, subject: string, first: string, last: string): string {
  let hash = 0x811c9dc5;
  for (const ch of `${kind}|${subject}|${first}|${last}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `D-${hash.toString(16).padStart(8, "0")}`;
}

/**
 * This run's decisions merged into the log kept so far.
 *
 * @param previous the log as the workbook holds it (the planner may have filled Owner, Due, Status, Decision)
 * @param decisions this run's decisions needed
 * @param labels the plan's period labels (to name a decision's periods)
 * @param limitOf how the pack prints a decision's limit
 */
export function mergeDecisionLog(
  previous: readonly DecisionLogEntry[],
  decisions: readonly Decision[],
  labels: readonly string[],
  limitOf: (decision: Decision) => string | null = () => null,
): DecisionLogEntry[] {
  const planStart = labels[0] ?? "";
  const before = new Map(previous.map((entry) => [entry.id, entry]));
  const label = (t: number) => labels[t] ?? `period ${t + 1}`;
  const seen = new Set<string>();
  const current: DecisionLogEntry[] = [];
  for (const d of decisions) {
    const first = label(d.firstPeriod);
    const last = label(d.lastPeriod);
    const id = decisionId(d.kind, d.subject, first, last);
    if (seen.has(id)) continue;
    seen.add(id);
    const kept = before.get(id);
    current.push({
      id,
      raised: kept?.raised || planStart,
      cycle: planStart,
      kind: d.kind,
      subject: d.subject,
      periods: first === last ? first : `${first} to ${last}`,
      size: Number.isFinite(d.value) ? d.value : null,
      limit: limitOf(d),
      message: d.message,
      current: true,
      owner: kept?.owner ?? null,
      due: kept?.due ?? null,
      status: kept?.status ?? "open",
      decision: kept?.decision ?? null,
    });
  }
  const earlier = previous.filter((entry) => !seen.has(entry.id)).map((entry) => ({ ...entry, current: false }));
  const open = earlier.filter((entry) => entry.status === "open");
  const closed = earlier
    .filter((entry) => entry.status !== "open")
    .sort((a, b) => (a.cycle < b.cycle ? 1 : a.cycle > b.cycle ? -1 : 0));
  return [...current, ...open, ...closed];
}
