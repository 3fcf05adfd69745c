import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';

let t: TempCore;
const Z = path.join(FIXTURES, 'zoho');
beforeAll(async () => {
  t = tempCore();
  await t.call('replica.load', { module: 'Accounts', source: { kind: 'path', path: path.join(Z, 'Accounts.bulk-read.csv') } });
  await t.call('replica.load', { module: 'Contacts', source: { kind: 'path', path: path.join(Z, 'Contacts.bulk-read.csv') } });
});
afterAll(async () => {
  await t.close();
});

const page = (over: Partial<{ offset: number; limit: number; sort: { key: string; dir: 'asc' | 'desc' } | null; search: string }> = {}) =>
  t.call('replica.page', { module: 'Contacts', offset: 0, limit: 50, sort: null, search: '', ...over });

describe('replica.page', () => {
  it('pages with labels, unknown columns marked, lookups shown by name', async () => {
    const p = await page();
    expect(p.total).toBe(4);
    expect(p.columns.find((c) => c.key === 'Last_Name')?.label).toBe('Last Name');
    expect(p.columns.find((c) => c.key === 'Favourite_Colour__c')?.known).toBe(false);
    const byId = new Map(p.rows.map((r) => [r.id, r.cells]));
    expect(byId.get('4876876000000520001')?.Account_Name).toBe('Acme Corporation');
    expect(byId.get('4876876000000520002')?.Account_Name).toBe('Globex, Inc.');
    // An account outside the replica shows its id rather than nothing.
    expect(byId.get('4876876000000520004')?.Account_Name).toBe('4876876000000418999');
  });

  it('pages by offset and limit', async () => {
    const a = await page({ limit: 2 });
    const b = await page({ offset: 2, limit: 2 });
    expect(a.rows.map((r) => r.id)).toEqual(['4876876000000520001', '4876876000000520002']);
    expect(b.rows.map((r) => r.id)).toEqual(['4876876000000520003', '4876876000000520004']);
  });

  it('sorts by a column both ways', async () => {
    const asc = await page({ sort: { key: 'Last_Name', dir: 'asc' } });
    expect(asc.rows.map((r) => r.cells.Last_Name)).toEqual(['Hopper', 'Lovelace', 'Núñez', 'Turing']);
    const desc = await page({ sort: { key: 'Last_Name', dir: 'desc' } });
    expect(desc.rows.map((r) => r.cells.Last_Name)).toEqual(['Turing', 'Núñez', 'Lovelace', 'Hopper']);
    expect((await t.fail('replica.page', { module: 'Contacts', offset: 0, limit: 5, sort: { key: 'Nope', dir: 'asc' }, search: '' })).code).toBe(
      'BAD_REQUEST',
    );
  });

  it('searches text, case-insensitively, with wildcards taken literally', async () => {
    expect((await page({ search: 'lovelace' })).rows.map((r) => r.id)).toEqual(['4876876000000520001']);
    expect((await page({ search: 'example.com' })).total).toBe(3);
    expect((await page({ search: '%' })).total).toBe(0);
    expect((await page({ search: '4876876000000520003' })).total).toBe(1);
  });

  it('an empty module has no rows', async () => {
    const p = await t.call('replica.page', { module: 'Deals', offset: 0, limit: 10, sort: null, search: '' });
    expect(p).toMatchObject({ total: 0, rows: [] });
  });
});

describe('replica.record', () => {
  it('opens a record with its fields by label and a lookup to follow', async () => {
    const r = await t.call('replica.record', { module: 'Contacts', id: '4876876000000520001' });
    expect(r.title).toBe('Ada Lovelace');
    const acc = r.fields.find((f) => f.key === 'Account_Name');
    expect(acc).toMatchObject({ label: 'Account Name', value: '4876876000000418001', display: 'Acme Corporation' });
    expect(acc?.lookup).toEqual({ module: 'Accounts', id: '4876876000000418001' });
    const target = await t.call('replica.record', { module: 'Accounts', id: '4876876000000418001' });
    expect(target.title).toBe('Acme Corporation');
  });

  it('says when there is no such record', async () => {
    expect((await t.fail('replica.record', { module: 'Contacts', id: '1' })).code).toBe('RECORD_NOT_FOUND');
  });
});
