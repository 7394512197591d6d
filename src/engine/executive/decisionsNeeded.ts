/**
 * "Decisions needed": the exceptions the executive meeting must rule on, found automatically.
 *
 * | kind       | raised when                                                          | default limit |
 * |------------|----------------------------------------------------------------------|---------------|
 * | `overload` | load ÷ capacity exceeds the limit (load beyond overtime hours)       | 1.0 (100 %)   |
 * | `pastDue`  | a resource has hours that offsets put before the first period         | any hours     |
 * | `backlog`  | a family ends a period with more backlog than the limit (a stockout)  | 0 units       |
 * | `inventory`| a family ends a period more than the limit below its inventory target | 0 units       |
 * | `bias`     | the latest tracking signal of a forecast is outside ±limit            | 4             |
 * | `override` | a planner's override moves the statistical forecast by more than it  | 0.30          |
 *
 * The limits are the planner's to set (Settings: UtilizationLimit, BacklogLimit,
 * InventoryShortfallLimit, TrackingSignalLimit, OverrideLimit); every message ends with the
 * limit that raised it. Below target = target − (ending inventory − ending backlog), the net
 * stock the target is compared with (engine/reconcile); an inventory message lists every period
 * of its run with its shortfall.
 *
 * Past-due hours are counted in the first period's load (work that can only be done now), so
 * they also weigh in that period's utilization and overload; the `pastDue` decision names them
 * apart, because the meeting must either release that work now or move the plan.
 *
 * Contiguous periods of one subject are one decision (e.g. "Assembly, 2026-03 to 2026-05"), so
 * the list stays short. Overloads and backlog come first, then bias, then overrides; within a
 * kind the biggest first. Tracking signal: Σ(A − F) ÷ MAD (APICS); a 30 % override limit is a
 * common forecast-review rule of thumb (Gilliland, "The Business Forecasting Deal").
 */
import type { FamilyProjection, ResourceLoad } from "./types";

export const TRACKING_SIGNAL_LIMIT = 4;
export const LARGE_OVERRIDE_SHARE = 0.3;

/** The limits that raise a decision; each has a Settings row of the same name with "Limit" appended. */
export interface AlertLimits {
  /** load ÷ capacity above which a resource is overloaded (1 = 100 %) */
  utilization: number;
  /** backlog (units) above which a family's backlog is a decision */
  backlog: number;
  /** units below a family's inventory target above which it is a decision */
  inventoryShortfall: number;
  /** |tracking signal| above which a forecast is biased */
  trackingSignal: number;
  /** |override − statistical| ÷ statistical above which an override needs confirming */
  overrideShare: number;
}

export const DEFAULT_ALERT_LIMITS: AlertLimits = {
  utilization: 1,
  backlog: 0,
  inventoryShortfall: 0,
  trackingSignal: TRACKING_SIGNAL_LIMIT,
  overrideShare: LARGE_OVERRIDE_SHARE,
};

export type DecisionKind = "overload" | "pastDue" | "backlog" | "inventory" | "bias" | "override";

export interface Decision {
  kind: DecisionKind;
  /** resource, family or item */
  subject: string;
  /** 0-based plan periods the decision spans (first..last) */
  firstPeriod: number;
  lastPeriod: number;
  /**
   * the size: hours short (overload), past-due hours (pastDue), peak backlog units (backlog), the largest shortfall below
   * target in units (inventory), the tracking signal (bias),
   * the largest relative change (override, 0.45 = +45 %)
   */
  value: number;
  /** the limit it broke, in the same unit as value */
  threshold: number;
  message: string;
}

export interface BiasSeries {
  /** item or family */
  name: string;
  /** the latest tracking signal (running Σ(A − F) ÷ MAD) */
  trackingSignal: number;
}

export interface OverrideSeries {
  item: string;
  /** statistical forecast per plan period */
  statistical: readonly number[];
  /** the planner's override per plan period, null = none */
  override: readonly (number | null)[];
}

