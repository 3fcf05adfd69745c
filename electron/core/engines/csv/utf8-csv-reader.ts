/**
 * The UTF-8 reader under its original name; `createCsvReader` in csv-byte-reader.ts reads
 * every supported encoding the same way.
 */
import type { TokenBatch } from './csv-tokenizer';
import { createCsvReader, type CsvByteReader } from './csv-byte-reader';

export { completeUtf8Length } from './csv-byte-reader';

/** Tokenizes a UTF-8 byte stream chunk by chunk (a leading BOM is skipped). */
export class Utf8CsvReader implements CsvByteReader {
  private readonly reader: CsvByteReader;

  constructor(delimiter = ',', rowLabelOffset = 0) {
    this.reader = createCsvReader('utf-8', delimiter, rowLabelOffset);
  }

  /** Tokenizes the complete rows that `chunk` finishes. */
  push(chunk: Uint8Array): TokenBatch {
    return this.reader.push(chunk);
  }

  /** Tokenizes whatever is left at the end of the stream. */
  end(): TokenBatch {
    return this.reader.end();
  }
}
