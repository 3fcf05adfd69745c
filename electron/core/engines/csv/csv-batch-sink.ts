/**
 * Turning tokenized batches into a header and batches of data rows (pure).
 */
import { AppError } from '../../../../shared/ipc/errors';
import { cellText, type TokenBatch } from './csv-tokenizer';

export interface CsvBatchHandlers {
  onHeader(header: string[]): void;
  /**
   * Called synchronously for each batch of data rows; throw to stop reading. Data row r of
   * the batch is row `dataRowOffset + r + 1` of the file, counting from the first data row.
   */
  onBatch(batch: TokenBatch, dataRowOffset: number): void;
}

/** The cells of row `r` of a batch as strings. */
export function rowCells(batch: TokenBatch, r: number): string[] {
  const out: string[] = [];
  for (let c = batch.rowStarts[r] as number; c < (batch.rowStarts[r + 1] as number); c += 1) {
    out.push(cellText(batch, c));
  }
  return out;
}

const QUOTE = 34;

/**
 * True when row `r` of a batch is a completely blank line: one unquoted, empty cell (a line
 * holding `""` is a row with one empty value, not a blank line).
 */
export function isBlankRow(batch: TokenBatch, r: number): boolean {
  const first = batch.rowStarts[r] as number;
  if ((batch.rowStarts[r + 1] as number) - first !== 1) {
    return false;
  }
  const start = batch.cells[2 * first] as number;
  return start === batch.cells[2 * first + 1] && (start === 0 || batch.text.charCodeAt(start - 1) !== QUOTE);
}

/** How a sink finds the header. */
export interface CsvBatchSinkOptions {
  /** Skip blank lines above the header instead of refusing the file for an empty header. */
  skipBlankLinesBeforeHeader?: boolean;
}

/** Splits the header off the first batch and hands on the rest. */
export class CsvBatchSink {
  private headerSeen = false;
  /** Row number of the header among all tokenized rows (1 unless blank lines precede it). */
  private headerRow = 1;

  constructor(
    private readonly handlers: CsvBatchHandlers,
    private readonly options: CsvBatchSinkOptions = {},
  ) {}

  accept(batch: TokenBatch): void {
    let startRow = 0;
    if (!this.headerSeen) {
      let r = 0;
      if (this.options.skipBlankLinesBeforeHeader) {
        while (r < batch.rowCount && isBlankRow(batch, r)) {
          r += 1;
        }
      }
      if (r >= batch.rowCount) {
        return;
      }
      const header = rowCells(batch, r);
      if (header.length === 1 && header[0] === '') {
        throw new AppError('CSV_EMPTY', 'The file has no header row.');
      }
      this.headerSeen = true;
      this.headerRow = batch.firstRow + r;
      this.handlers.onHeader(header);
      startRow = r + 1;
    }
    if (batch.rowCount > startRow) {
      // batch.firstRow counts every tokenized row; data rows are numbered from the header.
      this.handlers.onBatch(startRow === 0 ? batch : dropRows(batch, startRow), batch.firstRow + startRow - this.headerRow - 1);
    }
  }

  /** Call when the input has ended: an input without even a header is refused. */
  finish(): void {
    if (!this.headerSeen) {
      throw new AppError('CSV_EMPTY', 'The file is empty.');
    }
  }
}

function dropRows(batch: TokenBatch, n: number): TokenBatch {
  return {
    text: batch.text,
    cells: batch.cells,
    rowStarts: batch.rowStarts.subarray(n),
    rowCount: batch.rowCount - n,
    firstRow: batch.firstRow + n,
  };
}
