import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../electron/core/engines/mapping/suggest-mapping';
import { loadStandardMetadata } from '../../../electron/core/engines/metadata/standard-metadata';
import { ROOT, TESTDATA } from '../../helpers/temp-dir';

const fields = (m: string) => loadStandardMetadata(path.join(ROOT, 'resources'), m) ?? [];

function byColumn(headers: string[], module: string, history = new Map<string, Map<string, number>>()) {
  return new Map(suggestMapping(headers, fields(module), history).map((s) => [s.column, s]));
}

describe('suggestMapping', () => {
  it('maps API names, labels and common aliases with decreasing confidence', () => {
    const s = byColumn(['Last_Name', 'First Name', 'Title', 'E-mail', 'Surname?', 'Zip/Postcode', 'Company Name', 'Notes'], 'Leads');
    expect(s.get('Last_Name')).toMatchObject({ field: 'Last_Name', confidence: 1, reason: 'api-name' });
    expect(s.get('First Name')).toMatchObject({ field: 'First_Name', reason: 'api-name' });
    expect(s.get('Title')).toMatchObject({ field: 'Designation', confidence: 0.95, reason: 'label' });
    expect(s.get('Zip/Postcode')?.field).toBe('Zip_Code');
    expect(s.get('E-mail')).toMatchObject({ field: 'Email' });
    expect(s.get('Company Name')).toMatchObject({ field: 'Company', reason: 'alias' });
    expect(s.get('Notes')).toMatchObject({ field: 'Description', reason: 'alias' });
    // Last_Name is already taken by the exact column, so "Surname?" gets nothing rather than a duplicate.
    expect(s.get('Surname?')?.field).toBeNull();
  });

  it('resolves an alias to the field the module has', () => {
    expect(byColumn(['Postcode'], 'Leads').get('Postcode')?.field).toBe('Zip_Code');
    expect(byColumn(['Postcode'], 'Contacts').get('Postcode')?.field).toBe('Mailing_Zip');
    expect(byColumn(['Postcode'], 'Accounts').get('Postcode')?.field).toBe('Billing_Code');
  });

  it('prefers what the user mapped before over an alias', () => {
    const history = new Map([['organisation', new Map([['Description', 3]])]]);
    expect(byColumn(['Organisation'], 'Leads', history).get('Organisation')).toMatchObject({ field: 'Description', reason: 'history' });
  });

  it('never suggests a read-only field and leaves unknown columns unmapped', () => {
    const s = byColumn(['Full Name', 'Favourite colour'], 'Leads');
    expect(s.get('Full Name')?.field).not.toBe('Full_Name');
    expect(s.get('Favourite colour')).toMatchObject({ field: null, confidence: 0, reason: 'none' });
  });

  it('maps the datablist leads sample headers sensibly', () => {
    const file = path.join(TESTDATA, 'crm-samples', 'datablist-sample-csv', 'leads-100.csv');
    const headers = fs.readFileSync(file, 'utf8').split(/\r?\n/)[0]?.split(',') ?? [];
    const s = byColumn(headers, 'Leads');
    const mapped = [...s.values()].filter((x) => x.field !== null).map((x) => `${x.column}->${x.field}`);
    expect(mapped).toEqual(expect.arrayContaining(['First Name->First_Name', 'Last Name->Last_Name', 'Company->Company']));
    const fieldsUsed = [...s.values()].map((x) => x.field).filter((f) => f !== null);
    expect(new Set(fieldsUsed).size).toBe(fieldsUsed.length);
  });
});
