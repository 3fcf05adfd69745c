/**
 * `preflight export` on a reviewed batch, run as a user runs it: the decisions were made in the
 * window (here: a core on the same workspace file), the command writes the update job of a
 * merge beside the insert, and says what the review left out, in CLI.md's shape.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app';
import { FIXTURES, ROOT, tempDir } from '../helpers/temp-dir';
import { readZipIndependently } from '../helpers/zip-check';
import { runCli, type CliRun } from '../helpers/cli-run';

const R = path.join(FIXTURES, 'review');
const PAT_CONTACT = '4876876000007421001';
let dir: string;
let cleanup: () => void;
let ws: string;

function run(args: string[]): CliRun {
  return runCli(ws, dir, args);
}

/** Decides rows as the review screen does, through the core's dispatch on the same workspace. */
async function decide(batch: number, decisions: { rows: number[]; decision: unknown }[]): Promise<void> {
  const core = createCore({
    workspacePath: ws,
    workspaceIsDefault: false,
    appDataDir: path.join(dir, 'appdata'),
    resourcesDir: path.join(ROOT, 'resources'),
    workerPath: path.join(ROOT, 'out', 'node', 'worker.cjs'),
    version: '0.0.0-test',
    now: () => new Date('2026-11-22T10:00:00Z'),
  });
  try {
    for (const d of decisions) {
      const env = await core.dispatch('review.decide', { batch, ...d });
      if (!env.ok) throw new Error(`review.decide failed: ${env.error.code} ${env.error.message}`);
    }
  } finally {
    await core.close();
  }
}

interface ExportJson {
  jobs: { module: string; zip: string; job: string; rows: number; operation: string; find_by: string | null; from_review: number }[];
  manifest: string;
  batches: { batch: number; exported: number; leftOut: { reason: string; rows: number }[]; review: { inserted: number; updated: number; skipped: number } }[];
}

let batch = 0;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  ws = path.join(dir, 'cli.db');
  expect(run(['metadata', 'load', '--module', 'Contacts', path.join(R, 'contacts-fields.json')]).code).toBe(0);
  for (const m of ['Contacts', 'Accounts', 'Leads']) expect(run(['replica', 'load', '--module', m, path.join(R, `${m}.bulk-read.csv`)]).code).toBe(0);
  const imported = run(['import', path.join(R, 'trade-show-leads.csv'), '--module', 'Leads', '--json']);
  batch = (JSON.parse(imported.stdout) as { batch: number }).batch;
  expect(run(['dedupe', String(batch)]).code).toBe(0);
  await decide(batch, [
    { rows: [1], decision: { action: 'merge', module: 'Contacts', id: PAT_CONTACT, rule: 'fill-blanks', picks: {} } },
    { rows: [4], decision: { action: 'create' } },
    { rows: [7, 8], decision: { action: 'skip' } },
  ]);
});
afterAll(() => cleanup());

describe('preflight export of a reviewed batch', () => {
  it('writes the merge as an update job by id and leaves the skipped rows out, saying so', () => {
    const out = path.join(dir, 'out');
    const r = run(['export', String(batch), '--operation', 'insert', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0] as string) as ExportJson;
    expect(j.manifest).toBe('manifest.json');
    expect(j.jobs.map((x) => [x.module, x.operation, x.find_by, x.rows, x.from_review, x.zip])).toEqual([
      ['Contacts', 'update', 'id', 1, 1, 'Contacts-batch1-update-part01.zip'],
      ['Leads', 'insert', null, 4, 1, 'Leads-batch1-stage1-part01.zip'],
    ]);
    expect(readZipIndependently(path.join(out, j.jobs[0]?.zip ?? '')).rows).toEqual([
      ['id', 'Email'],
      [PAT_CONTACT, 'pat.boyle@zylker.com'],
    ]);
    expect(readZipIndependently(path.join(out, j.jobs[1]?.zip ?? '')).rows).toHaveLength(5);
    // Bob's email has a trailing space Zoho would refuse: an undecided row with an error stays out.
    expect(j.batches[0]).toMatchObject({
      batch,
      exported: 5,
      leftOut: [
        { reason: 'has errors', rows: 1 },
        { reason: 'skipped in review', rows: 2 },
      ],
      review: { inserted: 1, updated: 1, skipped: 2 },
    });

    const text = run(['export', String(batch), '--operation', 'insert', '--out', out]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Contacts-batch1-update-part01.zip — Contacts update by id, 1 rows (source rows 1–1), stage 1, 1 from the review');
    expect(text.stdout).toContain('left out: 1 has errors, 2 skipped in review');
    expect(text.stdout).toContain('from the review: 1 created (insert), 1 merged into existing records (update by id)');
  });
});
