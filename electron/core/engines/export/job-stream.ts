/**
 * Writing the CSV parts of one stream of rows (one batch, one stage, one set of columns):
 * a new part every 25,000 rows, each part a file in the staging folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ByteSink } from './byte-sink';
import { uploadLine } from './upload-csv';
import type { UploadColumn } from './column-plan';

/** Zoho takes at most this many records per job. */
export const MAX_ROWS_PER_JOB = 25_000;

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

/** Rows of one stream, cut into parts of at most MAX_ROWS_PER_JOB. */
export class JobStream {
  readonly parts: CsvPart[] = [];
  private current: CsvPart | null = null;
  private fd: number | null = null;
  /** Bytes of the open part not yet on disk (null in a dry run). */
  private readonly sink: ByteSink | null;
  /** Bytes of the open part already on disk. */
  private flushed = 0;
  private readonly headerLine: string;
  private readonly quoted: boolean[];

  constructor(
    readonly key: string,
    readonly batch: number,
    readonly module: string,
    readonly stage: number,
    readonly columns: readonly UploadColumn[],
    /** Staging folder, or null for a dry run (rows are counted, not written). */
    private readonly dir: string | null,
    private readonly baseName: string,
    private readonly onPart: (part: CsvPart) => void,
    private readonly maxRows = MAX_ROWS_PER_JOB,
  ) {
    this.quoted = columns.map((c) => c.multiselect);
    this.headerLine = uploadLine(
      columns.map((c) => c.header),
      columns.map(() => false),
    );
    this.sink = dir === null ? null : new ByteSink(FLUSH_AT + (1 << 16));
  }

  /** Appends one row (cells in column order). */
  add(rowNo: number, cells: readonly string[]): void {
    const sink = this.beginRow(rowNo);
    if (sink !== null) sink.text(uploadLine(cells, this.quoted));
    this.endRow();
  }

  /**
   * Starts row `rowNo`: the caller appends its line (CRLF included) to the returned sink, then
   * calls endRow. Null in a dry run, where rows are only counted.
   */
  beginRow(rowNo: number): ByteSink | null {
    let part = this.current;
    if (part === null || part.rowNos.length >= this.maxRows) {
      this.closePart();
      part = this.openPart();
    }
    part.rowNos.push(rowNo);
    const sink = this.sink;
    part.offsets.push(sink === null ? part.bytes : this.flushed + sink.len);
    return sink;
  }

  /** Ends the row begun last. */
  endRow(): void {
    const sink = this.sink;
    if (sink === null) return;
    (this.current as CsvPart).bytes = this.flushed + sink.len;
    if (sink.len >= FLUSH_AT) this.flush();
  }

  /** Ends the last part. */
  end(): void {
    this.closePart();
  }

  /** Closes any open file (after a failure). */
  abort(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private openPart(): CsvPart {
    const base = `${this.baseName}-part${String(this.parts.length + 1).padStart(2, '0')}`;
    const csvPath = this.dir === null ? null : path.join(this.dir, `${base}.csv`);
    const part: CsvPart = { base, csvPath, rowNos: [], offsets: [], bytes: Buffer.byteLength(this.headerLine) };
    if (csvPath !== null && this.sink !== null) {
      this.fd = fs.openSync(csvPath, 'w');
      this.flushed = 0;
      this.sink.len = 0;
      this.sink.text(this.headerLine);
    }
    this.current = part;
    return part;
  }

  private flush(): void {
    const sink = this.sink;
    if (this.fd === null || sink === null || sink.len === 0) return;
    let at = 0;
    while (at < sink.len) at += fs.writeSync(this.fd, sink.buf, at, sink.len - at);
    this.flushed += sink.len;
    sink.len = 0;
  }

  private closePart(): void {
    const part = this.current;
    if (part === null) return;
    this.flush();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    this.current = null;
    this.parts.push(part);
    this.onPart(part);
  }
}

/**
 * Splits a part whose ZIP came out too big into two CSVs of `first` and the remaining rows.
 *
 * The cut depends only on the rows and the measured size of the whole part, never on timing,
 * so exporting the same rows again cuts them in the same place.
 */
export function splitPart(part: CsvPart, first: number): [CsvPart, CsvPart] {
  const csvPath = part.csvPath as string;
  const buf = fs.readFileSync(csvPath);
  const headerEnd = part.offsets[0] as number;
  const cut = part.offsets[first] as number;
  const header = buf.subarray(0, headerEnd);
  const make = (suffix: string, from: number, to: number, rows: number[], offsets: number[]): CsvPart => {
    const p = path.join(path.dirname(csvPath), `${part.base}-${suffix}.csv`);
    fs.writeFileSync(p, Buffer.concat([header, buf.subarray(from, to)]));
    const shift = from - headerEnd;
    return { base: `${part.base}-${suffix}`, csvPath: p, rowNos: rows, offsets: offsets.map((o) => o - shift), bytes: headerEnd + (to - from) };
  };
  const a = make('1', headerEnd, cut, part.rowNos.slice(0, first), part.offsets.slice(0, first));
  const b = make('2', cut, buf.length, part.rowNos.slice(first), part.offsets.slice(first));
  fs.rmSync(csvPath, { force: true });
  return [a, b];
}
