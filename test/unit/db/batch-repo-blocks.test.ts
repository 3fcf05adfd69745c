import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type Db } from '../../../electron/core/db/open';
import { BatchRepo } from '../../../electron/core/db/repos/batch-repo';
import { CsvTokenizer } from '../../../electron/core/engines/csv/csv-tokenizer';
import { newBatch } from '../../helpers/new-batch';
import { tempDir } from '../../helpers/temp-dir';

let db: Db;
let repo: BatchRepo;
let id: number;
let cleanup: () => void;
const HEADER = ['a', 'b', 'c'];
// 1,386 rows over three blocks; every 100th line is blank (numbered, not stored), row 7 is
// short and row 8 long, and every 50th row has cells a CSV must quote.
const rowNos = Array.from({ length: 1400 }, (_, i) => i + 1).filter((n) => n % 100 !== 0);
const cellsOf = (n: number): string[] =>
  n === 7
    ? [`a${n}`]
    : n === 8
      ? [`a${n}`, '', `c${n}`, 'x', 'y']
      : n % 50 === 1
        ? [`"q${n}", ok`, `line\r\nbreak ${n}`, `😀\u001e\u001f${n}`]
        : [`a${n}`, n % 3 === 0 ? '' : `0${n}`, `c${n}`];
const quote = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const csv = Array.from({ length: 1400 }, (_, i) => (rowNos.includes(i + 1) ? cellsOf(i + 1).map(quote).join(',') : '')).join('\r\n');

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openWorkspaceDb(path.join(t.dir, 'ws.db'), { create: true });
  repo = new BatchRepo(db);
  db.transaction(() => {
    const b = repo.createBatch(newBatch(HEADER), process.pid);
    id = b.id;
    const w = repo.prepareRowInsert(b.table);
    // Tokenized in uneven chunks, so blocks and blank lines straddle the batches.
    const tokenizer = new CsvTokenizer(',');
    for (let at = 0; at < csv.length; at += 997) {
      const batch = tokenizer.push(csv.slice(at, at + 997));
      if (batch.rowCount > 0) w.addBatch(batch, batch.firstRow - 1);
    }
    const last = tokenizer.end();
    if (last.rowCount > 0) w.addBatch(last, last.firstRow - 1);
    w.flush();
    repo.finishBatch(id, rowNos.length, 2);
  })();
});
afterAll(() => {
  db.close();
  cleanup();
});

describe('batch rows stored as blocks', () => {
  it('counts and pages by stored-row offset across blocks', () => {
    expect(repo.count(id)).toBe(rowNos.length);
    const page = repo.rows(id, 505, 20);
    expect(page.map((r) => r.rowNo)).toEqual(rowNos.slice(505, 525));
    expect(repo.rows(id, rowNos.length - 2, 10).map((r) => r.rowNo)).toEqual(rowNos.slice(-2));
    expect(repo.rows(id, rowNos.length, 10)).toEqual([]);
  });

  it('gives short and long rows their header width, width and extra cells', () => {
    const [short, long, plain] = repo.rowsByNumbers(id, [7, 8, 9]);
    expect(short).toEqual({ rowNo: 7, cells: ['a7', null, null], width: 1, extra: null });
    expect(long).toEqual({ rowNo: 8, cells: ['a8', '', 'c8'], width: 5, extra: ['x', 'y'] });
    expect(plain).toEqual({ rowNo: 9, cells: ['a9', '' , 'c9'], width: null, extra: null });
    expect(repo.raggedRows(id, 10)).toEqual([
      { row: 7, fields: 1 },
      { row: 8, fields: 5 },
    ]);
  });

  it('finds rows by number in any order, leaving out numbers with no row', () => {
    const found = repo.rowsByNumbers(id, [1399, 100, 2, 513, 1401]);
    expect(found.map((r) => r.rowNo)).toEqual([1399, 2, 513]);
    expect(found[2]?.cells).toEqual(cellsOf(513));
  });

  it('scans after a row number page by page, and keeps values as written', () => {
    const all: number[] = [];
    let after = 0;
    for (;;) {
      const page = repo.rowsAfter(id, after, 300);
      expect(page.length).toBeLessThanOrEqual(300);
      if (page.length === 0) break;
      all.push(...page.map((r) => r.rowNo));
      after = page[page.length - 1]?.rowNo ?? after;
    }
    expect(all).toEqual(rowNos);
    expect(repo.rowsByNumbers(id, [501, 1351]).map((r) => r.cells)).toEqual([cellsOf(501), cellsOf(1351)]);
  });
});
