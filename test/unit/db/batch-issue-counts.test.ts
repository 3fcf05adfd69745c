import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Issue } from '../../../shared/domain/batch';
import { openWorkspaceDb, type Db } from '../../../electron/core/db/open';
import { BatchRepo } from '../../../electron/core/db/repos/batch-repo';
import { BatchStateRepo } from '../../../electron/core/db/repos/batch-state-repo';
import { newBatch } from '../../helpers/new-batch';
import { tempDir } from '../../helpers/temp-dir';

let db: Db;
let state: BatchStateRepo;
let id: number;
let cleanup: () => void;
const ROWS = 100;

const issue = (row: number, severity: 'error' | 'warning', field = 'Email'): Issue => ({
  row,
  column: field,
  field,
  code: severity === 'error' ? 'INVALID_DATA' : 'NEW_PICKLIST_VALUE',
  message: `m${row}`,
  severity,
});

/** The counts made the slow way, from the issues themselves. */
function walked(): { invalid: number; flagged: number } {
  const n = (sql: string): number => (db.prepare(sql).get(id) as { n: number }).n;
  return {
    invalid: n("SELECT count(DISTINCT row_no) AS n FROM batch_issues WHERE batch_id = ? AND severity = 'error'"),
    flagged: n('SELECT count(DISTINCT row_no) AS n FROM batch_issues WHERE batch_id = ?'),
  };
}
const remembered = (): unknown => db.prepare('SELECT rows_invalid AS invalid, rows_flagged AS flagged FROM batches WHERE id = ?').get(id);

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openWorkspaceDb(path.join(t.dir, 'ws.db'), { create: true });
  state = new BatchStateRepo(db);
  const repo = new BatchRepo(db);
  const b = repo.createBatch(newBatch(['a']), process.pid);
  id = b.id;
  repo.finishBatch(id, ROWS, 0);
  // Rows 1-30: an error and a warning each; 31-50: a warning; the rest clean.
  const w = state.issueWriter(id);
  for (let r = 1; r <= 50; r += 1) {
    if (r <= 30) w.add(issue(r, 'error'));
    w.add(issue(r, 'warning', 'Lead_Source'));
  }
  w.flush();
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('remembered issue counts', () => {
  it('are unknown while issues are written, then counted once', () => {
    expect(remembered()).toEqual({ invalid: null, flagged: null });
    expect(state.counts(id, ROWS)).toEqual({ valid: 50, warnings: 20, invalid: 30, excluded: 0 });
    state.rememberCounts(id);
    expect(remembered()).toEqual({ invalid: 30, flagged: 50 });
    expect(state.counts(id, ROWS)).toEqual({ valid: 50, warnings: 20, invalid: 30, excluded: 0 });
  });

  it('follow edits that fix, break, downgrade and repeat rows, as a full count would', () => {
    state.rememberCounts(id);
    // Fix row 1, break clean row 80, downgrade row 2 to a warning, row 31 gains an error, row 3
    // is listed twice.
    state.replaceRowIssues(id, [1, 80, 2, 31, 3, 3], [issue(80, 'error'), issue(2, 'warning'), issue(31, 'error'), issue(3, 'error')]);
    expect(remembered()).toEqual(walked());
    expect(walked()).toEqual({ invalid: 30, flagged: 50 });
    expect(state.counts(id, ROWS)).toEqual({ valid: 50, warnings: 20, invalid: 30, excluded: 0 });
  });

  it('leave excluded rows out of the counts', () => {
    state.rememberCounts(id);
    state.setExcluded(id, [1, 40, 90], true);
    expect(state.counts(id, ROWS)).toEqual({ valid: 49, warnings: 19, invalid: 29, excluded: 3 });
  });
});
