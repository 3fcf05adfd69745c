import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STANDARD_MODULES } from '../../shared/domain/modules';
import { FIXTURES } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(async () => {
  await t.close();
});

const ORG_FIELDS = path.join(FIXTURES, 'zoho', 'contacts-fields.json');

describe('metadata.modules / metadata.fields', () => {
  it('lists the eight standard modules, then Users, with their field counts', async () => {
    const { modules } = await t.call('metadata.modules', {});
    expect(modules.map((m) => m.module)).toEqual([...STANDARD_MODULES, 'Users']);
    for (const m of modules) {
      expect(m.fields).toBeGreaterThan(5);
      expect(m.source).toBe('standard');
      expect(m.records).toBe(0);
    }
    expect(modules.find((m) => m.module === 'Sales_Orders')?.label).toBe('Sales Orders');
  });

  it('returns the standard fields of a module', async () => {
    const r = await t.call('metadata.fields', { module: 'Leads' });
    const last = r.fields.find((f) => f.apiName === 'Last_Name');
    expect(last?.systemMandatory).toBe(true);
    expect(r.fields.find((f) => f.apiName === 'Company')?.convertMapping?.Accounts).toBe('Account_Name');
  });

  it('refuses a module it knows nothing about', async () => {
    expect((await t.fail('metadata.fields', { module: 'Widgets' })).code).toBe('UNKNOWN_MODULE');
  });
});

describe('metadata.load / metadata.reset', () => {
  it("replaces a module's standard fields with the org's, custom and unique fields included", async () => {
    const r = await t.call('metadata.load', { module: 'Contacts', source: { kind: 'path', path: ORG_FIELDS } });
    expect(r.fields).toBe(9);
    expect(r.unique).toEqual(['Customer_Code__c']);
    expect(r.mandatory).toEqual(['Last_Name']);
    expect(r.custom).toEqual(['Favourite_Colour__c', 'Customer_Code__c']);
    const f = await t.call('metadata.fields', { module: 'Contacts' });
    expect(f.source).toBe('org');
    expect(f.fields.find((x) => x.apiName === 'Customer_Code__c')?.unique).toEqual({ caseSensitive: true });
    expect(f.fields.find((x) => x.apiName === 'Favourite_Colour__c')?.picklist).toEqual(['blue', 'green', 'red']);
    const mods = await t.call('metadata.modules', {});
    expect(mods.modules.find((m) => m.module === 'Contacts')?.source).toBe('org');

    await t.call('metadata.reset', { module: 'Contacts' });
    expect((await t.call('metadata.fields', { module: 'Contacts' })).source).toBe('standard');
  });

  it('adds a custom module from its Fields API response', async () => {
    await t.call('metadata.load', { module: 'Projects_X', source: { kind: 'path', path: ORG_FIELDS } });
    const mods = await t.call('metadata.modules', {});
    expect(mods.modules.map((m) => m.module)).toContain('Projects_X');
  });

  it('refuses files that are not a Fields API response and keeps what was there', async () => {
    await t.call('metadata.load', { module: 'Contacts', source: { kind: 'path', path: ORG_FIELDS } });
    const bad = path.join(t.dir, 'bad.json');
    fs.writeFileSync(bad, '{"fields": [');
    expect((await t.fail('metadata.load', { module: 'Contacts', source: { kind: 'path', path: bad } })).code).toBe('JSON_INVALID');
    fs.writeFileSync(bad, '{"data": []}');
    expect((await t.fail('metadata.load', { module: 'Contacts', source: { kind: 'path', path: bad } })).code).toBe('METADATA_INVALID');
    expect((await t.fail('metadata.load', { module: 'Contacts', source: { kind: 'path', path: path.join(t.dir, 'missing.json') } })).code).toBe(
      'FILE_NOT_FOUND',
    );
    expect((await t.call('metadata.fields', { module: 'Contacts' })).fields).toHaveLength(9);
  });
});
