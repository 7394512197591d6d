/**
 * Lays the cycle's results out as the sheets the add-in owns: one Excel Table per sheet, with
 * number formats, widths and highlights. Pure: the same result gives the same sheets.
 */
import type { DemandPlan, PlanningData, ReconcileResult, SupplyPlan } from "../../engine/cycle";
import type { CellValue, OutputSheet, OwnedSheetName } from "../port";
import { markerTableName } from "../port";
import type { KeptEdit } from "../parse/overrides";
import { planHoursByFamily, planPastDueHours } from "../../engine/reconcile";

const UNITS = "#,##0";
const HOURS = "#,##0.0";
const PERCENT = "0.0%";
const MONEY = "#,##0.00";

/** Rounds for display-independent storage: whole units stay readable, no float noise (1e-9). */
export function clean(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** The outliers of an item's history, as one note on its first DemandPlan row. */
function outlierNotes(demand: DemandPlan): Map<string, string> {
  const notes = new Map<string, string[]>();
  for (const o of demand.outliers) {
    const text = `${o.period}: sold ${clean(o.value)}, fit ${clean(Math.round(o.fitted * 100) / 100)}`;
    notes.set(o.item, [...(notes.get(o.item) ?? []), text]);
  }
  const cleaned = demand.outliers.some((o) => o.cleaned);
  return new Map(
    [...notes].map(([item, list]) => [
      item,
      `outlier${list.length > 1 ? "s" : ""} in history (${cleaned ? "forecast from the fit" : "not cleansed"}): ${list.join("; ")}`,
    ]),
  );
}

/**
 * DemandPlan: item × period with the statistical forecast and band, the planner's Override and
 * Reason, the Consensus, where the consensus came from (Source: statistical, item override or
 * family override, see FamilyPlan) and notes (history outliers, on the item's first row).
 */
export function demandPlanSheet(data: PlanningData, demand: DemandPlan, kept: KeptEdit[] = []): OutputSheet {
  const rows: CellValue[][] = [];
  const notes = outlierNotes(demand);
  demand.items.forEach((item, i) => {
    data.planPeriods.forEach((period, t) => {
      rows.push([
        item.item,
        item.family,
        period,
        clean(item.statistical[t]),
        item.lower ? clean(item.lower[t]) : null,
        item.upper ? clean(item.upper[t]) : null,
        data.teamInputs?.sales[i][t] ?? null,
        data.teamInputs?.marketing[i][t] ?? null,
        data.overrides[i][t],
        data.reasons[i][t],
        clean(item.consensus[t]),
        item.model,
        item.source[t],
        t === 0 ? (notes.get(item.item) ?? null) : null,
      ]);
    });
  });
  // Overrides for periods beyond this horizon or items no longer planned are kept, not dropped.
  for (const edit of kept)
    rows.push([
      edit.item,
      edit.family,
      edit.period,
      null,
      null,
      null,
      edit.salesInput,
      edit.marketingInput,
      edit.override,
      edit.reason,
      null,
      "not in this plan",
      null,
      null,
    ]);
  return {
    name: "DemandPlan",
    tableName: markerTableName("DemandPlan"),
    headers: [
      "Item",
      "Family",
      "Period",
      "Statistical",
      "Lower",
      "Upper",
      "SalesInput",
      "MarketingInput",
      "Override",
      "Reason",
      "Consensus",
      "Model",
      "Source",
      "Notes",
    ],
    rows,
    numberFormats: [null, null, null, UNITS, UNITS, UNITS, UNITS, UNITS, UNITS, null, UNITS, null, null, null],
    columnWidths: [12, 12, 10, 12, 10, 10, 11, 14, 11, 30, 12, 28, 16, 40],
  };
}

/**
 * FamilyPlan: family × period with the family's statistical volume (Σ items), the planner's
 * family Override and Reason (split to the items, see engine/cycle/familySplit) and the
 * Consensus (Σ items' consensus: the override, or more when item overrides exceed it).
 */
export function familyPlanSheet(data: PlanningData, demand: DemandPlan): OutputSheet {
  const rows: CellValue[][] = [];
  demand.families.forEach((family, f) => {
    data.planPeriods.forEach((period, t) => {
      rows.push([
        family.family,
        period,
        clean(family.statistical[t]),
        data.familyOverrides?.[f]?.[t] ?? null,
        data.familyReasons?.[f]?.[t] ?? null,
        clean(family.consensus[t]),
      ]);
    });
  });
  return {
    name: "FamilyPlan",
    tableName: markerTableName("FamilyPlan"),
    headers: ["Family", "Period", "Statistical", "Override", "Reason", "Consensus"],
    rows,
    numberFormats: [null, null, UNITS, UNITS, null, UNITS],
    columnWidths: [14, 10, 12, 11, 30, 12],
  };
}

/**
 * CapacityLoad: per resource and period, the load of unconstrained consensus demand (RCCP:
 * LoadHours, Utilization, OverloadHours) beside the written plan's own hours (PlanRegularHours,
 * PlanOvertimeHours, PlanUtilization = plan hours ÷ regular capacity) and the overtime the
 * resource offers. Past due: the hours lead-time offsets put before the first period count in
 * the first period (work to release now, as `=SOP.RCCP_LOAD` counts them); PastDueHours (demand)
 * and PlanPastDueHours (the plan) name them on each resource's first-period row, blank elsewhere.
 */
export function capacityLoadSheet(data: PlanningData, supply: SupplyPlan, reconcile?: ReconcileResult): OutputSheet {
  const plan = reconcile?.outcomes.find((o) => o.strategy === reconcile.chosen)?.plan ?? null;
  const planPastDue = plan && reconcile ? planPastDueHours(reconcile.input, plan) : null;
  const rows: CellValue[][] = [];
  supply.resources.forEach((resource, r) => {
    data.planPeriods.forEach((period, t) => {
      const regular = plan?.resourceHours.regular[r]?.[t] ?? null;
      const overtime = plan?.resourceHours.overtime[r]?.[t] ?? null;
      const capacity = resource.capacity[t];
      const planHours = regular === null || overtime === null ? null : regular + overtime;
      rows.push([
        resource.resource,
        period,
        clean(resource.load[t]),
        clean(capacity),
        resource.utilization[t] === null ? null : clean(resource.utilization[t]!),
        clean(resource.overload[t]),
        clean(data.resources[r]?.overtimeHours[t] ?? 0),
        regular === null ? null : clean(regular),
        overtime === null ? null : clean(overtime),
        planHours === null || !(capacity > 0) ? null : clean(planHours / capacity),
        t === 0 ? clean(resource.pastDue) : null,
        t === 0 && planPastDue ? clean(planPastDue[r] ?? 0) : null,
      ]);
    });
  });
  return {
    name: "CapacityLoad",
    tableName: markerTableName("CapacityLoad"),
    headers: [
      "Resource",
      "Period",
      "LoadHours",
      "CapacityHours",
      "Utilization",
      "OverloadHours",
      "OvertimeCapacityHours",
      "PlanRegularHours",
      "PlanOvertimeHours",
      "PlanUtilization",
      "PastDueHours",
      "PlanPastDueHours",
    ],
    rows,
    numberFormats: [null, null, HOURS, HOURS, PERCENT, HOURS, HOURS, HOURS, HOURS, PERCENT, HOURS, HOURS],
    columnWidths: [14, 10, 12, 15, 12, 15, 22, 18, 19, 16, 14, 18],
    highlight: [
      { column: "LoadHours", when: "greaterThan", value: "column:CapacityHours" },
      { column: "Utilization", when: "greaterThan", value: 1 },
    ],
  };
}

/** The reconciled plan of the chosen strategy; throws when it failed. */
export function chosenPlan(reconcile: ReconcileResult) {
  const outcome = reconcile.outcomes.find((o) => o.strategy === reconcile.chosen);
  if (!outcome?.plan) throw new Error(`The ${reconcile.chosen} plan is missing: ${outcome?.failure ?? "not planned"}.`);
  return outcome.plan;
}

function familyTable(
  name: OwnedSheetName,
  data: PlanningData,
  measures: { label: string; rows: number[][] }[],
  last: "Total" | "Average",
): OutputSheet {
  const withMeasure = measures.length > 1;
  const headers = ["Family", ...(withMeasure ? ["Measure"] : []), ...data.planPeriods, last];
  const summary = (values: number[]) =>
    clean(
      last === "Total"
        ? values.reduce((a, b) => a + b, 0)
        : values.reduce((a, b) => a + b, 0) / Math.max(1, values.length),
    );
  const rows: CellValue[][] = [];
  const lines = (family: string, values: number[], label: string) => [
    family,
    ...(withMeasure ? [label] : []),
    ...values.map(clean),
    summary(values),
  ];
  data.families.forEach((family, f) => {
    for (const measure of measures) rows.push(lines(family, measure.rows[f], measure.label));
  });
  for (const measure of measures) {
    const total = data.planPeriods.map((_, t) => measure.rows.reduce((sum, row) => sum + row[t], 0));
    rows.push(lines("All families", total, measure.label));
  }
  const lead = withMeasure ? 2 : 1;
  return {
    name,
    tableName: markerTableName(name),
    headers,
    rows,
    numberFormats: headers.map((_, c) => (c < lead ? null : UNITS)),
    columnWidths: headers.map((_, c) => (c === 0 ? 14 : c < lead ? 12 : 9)),
    landscape: true,
  };
}

/**
 * ProductionPlan: families × periods, the consensus demand, production and its split in units
 * (regular, overtime, subcontract) and the family's hours on the resources (regular, overtime).
 * Overtime units are those made after hours (`planHoursByFamily`): the family's own overtime
 * plus the units its share of a resource's overtime hours makes, on its busiest resource.
 */
export function productionPlanSheet(data: PlanningData, demand: DemandPlan, reconcile: ReconcileResult): OutputSheet {
  const plan = chosenPlan(reconcile);
  const hours = planHoursByFamily(reconcile.input, plan);
  return familyTable(
    "ProductionPlan",
    data,
    [
      { label: "Demand", rows: demand.families.map((f) => f.consensus) },
      { label: "Production", rows: plan.plans.map((p) => p.production) },
      {
        label: "Regular",
        rows: plan.plans.map((p, f) => p.regular.map((u, t) => u + p.overtime[t] - hours[f].overtimeUnits[t])),
      },
      { label: "Overtime", rows: hours.map((h) => h.overtimeUnits) },
      { label: "Subcontract", rows: plan.plans.map((p) => p.subcontract) },
      { label: "RegularHours", rows: hours.map((h) => h.regularHours) },
      { label: "OvertimeHours", rows: hours.map((h) => h.overtimeHours) },
    ],
    "Total",
  );
}

/**
 * InventoryPlan: families × periods, the ending inventory beside the family's inventory target
 * (safety stock or days of supply, engine/cycle/inventoryTargets) and the shortfall below it,
 * max(target − (inventory − backlog), 0), so the sheet that shows inventory shows the target.
 */
export function inventoryPlanSheet(data: PlanningData, reconcile: ReconcileResult): OutputSheet {
  const plan = chosenPlan(reconcile);
  return familyTable(
    "InventoryPlan",
    data,
    [
      { label: "Inventory", rows: plan.plans.map((p) => p.inventory) },
      { label: "Target", rows: plan.plans.map((p) => p.inventoryTarget) },
      { label: "Shortfall", rows: plan.plans.map((p) => p.belowTarget) },
    ],
    "Average",
  );
}

/** BacklogPlan: ending backlog, families × periods. */
export function backlogPlanSheet(data: PlanningData, reconcile: ReconcileResult): OutputSheet {
  const plan = chosenPlan(reconcile);
  return familyTable("BacklogPlan", data, [{ label: "Backlog", rows: plan.plans.map((p) => p.backlog) }], "Average");
}

export { MONEY, PERCENT, UNITS, HOURS };
