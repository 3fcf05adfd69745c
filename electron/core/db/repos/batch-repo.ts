/**
 * SQL for import batches: the `batches` table and one row table per batch.
 *
 * A batch's rows live in `batch_t<N>` as blocks of up to ROWS_PER_BLOCK consecutive rows, each
 * block one text value (see row-block-codec). Stored row by row, a million-row import spent
 * most of its time binding nine million values one by one; as blocks it binds two thousand,
 * and reading a page of rows back decodes one or two blocks. Physical names are built here
 * from integers and checked against a strict pattern before they are spliced into SQL; values
 * are always bound. Cells are kept exactly as read, every one of them, so a short row stays
 * short and a long row keeps its extra cells.
 */
import { AppError } from '../../../../shared/ipc/errors';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open';
import { isBlankRow } from '../../engines/csv/csv-batch-sink';
import type { TokenBatch } from '../../engines/csv/csv-tokenizer';
import { BLOCK_CSV, decodeRowBlock, rowTextEnd, rowTextStart, type BlockRow, type StoredBlock } from './row-block-codec';

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

/** Where a stored block's rows are: its first and last row numbers and how many rows it stores. */
export interface BlockIndexEntry {
  blockNo: number;
  firstRow: number;
  lastRow: number;
  /** Fewer than lastRow - firstRow + 1 when blank lines sit between its rows. */
  rowCount: number;
}

/** A stored block as bytes (`decodeRawBlock` turns it into rows). */
export interface RawBlock {
  fmt: number;
  /** The block's text as UTF-8. */
  bytes: Buffer;
  firstRow: number;
  lastRow: number;
}

/** Writes the rows of one batch table, in file order; call `flush` after the last batch. */
export interface RowWriter {
  /**
   * Stores the rows of a tokenized batch, all but blank lines; row r is data row
   * `rowOffset + r + 1`. Batches must follow one another in the file, with no text between.
   */
  addBatch(batch: TokenBatch, rowOffset: number): void;
  /** Writes the rows still held back. */
  flush(): void;
}

/** Rows per stored block: small enough that a page of scattered rows decodes quickly. */
const ROWS_PER_BLOCK = 512;

/** A sane cap on a header's width (Zoho's own import takes far fewer columns). */
export const MAX_BATCH_COLUMNS = 1997;

const TABLE_PATTERN = /^batch_t[0-9]{1,9}$/;

/** The columns of a block that decodeRowBlock takes. */
const SELECT_BLOCK = 'SELECT fmt, data, first_row AS firstRow';

function checkTable(table: string): string {
  if (!TABLE_PATTERN.test(table)) {
    throw new Error(`internal: bad batch table name ${table}`);
  }
  return table;
}

/** A `batches` row as SELECT_BATCH reads it: the header still JSON, the table still a number. */
type BatchDbRow = Omit<NewBatch, 'header'> & { id: number; headerJson: string; rowCount: number; raggedRows: number; tableNo: number };

const SELECT_BATCH = `SELECT id, module, source_name AS sourceName, source_path AS sourcePath, source_size AS sourceSize,
  encoding, delimiter, header_json AS headerJson, header_fingerprint AS headerFingerprint, row_count AS rowCount,
  ragged_rows AS raggedRows, table_no AS tableNo, mapping_json AS mappingJson, created_at AS createdAt FROM batches
  WHERE importing_pid IS NULL`;

function toInfo(r: BatchDbRow): BatchRecord {
  const { headerJson, tableNo, ...rest } = r;
  return { ...rest, header: JSON.parse(headerJson) as string[], table: checkTable(`batch_t${tableNo}`) };
}

