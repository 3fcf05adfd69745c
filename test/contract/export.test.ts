/**
 * export.* and results.* through dispatch on a real workspace: the dry run, the written folder
 * read back with unzip and Python, a repeated export, results loaded back and the retry batch.
 *
 * The result files here are ours (no real Bulk Write result is public, see
 * shared/testdata/zoho/README.md): built from the documented layout, the first three uploaded
 * columns then STATUS, RECORD_ID and ERRORS.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Req, Res } from '../../shared/ipc/contract';
import { FIXTURES } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';
import { readZipIndependently } from '../helpers/zip-check';
import { uploadLine } from '../../electron/core/engines/export/upload-csv';

const LEADS = path.join(FIXTURES, 'export', 'leads-export.csv');

let t: TempCore;
let batch = 0;
beforeAll(async () => {
  t = tempCore();
  const s = await t.call('import.start', { source: { kind: 'path', path: LEADS }, module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
  batch = s.batch;
});
afterAll(async () => {
  await t.close();
});

const options = (over: Partial<Req<'export.preview'>> = {}): Req<'export.preview'> => ({
  batches: [batch],
  operation: 'insert',
  findBy: null,
  apiVersion: 'v2',
  callbackUrl: null,
  ignoreEmpty: null,
  ...over,
});

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

type Run = Res<'export.run'>;

interface JobJson {
  operation: string;
  callback: Record<string, string>;
  resource: { type: string; module: string; file_id: string; field_mappings: { api_name: string; index: number }[] }[];
}

/** A Bulk Write result CSV for a job: its first three columns echoed, then the status columns. */
function resultFor(zip: string, statuses: (i: number) => { status: string; id: string; errors: string }): string {
  const { rows } = readZipIndependently(zip);
  const [header, ...data] = rows as [string[], ...string[][]];
  let text = uploadLine([...header.slice(0, 3), 'STATUS', 'RECORD_ID', 'ERRORS'], []);
  data.forEach((r, i) => {
    const s = statuses(i);
    text += uploadLine([...r.slice(0, 3), s.status, s.id, s.errors], []);
  });
  return text;
}

describe('export.preview (dry run)', () => {
  it('says per job what goes in and per batch what is left out, writing nothing', async () => {
    const before = fs.readdirSync(t.dir);
    const plan = await t.call('export.preview', options());
    expect(plan.jobs).toHaveLength(1);
    expect(plan.jobs[0]).toMatchObject({ module: 'Leads', operation: 'insert', rows: 3, firstRow: 1, lastRow: 4, zip: null });
    expect(plan.jobs[0]?.columns.slice(0, 3)).toEqual(['Email', 'First_Name', 'Last_Name']);
    expect(plan.batches[0]).toMatchObject({ rows: 4, exported: 3, leftOut: [{ reason: 'has errors', rows: 1 }] });
    expect(plan.apiCredits).toBe(500);
    expect(fs.readdirSync(t.dir)).toEqual(before);
  });

  it('refuses update without find_by, a find_by that is not unique, and an id find_by without ids', async () => {
    expect((await t.fail('export.preview', options({ operation: 'update' }))).code).toBe('FIND_BY_INVALID');
    expect((await t.fail('export.preview', options({ operation: 'upsert', findBy: 'Email' }))).code).toBe('FIND_BY_INVALID');
    expect((await t.fail('export.preview', options({ operation: 'update', findBy: 'id' }))).code).toBe('FIND_BY_INVALID');
  });

  it('refuses a batch that does not exist and a malformed callback URL', async () => {
    expect((await t.fail('export.preview', options({ batches: [999] }))).code).toBe('BATCH_NOT_FOUND');
    expect((await t.fail('export.preview', options({ callbackUrl: 'javascript:alert(1)' }))).code).toBe('BAD_REQUEST');
  });
});

