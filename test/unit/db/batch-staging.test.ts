import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type Db } from '../../../electron/core/db/open';
import { BatchRepo } from '../../../electron/core/db/repos/batch-repo';
import { BatchStateRepo } from '../../../electron/core/db/repos/batch-state-repo';
import { CsvTokenizer } from '../../../electron/core/engines/csv/csv-tokenizer';
import { newBatch } from '../../helpers/new-batch';
import { tempDir } from '../../helpers/temp-dir';

let db: Db;
let repo: BatchRepo;
let cleanup: () => void;

/** A batch of three rows with one issue, staged for `pid` (committed, as an import's chunks are). */
function stage(pid: number): { id: number; table: string } {
  return db.transaction(() => {
    const b = repo.createBatch(newBatch(['a', 'b']), pid);
    const w = repo.prepareRowInsert(b.table);
    w.addBatch(new CsvTokenizer(',').scanText('1,2\n3,4\n5,6\n', true).batch, 0);
    w.flush();
    const issues = new BatchStateRepo(db).issueWriter(b.id);
    issues.add({ row: 2, column: 'a', field: 'A', code: 'INVALID_DATA', message: 'm', severity: 'error' });
    issues.flush();
    return b;
  })();
}

const tables = (): string[] => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'batch_t%'").all() as { name: string }[]).map((r) => r.name);
const issueCount = (): number => (db.prepare('SELECT count(*) AS n FROM batch_issues').get() as { n: number }).n;

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openWorkspaceDb(path.join(t.dir, 'ws.db'), { create: true });
  repo = new BatchRepo(db);
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('staged batches', () => {
  it('stay hidden from readers until the import finishes them', () => {
    const b = stage(process.pid);
    expect(repo.get(b.id)).toBeNull();
    expect(repo.list()).toEqual([]);
    repo.finishBatch(b.id, 3, 0);
    expect(repo.get(b.id)?.rowCount).toBe(3);
    expect(repo.count(b.id)).toBe(3);
  });

  it('are deleted whole, rows and issues, when discarded', () => {
    const b = stage(process.pid);
    repo.discardBatch(b.id);
    expect(tables()).toEqual([]);
    expect(issueCount()).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 0 });
  });

  it('left by a process that is gone are deleted; those of a running import and finished ones stay', () => {
    const dead = stage(1_000_001);
    const running = stage(process.pid);
    const done = stage(1_000_002);
    repo.finishBatch(done.id, 3, 0);
    expect(repo.discardAbandoned((pid) => pid === process.pid)).toBe(1);
    expect(tables().sort()).toEqual([running.table, done.table].sort());
    expect(repo.get(dead.id)).toBeNull();
    expect(repo.get(done.id)?.rowCount).toBe(3);
    expect(issueCount()).toBe(2);
  });
});
