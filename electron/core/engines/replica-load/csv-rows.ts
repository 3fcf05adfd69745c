/**
 * Streaming CSV rows out of a byte stream with papaparse.
 *
 * Bytes are decoded with a StringDecoder (via setEncoding) so a multi-byte character split
 * across two chunks is never mangled, and a UTF-8 byte order mark is dropped before parsing.
 */
import Papa from 'papaparse';
import type { Readable } from 'node:stream';
import { AppError } from '../../../../shared/ipc/errors';

export interface CsvBatch {
  /** 1-based data-row number of the first row in `rows` (the header is not counted). */
  firstRow: number;
  rows: string[][];
}

export interface CsvRowsHandlers {
  onHeader(header: string[]): void;
  /** Called synchronously per parsed chunk; throw to stop parsing. */
  onBatch(batch: CsvBatch, parser: Papa.Parser): void;
  /** Sees each decoded text chunk before it is parsed. */
  onText?(text: string): void;
}

/** Parses the whole stream; resolves when done, rejects with a coded error. */
export function readCsvRows(input: Readable, handlers: CsvRowsHandlers): Promise<void> {
  input.setEncoding('utf8');
  let first = true;
  let header: string[] | null = null;
  let nextRow = 1;
  let failure: unknown = null;

  const decoded = input.map((raw: string) => {
    let chunk = raw;
    if (first) {
      first = false;
      chunk = chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    }
    handlers.onText?.(chunk);
    return chunk;
  });

  return new Promise<void>((resolve, reject) => {
    const onStreamError = (err: unknown): void => {
      failure = failure ?? err;
    };
    input.on('error', onStreamError);
    decoded.on('error', onStreamError);
    Papa.parse<string[]>(decoded as unknown as File, {
      header: false,
      skipEmptyLines: false,
      chunkSize: 1 << 20,
      chunk(results, parser) {
        if (failure) {
          parser.abort();
          return;
        }
        try {
          const structural = results.errors.find((e) => e.type === 'Quotes');
          let rows = results.data;
          if (header === null) {
            const head = rows[0];
            if (!head || (head.length === 1 && head[0] === '')) {
              throw new AppError('CSV_EMPTY', 'The file has no header row.');
            }
            header = head;
            handlers.onHeader(head);
            rows = rows.slice(1);
          }
          if (structural) {
            const at = Math.max(1, nextRow + (structural.row ?? 0) - 1);
            throw new AppError('CSV_MALFORMED', `Row ${at}: ${structural.message} (an unclosed or stray quote). Nothing was loaded.`);
          }
          const width = header.length;
          const kept: string[][] = [];
          let firstRow = nextRow;
          for (const row of rows) {
            const rowNo = nextRow;
            nextRow += 1;
            if (row.length === 1 && row[0] === '') {
              continue; // blank line, e.g. the newline at the end of the file
            }
            if (row.length !== width) {
              throw new AppError(
                'CSV_MALFORMED',
                `Row ${rowNo} has ${row.length} fields but the header has ${width}. Nothing was loaded.`,
              );
            }
            if (kept.length === 0) {
              firstRow = rowNo;
            }
            kept.push(row);
          }
          if (kept.length > 0) {
            handlers.onBatch({ firstRow, rows: kept }, parser);
          }
        } catch (err) {
          failure = err;
          parser.abort();
        }
      },
      complete() {
        if (failure) {
          reject(failure);
        } else if (header === null) {
          reject(new AppError('CSV_EMPTY', 'The file is empty.'));
        } else {
          resolve();
        }
      },
      error(err: Error) {
        reject(failure ?? new AppError('FILE_UNREADABLE', `Cannot read the file: ${err.message}`));
      },
    });
  });
}