describe('export.run', () => {
  let first: Run;
  let folder = '';

  beforeAll(async () => {
    folder = path.join(t.dir, 'export-1');
    first = await t.call('export.run', { ...options({ callbackUrl: 'https://example.com/zoho-callback' }), folder });
  });

  it('writes one ZIP and one job JSON per job, the manifest, its CSV and README, and nothing else', () => {
    expect(first.folder).toBe(folder);
    expect(fs.readdirSync(folder).sort()).toEqual(['Leads-batch1-stage1-part01.json', 'Leads-batch1-stage1-part01.zip', 'README.txt', 'manifest.csv', 'manifest.json'].sort());
    expect(fs.readdirSync(t.dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('gives ZIPs that unzip and Python accept, whose CSV matches the job JSON and keeps every value', () => {
    const job = first.plan.jobs[0];
    const zip = path.join(folder, job?.zip ?? '');
    const content = readZipIndependently(zip);
    expect(content.names).toEqual(['Leads-batch1-stage1-part01.csv']);
    const text = content.bytes.toString('utf8');
    expect(content.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(text.split('\r\n')[0]).toBe('Email,First_Name,Last_Name,Company,Phone,Description');
    const [header, ...rows] = content.rows;
    expect(rows).toHaveLength(job?.rows ?? -1);
    const spec = JSON.parse(fs.readFileSync(path.join(folder, job?.jobFile ?? ''), 'utf8')) as JobJson;
    expect(spec.operation).toBe('insert');
    expect(spec.callback).toEqual({ url: 'https://example.com/zoho-callback', method: 'post' });
    expect(spec.resource[0]).toMatchObject({ type: 'data', module: 'Leads', file_id: 'REPLACE_WITH_FILE_ID' });
    for (const m of spec.resource[0]?.field_mappings ?? []) expect(header?.[m.index]).toBe(m.api_name);
    expect(spec.resource[0]?.field_mappings).toHaveLength(header?.length ?? -1);
    const byEmail = new Map(rows.map((r) => [r[0], r]));
    expect(byEmail.get('ada@example.com')?.[4]).toBe('0012345600012');
    expect(byEmail.get('ada@example.com')?.[5]).toBe('First line\nsecond line');
    expect(byEmail.get('zoe@example.com')?.slice(1, 4)).toEqual(['Zoë', 'O"Brien', 'Café Ñandú 🚀']);
    // The upload CSV never changes a value, not even one a spreadsheet would run.
    expect(byEmail.get('zoe@example.com')?.[5]).toBe('=SUM(A1:A2), with comma');
    expect(byEmail.has('grace@example.com')).toBe(false);
  });

  it('lists jobs in the manifest with row ranges, counts, checksums and credits', () => {
    const m = JSON.parse(fs.readFileSync(first.manifest, 'utf8')) as {
      format: string;
      jobs: { zip: string; sha256: string; rows: number; row_ranges: number[][]; first_row: number; last_row: number }[];
      batches: { left_out: Record<string, number> }[];
      api_credits: number;
    };
    expect(m.format).toBe('preflight-bulk-write-export');
    expect(m.jobs[0]).toMatchObject({ rows: 3, first_row: 1, last_row: 4, row_ranges: [[1, 2], [4, 4]] });
    expect(m.jobs[0]?.sha256).toBe(sha(path.join(folder, m.jobs[0]?.zip ?? '')));
    expect(m.batches[0]?.left_out).toEqual({ 'has errors': 1 });
    expect(m.api_credits).toBe(500);
    expect(fs.readFileSync(path.join(folder, 'README.txt'), 'utf8')).toContain('feature: bulk-write');
  });

  it('gives byte-identical ZIPs and CSVs when the same batch is exported again', async () => {
    const again = await t.call('export.run', { ...options({ callbackUrl: 'https://example.com/zoho-callback' }), folder: path.join(t.dir, 'export-2') });
    const a = first.plan.jobs[0];
    const b = again.plan.jobs[0];
    expect(b?.sha256).toBe(a?.sha256);
    expect(fs.readFileSync(path.join(again.folder, b?.zip ?? '')).equals(fs.readFileSync(path.join(folder, a?.zip ?? '')))).toBe(true);
  });

  it('replaces an earlier export in the same folder, and refuses a folder holding other files', async () => {
    const replaced = await t.call('export.run', { ...options(), folder: path.join(t.dir, 'export-2') });
    expect(replaced.export).toBeGreaterThan(first.export);
    const other = path.join(t.dir, 'not-empty');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'notes.txt'), 'mine');
    expect((await t.fail('export.run', { ...options(), folder: other })).code).toBe('EXPORT_FOLDER_NOT_EMPTY');
    expect(fs.readdirSync(other)).toEqual(['notes.txt']);
    expect((await t.fail('export.run', { ...options(), folder: path.join(t.dir, 'missing-parent', 'x') })).code).toBe('FILE_NOT_FOUND');
  });

  it('keeps the history with its jobs', async () => {
    const h = await t.call('export.history', {});
    expect(h.exports.map((e) => e.export)).toContain(first.export);
    const item = h.exports.find((e) => e.export === first.export);
    expect(item).toMatchObject({ folder, operation: 'insert', apiVersion: 'v2', batches: [batch], rows: 3 });
    expect(item?.jobs[0]).toMatchObject({ job: 1, module: 'Leads', rows: 3, result: null });
  });

  it('suggests a folder beside the workspace', async () => {
    const s = await t.call('export.suggestFolder', { batches: [batch] });
    expect(path.dirname(path.dirname(s.folder))).toBe(path.dirname(t.workspace));
    expect(path.basename(s.folder)).toMatch(/^Leads-batch1-/);
  });
});

describe('results.load and results.retry', () => {
  let run: Run;
  let zip = '';

  beforeAll(async () => {
    run = await t.call('export.run', { ...options(), folder: path.join(t.dir, 'export-results') });
    zip = path.join(run.folder, run.plan.jobs[0]?.zip ?? '');
  });

  it('refuses a result that matches no export, and one whose rows differ from the upload', async () => {
    const stranger = path.join(t.dir, 'stranger.csv');
    fs.writeFileSync(stranger, 'Email,First_Name,Last_Name,STATUS,RECORD_ID,ERRORS\r\nx@y.z,X,Y,ADDED,1,\r\n');
    expect((await t.fail('results.load', { source: { kind: 'path', path: stranger }, batch: null, export: null })).code).toBe('RESULT_NO_MATCH');
    const text = resultFor(zip, () => ({ status: 'ADDED', id: '1', errors: '' })).replace('ada@example.com', 'eve@example.com');
    const changed = path.join(t.dir, 'changed.csv');
    fs.writeFileSync(changed, text);
    const err = await t.fail('results.load', { source: { kind: 'path', path: changed }, batch: null, export: run.export });
    expect(err.code).toBe('RESULT_MISMATCH');
    expect(err.message).toContain('result rows 1');
    const notResult = path.join(t.dir, 'not-result.csv');
    fs.writeFileSync(notResult, 'a,b\r\n1,2\r\n');
    expect((await t.fail('results.load', { source: { kind: 'path', path: notResult }, batch: null, export: null })).code).toBe('RESULT_NOT_RECOGNIZED');
  });

  it('puts new ids into the replica, brings refused rows back with their codes, and changes nothing the second time', async () => {
    const text = resultFor(zip, (i) =>
      i === 1 ? { status: 'SKIPPED', id: '', errors: 'MANDATORY_NOT_FOUND-Company,Last_Name:DUPLICATE_DATA-Email' } : { status: 'ADDED', id: `48768760000012300${i}`, errors: '' },
    );
    // Zoho's result is a ZIP named after the module and the uploaded file.
    const csvFile = path.join(t.dir, 'Leads-Leads-batch1-stage1-part01.csv');
    fs.writeFileSync(csvFile, text);
    const before = (await t.call('replica.stats', {})).modules.Leads ?? 0;
    const r = await t.call('results.load', { source: { kind: 'path', path: csvFile }, batch: batch, export: null });
    expect(r).toMatchObject({ export: run.export, job: 1, batch, module: 'Leads', added: 2, updated: 0, skipped: 1, alreadyLoaded: false, replicaWritten: 2 });
    expect(r.errors).toEqual([
      { row: 2, status: 'skipped', codes: [{ code: 'MANDATORY_NOT_FOUND', columns: ['Company', 'Last_Name'] }, { code: 'DUPLICATE_DATA', columns: ['Email'] }] },
    ]);
    const stats = await t.call('replica.stats', {});
    expect(stats.modules.Leads).toBe(before + 2);
    const rec = await t.call('replica.record', { module: 'Leads', id: '487687600000123000' });
    expect(rec.fields.find((f) => f.key === 'Phone')?.value).toBe('0012345600012');
    const again = await t.call('results.load', { source: { kind: 'path', path: csvFile }, batch: null, export: null });
    expect(again).toMatchObject({ added: 2, skipped: 1, alreadyLoaded: true, replicaWritten: 0 });
    expect((await t.call('replica.stats', {})).modules.Leads).toBe(before + 2);
    const h = await t.call('export.history', {});
    expect(h.exports.find((e) => e.export === run.export)?.jobs[0]?.result).toMatchObject({ added: 2, skipped: 1 });
  });

  it('builds a retry batch of the refused rows with their original values, mapping and edits', async () => {
    const r = await t.call('results.retry', { export: run.export, batch: null });
    expect(r.batches).toHaveLength(1);
    const retry = r.batches[0];
    expect(retry).toMatchObject({ from: batch, rows: 1 });
    const summary = await t.call('batch.summary', { batch: retry?.batch ?? 0 });
    const original = await t.call('batch.summary', { batch });
    expect(summary.header).toEqual(original.header);
    expect(summary.mapping).toEqual(original.mapping);
    const rows = await t.call('batch.rows', { batch: retry?.batch ?? 0, offset: 0, limit: 10, filter: 'all' });
    const src = await t.call('batch.rows', { batch, offset: 0, limit: 10, filter: 'all' });
    expect(rows.rows[0]?.source).toEqual(src.rows[1]?.source);
    expect(rows.rows[0]?.source[1]).toBe('O"Brien');
    // The retry row says why Zoho refused it; the source row says what Zoho did with it.
    expect(rows.rows[0]?.zoho).toEqual({ status: 'skipped', recordId: null, errors: [{ code: 'MANDATORY_NOT_FOUND', columns: ['Company', 'Last_Name'] }, { code: 'DUPLICATE_DATA', columns: ['Email'] }] });
    expect(src.rows[0]?.zoho).toMatchObject({ status: 'added', recordId: '487687600000123000' });
    const list = r.retryLists[0] ?? '';
    expect(fs.readFileSync(list, 'utf8')).toContain("'=SUM(A1:A2), with comma");
    expect((await t.fail('results.retry', { export: 999, batch: null })).code).toBe('EXPORT_NOT_FOUND');
  });
});