/** Repository of import batches and their source rows. */
export class BatchRepo {
  private readonly scans = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  /**
   * Records a new, still empty batch, staged for process `importingPid` (no reader sees it
   * until finishBatch), and creates its row table (call inside a transaction).
   */
  createBatch(b: NewBatch, importingPid: number): { id: number; table: string } {
    const width = b.header.length;
    if (width < 1 || width > MAX_BATCH_COLUMNS) {
      throw new AppError('NOT_SUPPORTED', `The file has ${width} columns; at most ${MAX_BATCH_COLUMNS} are supported.`);
    }
    const tableNo = (this.db.prepare('SELECT coalesce(max(table_no), 0) + 1 AS n FROM batches').get() as { n: number }).n;
    const table = checkTable(`batch_t${tableNo}`);
    const info = this.db
      .prepare(
        `INSERT INTO batches (module, source_name, source_path, source_size, encoding, delimiter, header_json,
           header_fingerprint, row_count, ragged_rows, table_no, mapping_json, created_at, importing_pid)
         VALUES (@module, @sourceName, @sourcePath, @sourceSize, @encoding, @delimiter, @headerJson,
           @headerFingerprint, 0, 0, @tableNo, @mappingJson, @createdAt, @importingPid)`,
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
        importingPid,
      });
    // Blocks are appended in row order, so first_row, last_row and stored_before all grow with
    // block_no; the two small indexes find the block of a row number or of a row offset.
    this.db.exec(
      `CREATE TABLE ${table} (block_no INTEGER PRIMARY KEY, first_row INTEGER NOT NULL, last_row INTEGER NOT NULL,
         stored_before INTEGER NOT NULL, row_count INTEGER NOT NULL, fmt INTEGER NOT NULL, data TEXT NOT NULL);
       CREATE INDEX ${table}_last ON ${table} (last_row);
       CREATE INDEX ${table}_offset ON ${table} (stored_before);`,
    );
    return { id: Number(info.lastInsertRowid), table };
  }

  /** A writer of rows into a batch table, ROWS_PER_BLOCK rows to a block (see row-block-codec). */
  prepareRowInsert(table: string): RowWriter {
    checkTable(table);
    const insert = this.db.prepare(
      `INSERT INTO ${table} (block_no, first_row, last_row, stored_before, row_count, fmt, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    let blockNo = 0;
    let stored = 0;
    // The open block: its text so far (from earlier batches), first and last row, row count.
    let parts: string[] = [];
    let size = 0;
    let first = 0;
    let last = 0;
    const write = (): void => {
      blockNo += 1;
      insert.run(blockNo, first, last, stored, size, BLOCK_CSV, parts.length === 1 ? parts[0] : parts.join(''));
      stored += size;
      parts = [];
      size = 0;
    };
    return {
      addBatch(batch, rowOffset) {
        const { rowStarts, text } = batch;
        // Where the open block's text starts in this batch; a block carried over from the
        // previous batch takes this one from its start, blank lines included, so that its
        // rows stay one run of lines.
        let from = size > 0 ? 0 : -1;
        for (let r = 0; r < batch.rowCount; r += 1) {
          if ((rowStarts[r + 1] as number) - (rowStarts[r] as number) === 1 && isBlankRow(batch, r)) continue;
          const rowNo = rowOffset + r + 1;
          if (size === 0) {
            first = rowNo;
            from = rowTextStart(batch, r);
          }
          last = rowNo;
          size += 1;
          if (size === ROWS_PER_BLOCK) {
            parts.push(text.slice(from, rowTextEnd(batch, r)));
            write();
            from = -1;
          }
        }
        if (size > 0) parts.push(text.slice(from));
      },
      flush() {
        if (size > 0) write();
      },
    };
  }

  /** Records the final counts of an import and shows the batch to readers. */
  finishBatch(id: number, rowCount: number, raggedRows: number): void {
    this.db.prepare('UPDATE batches SET row_count = ?, ragged_rows = ?, importing_pid = NULL WHERE id = ?').run(rowCount, raggedRows, id);
  }

  /** Deletes a batch, staged or not, with its rows, issues, edits and journal (one transaction). */
  discardBatch(id: number): void {
    this.db.transaction(() => {
      const r = this.db.prepare('SELECT table_no AS tableNo FROM batches WHERE id = ?').get(id) as { tableNo: number } | undefined;
      if (!r) return;
      this.db.exec(`DROP TABLE IF EXISTS ${checkTable(`batch_t${r.tableNo}`)}`);
      this.db.prepare('DELETE FROM batches WHERE id = ?').run(id);
    })();
  }

  /** Deletes the staged batches of importing processes that are gone; says how many. */
  discardAbandoned(isRunning: (pid: number) => boolean): number {
    const staged = this.db.prepare('SELECT id, importing_pid AS pid FROM batches WHERE importing_pid IS NOT NULL').all() as { id: number; pid: number }[];
    const gone = staged.filter((s) => !isRunning(s.pid));
    for (const s of gone) this.discardBatch(s.id);
    return gone.length;
  }

  get(id: number): BatchRecord | null {
    const r = this.db.prepare(`${SELECT_BATCH} AND id = ?`).get(id) as BatchDbRow | undefined;
    return r ? toInfo(r) : null;
  }

  /** Every batch, newest first. */
  list(): BatchRecord[] {
    return (this.db.prepare(`${SELECT_BATCH} ORDER BY id DESC`).all() as BatchDbRow[]).map(toInfo);
  }

  /** A page of rows in source order (`offset` counts stored rows, not row numbers). */
  rows(id: number, offset: number, limit: number): StoredRow[] {
    const b = this.require(id);
    const start = this.db.prepare(`SELECT block_no AS n, stored_before AS before FROM ${b.table} WHERE stored_before <= ? ORDER BY stored_before DESC LIMIT 1`).get(offset) as
      | { n: number; before: number }
      | undefined;
    if (!start) return [];
    const out: StoredRow[] = [];
    let skip = offset - start.before;
    for (const blk of this.db.prepare(`${SELECT_BLOCK} FROM ${b.table} WHERE block_no >= ? ORDER BY block_no`).iterate(start.n) as IterableIterator<StoredBlock>) {
      for (const r of decodeRowBlock(blk, b.delimiter)) {
        if (skip > 0) {
          skip -= 1;
        } else {
          out.push(toStored(r, b.header.length));
          if (out.length === limit) return out;
        }
      }
    }
    return out;
  }

  /**
   * The rows after row number `afterRowNo` in source order (keyset paging for whole-batch
   * scans; a page size that is a multiple of ROWS_PER_BLOCK decodes each block once).
   */
  rowsAfter(id: number, afterRowNo: number, limit: number): StoredRow[] {
    const b = this.require(id);
    const out: StoredRow[] = [];
    for (const blk of this.db.prepare(`${SELECT_BLOCK} FROM ${b.table} WHERE last_row > ? ORDER BY block_no`).iterate(afterRowNo) as IterableIterator<StoredBlock>) {
      for (const r of decodeRowBlock(blk, b.delimiter)) {
        if (r.rowNo <= afterRowNo) continue;
        out.push(toStored(r, b.header.length));
        if (out.length === limit) return out;
      }
    }
    return out;
  }

  /** Up to `limit` blocks after block `afterBlockNo`: where their rows are, without the rows. */
  blockIndex(id: number, afterBlockNo: number, limit: number): BlockIndexEntry[] {
    return this.scanStatement(id, 'index').all(afterBlockNo, limit) as BlockIndexEntry[];
  }

  /**
   * Up to `limit` stored blocks whose rows come after row number `afterRowNo`, as their UTF-8
   * bytes (the export copies untouched cells straight from them; see engines/export/block-cursor).
   * last_row grows with block_no, so its index gives block order without a scan from the start.
   */
  blocksAfter(id: number, afterRowNo: number, limit: number): RawBlock[] {
    return this.scanStatement(id, 'blocks').all(afterRowNo, limit) as RawBlock[];
  }

  /** The statements of a whole-batch read, prepared once per batch (they run once per page). */
  private scanStatement(id: number, kind: 'index' | 'blocks'): Statement {
    const key = `${id}|${kind}`;
    let s = this.scans.get(key);
    if (!s) {
      const { table } = this.require(id);
      s = this.db.prepare(
        kind === 'index'
          ? `SELECT block_no AS blockNo, first_row AS firstRow, last_row AS lastRow, row_count AS rowCount FROM ${table} WHERE block_no > ? ORDER BY block_no LIMIT ?`
          : `SELECT fmt, CAST(data AS BLOB) AS bytes, first_row AS firstRow, last_row AS lastRow FROM ${table} WHERE last_row > ? ORDER BY last_row LIMIT ?`,
      );
      this.scans.set(key, s);
    }
    return s;
  }

  /** The rows with these numbers, in the order asked; numbers with no row are left out. */
  rowsByNumbers(id: number, rowNos: readonly number[]): StoredRow[] {
    const b = this.require(id);
    // The block is found by number first: reading its text for every row asked would copy a
    // whole block per row (the export asks for thousands of rows of the same blocks).
    const find = this.db.prepare(`SELECT block_no AS n FROM ${b.table} WHERE last_row >= ? ORDER BY last_row LIMIT 1`);
    const load = this.db.prepare(`${SELECT_BLOCK} FROM ${b.table} WHERE block_no = ?`);
    const decoded = new Map<number, Map<number, BlockRow>>();
    const out: StoredRow[] = [];
    for (const rowNo of rowNos) {
      const at = find.get(rowNo) as { n: number } | undefined;
      if (!at) continue;
      let rows = decoded.get(at.n);
      if (!rows) {
        const blk = load.get(at.n) as StoredBlock;
        rows = new Map(decodeRowBlock(blk, b.delimiter).map((r) => [r.rowNo, r]));
        decoded.set(at.n, rows);
      }
      const r = rows.get(rowNo);
      if (r) out.push(toStored(r, b.header.length));
    }
    return out;
  }

  /** The first `limit` rows whose field count differs from the header's. */
  raggedRows(id: number, limit: number): { row: number; fields: number }[] {
    const b = this.require(id);
    const out: { row: number; fields: number }[] = [];
    if (b.raggedRows === 0) return out;
    for (const blk of this.db.prepare(`${SELECT_BLOCK} FROM ${b.table} ORDER BY block_no`).iterate() as IterableIterator<StoredBlock>) {
      for (const r of decodeRowBlock(blk, b.delimiter)) {
        if (r.cells.length !== b.header.length) {
          out.push({ row: r.rowNo, fields: r.cells.length });
          if (out.length === limit) return out;
        }
      }
    }
    return out;
  }

  /** Number of stored rows. */
  count(id: number): number {
    const b = this.require(id);
    return (this.db.prepare(`SELECT coalesce(sum(row_count), 0) AS n FROM ${b.table}`).get() as { n: number }).n;
  }

  private require(id: number): BatchRecord {
    const b = this.get(id);
    if (!b) {
      throw new AppError('BATCH_NOT_FOUND', `There is no batch ${id}.`);
    }
    return b;
  }
}

/** The rows of a raw block, as rowsAfter gives them; `width` is the header's. */
export function decodeRawBlock(blk: RawBlock, delimiter: string, width: number): StoredRow[] {
  return decodeRowBlock({ fmt: blk.fmt, data: blk.bytes.toString('utf8'), firstRow: blk.firstRow }, delimiter).map((r) => toStored(r, width));
}

/** A decoded row as the rest of the code sees it: the header's width of cells, then the extra. */
export function toStored(r: BlockRow, width: number): StoredRow {
  const n = r.cells.length;
  if (n === width) return { rowNo: r.rowNo, cells: r.cells, width: null, extra: null };
  const cells: (string | null)[] = r.cells.slice(0, width);
  while (cells.length < width) cells.push(null);
  return { rowNo: r.rowNo, cells, width: n, extra: n > width ? r.cells.slice(width) : null };
}
