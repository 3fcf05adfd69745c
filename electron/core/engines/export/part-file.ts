/**
 * One CSV part of an upload being written: its header, then row lines appended as bytes,
 * flushed to its file a megabyte at a time, with each row's number and byte offset kept for
 * the manifest and for a cut when its ZIP comes out too big.
 */
import fs from 'node:fs';
import { ByteSink } from './byte-sink';
import { uploadLine } from './upload-csv';
import type { UploadColumn } from './column-plan';

/** One finished part: its CSV, its rows and where each row's line starts. */
export interface CsvPart {
  base: string;
  csvPath: string | null;
  rowNos: number[];
  /** Byte offset of each row's line; the header ends at offsets[0]. */
  offsets: number[];
  bytes: number;
}

const FLUSH_AT = 1 << 20;

/** The header line of an upload CSV with these columns. */
export function headerLineOf(columns: readonly UploadColumn[]): string {
  return uploadLine(
    columns.map((c) => c.header),
    columns.map(() => false),
  );
}

/** A sink sized for PartFile's flushes (one per writer, reused part after part). */
export function partSink(): ByteSink {
  return new ByteSink(FLUSH_AT + (1 << 16));
}

/**
 * A part being written; with a null path (a dry run) rows are only counted. With `spillAt` > 0
 * the bytes stay in memory (`memory()`) until they pass that size, and only then go to the file.
 */
export class PartFile {
  readonly part: CsvPart;
  private fd: number | null = null;
  /** Bytes already on disk. */
  private flushed = 0;
  private readonly writing: boolean;

  constructor(
    base: string,
    csvPath: string | null,
    headerLine: string,
    /** Where lines are built (null in a dry run); emptied here. */
    private readonly sink: ByteSink | null,
    private spillAt = 0,
  ) {
    this.part = { base, csvPath, rowNos: [], offsets: [], bytes: Buffer.byteLength(headerLine) };
    this.writing = csvPath !== null && sink !== null;
    if (this.writing && sink !== null) {
      if (spillAt <= 0) this.fd = fs.openSync(csvPath as string, 'w');
      sink.len = 0;
      sink.text(headerLine);
    }
  }

  /** Rows so far. */
  get rows(): number {
    return this.part.rowNos.length;
  }

  /** Starts row `rowNo`: append its line (CRLF included) to the sink returned, then call endRow. */
  beginRow(rowNo: number): ByteSink | null {
    this.part.rowNos.push(rowNo);
    const sink = this.writing ? this.sink : null;
    this.part.offsets.push(sink === null ? this.part.bytes : this.flushed + sink.len);
    return sink;
  }

  /** Ends the row begun last. */
  endRow(): void {
    const sink = this.sink;
    if (!this.writing || sink === null) return;
    this.part.bytes = this.flushed + sink.len;
    if (this.fd === null) {
      if (sink.len >= this.spillAt) this.spill();
    } else if (sink.len >= FLUSH_AT) {
      this.flush();
    }
  }

  /** The whole CSV while it has stayed in memory (after close), else null. */
  memory(): Buffer | null {
    return this.writing && this.fd === null && this.flushed === 0 && this.sink !== null ? this.sink.view() : null;
  }

  /** Writes a closed part kept in memory to its file (when it must be cut after all). */
  writeFile(): void {
    const bytes = this.memory();
    if (bytes !== null && this.part.csvPath !== null) fs.writeFileSync(this.part.csvPath, bytes);
  }

  private spill(): void {
    this.fd = fs.openSync(this.part.csvPath as string, 'w');
    this.spillAt = 0;
    this.flush();
  }

  /** Writes what is left to a part on disk and closes its file. */
  close(): CsvPart {
    if (this.fd !== null) this.flush();
    this.abort();
    return this.part;
  }

  /** Closes the file without writing more (after a failure). */
  abort(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private flush(): void {
    const sink = this.sink;
    if (this.fd === null || sink === null || sink.len === 0) return;
    const bytes = sink.view();
    let at = 0;
    while (at < bytes.length) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
    this.flushed += sink.len;
    sink.len = 0;
  }
}
