/**
 * Writing the CSV parts of one stream of rows (one batch, one stage, one set of columns):
 * a new part every 25,000 rows, each part a file in the staging folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { headerLineOf, PartFile, partSink, type CsvPart } from './part-file';
import type { ByteSink } from './byte-sink';
import { uploadLine } from './upload-csv';
import type { UploadColumn } from './column-plan';
import type { Operation } from './job-json';

export type { CsvPart } from './part-file';

/** Zoho takes at most this many records per job. */
export const MAX_ROWS_PER_JOB = 25_000;

/** The name of part `n` (1-based) of a stream. */
export function partBase(streamBase: string, n: number): string {
  return `${streamBase}-part${String(n).padStart(2, '0')}`;
}

/**
 * The job of a stream that a review decision routes away from the export's chosen operation:
 * the created rows of an update export (insert), or the merges into existing records (update
 * by id, with ignore_empty so an empty cell never clears what Zoho holds).
 */
export interface StreamOp {
  operation: Operation;
  findBy: string | null;
  ignoreEmpty: boolean;
}

/** Rows of one stream, cut into parts of at most MAX_ROWS_PER_JOB. */
export class JobStream {
  readonly parts: CsvPart[] = [];
  private current: PartFile | null = null;
  /** Where lines are built (null in a dry run). */
  private readonly sink: ByteSink | null;
  private readonly headerLine: string;
  private readonly quoted: boolean[];

  constructor(
    readonly key: string,
    readonly batch: number,
    readonly module: string,
    readonly stage: number,
    readonly columns: readonly UploadColumn[],
    /** Staging folder, or null for a dry run (rows are counted, not written). */
    readonly dir: string | null,
    readonly baseName: string,
    private readonly onPart: (part: CsvPart) => void,
    /** Null: the export's own operation. Otherwise every row is here by a review decision. */
    readonly op: StreamOp | null = null,
    private readonly maxRows = MAX_ROWS_PER_JOB,
  ) {
    this.quoted = columns.map((c) => c.multiselect);
    this.headerLine = headerLineOf(columns);
    this.sink = dir === null ? null : partSink();
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
    if (part === null || part.rows >= this.maxRows) {
      this.closePart();
      const base = partBase(this.baseName, this.parts.length + 1);
      part = new PartFile(base, this.dir === null ? null : path.join(this.dir, `${base}.csv`), this.headerLine, this.sink);
      this.current = part;
    }
    return part.beginRow(rowNo);
  }

  /** Ends the row begun last. */
  endRow(): void {
    this.current?.endRow();
  }

  /**
   * Takes a part written elsewhere (a part thread) as this stream's next part; its number is
   * the next one (call it in row order, with no part open here).
   */
  adopt(part: CsvPart): void {
    this.parts.push(part);
  }

  /** The name the next part will have. */
  nextPartBase(): string {
    return partBase(this.baseName, this.parts.length + (this.current === null ? 1 : 2));
  }

  /** Ends the last part. */
  end(): void {
    this.closePart();
  }

  /** Closes any open file (after a failure). */
  abort(): void {
    this.current?.abort();
  }

  private closePart(): void {
    const part = this.current;
    if (part === null) return;
    this.current = null;
    const done = part.close();
    this.parts.push(done);
    this.onPart(done);
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
