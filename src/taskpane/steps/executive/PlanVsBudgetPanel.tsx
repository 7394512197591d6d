import { Text } from "@fluentui/react-components";
import { DataTable } from "../../components/DataTable";
import { formatMoney, formatOrDash as orDash, formatPercentOrDash, formatUnits } from "../../components/format";
import type { PlanVsBudgetView } from "../../cycle/views";

interface BudgetLine {
  family: string;
  measure: "Units shipped" | "Revenue";
  budget: number;
  plan: number | null;
  gap: number | null;
  gapShare: number | null;
  format: (value: number) => string;
}

/** A family's units and revenue rows, each only where the budget gives that measure. */
function lines(view: PlanVsBudgetView): BudgetLine[] {
  return view.rows.flatMap((r) => {
    const rows: BudgetLine[] = [];
    if (r.budgetUnits !== null)
      rows.push({
        family: r.family,
        measure: "Units shipped",
        budget: r.budgetUnits,
        plan: r.planUnits,
        gap: r.unitsGap,
        gapShare: r.unitsGapShare,
        format: formatUnits,
      });
    if (r.budgetRevenue !== null)
      rows.push({
        family: r.family,
        measure: "Revenue",
        budget: r.budgetRevenue,
        plan: r.planRevenue,
        gap: r.revenueGap,
        gapShare: r.revenueGapShare,
        format: formatMoney,
      });
    return rows;
  });
}

/**
 * Plan vs budget, as the ExecutiveSummary sheet prints it: the FinancialPlan's units shipped and
 * revenue against the Budget table over the family-months the budget covers; gap = plan − budget.
 */
export function PlanVsBudgetPanel({ view }: { view: PlanVsBudgetView }) {
  if (!view.hasBudget || view.rows.length === 0 || !view.from)
    return (
      <>
        <Text as="h3" weight="semibold">
          Plan vs budget
        </Text>
        <Text as="p" role="status" aria-label="Plan vs budget">
          {view.hasBudget
            ? "The Budget table covers no month of the plan: nothing to compare with budget."
            : "No Budget table in the workbook: add one to compare the plan with budget."}
        </Text>
      </>
    );
  const span = view.from === view.to ? view.from : `${view.from} to ${view.to}`;
  return (
    <>
      <Text as="h3" weight="semibold">
        Plan vs budget, {span}
      </Text>
      <Text as="p">
        Units shipped and revenue of the plan against the Budget table, over the months it covers; gap = plan − budget.
      </Text>
      <DataTable
        caption={`Plan vs budget, ${span} (gap = plan − budget)`}
        minWidth={36}
        columns={[
          { header: "Family", cell: (l) => l.family },
          { header: "Measure", cell: (l) => l.measure },
          { header: "Budget", cell: (l) => l.format(l.budget), numeric: true },
          { header: "Plan", cell: (l) => orDash(l.plan, l.format), numeric: true },
          { header: "Gap", cell: (l) => orDash(l.gap, l.format), numeric: true },
          { header: "Gap %", cell: (l) => formatPercentOrDash(l.gapShare), numeric: true },
        ]}
        rows={lines(view)}
        rowKey={(l) => `${l.family}|${l.measure}`}
      />
    </>
  );
}
