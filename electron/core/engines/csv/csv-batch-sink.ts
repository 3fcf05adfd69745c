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

/** Splits the header off the first batch and hands on the rest. */
export class CsvBatchSink {
  private headerSeen = false;

  constructor(private readonly handlers: CsvBatchHandlers) {}

  accept(batch: TokenBatch): void {
    let startRow = 0;
    if (!this.headerSeen) {
      if (batch.rowCount === 0) {
        return;
      }
      const header = rowCells(batch, 0);
      if (header.length === 1 && header[0] === '') {
        throw new AppError('CSV_EMPTY', 'The file has no header row.');
      }
      this.headerSeen = true;
      this.handlers.onHeader(header);
      startRow = 1;
    }
    if (batch.rowCount > startRow) {
      // batch.firstRow counts the header as row 1; data rows are numbered without it.
      this.handlers.onBatch(startRow === 0 ? batch : dropFirstRow(batch), batch.firstRow + startRow - 2);
    }
  }

  /** Call when the input has ended: an input without even a header is refused. */
  finish(): void {
    if (!this.headerSeen) {
      throw new AppError('CSV_EMPTY', 'The file is empty.');
    }
  }
}

function dropFirstRow(batch: TokenBatch): TokenBatch {
  return {
    text: batch.text,
    cells: batch.cells,
    rowStarts: batch.rowStarts.subarray(1),
    rowCount: batch.rowCount - 1,
    firstRow: batch.firstRow + 1,
  };
}
