/**
 * Reading a CSV byte stream as a header and batches of tokenized rows.
 */
import type { Readable } from 'node:stream';
import { AppError } from '../../../../shared/ipc/errors';
import type { TokenBatch } from './csv-tokenizer';
import { Utf8CsvReader } from './utf8-csv-reader';
import { cellText } from './csv-tokenizer';

export interface CsvBatchHandlers {
  onHeader(header: string[]): void;
  /** Called synchronously for each batch of data rows; throw to stop reading. */
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

/**
 * Streams `input`; the first row is the header, the rest arrive in batches. `dataRowOffset`
 * is what to add to a batch's row index to get the 1-based data-row number (header excluded).
 */
export async function readCsvBatches(input: Readable, handlers: CsvBatchHandlers): Promise<void> {
  const reader = new Utf8CsvReader(',', -1);
  let headerSeen = false;
  const handle = (batch: TokenBatch): void => {
    let startRow = 0;
    if (!headerSeen) {
      if (batch.rowCount === 0) {
        return;
      }
      const header = rowCells(batch, 0);
      if (header.length === 1 && header[0] === '') {
        throw new AppError('CSV_EMPTY', 'The file has no header row.');
      }
      headerSeen = true;
      handlers.onHeader(header);
      startRow = 1;
    }
    if (batch.rowCount > startRow) {
      // batch.firstRow counts the header as row 1; data rows are numbered without it.
      handlers.onBatch(startRow === 0 ? batch : dropFirstRow(batch), batch.firstRow + startRow - 2);
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    handle(reader.push(chunk));
  }
  handle(reader.end());
  if (!headerSeen) {
    throw new AppError('CSV_EMPTY', 'The file is empty.');
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
