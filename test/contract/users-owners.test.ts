/**
 * Users and owners through dispatch on a real workspace: users.load, the Users module, owner
 * columns without and with users, batch.validate, and the refusals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Res } from '../../shared/ipc/contract';
import { FIXTURES, TESTDATA } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';

type Summary = Res<'batch.summary'>;

const USERS = path.join(FIXTURES, 'users');
const LEADS = path.join(TESTDATA, 'crm-samples', 'datablist-sample-csv', 'leads-100.csv');
const src = (file: string) => ({ kind: 'path' as const, path: file });
const importLeads = (file = LEADS): Promise<Summary> =>
  t.call('import.start', { source: src(file), module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
const ownerIssues = (s: Summary) => s.issues.filter((i) => i.field === 'Owner');

let t: TempCore;
beforeAll(() => {
  t = tempCore();
});
afterAll(async () => {
  await t.close();
});

describe('an owner column before any users are loaded', () => {
  let batch: Summary;

  it('imports leads-100.csv with Lead Owner mapped and no row failing on it, and one notice instead', async () => {
    batch = await importLeads();
    expect(batch.rows).toBe(100);
    expect(batch.mapping.fields.find((f) => f.field === 'Owner')?.columns).toEqual(['Lead Owner']);
    expect(ownerIssues(batch)).toEqual([]);
    expect(batch.notices).toEqual([
      {
        code: 'OWNERS_UNRESOLVED',
        field: 'Owner',
        column: 'Lead Owner',
        severity: 'warning',
        action: 'load-users',
        message: expect.stringContaining('Lead Owner holds names, not user ids: load your users (Users → Load users…)'),
      },
    ]);
  });

  it('keeps the names as the values of the rows', async () => {
    const rows = await t.call('batch.rows', { batch: batch.batch, offset: 0, limit: 2, filter: 'all' });
    expect(rows.rows[0]?.values.Owner).toBe('Bethany Dixon');
    expect(rows.rows[0]?.display).toEqual({});
  });

  it('lists Users (empty) beside the modules', async () => {
    const { modules } = await t.call('metadata.modules', {});
    expect(modules.find((m) => m.module === 'Users')).toMatchObject({ records: 0, source: 'standard' });
  });
});

describe('users.load', () => {
  it('loads a saved Users API response into the module Users, with progress', async () => {
    const seen: string[] = [];
    const off = t.core.onEvent((name, payload) => {
      if (name === 'job.progress' && (payload as { jobId: string }).jobId === 'users_job_0001') seen.push((payload as { phase: string }).phase);
    });
    const r = await t.call('users.load', { source: src(path.join(USERS, 'users-api.json')), jobId: 'users_job_0001' });
    off();
    expect(r).toMatchObject({ module: 'Users', format: 'users-api-json', loaded: 104, inserted: 104, updated: 0, active: 103, inactive: 1, rejected: 0, total: 104 });
    expect(seen).toContain('storing');
    expect((await t.call('replica.stats', {})).modules).toEqual({ Users: 104 });
  });

  it('shows users like a module: paged, searched, sorted, opened by id', async () => {
    const page = await t.call('replica.page', { module: 'Users', offset: 0, limit: 5, sort: { key: 'full_name', dir: 'asc' }, search: 'dixon' });
    expect(page.total).toBe(1);
    expect(page.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['Full Name', 'Email', 'Status', 'Role', 'Profile']));
    expect(page.rows[0]).toMatchObject({ id: '4876876000000225001', cells: expect.objectContaining({ full_name: 'Bethany Dixon', role: 'Sales Rep', status: 'active' }) });
    const rec = await t.call('replica.record', { module: 'Users', id: '4876876000000225001' });
    expect(rec.title).toBe('Bethany Dixon');
  });

  it('reloading the CSV export updates the same users by id', async () => {
    const r = await t.call('users.load', { source: src(path.join(USERS, 'users-export.csv')) });
    expect(r).toMatchObject({ format: 'users-csv', loaded: 104, inserted: 0, updated: 104, total: 104 });
    const rec = await t.call('replica.record', { module: 'Users', id: '4876876000000225001' });
    expect(rec.fields.find((f) => f.key === 'status')?.value).toBe('Active');
    // The CSV has no ZUID; the one the API response gave is kept.
    expect(rec.fields.find((f) => f.key === 'zuid')?.value).toBe('700000001');
  });

  it('refuses files that are not users files, and changes nothing', async () => {
    const bad = path.join(t.dir, 'bad.json');
    fs.writeFileSync(bad, '{"users": [');
    const records = path.join(t.dir, 'records.json');
    fs.writeFileSync(records, JSON.stringify({ data: [{ id: '1' }] }));
    expect((await t.fail('users.load', { source: src(path.join(USERS, 'users-no-id.csv')) })).code).toBe('MISSING_ID_COLUMN');
    expect((await t.fail('users.load', { source: src(bad) })).code).toBe('JSON_INVALID');
    expect((await t.fail('users.load', { source: src(records) })).code).toBe('UNKNOWN_FORMAT');
    expect((await t.fail('users.load', { source: src(path.join(t.dir, 'nope.json')) })).code).toBe('FILE_NOT_FOUND');
    expect((await t.fail('users.load', { source: src(LEADS) })).code).toBe('MISSING_ID_COLUMN');
    expect((await t.call('replica.stats', {})).modules).toEqual({ Users: 104 });
  });

  it('is not an import target, nor loaded as a records export', async () => {
    expect((await t.fail('import.preview', { source: src(LEADS), module: 'Users', encoding: 'auto', delimiter: 'auto' })).code).toBe('NOT_SUPPORTED');
    const start = await t.fail('import.start', { source: src(LEADS), module: 'Users', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    expect(start).toMatchObject({ code: 'NOT_SUPPORTED', message: expect.stringContaining('Bulk Write') });
    expect((await t.fail('replica.load', { module: 'Users', source: src(path.join(USERS, 'users-export.csv')) })).code).toBe('NOT_SUPPORTED');
  });
});

describe('owner columns once users are loaded', () => {
  it('a batch validated before the load offers to re-validate; batch.validate resolves its owners', async () => {
    const first = (await t.call('batch.list', {})).batches.find((b) => b.sourceName === 'leads-100.csv');
    const stale = await t.call('batch.summary', { batch: first?.batch ?? 0 });
    expect(stale.notices).toMatchObject([{ code: 'OWNERS_STALE', action: 'revalidate' }]);
    const again = await t.call('batch.validate', { batch: stale.batch, jobId: 'validate_job_01' });
    expect(again.notices).toMatchObject([{ code: 'OWNERS_RESOLVED', severity: 'info', action: null }]);
    expect(ownerIssues(again)).toEqual([]);
    const rows = await t.call('batch.rows', { batch: stale.batch, offset: 0, limit: 3, filter: 'all' });
    expect(rows.rows.map((r) => r.values.Owner)).toEqual(['4876876000000225001', '4876876000000225002', '4876876000000225003']);
    // The grid shows the user, as lookups show the record; the accented name is Zoho's spelling.
    expect(rows.rows.map((r) => r.display.Owner)).toEqual(['Bethany Dixon', 'Andres Callahan', 'Ángel Ortega']);
  });

  it('imports leads-100.csv again with zero owner errors, validated with the users at once', async () => {
    const s = await importLeads();
    expect(ownerIssues(s)).toEqual([]);
    expect(s.notices.map((n) => n.code)).toEqual(['OWNERS_RESOLVED']);
  });

  it('marks inactive, ambiguous and unknown owners on their rows, and resolves the rest', async () => {
    const s = await importLeads(path.join(USERS, 'owner-cases.csv'));
    expect(ownerIssues(s).map((i) => [i.row, i.code])).toEqual([
      [1, 'INVALID_DATA'],
      [2, 'AMBIGUOUS_LOOKUP'],
      [3, 'LOOKUP_NOT_FOUND'],
      [6, 'LOOKUP_NOT_FOUND'],
    ]);
    expect(ownerIssues(s)[1]?.message).toContain('4876876000000225902');
    const rows = await t.call('batch.rows', { batch: s.batch, offset: 0, limit: 10, filter: 'all' });
    const owner = (n: number) => rows.rows.find((r) => r.row === n)?.values.Owner;
    expect([owner(4), owner(5), owner(7), owner(8)]).toEqual(['4876876000000225001', '4876876000000225002', '4876876000000225005', '']);
  });

  it('resolves a name typed into an owner cell', async () => {
    const s = (await t.call('batch.list', {})).batches.find((b) => b.sourceName === 'owner-cases.csv');
    const after = await t.call('batch.editCell', { batch: s?.batch ?? 0, row: 3, field: 'Owner', value: 'bethany.dixon@example.com' });
    expect(ownerIssues(after).map((i) => i.row)).toEqual([1, 2, 6]);
    const rows = await t.call('batch.rows', { batch: after.batch, offset: 0, limit: 3, filter: 'all' });
    expect(rows.rows.find((r) => r.row === 3)).toMatchObject({ values: { Owner: '4876876000000225001' }, display: { Owner: 'Bethany Dixon' } });
  });

  it('batch.validate refuses a batch that does not exist', async () => {
    expect((await t.fail('batch.validate', { batch: 999 })).code).toBe('BATCH_NOT_FOUND');
    expect((await t.fail('batch.validate', { batch: 0 })).code).toBe('BAD_REQUEST');
  });
});
