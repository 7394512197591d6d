/**
 * Keeping each `context.sync()` under Excel's payload limit. Excel on the web refuses a request
 * or a response over 5 MB (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`;
 * office-js-docs-pr docs/concepts/resource-limits-and-performance-optimization.md, "Excel
 * add-ins"), so the adapter splits big reads and writes by bytes, not by a fixed row count,
 * under a budget below the limit. A small workbook still fits in one read and one write sync.
 */

/** The adapter's budget per sync: under the documented 5 MB with room for call descriptors. */
export const OFFICE_PAYLOAD_BUDGET_BYTES = 4_000_000;

/** Bytes of `value` as JSON (UTF-8): what a request or response carries for it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff ? 2 : 1;
  }
  return bytes;
}

/** True for Excel's payload-limit errors (the codes are documented strings). */
export function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** One piece of queued work and the request bytes it adds. */
export interface QueuedWork {
  bytes: number;
  queue: () => void;
}

/**
 * Queues `work` in order and syncs whenever the next piece would take the batch over `budget`
 * (a piece bigger than the budget goes alone). `startBatch` runs at the start of every batch
 * (to suspend calculation until that batch's sync).
 */
export async function syncInBatches(
  context: Excel.RequestContext,
  work: readonly QueuedWork[],
  budget: number,
  startBatch: () => void,
): Promise<number> {
  let batchBytes = 0;
  let open = false;
  let syncs = 0;
  for (const piece of work) {
    if (open && batchBytes + piece.bytes > budget) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per byte budget is the point
      await context.sync();
      syncs++;
      open = false;
    }
    if (!open) {
      startBatch();
      batchBytes = 0;
      open = true;
    }
    piece.queue();
    batchBytes += piece.bytes;
  }
  if (open) {
    await context.sync();
    syncs++;
  }
  return syncs;
}

/**
 * Splits `rows` into consecutive chunks whose JSON stays under `budget` bytes each (a row
 * bigger than the budget is a chunk of its own). `extra(row)` adds what else the row sends
 * (its number formats).
 */
export function chunkRows<T>(rows: readonly T[], budget: number, extra: (row: T) => number = () => 0): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = jsonBytes(row) + extra(row) + 1;
    if (current.length > 0 && bytes + size > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
