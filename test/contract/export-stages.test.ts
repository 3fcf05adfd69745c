/**
 * Dependent jobs: Contacts that look up Accounts another batch of the same export creates are
 * a second stage, found by the Account's unique field (find_by) when it has one, else left to
 * wait for the first stage's result; never a lookup to a record created in the same job.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchMapping } from '../../shared/domain/batch';
import type { Req } from '../../shared/ipc/contract';
import { FIXTURES, ROOT } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';
import { readZipIndependently } from '../helpers/zip-check';
import { uploadLine } from '../../electron/core/engines/export/upload-csv';

let t: TempCore;
let accounts = 0;
let contacts = 0;

function write(name: string, text: string): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const field = (f: string, column: string, transforms: BatchMapping['fields'][number]['transforms'] = []): BatchMapping['fields'][number] => ({
  field: f,
  columns: [column],
  joinWith: ' ',
  transforms,
  defaultValue: null,
});

beforeAll(async () => {
  t = tempCore();
  await t.call('replica.load', { module: 'Accounts', source: { kind: 'path', path: path.join(FIXTURES, 'zoho', 'Accounts.bulk-read.csv') } });
  const a = write('new-accounts.csv', 'Name,Number\nNew Co,NC-001\nOther Co,OC-002\n');
  accounts = (
    await t.call('import.start', {
      source: { kind: 'path', path: a },
      module: 'Accounts',
      encoding: 'auto',
      delimiter: 'auto',
      mapping: { module: 'Accounts', ignoreEmpty: false, fields: [field('Account_Name', 'Name'), field('Account_Number', 'Number')] },
      template: null,
    })
  ).batch;
  const c = write('new-contacts.csv', 'Surname,Mail,Company\nNewton,newton@example.com,New Co\nAckroyd,ack@example.com,Acme Corporation\nNobody,nobody@example.com,Nowhere Inc\n');
  const s = await t.call('import.start', {
    source: { kind: 'path', path: c },
    module: 'Contacts',
    encoding: 'auto',
    delimiter: 'auto',
    mapping: {
      module: 'Contacts',
      ignoreEmpty: false,
      fields: [field('Last_Name', 'Surname'), field('Email', 'Mail'), field('Account_Name', 'Company', [{ kind: 'lookup', by: 'name' }])],
    },
    template: null,
  });
  contacts = s.batch;
  // Before the export, "New Co" is a lookup the replica cannot resolve: an error of the batch alone.
  expect(s.issues.filter((i) => i.code === 'LOOKUP_NOT_FOUND').map((i) => i.row)).toEqual([1, 3]);
});
afterAll(async () => {
  await t.close();
});

const opts = (): Req<'export.preview'> => ({ batches: [contacts, accounts], operation: 'insert', findBy: null, apiVersion: 'v2', callbackUrl: null, ignoreEmpty: null });

describe('dependent stages', () => {
  it('without a unique field on Accounts, the dependent Contact waits for the stage 1 result', async () => {
    const plan = await t.call('export.preview', opts());
    expect(plan.jobs.map((j) => [j.job, j.module, j.stage, j.rows])).toEqual([
      [1, 'Accounts', 1, 2],
      [2, 'Contacts', 1, 1],
    ]);
    const c = plan.batches.find((b) => b.batch === contacts);
    expect(c?.leftOut).toEqual(expect.arrayContaining([{ reason: 'waits for stage 1', rows: 1 }, { reason: 'has errors', rows: 1 }]));
    expect(c?.dependsOn).toEqual([{ field: 'Account_Name', module: 'Accounts', batch: accounts, via: 'result', findBy: null, rows: 1 }]);
    expect(plan.notes.join(' ')).toContain(`created by batch ${accounts} (stage 1)`);
  });

  it('with a unique Account_Number, the dependent Contact is a stage 2 job that finds its Account by it', async () => {
    // The org's Fields response: the standard Accounts fields, with Account_Number made unique.
    const standard = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources', 'zoho', 'Accounts.json'), 'utf8')) as { fields: Record<string, unknown>[] };
    const fields = standard.fields.map((f) => (f.api_name === 'Account_Number' ? { ...f, unique: { casesensitive: false } } : f));
    const meta = write('accounts-fields.json', JSON.stringify({ fields }));
    await t.call('metadata.load', { module: 'Accounts', source: { kind: 'path', path: meta } });
    const run = await t.call('export.run', { ...opts(), folder: path.join(t.dir, 'staged') });
    expect(run.plan.jobs.map((j) => [j.job, j.module, j.stage, j.rows, j.afterJobs])).toEqual([
      [1, 'Accounts', 1, 2, []],
      [2, 'Contacts', 1, 1, []],
      [3, 'Contacts', 2, 1, [1]],
    ]);
    const staged = run.plan.jobs[2];
    const content = readZipIndependently(path.join(run.folder, staged?.zip ?? ''));
    expect(content.rows).toEqual([
      ['Email', 'Last_Name', 'Account_Name.Account_Number'],
      ['newton@example.com', 'Newton', 'NC-001'],
    ]);
    const spec = JSON.parse(fs.readFileSync(path.join(run.folder, staged?.jobFile ?? ''), 'utf8')) as { resource: { field_mappings: Record<string, unknown>[] }[] };
    expect(spec.resource[0]?.field_mappings[2]).toEqual({ api_name: 'Account_Name', index: 2, find_by: 'Account_Number' });
    const stage1 = readZipIndependently(path.join(run.folder, run.plan.jobs[1]?.zip ?? ''));
    expect(stage1.rows[0]).toEqual(['Email', 'Last_Name', 'Account_Name.id']);
    expect(stage1.rows[1]).toEqual(['ack@example.com', 'Ackroyd', '4876876000000418001']);
    const readme = fs.readFileSync(path.join(run.folder, 'README.txt'), 'utf8');
    expect(readme).toContain('only after job(s) 1 completed');
  });

  it('after the stage 1 result is loaded, exporting the Contacts again writes the waiting row with the new id', async () => {
    const run = await t.call('export.run', { ...opts(), folder: path.join(t.dir, 'stage1') });
    const job = run.plan.jobs.find((j) => j.module === 'Accounts');
    const { rows } = readZipIndependently(path.join(run.folder, job?.zip ?? ''));
    const [header, ...data] = rows as [string[], ...string[][]];
    const lines = [uploadLine([...header.slice(0, 3), 'STATUS', 'RECORD_ID', 'ERRORS'], [])];
    data.forEach((r, i) => lines.push(uploadLine([...r.slice(0, 3), 'ADDED', `487687600000999000${i}`, ''], [])));
    const result = write('Accounts-result.csv', lines.join(''));
    const loaded = await t.call('results.load', { source: { kind: 'path', path: result }, batch: accounts, export: run.export });
    expect(loaded).toMatchObject({ added: 2, module: 'Accounts' });
    const again = await t.call('export.run', { batches: [contacts], operation: 'insert', findBy: null, apiVersion: 'v2', callbackUrl: null, ignoreEmpty: null, folder: path.join(t.dir, 'stage2-by-id') });
    expect(again.plan.jobs.map((j) => [j.module, j.stage, j.rows])).toEqual([['Contacts', 1, 2]]);
    const content = readZipIndependently(path.join(again.folder, again.plan.jobs[0]?.zip ?? ''));
    const newton = content.rows.find((r) => r[0] === 'newton@example.com');
    expect(newton?.[2]).toBe('4876876000009990000');
    expect(again.plan.batches[0]?.leftOut).toEqual([{ reason: 'has errors', rows: 1 }]);
  });
});
