import { headerFingerprint } from '../../../electron/core/engines/mapping/header-fingerprint';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type Db } from '../../../electron/core/db/open';
import { BatchRepo } from '../../../electron/core/db/repos/batch-repo';
import type { BatchImportJob } from '../../../electron/core/engines/import/import-types';
import { runBatchImport } from '../../../electron/core/engines/import/run-batch-import';
import type { JobContext, JobProgress } from '../../../electron/core/engines/replica-load/load-types';
import { ROOT, TESTDATA, tempDir } from '../../helpers/temp-dir';

const WORKER = path.join(ROOT, 'out', 'node', 'worker.cjs');
const EDGE = path.join(TESTDATA, 'csv-edge');

let dir: string;
let cleanup: () => void;
let dbPath: string;

beforeEach(() => {
  if (!fs.existsSync(WORKER)) {
    throw new Error('out/node/worker.cjs is missing: run `node scripts/build-node.mjs` first.');
  }
  ({ dir, cleanup } = tempDir());
  dbPath = path.join(dir, 'ws.preflight.db');
  openWorkspaceDb(dbPath, { create: true }).close();
});

afterEach(() => cleanup());

function ctx(opts: { cancelAfter?: number } = {}): JobContext & { reports: JobProgress[] } {
  const reports: JobProgress[] = [];
  let asked = 0;
  return {
    reports,
    progress: (p) => reports.push(p),
    cancelled: () => {
      asked += 1;
      return opts.cancelAfter !== undefined && asked > opts.cancelAfter;
    },
  };
}

function job(filePath: string, over: Partial<BatchImportJob> = {}): BatchImportJob {
  return {
    dbPath,
    workerPath: WORKER,
    filePath,
    sourceName: path.basename(filePath),
    sourceSize: fs.statSync(filePath).size,
    module: 'Leads',
    encoding: 'auto',
    delimiter: 'auto',
    now: '2026-11-22T10:00:00.000Z',
    ...over,
  };
}

