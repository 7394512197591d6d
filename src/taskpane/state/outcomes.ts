/** Each step's result in one sentence, and whether it needs the planner's attention. */
import type { DemandView, ExecutiveView, GatherView, MeasureView, ReconcileView, SupplyView } from "../cycle/views";

export interface Outcome {
  attention: boolean;
  message: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

export function describeGather(view: GatherView): Outcome {
  const errors = view.problems.filter((p) => p.severity === "error").length;
  const warnings = view.problems.length - errors;
  if (view.missingTables.length > 0) {
    return {
      attention: true,
      message: `Missing ${plural(view.missingTables.length, "table")}: ${view.missingTables.join(", ")}.`,
    };
  }
  if (errors > 0)
    return {
      attention: true,
      message: `Found ${plural(errors, "problem")} to fix${warnings ? ` and ${plural(warnings, "warning")}` : ""}.`,
    };
  const found = `Found ${plural(view.tables.length, "table")}`;
  return {
    attention: false,
    message: warnings ? `${found}; ${plural(warnings, "warning")} to review.` : `${found}; no problems.`,
  };
}

export function describeDemand(view: DemandView): Outcome {
  const items = view.itemCount ?? view.series.filter((s) => s.level === "item").length;
  const total = view.accuracy[0];
  const accuracy = total ? ` Held-out WMAPE ${percent(total.wmape)}, bias ${percent(total.bias)}.` : "";
  return {
    attention: false,
    message: `Forecast ${plural(items, "item")}; wrote ${view.written.join(", ")}.${accuracy}`,
  };
}

export function describeSupply(view: SupplyView): Outcome {
  const written = `wrote ${view.written.join(", ")}`;
  if (view.overloads.length === 0) return { attention: false, message: `No resource is overloaded; ${written}.` };
  const resources = new Set(view.overloads.map((o) => o.resource)).size;
  return {
    attention: true,
    message: `${plural(view.overloads.length, "overload")} on ${plural(resources, "resource")}; ${written}.`,
  };
}

export function describeReconcile(view: ReconcileView): Outcome {
  if (!view.chosen) return { attention: true, message: "Compared the three strategies; pick one to write it." };
  return { attention: false, message: `Wrote the ${view.chosen.strategy} plan to ${view.chosen.written.join(", ")}.` };
}

export function describeExecutive(view: ExecutiveView): Outcome {
  const written = view.written?.length ? `; wrote ${view.written.join(", ")}` : "";
  const changed = view.approval?.changedSince ? ` The plan changed since approval: ${view.approval.statement}` : "";
  return {
    attention: view.decisions.length > 0 || !!view.approval?.changedSince,
    message: `${plural(view.kpis.length, "KPI")} for the ${view.planName ?? view.strategy} plan${view.decisions.length ? `; ${plural(view.decisions.length, "decision")} open` : ""}${written}.${changed}`,
  };
}

export function describeMeasure(view: MeasureView): Outcome {
  const total = view.accuracy[0];
  if (view.source !== undefined) {
    const otif = view.delivery ? ` OTIF ${percent(view.delivery.otif)}.` : "";
    const written = view.written?.length ? ` Wrote ${view.written.join(", ")}.` : "";
    if (!total) return { attention: true, message: `No forecast accuracy: ${view.source}.${otif}${written}` };
    return {
      attention: Math.abs(total.trackingSignal ?? 0) > 4,
      message: `Measured ${view.source}: WMAPE ${percent(total.wmape)}, bias ${percent(total.bias)}.${otif}${written}`,
    };
  }
  if (!total) return { attention: true, message: "Not enough history to hold any out." };
  return {
    attention: false,
    message: `Held out the last ${plural(view.holdout, "period")}: WMAPE ${percent(total.wmape)}, bias ${percent(total.bias)}.`,
  };
}
