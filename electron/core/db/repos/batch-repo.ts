/**
 * SQL for import batches: the `batches` table and one row table per batch.
 *
 * A batch's rows live in `batch_t<N>` with columns `c1..cW` for the header's W columns, so no
 * header from a file ever reaches SQL text. Physical names are built here from integers and
 * checked against a strict pattern before they are spliced into SQL; values are always bound.
 * Cells are stored exactly as read: an empty cell is '' and only a cell that a short row does
 * not have is NULL, so every source value is recoverable as it was.
 */
import { AppError } from '../../../../shared/ipc/errors';
import type { Db } from '../open';

/** What a new batch records about its source. */
export interface NewBatch {
  module: string;
  sourceName: string;
  sourcePath: string;
  sourceSize: number;
  encoding: string;
  delimiter: string;
  header: string[];
  headerFingerprint: string;
  mappingJson: string;
  createdAt: string;
}

/** A batch as stored. */
export interface BatchRecord extends NewBatch {
  id: number;
  rowCount: number;
  raggedRows: number;
  table: string;
}

/** One stored source row. */
export interface StoredRow {
  /** 1-based data row number in the source file. */
  rowNo: number;
  /** One cell per header column; NULL where a short row has no such cell. */
  cells: (string | null)[];
  /** The row's field count when it differs from the header's, else null. */
  width: number | null;
  /** Cells beyond the header's width, else null. */
  extra: string[] | null;
}

/** Writes the rows of one batch table, in row order; call `flush` after the last one. */
export interface RowWriter {
  /** Adds a row: its number, its first W cells, and for a ragged row its width and extra cells (JSON). */
  add(rowNo: number, cells: ReadonlyArray<string | null>, width: number | null, extra: string | null): void;
  /** Writes the rows still held back. */
  flush(): void;
}

const ROWS_PER_INSERT = 32;
/** SQLite's default limit on bound parameters per statement. */
const MAX_BOUND_PARAMETERS = 32766;

/** SQLite's default column limit is 2000; the row table adds row_no, width and extra. */
export const MAX_BATCH_COLUMNS = 1997;

const TABLE_PATTERN = /^batch_t[0-9]{1,9}$/;
const COL_PATTERN = /^c[0-9]{1,4}$/;

function checkTable(table: string): string {
  if (!TABLE_PATTERN.test(table)) {
    throw new Error(`internal: bad batch table name ${table}`);
  }
  return table;
}

/** `c1, c2, … cW`, each checked. */
function columnList(width: number): string[] {
  const cols: string[] = [];
  for (let i = 1; i <= width; i += 1) {
    const col = `c${i}`;
    if (!COL_PATTERN.test(col)) {
      throw new Error(`internal: bad batch column name ${col}`);
    }
    cols.push(col);
  }
  return cols;
}

interface BatchDbRow {
  id: number;
  module: string;
  sourceName: string;
  sourcePath: string;
  sourceSize: number;
  encoding: string;
  delimiter: string;
  headerJson: string;
  headerFingerprint: string;
  rowCount: number;
  raggedRows: number;
  tableNo: number;
  mappingJson: string;
  createdAt: string;
}

const SELECT_BATCH = `SELECT id, module, source_name AS sourceName, source_path AS sourcePath, source_size AS sourceSize,
  encoding, delimiter, header_json AS headerJson, header_fingerprint AS headerFingerprint, row_count AS rowCount,
  ragged_rows AS raggedRows, table_no AS tableNo, mapping_json AS mappingJson, created_at AS createdAt FROM batches`;

function toInfo(r: BatchDbRow): BatchRecord {
  const { headerJson, tableNo, ...rest } = r;
  return { ...rest, header: JSON.parse(headerJson) as string[], table: checkTable(`batch_t${tableNo}`) };
}

/** Repository of import batches and their source rows. */
export class BatchRepo {
  constructor(private readonly db: Db) {}

  /** Records a new, still empty batch and creates its row table (call inside a transaction). */
  createBatch(b: NewBatch): { id: number; table: string } {
    const width = b.header.length;
    if (width < 1 || width > MAX_BATCH_COLUMNS) {
      throw new AppError('NOT_SUPPORTED', `The file has ${width} columns; at most ${MAX_BATCH_COLUMNS} are supported.`);
    }
    const tableNo = (this.db.prepare('SELECT coalesce(max(table_no), 0) + 1 AS n FROM batches').get() as { n: number }).n;
    const table = checkTable(`batch_t${tableNo}`);
    const info = this.db
      .prepare(
        `INSERT INTO batches (module, source_name, source_path, source_size, encoding, delimiter, header_json,
           header_fingerprint, row_count, ragged_rows, table_no, mapping_json, created_at)
         VALUES (@module, @sourceName, @sourcePath, @sourceSize, @encoding, @delimiter, @headerJson,
           @headerFingerprint, 0, 0, @tableNo, @mappingJson, @createdAt)`,
      )
      .run({
        module: b.module,
        sourceName: b.sourceName,
        sourcePath: b.sourcePath,
        sourceSize: b.sourceSize,
        encoding: b.encoding,
        delimiter: b.delimiter,
        headerJson: JSON.stringify(b.header),
        headerFingerprint: b.headerFingerprint,
        tableNo,
        mappingJson: b.mappingJson,
        createdAt: b.createdAt,
      });
    const cols = columnList(width).map((c) => `${c} TEXT`);
    // A rowid table with rows appended in row_no order: each insert lands on the B-tree's right edge.
    this.db.exec(`CREATE TABLE ${table} (row_no INTEGER PRIMARY KEY, ${cols.join(', ')}, width INTEGER, extra TEXT)`);
    return { id: Number(info.lastInsertRowid), table };
  }