/** A big file: `rows` rows of about 100 bytes, quoted cells with commas, quotes and line breaks. */
function writeBig(rows: number): string {
  const file = path.join(dir, 'big.csv');
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Id,First Name,Last Name,Email,Phone,Notes\r\n');
  let chunk = '';
  for (let i = 1; i <= rows; i += 1) {
    chunk += `${String(i).padStart(10, '0')},Zoë ${i},"O'Brien, Jr.",user${i}@example.com,+33 1 23 45 67 ${i % 100},"line one\nline ""two"""\r\n`;
    if (i % 10000 === 0) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return file;
}

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function withDb<T>(fn: (repo: BatchRepo, db: Db) => T): T {
  const db = openWorkspaceDb(dbPath, { create: false });
  try {
    return fn(new BatchRepo(db), db);
  } finally {
    db.close();
  }
}

describe('runBatchImport', () => {
  it('stores every value byte for byte, with row numbers that count blank lines', async () => {
    const csv = [
      'Account Number,Name,Note,Empty,Name',
      '0012345600012,Zoë Ölçer,"multi\r\nline, with ""quotes""",,dup',
      '',
      '  0042 ,😀 Café €,"",,x',
      '007,"a\nb",c,d,e',
      '',
    ].join('\r\n');
    const file = write('leads.csv', csv);
    const before = fs.readFileSync(file);
    const c = ctx();
    const result = await runBatchImport(job(file), c);
    expect(result).toMatchObject({ rows: 3, raggedCount: 0, raggedRows: [], encoding: 'utf-8', delimiter: ',' });
    expect(result.header).toEqual(['Account Number', 'Name', 'Note', 'Empty', 'Name']);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(c.reports.at(-1)).toMatchObject({ phase: 'importing', rows: 3 });

    withDb((repo) => {
      const b = repo.get(result.batchId);
      expect(b).toMatchObject({ module: 'Leads', sourceName: 'leads.csv', sourcePath: file, encoding: 'utf-8', delimiter: ',', rowCount: 3, raggedRows: 0, headerFingerprint: headerFingerprint(result.header) });
      expect(b?.header).toEqual(result.header);
      expect(repo.count(result.batchId)).toBe(3);
      expect(repo.rows(result.batchId, 0, 10)).toEqual([
        { rowNo: 1, cells: ['0012345600012', 'Zoë Ölçer', 'multi\r\nline, with "quotes"', '', 'dup'], width: null, extra: null },
        { rowNo: 3, cells: ['  0042 ', '😀 Café €', '', '', 'x'], width: null, extra: null },
        { rowNo: 4, cells: ['007', 'a\nb', 'c', 'd', 'e'], width: null, extra: null },
      ]);
      expect(repo.rowsByNumbers(result.batchId, [4, 2, 1]).map((r) => r.rowNo)).toEqual([4, 1]);
      expect(repo.rowsAfter(result.batchId, 1, 1).map((r) => r.rowNo)).toEqual([3]);
      expect(repo.list().map((x) => x.id)).toEqual([result.batchId]);
    });
  });

  it('keeps ragged rows whole and reports them', async () => {
    const less = await runBatchImport(job(path.join(EDGE, 'csv-parser-fixtures/strict-false-less-columns.csv')), ctx());
    expect(less).toMatchObject({ rows: 3, raggedCount: 1, raggedRows: [{ row: 2, fields: 2 }] });
    const more = await runBatchImport(job(path.join(EDGE, 'csv-parser-fixtures/strict-false-more-columns.csv')), ctx());
    expect(more).toMatchObject({ rows: 3, raggedCount: 1, raggedRows: [{ row: 2, fields: 4 }] });
    withDb((repo) => {
      expect(repo.rowsByNumbers(less.batchId, [2])).toEqual([{ rowNo: 2, cells: ['4', '5', null], width: 2, extra: null }]);
      expect(repo.rowsByNumbers(more.batchId, [2])).toEqual([{ rowNo: 2, cells: ['4', '5', '6'], width: 4, extra: ['7'] }]);
      expect(repo.get(more.batchId)?.raggedRows).toBe(1);
      expect(repo.raggedRows(more.batchId, 10)).toEqual([{ row: 2, fields: 4 }]);
    });
  });

  it('detects UTF-16, Windows-1252 and semicolons, and obeys explicit choices', async () => {
    const le = await runBatchImport(job(path.join(EDGE, 'csvkit-examples/test_utf16_little.csv')), ctx());
    expect(le).toMatchObject({ encoding: 'utf-16le', delimiter: ',', header: ['a', 'b', 'c'], rows: 2 });
    const be = await runBatchImport(job(path.join(EDGE, 'csv-parser-fixtures/bench/utf16-big.csv')), ctx());
    expect(be).toMatchObject({ encoding: 'utf-16be', header: ['a', 'b', 'c'], rows: 2 });
    const latin = write('latin.csv', Buffer.from([...Buffer.from('Name;Price\nCaf'), 0xe9, 0x3b, 0x35, 0x80, 0x0a]));
    const w = await runBatchImport(job(latin), ctx());
    expect(w).toMatchObject({ encoding: 'windows-1252', delimiter: ';', header: ['Name', 'Price'], rows: 1 });
    const bom = await runBatchImport(job(path.join(EDGE, 'csvkit-examples/test_utf8_bom.csv'), { encoding: 'utf-8', delimiter: ',' }), ctx());
    expect(bom.header).toEqual(['foo', 'bar', 'baz']);
    withDb((repo) => {
      expect(repo.rows(le.batchId, 1, 1)[0]?.cells).toEqual(['4', '5', 'ʤ']);
      expect(repo.rows(w.batchId, 0, 1)[0]?.cells).toEqual(['Café', '5€']);
      expect(repo.rows(bom.batchId, 1, 1)[0]?.cells).toEqual(['4', '5', 'ʤ']);
    });
  });

  it('reads CR-only line endings', async () => {
    const r = await runBatchImport(job(path.join(EDGE, 'csv-parser-fixtures/bench/mac-newlines.csv')), ctx());
    expect(r.rows).toBe(2);
    withDb((repo) => expect(repo.rows(r.batchId, 1, 1)[0]?.cells).toEqual(['Once upon\ra time', '5', '6']));
  });

  it('re-reads as Windows-1252 a file that looked like ASCII UTF-8 until past the sample', async () => {
    const lines = ['name,city'];
    for (let i = 0; i < 10000; i += 1) {
      lines.push(`person ${i},town`);
    }
    const head = Buffer.from(`${lines.join('\n')}\nRen`);
    const file = write('late-latin.csv', Buffer.concat([head, Buffer.from([0xe9, 0x2c, 0x4e, 0xee, 0x6d, 0x65, 0x73, 0x0a])]));
    const r = await runBatchImport(job(file), ctx());
    expect(r).toMatchObject({ encoding: 'windows-1252', rows: 10001 });
    withDb((repo) => {
      expect(repo.rowsByNumbers(r.batchId, [10001])[0]?.cells).toEqual(['René', 'Nîmes']);
      expect(repo.list()).toHaveLength(1);
    });
  });

  it('refuses invalid bytes in an explicitly chosen encoding, storing nothing', async () => {
    const file = write('bad.csv', Buffer.from([...Buffer.from('a,b\n1,2\nx,'), 0xe9, 0x0a]));
    await expect(runBatchImport(job(file, { encoding: 'utf-8' }), ctx())).rejects.toMatchObject({ code: 'ENCODING_MISMATCH', message: expect.stringMatching(/^Row 2: /) });
    withDb((repo, db) => {
      expect(repo.list()).toEqual([]);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'batch_t%'").get()).toEqual({ n: 0 });
    });
  });

  it('refuses malformed quoting with the row, storing nothing', async () => {
    const file = write('stray.csv', 'a,b\n1,2\n3,"x"y\n');
    await expect(runBatchImport(job(file), ctx())).rejects.toMatchObject({ code: 'CSV_MALFORMED', message: expect.stringMatching(/^Row 2: /) });
    const unclosed = write('unclosed.csv', 'a,b\n1,2\n3,4\n5,"never closed\n');
    await expect(runBatchImport(job(unclosed), ctx())).rejects.toMatchObject({ code: 'CSV_MALFORMED', message: expect.stringMatching(/^Row 3: /) });
    withDb((repo) => expect(repo.list()).toEqual([]));
  });

  it('refuses empty files and missing files with their codes', async () => {
    await expect(runBatchImport(job(path.join(EDGE, 'csvkit-examples/empty.csv')), ctx())).rejects.toMatchObject({ code: 'CSV_EMPTY' });
    await expect(runBatchImport(job(write('nothing.csv', '')), ctx())).rejects.toMatchObject({ code: 'CSV_EMPTY' });
    await expect(runBatchImport({ ...job(write('x.csv', 'a\n')), filePath: path.join(dir, 'gone.csv') }, ctx())).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('refuses a header wider than a table can be, and unknown batches', async () => {
    const wide = Array.from({ length: 2000 }, (_, i) => `col${i}`).join(',');
    await expect(runBatchImport(job(write('wide.csv', `${wide}\n${wide}\n`)), ctx())).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    withDb((repo) => {
      expect(repo.list()).toEqual([]);
      expect(repo.get(999)).toBeNull();
      expect(() => repo.rows(999, 0, 1)).toThrow(expect.objectContaining({ code: 'BATCH_NOT_FOUND' }));
    });
  });

  it('takes the first non-blank line as the header', async () => {
    const r = await runBatchImport(job(path.join(EDGE, 'csvkit-examples/test_skip_lines.csv')), ctx());
    expect(r).toMatchObject({ header: ['a', 'b', 'c'], rows: 1 });
    withDb((repo) => expect(repo.rows(r.batchId, 0, 5)).toEqual([{ rowNo: 1, cells: ['1', '2', '3'], width: null, extra: null }]));
  });

  it('skips blank lines in a one-column file but keeps a quoted empty value', async () => {
    const r = await runBatchImport(job(write('emails.csv', 'Email\nann@example.com\n\n""\nbob@example.com')), ctx());
    expect(r).toMatchObject({ header: ['Email'], rows: 3, delimiter: ',' });
    withDb((repo) => expect(repo.rows(r.batchId, 0, 5).map((x) => [x.rowNo, x.cells[0]])).toEqual([[1, 'ann@example.com'], [3, ''], [4, 'bob@example.com']]));
  });

  it('leaves no batch when cancelled', async () => {
    const lines = ['id,name'];
    for (let i = 0; i < 200000; i += 1) {
      lines.push(`${i},name ${i}`);
    }
    const file = write('big.csv', `${lines.join('\n')}\n`);
    await expect(runBatchImport(job(file), ctx({ cancelAfter: 2 }))).rejects.toMatchObject({ code: 'CANCELLED' });
    withDb((repo, db) => {
      expect(repo.list()).toEqual([]);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'batch_t%'").get()).toEqual({ n: 0 });
    });
  });

  it('leaves no batch when cancelled after some of its rows were committed', async () => {
    // 30 MB read 1 MiB at a time, cancelled at about the 24th: after the first commit (16 MB).
    const file = writeBig(300000);
    await expect(runBatchImport(job(file), ctx({ cancelAfter: 25 }))).rejects.toMatchObject({ code: 'CANCELLED' });
    withDb((repo, db) => {
      expect(repo.list()).toEqual([]);
      expect(db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'batch_t%'").get()).toEqual({ n: 0 });
    });
  });

  it('imports a 300,000-row file', async () => {
    const file = writeBig(300000);
    const c = ctx();
    const r = await runBatchImport(job(file), c);
    expect(r).toMatchObject({ rows: 300000, raggedCount: 0, encoding: 'utf-8', delimiter: ',' });
    expect(c.reports.length).toBeGreaterThan(0);
    expect(c.reports.at(-1)).toMatchObject({ done: fs.statSync(file).size, rows: 300000 });
    withDb((repo) => {
      expect(repo.count(r.batchId)).toBe(300000);
      expect(repo.rowsByNumbers(r.batchId, [1, 300000])).toEqual([
        { rowNo: 1, cells: ['0000000001', 'Zoë 1', "O'Brien, Jr.", 'user1@example.com', '+33 1 23 45 67 1', 'line one\nline "two"'], width: null, extra: null },
        { rowNo: 300000, cells: ['0000300000', 'Zoë 300000', "O'Brien, Jr.", 'user300000@example.com', '+33 1 23 45 67 0', 'line one\nline "two"'], width: null, extra: null },
      ]);
    });
  }, 120_000);
});
