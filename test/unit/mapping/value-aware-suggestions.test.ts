import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../electron/core/engines/mapping/suggest-mapping';
import { cautionText, measureFit } from '../../../electron/core/engines/mapping/value-fit';
import { loadStandardMetadata } from '../../../electron/core/engines/metadata/standard-metadata';
import { mappingFromSuggestions } from '../../../electron/core/handlers/import-handlers';
import { ROOT, TESTDATA } from '../../helpers/temp-dir';
import { makeField } from '../validation/make-field';

const fields = (m: string) => loadStandardMetadata(path.join(ROOT, 'resources'), m) ?? [];
const column = (values: string[]) => values.map((v) => [v]);

function one(header: string, values: string[], module = 'Leads') {
  const [s] = suggestMapping([header], fields(module), new Map(), column(values));
  return s;
}

describe('value-aware suggestions', () => {
  it('offers an exact header match whose values cannot fit, with a low confidence and the reason', () => {
    const s = one('Email', ['555-0100', '555-0101', '555-0199', '555-0123']);
    expect(s).toMatchObject({ field: 'Email', reason: 'api-name', caution: 'None of the 4 sample values is an email address.' });
    expect(s?.confidence).toBeLessThan(0.75);
  });

  it('says how many values fit when some do', () => {
    const s = one('Date of Birth', ['1990-01-04', 'n/a', 'unknown', 'ask', '12/31/1985'], 'Contacts');
    expect(s?.field).toBe('Date_of_Birth');
    expect(s?.caution).toBe('Only 2 of 5 sample values are dates.');
    expect(s?.confidence).toBeLessThan(0.75);
  });

  it('keeps the confidence of a match whose values fit (dates in any order, numbers either way)', () => {
    expect(one('Date of Birth', ['24/08/1990', '1/2/1985', '1990-12-31'], 'Contacts')).toMatchObject({ confidence: 1, caution: null });
    expect(one('Annual Revenue', ['1,200.50', '3.400,75', '$900', '12 %'])).toMatchObject({ field: 'Annual_Revenue', caution: null });
    expect(one('Email Opt Out', ['yes', 'no', 'x', '1', 'FALSE'])).toMatchObject({ field: 'Email_Opt_Out', caution: null });
  });

  it('lifts a weak header match whose values all fit a distinctive type', () => {
    const weak = suggestMapping(['Email 1'], fields('Leads'))[0];
    expect(weak?.confidence).toBeLessThan(0.75);
    const s = one('Email 1', ['a@example.com', 'b@example.org', 'c@example.net']);
    expect(s).toMatchObject({ field: 'Email', reason: 'values', caution: null });
    expect(s?.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it('takes ids, emails or person names in an owner column, and nothing else', () => {
    expect(one('Lead Owner', ['Bethany Dixon', 'bethany@example.com', '4876876000000225001', "Seán O'Neil-Smith"])).toMatchObject({ field: 'Owner', caution: null });
    const s = one('Lead Owner', ['42 Main Street', '#7', '2020-01-01']);
    expect(s?.caution).toBe('None of the 3 sample values is a user id, email or person’s name.');
  });

  it('never judges text, picklists or record lookups by their values', () => {
    expect(measureFit(makeField('text'), ['anything'])).toBeNull();
    expect(measureFit(makeField('picklist'), ['x'])).toBeNull();
    expect(measureFit(makeField('lookup', { lookupModule: 'Accounts' }), ['4876876000000225001', 'Acme'])).toBeNull();
    expect(cautionText({ kind: 'number', checked: 1, fitting: 0 })).toBe('The sample value is not a number.');
  });

  it('leaves doubtful suggestions out of an automatic mapping (CLI, quick import)', () => {
    const suggestions = suggestMapping(['Email', 'Last Name'], fields('Leads'), new Map(), [
      ['555-0100', 'Cochran'],
      ['555-0101', 'Fuentes'],
      ['555-0102', 'Murillo'],
    ]);
    expect(mappingFromSuggestions('Leads', suggestions).fields.map((f) => f.field)).toEqual(['Last_Name']);
  });

  it('maps the public leads sample: Email 1 to Email by its values, Lead Owner to Owner', () => {
    const file = path.join(TESTDATA, 'crm-samples', 'datablist-sample-csv', 'leads-100.csv');
    const [head, ...lines] = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l !== '');
    // The sample quotes only company names, which hold no other comma than the one split on here.
    const rows = lines.slice(0, 20).map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? []);
    const s = new Map(suggestMapping(head?.split(',') ?? [], fields('Leads'), new Map(), rows).map((x) => [x.column, x]));
    expect(s.get('Email 1')).toMatchObject({ field: 'Email', reason: 'values' });
    expect(s.get('Email 2')).toMatchObject({ field: 'Secondary_Email' });
    expect(s.get('Lead Owner')).toMatchObject({ field: 'Owner', confidence: 0.95, caution: null });
    expect(s.get('Website')).toMatchObject({ field: 'Website', caution: null });
  });
});
