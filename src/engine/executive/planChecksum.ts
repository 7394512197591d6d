/**
 * A checksum of the plan sheets (DemandPlan's consensus, ProductionPlan, InventoryPlan,
 * BacklogPlan), so a sign-off can say which plan was approved and a later run can tell whether
 * the plan changed since. Not a security measure: it detects change, it does not prove origin.
 *
 * Canonical form: DemandPlan rows as Item|Period|Consensus sorted; every row of the family
 * tables as Family|Measure|period values in order; numbers rounded to 6 decimals (what the
 * sheets store), blanks empty. Hash: two 32-bit FNV-1a passes with different offsets, 16 hex digits.
 *
 * `checksumCell` and `checksumOf` are that canonical form and hash on their own: the inputs a plan
 * was computed from are summed the same way (workbook/inputChecksums.ts).
 */

/** A table as written or as read back: headers and rows of cell values. */
export interface ChecksumTable {
  name: string;
  headers: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/** The sheets that hold the plan a sign-off approves, as the checksum reads them. */
export const PLAN_CHECKSUM_SHEETS = ["DemandPlan", "ProductionPlan", "InventoryPlan", "BacklogPlan"] as const;

const PERIOD = /^\d{4}-(\d{2}|W\d{2})$/;

/** A cell as the checksums see it: numbers rounded to 6 decimals (-0 is 0), text trimmed, blanks "". */
export function checksumCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const rounded = Math.round(value * 1e6) / 1e6;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  }
  return String(value).trim();
}

function fnv1a(text: string, offset: number): string {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** 16 hex digits of `lines` joined by newlines (two FNV-1a passes); the same lines give the same sum. */
export function checksumOf(lines: readonly string[]): string {
  const text = lines.join("\n");
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193 ^ 0x5bd1e995);
}

function column(table: ChecksumTable, name: string): number {
  return table.headers.findIndex((h) => String(h).replace(/\s+/g, "").toLowerCase() === name.toLowerCase());
}

/**
 * @example planChecksum([{ name: "DemandPlan", headers: ["Item", "Period", "Consensus"], rows: [["A", "2026-01", 10]] }])
 * // => 16 hex digits; the same for the same consensus whatever the row order
 */
export function planChecksum(tables: readonly ChecksumTable[]): string {
  const lines: string[] = [];
  for (const name of PLAN_CHECKSUM_SHEETS) {
    const table = tables.find((t) => t.name === name);
    if (!table) {
      lines.push(`${name}:absent`);
      continue;
    }
    lines.push(`${name}:`);
    if (name === "DemandPlan") {
      const [item, period, consensus] = ["Item", "Period", "Consensus"].map((h) => column(table, h));
      if (item < 0 || period < 0 || consensus < 0) continue;
      const rows = table.rows
        .filter((row) => typeof row[consensus] === "number" && PERIOD.test(checksumCell(row[period])))
        .map((row) => `${checksumCell(row[item])}|${checksumCell(row[period])}|${checksumCell(row[consensus])}`)
        .sort();
      // One push per row: spreading 300,000 rows into push overflows the call stack.
      for (const row of rows) lines.push(row);
    } else {
      const keep = table.headers
        .map((h, c) => (/^(family|measure)$/i.test(String(h)) || PERIOD.test(String(h)) ? c : -1))
        .filter((c) => c >= 0);
      lines.push(keep.map((c) => table.headers[c]).join("|"));
      for (const row of table.rows) lines.push(keep.map((c) => checksumCell(row[c])).join("|"));
    }
  }
  return checksumOf(lines);
}
