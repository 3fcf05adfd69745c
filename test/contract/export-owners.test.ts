/**
 * Owner columns in the upload (the rule of shared/domain/user-fields.ts): left out, and said
 * so, while any value is not a user id; written as ids once the org's users are loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchMapping } from '../../shared/domain/batch';
import type { Req } from '../../shared/ipc/contract';
import { FIXTURES } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';
import { readZipIndependently } from '../helpers/zip-check';

let t: TempCore;
beforeAll(() => {
  t = tempCore();
});
afterAll(async () => {
  await t.close();
});

const mapping = (owner: boolean): BatchMapping => ({
  module: 'Leads',
  ignoreEmpty: false,
  fields: [
    { field: 'Last_Name', columns: ['Last'], joinWith: ' ', transforms: [], defaultValue: null },
    { field: 'Email', columns: ['Mail'], joinWith: ' ', transforms: [], defaultValue: null },
    ...(owner ? [{ field: 'Owner', columns: ['Owner'], joinWith: ' ', transforms: [], defaultValue: null }] : []),
  ],
});

async function importLeads(name: string, text: string): Promise<number> {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, text);
  const s = await t.call('import.start', { source: { kind: 'path', path: file }, module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: mapping(true), template: null });
  return s.batch;
}

const opts = (batch: number): Req<'export.preview'> => ({ batches: [batch], operation: 'insert', findBy: null, apiVersion: 'v2', callbackUrl: null, ignoreEmpty: null });

describe('owner columns', () => {
  it('are left out while they hold names and no users are loaded, and the dry run says why', async () => {
    const batch = await importLeads('names.csv', 'Last,Mail,Owner\nHale,hale@example.com,Jordan Lee\nBrook,brook@example.com,\n');
    const plan = await t.call('export.preview', opts(batch));
    expect(plan.jobs[0]?.rows).toBe(2);
    expect(plan.jobs[0]?.columns).not.toContain('Owner.id');
    expect(plan.batches[0]?.columnsLeftOut).toEqual([{ field: 'Owner', reason: expect.stringContaining('not user ids') as string }]);
  });

  it('go in as ids when every value is a user id', async () => {
    const batch = await importLeads('ids.csv', 'Last,Mail,Owner\nHale,hale@example.com,4876876000000225001\nBrook,brook@example.com,\n');
    const run = await t.call('export.run', { ...opts(batch), folder: path.join(t.dir, 'ids') });
    const content = readZipIndependently(path.join(run.folder, run.plan.jobs[0]?.zip ?? ''));
    expect(content.rows[0]).toContain('Owner.id');
    expect(content.rows[1]?.[content.rows[0]?.indexOf('Owner.id') ?? -1]).toBe('4876876000000225001');
    expect(run.plan.batches[0]?.columnsLeftOut).toEqual([]);
  });

  it('go in resolved to ids once the users are loaded', async () => {
    await t.call('users.load', { source: { kind: 'path', path: path.join(FIXTURES, 'users', 'users-api.json') } });
    const users = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'users', 'users-api.json'), 'utf8')) as { users: { full_name: string; id: string; status: string }[] };
    const ada = users.users.find((u) => u.full_name === 'Ada Admin');
    const batch = await importLeads('after-users.csv', `Last,Mail,Owner\nHale,hale@example.com,Ada Admin\n`);
    const run = await t.call('export.run', { ...opts(batch), folder: path.join(t.dir, 'resolved') });
    const content = readZipIndependently(path.join(run.folder, run.plan.jobs[0]?.zip ?? ''));
    const at = content.rows[0]?.indexOf('Owner.id') ?? -1;
    expect(at).toBeGreaterThanOrEqual(0);
    expect(content.rows[1]?.[at]).toBe(ada?.id);
  });
});