export interface DecisionInput {
  periodLabels: readonly string[];
  families?: readonly FamilyProjection[];
  resources?: readonly ResourceLoad[];
  bias?: readonly BiasSeries[];
  overrides?: readonly OverrideSeries[];
  /** the planner's limits; any left out take DEFAULT_ALERT_LIMITS */
  limits?: Partial<AlertLimits>;
}

const KIND_ORDER: DecisionKind[] = ["overload", "pastDue", "backlog", "inventory", "bias", "override"];

/**
 * @example
 * decisionsNeeded({ periodLabels: ["2026-01", "2026-02"],
 *   resources: [{ resource: "Press", loadHours: [90, 130], capacityHours: [100, 100] }] })
 * // => [{ kind: "overload", subject: "Press", firstPeriod: 1, lastPeriod: 1, value: 30, threshold: 1, … }]
 */
export function decisionsNeeded(input: DecisionInput): Decision[] {
  const labels = input.periodLabels;
  const label = (t: number) => labels[t] ?? `period ${t + 1}`;
  const span = (first: number, last: number) => (first === last ? label(first) : `${label(first)} to ${label(last)}`);
  const limits = { ...DEFAULT_ALERT_LIMITS, ...input.limits };
  const tsLimit = limits.trackingSignal;
  const overrideLimit = limits.overrideShare;
  const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;
  const decisions: Decision[] = [];

  for (const r of input.resources ?? []) {
    // Overtime hours the resource offers are capacity the plan may use: only load beyond them is over.
    const allowed = r.capacityHours.map((c, t) => c * limits.utilization + (r.overtimeCapacityHours?.[t] ?? 0));
    const short = r.loadHours.map((load, t) => load - allowed[t]);
    for (const [first, last] of runs(short.map((s) => s > 1e-9))) {
      const hoursShort = sumRange(short, first, last);
      let peak = 0;
      for (let t = first; t <= last; t++)
        peak = Math.max(peak, r.capacityHours[t] > 0 ? r.loadHours[t] / r.capacityHours[t] : Infinity);
      decisions.push({
        kind: "overload",
        subject: r.resource,
        firstPeriod: first,
        lastPeriod: last,
        value: hoursShort,
        threshold: limits.utilization,
        message: `${r.resource} is loaded beyond ${r.overtimeCapacityHours ? "its overtime and " : ""}${limits.utilization === 1 ? "capacity" : `${percent(limits.utilization)} of capacity`} in ${span(first, last)}: ${round(hoursShort)} hours over, peak ${Number.isFinite(peak) ? `${Math.round(peak * 100)} %` : "with no capacity"}. Add overtime or capacity, move load, or accept backlog. (Limit: utilization ${percent(limits.utilization)}.)`,
      });
    }
  }

  for (const r of input.resources ?? []) {
    const hours = r.pastDueHours ?? 0;
    if (!(hours > 1e-9)) continue;
    decisions.push({
      kind: "pastDue",
      subject: r.resource,
      firstPeriod: 0,
      lastPeriod: 0,
      value: hours,
      threshold: 0,
      message: `${r.resource}: ${round(hours)} h past due — release now or re-plan. Lead-time offsets put these hours before ${label(0)}; they are counted in ${label(0)}'s load and utilization.`,
    });
  }

  for (const f of input.families ?? []) {
    for (const [first, last] of runs(f.backlog.map((b) => b > limits.backlog + 1e-9))) {
      let peak = 0;
      for (let t = first; t <= last; t++) peak = Math.max(peak, f.backlog[t]);
      decisions.push({
        kind: "backlog",
        subject: f.family,
        firstPeriod: first,
        lastPeriod: last,
        value: peak,
        threshold: limits.backlog,
        message: `${f.family} cannot meet demand in ${span(first, last)}: backlog peaks at ${round(peak)} units. Decide whether customers wait or supply is added. (Limit: backlog ${round(limits.backlog)} units.)`,
      });
    }
  }

  for (const f of input.families ?? []) {
    if (!f.inventoryTarget) continue;
    const short = belowTarget(f);
    for (const [first, last] of runs(short.map((b) => b > limits.inventoryShortfall + 1e-9))) {
      let peak = 0;
      const listed: string[] = [];
      for (let t = first; t <= last; t++) {
        peak = Math.max(peak, short[t]);
        listed.push(`${label(t)} ${round(short[t])} of ${round(f.inventoryTarget[t])}`);
      }
      decisions.push({
        kind: "inventory",
        subject: f.family,
        firstPeriod: first,
        lastPeriod: last,
        value: peak,
        threshold: limits.inventoryShortfall,
        message: `${f.family} is below its inventory target in ${span(first, last)}: units short ${listed.join(", ")}. Build ahead, add capacity, or accept the stockout risk. (Limit: inventory shortfall ${round(limits.inventoryShortfall)} units.)`,
      });
    }
  }

  for (const b of input.bias ?? []) {
    if (Math.abs(b.trackingSignal) <= tsLimit) continue;
    const direction =
      b.trackingSignal > 0 ? "under-forecast (actuals above forecast)" : "over-forecast (actuals below forecast)";
    decisions.push({
      kind: "bias",
      subject: b.name,
      firstPeriod: 0,
      lastPeriod: labels.length - 1,
      value: b.trackingSignal,
      threshold: tsLimit,
      message: `${b.name} is ${direction}: tracking signal ${b.trackingSignal.toFixed(1)} is outside ±${tsLimit}. Review the forecast model or the overrides. (Limit: tracking signal ±${tsLimit}.)`,
    });
  }

  for (const o of input.overrides ?? []) {
    const change = o.override.map((v, t) => (v === null ? 0 : relativeChange(o.statistical[t], v)));
    for (const [first, last] of runs(change.map((c) => Math.abs(c) > overrideLimit))) {
      let largest = 0;
      for (let t = first; t <= last; t++) if (Math.abs(change[t]) > Math.abs(largest)) largest = change[t];
      const size = Number.isFinite(largest)
        ? `${largest > 0 ? "+" : ""}${Math.round(largest * 100)} %`
        : "an override where the statistical forecast is 0";
      decisions.push({
        kind: "override",
        subject: o.item,
        firstPeriod: first,
        lastPeriod: last,
        value: largest,
        threshold: overrideLimit,
        message: `${o.item} is overridden by up to ${size} against the statistical forecast in ${span(first, last)}. Confirm the reason. (Limit: override ${percent(overrideLimit)}.)`,
      });
    }
  }

  return decisions.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      magnitude(b) - magnitude(a) ||
      a.firstPeriod - b.firstPeriod,
  );
}

