/**
 * Reading the workbook through Office.js under the payload budget.
 *
 * The first sync asks for every candidate block at once (each input as an Excel Table and as a
 * same-named sheet's used range, each owned sheet and its marker table): its position and size,
 * and its first `headRows` rows. A small workbook is then read completely, in that one sync.
 * Blocks taller than the head are read on in row chunks sized from the bytes per row measured
 * in the head, several chunks per sync up to the budget; a chunk that still comes back over the
 * limit (longer text further down) is split in two and asked again.
 *
 * APIs: ExcelApi 1.1 (getRange, getRow, getIntersection, getRangeByIndexes, load), 1.4
 * (getItemOrNullObject, getUsedRangeOrNullObject), 1.7 (getResizedRange).
 */
import type { CellValue } from "../port";
import type { CellBlock } from "../regions";
import { isPayloadLimitError, jsonBytes } from "./payload";

/** Rows asked for with the first sync, per block. */
export const HEAD_ROWS = 1000;

/** A block found by the first sync. */
export interface FoundBlock {
  sheet: string;
  origin: { row: number; column: number };
  rows: number;
  columns: number;
  /** the first rows, read in the first sync */
  head: CellValue[][];
}

/** A range asked for in the first sync, with its head. */
export interface PendingBlock {
  range: Excel.Range;
  head: Excel.Range | null;
  sheet: () => string;
}

const SIZE = "rowIndex, columnIndex, rowCount, columnCount";

/** Queues the size and head of `range` (which may be a null object); read after the sync. */
export function queueBlock(range: Excel.Range, sheet: () => string, headRows: number): PendingBlock {
  range.load(SIZE);
  let head: Excel.Range | null = null;
  if (headRows > 0) {
    head = range.getIntersection(range.getRow(0).getResizedRange(headRows - 1, 0));
    head.load("values");
  }
  return { range, head, sheet };
}

/** After the first sync: the block, or null when its range was a null object. */
export function foundBlock(pending: PendingBlock): FoundBlock | null {
  const { range, head } = pending;
  if (range.isNullObject) return null;
  return {
    sheet: pending.sheet(),
    origin: { row: range.rowIndex, column: range.columnIndex },
    rows: range.rowCount,
    columns: range.columnCount,
    head: head ? (head.values as CellValue[][]) : [],
  };
}

interface Piece {
  block: FoundBlock;
  start: number;
  count: number;
  bytes: number;
  values?: CellValue[][];
}

/**
 * Reads the rest of every block (rows past its head) in chunks under `budget` bytes per sync,
 * and returns the blocks complete.
 */
export async function readRemainders(
  context: Excel.RequestContext,
  blocks: readonly FoundBlock[],
  budget: number,
): Promise<CellBlock[]> {
  const pieces: Piece[] = [];
  for (const block of blocks) {
    if (block.head.length >= block.rows) continue;
    const measured = block.head.reduce((max, row) => Math.max(max, jsonBytes(row)), 0);
    // Unmeasured (no head) or measured: allow a margin for longer values further down.
    const perRow = Math.max(measured * 1.25, block.columns * 8) + 1;
    const rowsPerPiece = Math.max(1, Math.floor(budget / 2 / perRow));
    for (let start = block.head.length; start < block.rows; start += rowsPerPiece) {
      const count = Math.min(rowsPerPiece, block.rows - start);
      pieces.push({ block, start, count, bytes: count * perRow });
    }
  }
  await readPieces(context, pieces, budget);
  return blocks.map((block) => {
    const rest = pieces.filter((p) => p.block === block).sort((a, b) => a.start - b.start);
    const values = block.head.slice(0, block.rows);
    for (const piece of rest) for (const row of piece.values ?? []) values.push(row);
    return { sheet: block.sheet, origin: block.origin, values };
  });
}

async function readPieces(context: Excel.RequestContext, pieces: Piece[], budget: number): Promise<void> {
  let index = 0;
  while (index < pieces.length) {
    const batch: Piece[] = [];
    let bytes = 0;
    while (index < pieces.length && (batch.length === 0 || bytes + pieces[index].bytes <= budget)) {
      bytes += pieces[index].bytes;
      batch.push(pieces[index++]);
    }
    const ranges = batch.map(({ block, start, count }) => {
      const range = context.workbook.worksheets
        .getItem(block.sheet)
        .getRangeByIndexes(block.origin.row + start, block.origin.column, count, block.columns);
      range.load("values");
      return range;
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per byte budget is the point
      await context.sync();
    } catch (error) {
      if (!isPayloadLimitError(error) || batch.every((p) => p.count === 1)) throw error;
      // Longer values than measured: split this batch's pieces in two and ask again.
      const halves = batch.flatMap((p) => {
        if (p.count === 1) return [p];
        const first = Math.ceil(p.count / 2);
        return [
          { ...p, count: first, bytes: p.bytes },
          { ...p, start: p.start + first, count: p.count - first, bytes: p.bytes },
        ];
      });
      // In place (the caller reads the pieces' values), without spreading: a batch split many
      // times holds more pieces than a call takes arguments.
      index -= batch.length;
      const rest = pieces.splice(index);
      for (const piece of halves) pieces.push(piece);
      for (let k = batch.length; k < rest.length; k++) pieces.push(rest[k]);
      continue;
    }
    batch.forEach((piece, k) => (piece.values = ranges[k].values as CellValue[][]));
  }
}
