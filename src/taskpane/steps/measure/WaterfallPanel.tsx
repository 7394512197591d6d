import { useState } from "react";
import { DataTable, type Column } from "../../components/DataTable";
import { FamilyPicker } from "../../components/FamilyPicker";
import { formatUnits } from "../../components/format";
import type { MeasureView } from "../../cycle/views";

type Waterfall = NonNullable<MeasureView["waterfall"]>[number];

/**
 * The forecast waterfall of one family: for each period (rows), the consensus volume each archived
 * cycle planned for it (columns, oldest cycle first), so the planner sees how the number moved as
 * the period came closer. A drop-down chooses the family.
 */
export function WaterfallPanel({ waterfalls }: { waterfalls: Waterfall[] }) {
  const [chosen, setChosen] = useState(waterfalls[0]?.family ?? "");
  const shown = waterfalls.find((w) => w.family === chosen) ?? waterfalls[0];
  if (!shown) return null;
  const rows = shown.periods.map((period, p) => ({ period, volume: shown.volume[p] }));
  const columns: Column<(typeof rows)[number]>[] = [
    { header: "Period", cell: (r) => r.period },
    ...shown.planStarts.map((start, c) => ({
      header: `Cycle ${start}`,
      cell: (r: (typeof rows)[number]) => (r.volume[c] === null ? "" : formatUnits(r.volume[c]!)),
      numeric: true,
    })),
  ];
  return (
    <>
      <FamilyPicker
        label="Forecast waterfall of"
        families={waterfalls.map((w) => w.family)}
        family={shown.family}
        onChange={setChosen}
      />
      <DataTable
        caption={`Forecast waterfall: ${shown.family}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.period}
      />
    </>
  );
}