/**
 * Units below target per period: max(target − (inventory − backlog), 0), noise below 1e-7 of the
 * target dropped. `belowTarget({ inventory: [3, 0], backlog: [0, 2], inventoryTarget: [5, 5], … })` → [2, 7].
 */
export function belowTarget(f: Pick<FamilyProjection, "inventory" | "backlog" | "inventoryTarget">): number[] {
  return f.inventory.map((stock, t) => {
    const target = f.inventoryTarget?.[t] ?? 0;
    const short = target - (stock - f.backlog[t]);
    return short > 1e-7 * Math.max(1, target) ? short : 0;
  });
}

/** (override − statistical) ÷ statistical; ±Infinity when the statistical forecast is 0 and the override is not. */
export function relativeChange(statistical: number, override: number): number {
  if (statistical === 0) return override === 0 ? 0 : override > 0 ? Infinity : -Infinity;
  return (override - statistical) / Math.abs(statistical);
}

/** [first, last] index pairs of the runs of `true`. */
function runs(flags: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  flags.forEach((flag, t) => {
    if (flag && start < 0) start = t;
    if (!flag && start >= 0) {
      out.push([start, t - 1]);
      start = -1;
    }
  });
  if (start >= 0) out.push([start, flags.length - 1]);
  return out;
}

function sumRange(values: readonly number[], first: number, last: number): number {
  let s = 0;
  for (let t = first; t <= last; t++) s += values[t];
  return s;
}

function magnitude(d: Decision): number {
  return Math.abs(d.value);
}

/** One formatter for every message: `toLocaleString` builds a new one per call (slow at 5,000 items). */
const WHOLE = new Intl.NumberFormat("en-US");

function round(value: number): string {
  return WHOLE.format(Math.round(value));
}
