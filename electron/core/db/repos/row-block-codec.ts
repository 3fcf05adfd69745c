/**
 * How a block of batch rows is kept in one text value (pure).
 *
 * Form 3 (CSV), the one imports write: the block is the source's own text for its rows, cut
 * out of the decoded file as it was tokenized, and read back by tokenizing it again with the
 * batch's delimiter. Storing it costs one slice per block instead of re-joining nine cells per
 * row, which was a fifth of a million-row import; it keeps any character a cell can hold, and
 * it is the source verbatim. Row numbers are not stored: a block's rows are every line from its
 * first stored row on, so the k-th row tokenized is row `first_row + k`, and blank lines (which
 * an import numbers but does not store) are skipped as they were on the way in.
 *
 * Forms 1 (rows joined by U+001E, cells by U+001F, each row led by its number) and 2 (JSON
 * arrays of `[rowNo, ...cells]`) were written by earlier builds; they are still read so those
 * workspaces keep opening.
 */
import { isBlankRow, rowCells } from '../../engines/csv/csv-batch-sink';
import { CsvTokenizer, type TokenBatch } from '../../engines/csv/csv-tokenizer';

/** A row as stored: its 1-based data row number and all its cells. */
export interface BlockRow {
  rowNo: number;
  cells: string[];
}

/** A block as the row table holds it. */
export interface StoredBlock {
  fmt: number;
  data: string;
  /** Number of the block's first stored row. */
  firstRow: number;
}

const RS = '\u001e';
const US = '\u001f';
export const BLOCK_PLAIN = 1;
export const BLOCK_JSON = 2;
export const BLOCK_CSV = 3;

const QUOTE = 34;

/** Where row `r` of a tokenized batch begins in its text (its opening quote, if quoted). */
export function rowTextStart(batch: TokenBatch, r: number): number {
  const raw = batch.cells[2 * (batch.rowStarts[r] as number)] as number;
  const start = raw < 0 ? -raw - 1 : raw;
  // A row's first cell follows a line break, so a quote just before it is its opening quote.
  return start > 0 && batch.text.charCodeAt(start - 1) === QUOTE ? start - 1 : start;
}

/** Where row `r` of a tokenized batch ends in its text, its line break included. */
export function rowTextEnd(batch: TokenBatch, r: number): number {
  return r + 1 < batch.rowCount ? rowTextStart(batch, r + 1) : batch.text.length;
}

/** The rows of a stored block; `delimiter` is the batch's. */
export function decodeRowBlock(block: StoredBlock, delimiter: string): BlockRow[] {
  if (block.fmt === BLOCK_CSV) {
    const batch = new CsvTokenizer(delimiter).scanText(block.data, true).batch;
    const rows: BlockRow[] = [];
    for (let r = 0; r < batch.rowCount; r += 1) {
      if (!isBlankRow(batch, r)) rows.push({ rowNo: block.firstRow + r, cells: rowCells(batch, r) });
    }
    return rows;
  }
  if (block.fmt === BLOCK_JSON) {
    return (JSON.parse(block.data) as (number | string)[][]).map(([n, ...cells]) => ({ rowNo: n as number, cells: cells as string[] }));
  }
  if (block.fmt !== BLOCK_PLAIN) {
    throw new Error(`internal: unknown row block form ${block.fmt}`);
  }
  return block.data.split(RS).map((line) => {
    const cells = line.split(US);
    const n = cells.shift();
    return { rowNo: Number(n), cells };
  });
}
