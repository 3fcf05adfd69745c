/**
 * `preflight export` and `preflight results load|retry` as a user runs them (CLI.md): a real
 * process, a real workspace, real ZIPs checked with unzip and Python. The result file is ours,
 * built from the documented layout (no real one is public).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadLine } from '../../electron/core/engines/export/upload-csv';
import { FIXTURES, tempDir } from '../helpers/temp-dir';
import { readZipIndependently } from '../helpers/zip-check';
import { runCli, type CliRun, oneJson } from '../helpers/cli-run';

let dir: string;
let cleanup: () => void;
let ws: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  ws = path.join(dir, 'cli.db');
});
afterAll(() => cleanup());

function run(args: string[]): CliRun {
  return runCli(ws, dir, args);
}

const json = oneJson;

interface ExportJson {
  jobs: { module: string; zip: string; job: string; rows: number; first_row: number; last_row: number }[];
  manifest: string;
}

describe('preflight export', () => {
  let batch = 0;
  const out = (): string => path.join(dir, 'out');

  beforeAll(() => {
    const r = run(['import', path.join(FIXTURES, 'export', 'leads-export.csv'), '--module', 'Leads', '--json']);
    expect(r.code).toBe(0);
    batch = json(r.stdout).batch as number;
  });

  it('writes the ZIPs, job JSONs and manifest, with paths relative to DIR', () => {
    const r = run(['export', String(batch), '--operation', 'insert', '--out', out(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = json(r.stdout) as unknown as ExportJson;
    expect(j.manifest).toBe('manifest.json');
    expect(j.jobs).toEqual([{ module: 'Leads', zip: 'Leads-batch1-stage1-part01.zip', job: 'Leads-batch1-stage1-part01.json', rows: 3, first_row: 1, last_row: 4, stage: 1, operation: 'insert', find_by: null, from_review: 0, sha256: expect.any(String) as string }]);
    const content = readZipIndependently(path.join(out(), j.jobs[0]?.zip ?? ''));
    expect(content.rows).toHaveLength(4);
    expect(fs.existsSync(path.join(out(), 'README.txt'))).toBe(true);
  });

  it('writes the v8 job shape on request', () => {
    const r = run(['export', String(batch), '--operation', 'insert', '--out', path.join(dir, 'out-v8'), '--api-version', 'v8', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = json(r.stdout) as unknown as ExportJson;
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'out-v8', j.jobs[0]?.job ?? ''), 'utf8')) as { resource: { module: unknown }[] };
    expect(spec.resource[0]?.module).toEqual({ api_name: 'Leads' });
  });

  it('refuses a bad operation as a usage error and an invalid find_by as refused data', () => {
    expect(run(['export', String(batch), '--operation', 'merge', '--out', out()]).code).toBe(2);
    expect(run(['export', String(batch), '--out', out()]).code).toBe(2);
    const r = run(['export', String(batch), '--operation', 'update', '--find-by', 'Phone', '--out', path.join(dir, 'o2'), '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout)).toMatchObject({ error: { code: 'FIND_BY_INVALID' } });
  });

  it('loads the result back, once, and builds the retry batch', () => {
    const { rows } = readZipIndependently(path.join(out(), 'Leads-batch1-stage1-part01.zip'));
    const [header, ...data] = rows as [string[], ...string[][]];
    let text = uploadLine([...header.slice(0, 3), 'STATUS', 'RECORD_ID', 'ERRORS'], []);
    data.forEach((r, i) => {
      text += uploadLine([...r.slice(0, 3), i === 2 ? 'SKIPPED' : 'ADDED', i === 2 ? '' : `900000000000000000${i}`, i === 2 ? 'DUPLICATE_DATA-Email' : ''], []);
    });
    const src = path.join(dir, 'result-src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'Leads-bulkwrite.csv'), text);
    const zip = path.join(dir, 'result.zip');
    spawnSync('zip', ['-q', '-j', zip, path.join(src, 'Leads-bulkwrite.csv')]);
    const r = run(['results', 'load', zip, '--batch', String(batch), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toMatchObject({ batch, added: 2, updated: 0, skipped: 1, errors: [{ row: 4, codes: [{ code: 'DUPLICATE_DATA', columns: ['Email'] }] }] });
    expect(json(run(['replica', 'stats', '--json']).stdout)).toEqual({ modules: { Leads: 2 } });
    const again = run(['results', 'load', zip, '--json']);
    expect(json(again.stdout)).toMatchObject({ added: 2, skipped: 1, already_loaded: true });
    expect(json(run(['replica', 'stats', '--json']).stdout)).toEqual({ modules: { Leads: 2 } });
    // Two exports of the same rows both match; the newest one takes the result.
    const exportId = (json(r.stdout) as { export: number }).export;
    expect(exportId).toBe(2);
    const retry = run(['results', 'retry', String(exportId), '--json']);
    expect(retry.code, retry.stdout + retry.stderr).toBe(0);
    expect(json(retry.stdout)).toMatchObject({ batches: [{ from: batch, rows: 1 }] });
  });
});
