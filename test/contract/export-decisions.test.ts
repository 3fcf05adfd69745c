/**
 * Review decisions drive the export (issue 10 point 2, issue 9 point 5), through dispatch on a
 * real workspace: a trade-show Leads batch reviewed against a replica of Contacts, Accounts and
 * Leads — merge into a Contact, merge into a Lead that changes nothing, create, skip, a cluster
 * merged into a survivor — then the dry run, the written ZIPs read with unzip and Python, a
 * result loaded back into the replica, and the retry batch of a refused update.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Req, Res } from '../../shared/ipc/contract';
import { FIXTURES, ROOT } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';
import { readZipIndependently } from '../helpers/zip-check';
import { uploadLine } from '../../electron/core/engines/export/upload-csv';

const R = path.join(FIXTURES, 'review');
const src = (file: string) => ({ kind: 'path' as const, path: file });
const PAT_CONTACT = '4876876000007421001';
const JON_CONTACT = '4876876000007421002';
const MARIA_LEAD = '4876876000007500001';

let t: TempCore;
let batch = 0;

beforeAll(async () => {
  t = tempCore();
  await t.call('metadata.load', { module: 'Contacts', source: src(path.join(R, 'contacts-fields.json')) });
  for (const m of ['Contacts', 'Accounts', 'Leads'] as const) await t.call('replica.load', { module: m, source: src(path.join(R, `${m}.bulk-read.csv`)) });
  const s = await t.call('import.start', { source: src(path.join(R, 'trade-show-leads.csv')), module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
  batch = s.batch;
  await t.call('dedupe.run', { batch, against: null });
  // Pat's Contact lacks the email the lead brings; Jonathan's has "Jon" where the lead says "Jonathan".
  await t.call('review.decide', { batch, rows: [1], decision: { action: 'merge', module: 'Contacts', id: PAT_CONTACT, rule: 'fill-blanks', picks: {} } });
  await t.call('review.decide', { batch, rows: [2], decision: { action: 'merge', module: 'Contacts', id: JON_CONTACT, rule: 'pick', picks: { First_Name: 'incoming' } } });
  // María's Lead already holds everything the row brings.
  await t.call('review.decide', { batch, rows: [3], decision: { action: 'merge', module: 'Leads', id: MARIA_LEAD, rule: 'fill-blanks', picks: {} } });
  await t.call('review.decide', { batch, rows: [4], decision: { action: 'create' } });
  const cluster = (await t.call('review.item', { batch, row: 6 })).cluster?.id as number;
  await t.call('review.mergeCluster', { batch, cluster, survivor: 5, values: { First_Name: 'Robert' } });
  await t.call('review.decide', { batch, rows: [7], decision: { action: 'skip' } });
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

interface JobJson {
  operation: string;
  resource: { module: string; find_by?: string; ignore_empty?: boolean; field_mappings: { api_name: string; index: number; find_by?: string }[] }[];
}

describe('export.preview with decisions', () => {
  it('gives an update job per merged module after the inserts, and counts each decision', async () => {
    const plan = await t.call('export.preview', options());
    expect(plan.jobs.map((j) => [j.module, j.operation, j.findBy, j.rows, j.fromReview])).toEqual([
      ['Contacts', 'update', 'id', 2, 2],
      ['Leads', 'insert', null, 3, 1],
    ]);
    expect(plan.jobs[0]?.columns).toEqual(['id', 'First_Name', 'Email']);
    const b = plan.batches[0] as Res<'export.preview'>['batches'][number];
    expect(b.exported).toBe(5);
    expect(Object.fromEntries(b.leftOut.map((l) => [l.reason, l.rows]))).toEqual({ 'merged into another row': 1, 'skipped in review': 1, 'merge changes nothing': 1 });
    expect(b.review).toEqual({ inserted: 1, updated: 2, skipped: 1, mergedRows: 1, unchanged: 1, mergedInto: [{ row: 6, survivor: 5 }] });
    expect(plan.apiCredits).toBe(1000);
  });

  it('sends a create to an insert job of the batch’s module when the export upserts', async () => {
    const standard = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources', 'zoho', 'Leads.json'), 'utf8')) as { fields: { api_name: string }[] };
    const fields = standard.fields.map((f) => (f.api_name === 'Email' ? { ...f, unique: { casesensitive: false } } : f));
    const file = path.join(t.dir, 'leads-fields.json');
    fs.writeFileSync(file, JSON.stringify({ fields }));
    const t2 = tempCore();
    try {
      await t2.call('metadata.load', { module: 'Leads', source: src(file) });
      await t2.call('metadata.load', { module: 'Contacts', source: src(path.join(R, 'contacts-fields.json')) });
      for (const m of ['Contacts', 'Accounts', 'Leads'] as const) await t2.call('replica.load', { module: m, source: src(path.join(R, `${m}.bulk-read.csv`)) });
      const s = await t2.call('import.start', { source: src(path.join(R, 'trade-show-leads.csv')), module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
      await t2.call('dedupe.run', { batch: s.batch, against: null });
      await t2.call('review.decide', { batch: s.batch, rows: [4], decision: { action: 'create' } });
      await t2.call('review.decide', { batch: s.batch, rows: [1], decision: { action: 'merge', module: 'Contacts', id: PAT_CONTACT, rule: 'fill-blanks', picks: {} } });
      const folder = path.join(t2.dir, 'upsert');
      const run = await t2.call('export.run', { ...options({ batches: [s.batch], operation: 'upsert', findBy: 'Email' }), folder });
      expect(run.plan.jobs.map((j) => [j.module, j.operation, j.findBy, j.rows, j.fromReview])).toEqual([
        ['Contacts', 'update', 'id', 1, 1],
        ['Leads', 'insert', null, 1, 1],
        ['Leads', 'upsert', 'Email', 5, 0],
      ]);
      // Bob repeats Robert's email, which this org made unique: an error keeps his row out.
      expect(run.plan.batches[0]?.leftOut).toEqual([{ reason: 'has errors', rows: 1 }]);
      const insert = run.plan.jobs[1] as Res<'export.run'>['plan']['jobs'][number];
      const content = readZipIndependently(path.join(folder, insert.zip as string));
      expect(content.rows.slice(1).map((r) => r[content.rows[0]?.indexOf('Email') ?? -1])).toEqual(['linus@linux.example']);
      const spec = JSON.parse(fs.readFileSync(path.join(folder, insert.jobFile as string), 'utf8')) as JobJson;
      expect(spec.operation).toBe('insert');
      expect(spec.resource[0]?.find_by).toBeUndefined();
    } finally {
      await t2.close();
    }
  });
});

describe('export.run with decisions, and the results back', () => {
  let run: Res<'export.run'>;
  let folder = '';

  beforeAll(async () => {
    folder = path.join(t.dir, 'decided');
    run = await t.call('export.run', { ...options(), folder });
  });

  it('writes the update as id plus the changed values, by id with ignore_empty, and the inserts without the left-out rows', () => {
    const [update, insert] = run.plan.jobs;
    const u = readZipIndependently(path.join(folder, update?.zip as string));
    expect(u.names).toEqual(['Contacts-batch1-update-part01.csv']);
    expect(u.rows).toEqual([
      ['id', 'First_Name', 'Email'],
      [PAT_CONTACT, '', 'pat.boyle@zylker.com'],
      [JON_CONTACT, 'Jonathan', ''],
    ]);
    expect(u.rows.length - 1).toBe(update?.rows);
    const spec = JSON.parse(fs.readFileSync(path.join(folder, update?.jobFile as string), 'utf8')) as JobJson;
    expect(spec.operation).toBe('update');
    expect(spec.resource[0]).toMatchObject({ module: 'Contacts', find_by: 'id', ignore_empty: true });
    expect(spec.resource[0]?.field_mappings.map((m) => [m.api_name, m.index])).toEqual([
      ['id', 0],
      ['First_Name', 1],
      ['Email', 2],
    ]);
    const i = readZipIndependently(path.join(folder, insert?.zip as string));
    const email = i.rows[0]?.indexOf('Email') ?? -1;
    const first = i.rows[0]?.indexOf('First_Name') ?? -1;
    expect(i.rows.slice(1).map((r) => [r[first], r[email]])).toEqual([
      ['Linus', 'linus@linux.example'],
      ['Robert', 'bobby@tables.example'],
      ['Ada', 'ada@example.com'],
    ]);
    expect(i.rows.length - 1).toBe(insert?.rows);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { jobs: { module: string; operation: string; row_ranges: number[][] }[]; batches: { left_out: Record<string, number> }[] };
    expect(manifest.jobs.map((j) => [j.module, j.operation, j.row_ranges])).toEqual([
      ['Contacts', 'update', [[1, 2]]],
      ['Leads', 'insert', [[4, 5], [8, 8]]],
    ]);
    expect(manifest.batches[0]?.left_out).toMatchObject({ 'skipped in review': 1, 'merged into another row': 1, 'merge changes nothing': 1 });
  });

  it('loads the update job’s result into the Contact it names and nothing else, and a refused update keeps its decision in the retry batch', async () => {
    const update = run.plan.jobs[0] as Res<'export.run'>['plan']['jobs'][number];
    const { rows } = readZipIndependently(path.join(folder, update.zip as string));
    const [header, ...data] = rows as [string[], ...string[][]];
    let text = uploadLine([...header.slice(0, 3), 'STATUS', 'RECORD_ID', 'ERRORS'], []);
    text += uploadLine([...(data[0] as string[]).slice(0, 3), 'UPDATED', PAT_CONTACT, ''], []);
    text += uploadLine([...(data[1] as string[]).slice(0, 3), 'SKIPPED', '', 'INVALID_DATA-First_Name'], []);
    const file = path.join(t.dir, 'update-result.csv');
    fs.writeFileSync(file, text);
    const before = (await t.call('replica.stats', {})).modules.Contacts;
    const loaded = await t.call('results.load', { source: src(file), batch: null, export: null });
    expect(loaded).toMatchObject({ job: 1, module: 'Contacts', updated: 1, skipped: 1, replicaWritten: 1 });
    expect((await t.call('replica.stats', {})).modules.Contacts).toBe(before);
    const page = await t.call('replica.page', { module: 'Contacts', offset: 0, limit: 50, search: '', sort: null });
    expect(page.rows.find((r) => r.id === PAT_CONTACT)?.cells).toMatchObject({ Email: 'pat.boyle@zylker.com', First_Name: 'Pat', Last_Name: 'Boyle', Phone: '9844444444' });
    // The refused update left Jonathan's Contact as it was.
    expect(page.rows.find((r) => r.id === JON_CONTACT)?.cells).toMatchObject({ First_Name: 'Jon' });
    const retry = await t.call('results.retry', { export: run.export, batch: null });
    expect(retry.batches).toEqual([{ batch: expect.any(Number) as number, from: batch, rows: 1 }]);
    const rb = retry.batches[0]?.batch as number;
    const grid = await t.call('batch.rows', { batch: rb, offset: 0, limit: 10, filter: 'all' });
    expect(grid.rows[0]).toMatchObject({ row: 1, decision: { action: 'merge', module: 'Contacts', id: JON_CONTACT } });
    const again = await t.call('export.preview', options({ batches: [rb] }));
    expect(again.jobs.map((j) => [j.module, j.operation, j.rows, j.columns])).toEqual([['Contacts', 'update', 1, ['id', 'First_Name']]]);
  });
});
