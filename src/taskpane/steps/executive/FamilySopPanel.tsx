import { Text } from "@fluentui/react-components";
import { useState } from "react";
import { DataTable, type Column } from "../../components/DataTable";
import { FamilyPicker } from "../../components/FamilyPicker";
import { formatHours, formatPercent, formatUnits } from "../../components/format";
import type { FamilySopView } from "../../cycle/views";

type Line = FamilySopView["lines"][number];

function formatted(line: Line, value: number | null): string {
  if (value === null) return "";
  if (line.measure === "Fill rate") return formatPercent(value);
  if (line.measure === "Days of supply") return formatHours(value);
  return formatUnits(value);
}

/**
 * The family S&OP block of one family, as on the FamilySOP sheet: the last months' plan vs actual,
 * then the plan. A drop-down chooses the family.
 */
export function FamilySopPanel({ blocks }: { blocks: FamilySopView[] }) {
  const [chosen, setChosen] = useState(blocks[0]?.family ?? "");
  const block = blocks.find((b) => b.family === chosen) ?? blocks[0];
  if (!block) return null;
  const periods = [...block.historyPeriods, ...block.planPeriods];
  const columns: Column<Line>[] = [
    { header: "Measure", cell: (l) => l.measure },
    { header: "Line", cell: (l) => l.line },
    ...periods.map((period, k) => ({
      header: k < block.historyPeriods.length ? period : `${period} (plan)`,
      cell: (l: Line) => formatted(l, l.values[k]),
      numeric: true,
    })),
  ];
  return (
    <>
      <Text as="h3" weight="semibold">
        Family S&amp;OP
      </Text>
      <FamilyPicker label="Family" families={blocks.map((b) => b.family)} family={block.family} onChange={setChosen} />
      <DataTable
        caption={`Family S&OP: ${block.family}`}
        columns={columns}
        rows={block.lines}
        rowKey={(l) => `${l.measure}|${l.line}`}
      />
    </>
  );
}