  /**
   * A writer of rows into a `width`-column batch table: one prepared plain INSERT that takes
   * ROWS_PER_INSERT rows per call (and a one-row INSERT for the remainder at `flush`). Binding
   * several rows per call costs about a sixth less CPU than one call per row: better-sqlite3's
   * per-call overhead, not SQLite, dominates a row of short texts.
   */
  prepareRowInsert(table: string, width: number): RowWriter {
    checkTable(table);
    const names = ['row_no', ...columnList(width), 'width', 'extra'];
    const per = names.length;
    const rowsPerCall = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_BOUND_PARAMETERS / per)));
    const one = `(${names.map(() => '?').join(', ')})`;
    const into = `INSERT INTO ${table} (${names.join(', ')}) VALUES`;
    const many = this.db.prepare(`${into} ${new Array<string>(rowsPerCall).fill(one).join(', ')}`);
    const single = this.db.prepare(`${into} ${one}`);
    const args = new Array<string | number | null>(per * rowsPerCall).fill(null);
    let pending = 0;
    return {
      add(rowNo, cells, w, extra) {
        const base = pending * per;
        args[base] = rowNo;
        for (let i = 0; i < width; i += 1) {
          args[base + i + 1] = cells[i] ?? null;
        }
        args[base + width + 1] = w;
        args[base + width + 2] = extra;
        pending += 1;
        if (pending === rowsPerCall) {
          many.run(args);
          pending = 0;
        }
      },
      flush() {
        for (let r = 0; r < pending; r += 1) {
          single.run(args.slice(r * per, (r + 1) * per));
        }
        pending = 0;
      },
    };
  }

  /** Records the final counts of an import. */
  finishBatch(id: number, rowCount: number, raggedRows: number): void {
    this.db.prepare('UPDATE batches SET row_count = ?, ragged_rows = ? WHERE id = ?').run(rowCount, raggedRows, id);
  }

  get(id: number): BatchRecord | null {
    const r = this.db.prepare(`${SELECT_BATCH} WHERE id = ?`).get(id) as BatchDbRow | undefined;
    return r ? toInfo(r) : null;
  }

  /** Every batch, newest first. */
  list(): BatchRecord[] {
    return (this.db.prepare(`${SELECT_BATCH} ORDER BY id DESC`).all() as BatchDbRow[]).map(toInfo);
  }

  /** A page of rows in source order (`offset` counts stored rows, not row numbers). */
  rows(id: number, offset: number, limit: number): StoredRow[] {
    const b = this.require(id);
    return this.select(b, 'ORDER BY row_no LIMIT ? OFFSET ?', [limit, offset]);
  }

  /** The rows after row number `afterRowNo` in source order (keyset paging for whole-batch scans). */
  rowsAfter(id: number, afterRowNo: number, limit: number): StoredRow[] {
    const b = this.require(id);
    return this.select(b, 'WHERE row_no > ? ORDER BY row_no LIMIT ?', [afterRowNo, limit]);
  }

  /** The rows with these numbers, in the order asked; numbers with no row are left out. */
  rowsByNumbers(id: number, rowNos: readonly number[]): StoredRow[] {
    const b = this.require(id);
    const width = b.header.length;
    const stmt = this.db.prepare(`SELECT ${selectList(width)} FROM ${b.table} WHERE row_no = ?`).raw(true);
    const out: StoredRow[] = [];
    for (const n of rowNos) {
      const raw = stmt.get(n) as unknown[] | undefined;
      if (raw) {
        out.push(toRow(raw, width));
      }
    }
    return out;
  }

  /** The first `limit` rows whose field count differs from the header's. */
  raggedRows(id: number, limit: number): { row: number; fields: number }[] {
    const b = this.require(id);
    return this.db
      .prepare(`SELECT row_no AS row, width AS fields FROM ${b.table} WHERE width IS NOT NULL ORDER BY row_no LIMIT ?`)
      .all(limit) as { row: number; fields: number }[];
  }

  /** Number of stored rows. */
  count(id: number): number {
    const b = this.require(id);
    return (this.db.prepare(`SELECT count(*) AS n FROM ${b.table}`).get() as { n: number }).n;
  }

  private require(id: number): BatchRecord {
    const b = this.get(id);
    if (!b) {
      throw new AppError('BATCH_NOT_FOUND', `There is no batch ${id}.`);
    }
    return b;
  }

  private select(b: BatchRecord, tail: string, params: number[]): StoredRow[] {
    const width = b.header.length;
    const raws = this.db.prepare(`SELECT ${selectList(width)} FROM ${b.table} ${tail}`).raw(true).all(...params) as unknown[][];
    return raws.map((raw) => toRow(raw, width));
  }
}

function selectList(width: number): string {
  return ['row_no', ...columnList(width), 'width', 'extra'].join(', ');
}

function toRow(raw: unknown[], width: number): StoredRow {
  const extra = raw[width + 2] as string | null;
  return {
    rowNo: raw[0] as number,
    cells: raw.slice(1, width + 1) as (string | null)[],
    width: raw[width + 1] as number | null,
    extra: extra === null ? null : (JSON.parse(extra) as string[]),
  };
}
