import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { LOOKUP_TYPES } from '../../../shared/domain/field-meta';
import { STANDARD_MODULES } from '../../../shared/domain/modules';
import { AppError } from '../../../shared/ipc/errors';
import { mandatoryFields, uniqueFields } from '../../../electron/core/engines/metadata/parse-fields';
import {
  clearStandardMetadataCache,
  listStandardModules,
  loadStandardMetadata,
} from '../../../electron/core/engines/metadata/standard-metadata';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RESOURCES = path.join(ROOT, 'resources');

function load(module: string): FieldMeta[] {
  const fields = loadStandardMetadata(RESOURCES, module);
  if (!fields) {
    throw new Error(`no standard metadata for ${module}`);
  }
  return fields;
}

function get(module: string, apiName: string): FieldMeta {
  const field = load(module).find((f) => f.apiName === apiName);
  if (!field) {
    throw new Error(`${module}.${apiName} missing`);
  }
  return field;
}

const SYSTEM_FIELDS = ['Owner', 'Created_By', 'Modified_By', 'Created_Time', 'Modified_Time'];

describe('shipped standard metadata', () => {
  it('lists the eight standard modules', () => {
    expect(listStandardModules()).toEqual(STANDARD_MODULES);
    expect(listStandardModules()).toHaveLength(8);
  });

  it.each([...STANDARD_MODULES])('%s parses, has the system fields and a _source note', (module) => {
    const fields = load(module);
    expect(fields.length).toBeGreaterThan(10);
    const names = fields.map((f) => f.apiName);
    expect(names).toEqual(expect.arrayContaining(SYSTEM_FIELDS));
    expect(get(module, 'Owner').dataType).toBe('ownerlookup');
    expect(get(module, 'Owner').readOnly).toBe(false);
    for (const name of SYSTEM_FIELDS.slice(1)) {
      expect(get(module, name).readOnly, `${module}.${name}`).toBe(true);
    }
    expect(get(module, 'Created_By').dataType).toBe('ownerlookup');
    const raw = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'zoho', `${module}.json`), 'utf8')) as Record<string, unknown>;
    expect(typeof raw._source).toBe('string');
    // Nothing is unique in an untouched org.
    expect(uniqueFields(fields)).toEqual([]);
  });

  it.each([...STANDARD_MODULES])('%s has unique labels, so a UI export header maps to one field', (module) => {
    const labels = load(module).map((f) => f.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each([
    ['Leads', ['Last_Name']],
    ['Contacts', ['Last_Name']],
    ['Accounts', ['Account_Name']],
    ['Deals', ['Deal_Name', 'Stage']],
    ['Products', ['Product_Name']],
    ['Quotes', ['Subject', 'Quoted_Items']],
    ['Sales_Orders', ['Subject', 'Ordered_Items']],
    ['Invoices', ['Subject', 'Invoiced_Items']],
  ])('%s system-mandatory fields are %j', (module, expected) => {
    expect(mandatoryFields(load(module)).sort()).toEqual([...expected].sort());
  });

  it('types line items as subforms', () => {
    expect(get('Quotes', 'Quoted_Items').dataType).toBe('subform');
    expect(get('Sales_Orders', 'Ordered_Items').dataType).toBe('subform');
    expect(get('Invoices', 'Invoiced_Items').dataType).toBe('subform');
  });

  it.each([
    ['Contacts', 'Account_Name', 'Accounts'],
    ['Contacts', 'Reporting_To', 'Contacts'],
    ['Contacts', 'Vendor_Name', 'Vendors'],
    ['Accounts', 'Parent_Account', 'Accounts'],
    ['Deals', 'Account_Name', 'Accounts'],
    ['Deals', 'Contact_Name', 'Contacts'],
    ['Deals', 'Campaign_Source', 'Campaigns'],
    ['Products', 'Vendor_Name', 'Vendors'],
    ['Quotes', 'Deal_Name', 'Deals'],
    ['Quotes', 'Contact_Name', 'Contacts'],
    ['Quotes', 'Account_Name', 'Accounts'],
    ['Sales_Orders', 'Quote_Name', 'Quotes'],
    ['Sales_Orders', 'Deal_Name', 'Deals'],
    ['Invoices', 'Sales_Order', 'Sales_Orders'],
    ['Invoices', 'Account_Name', 'Accounts'],
    ['Leads', 'Converted_Account', 'Accounts'],
  ])('%s.%s looks up %s', (module, apiName, target) => {
    const field = get(module, apiName);
    expect(field.dataType).toBe('lookup');
    expect(field.lookupModule).toBe(target);
  });

  it('gives every lookup a target module', () => {
    for (const module of STANDARD_MODULES) {
      for (const f of load(module).filter((x) => x.dataType === 'lookup')) {
        expect(f.lookupModule, `${module}.${f.apiName}`).not.toBeNull();
        expect(LOOKUP_TYPES.has(f.dataType)).toBe(true);
      }
    }
  });

  it.each([
    ['Leads', 'Full_Name'],
    ['Contacts', 'Full_Name'],
    ['Leads', 'Converted__s'],
    ['Quotes', 'Quote_Number'],
    ['Sales_Orders', 'SO_Number'],
    ['Invoices', 'Invoice_Number'],
    ['Quotes', 'Sub_Total'],
    ['Invoices', 'Grand_Total'],
  ])('%s.%s is read-only', (module, apiName) => {
    expect(get(module, apiName).readOnly).toBe(true);
  });

  it('uses the labels a CRM UI export shows', () => {
    const labels = (module: string) => new Set(load(module).map((f) => f.label));
    expect([...labels('Leads')]).toEqual(
      expect.arrayContaining(['Lead Owner', 'First Name', 'Last Name', 'Company', 'Email', 'Zip Code', 'No. of Employees', 'Email Opt Out', 'Lead Source']),
    );
    expect([...labels('Contacts')]).toEqual(expect.arrayContaining(['Contact Owner', 'Account Name', 'Mailing Zip', 'Date of Birth', 'Reports To']));
    expect([...labels('Accounts')]).toEqual(expect.arrayContaining(['Account Owner', 'Account Name', 'Billing Code']));
    expect([...labels('Deals')]).toEqual(expect.arrayContaining(['Deal Owner', 'Deal Name', 'Closing Date']));
    expect([...labels('Quotes')]).toEqual(expect.arrayContaining(['Quote Owner', 'Quote Stage', 'Valid Till']));
    expect([...labels('Sales_Orders')]).toEqual(expect.arrayContaining(['SO Number', 'Quote Name']));
    expect([...labels('Invoices')]).toEqual(expect.arrayContaining(['Invoice Date', 'Invoice Number']));
  });

  it('ships the documented lengths and currency precision', () => {
    expect(get('Leads', 'First_Name').length).toBe(40);
    expect(get('Leads', 'Last_Name').length).toBe(80);
    expect(get('Leads', 'Email').length).toBe(100);
    expect(get('Leads', 'Phone').length).toBe(30);
    expect(get('Leads', 'Zip_Code').length).toBe(30);
    expect(get('Leads', 'Description').textareaType).toBe('large');
    for (const module of STANDARD_MODULES) {
      for (const f of load(module).filter((x) => x.dataType === 'currency')) {
        expect(f.decimalPlaces, `${module}.${f.apiName}`).toBe(2);
      }
    }
  });

  it('ships Zoho default picklists', () => {
    expect(get('Deals', 'Stage').picklist).toEqual([
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Identify Decision Makers',
      'Perception Analysis',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
      'Closed Lost',
    ]);
    expect(get('Leads', 'Salutation').picklist).toEqual(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.']);
    expect(get('Leads', 'Lead_Status').picklist).toContain('Not Contacted');
    expect(get('Accounts', 'Industry').picklist).toContain('Government/Military');
    for (const [module, apiName] of [
      ['Leads', 'Lead_Source'],
      ['Leads', 'Rating'],
      ['Accounts', 'Account_Type'],
      ['Accounts', 'Ownership'],
      ['Quotes', 'Quote_Stage'],
      ['Sales_Orders', 'Status'],
      ['Invoices', 'Status'],
    ] as const) {
      expect(get(module, apiName).picklist?.length, `${module}.${apiName}`).toBeGreaterThan(2);
    }
  });
});

describe('Leads convert_mapping', () => {
  it('follows ZOHO-SPEC 5.1', () => {
    expect(get('Leads', 'Company').convertMapping).toEqual({ Contacts: null, Accounts: 'Account_Name', Deals: null });
    expect(get('Leads', 'Zip_Code').convertMapping).toEqual({ Contacts: 'Mailing_Zip', Accounts: 'Billing_Code', Deals: null });
    expect(get('Leads', 'Designation').convertMapping?.Contacts).toBe('Title');
    expect(get('Leads', 'No_of_Employees').convertMapping?.Accounts).toBe('Employees');
    expect(get('Leads', 'Description').convertMapping).toEqual({ Contacts: 'Description', Accounts: 'Description', Deals: 'Description' });
    expect(get('Leads', 'Lead_Source').convertMapping).toEqual({ Contacts: 'Lead_Source', Accounts: null, Deals: 'Lead_Source' });
    expect(get('Leads', 'Owner').convertMapping).toEqual({ Contacts: null, Accounts: null, Deals: null });
  });

  it('is present on every Leads field, as in a real response', () => {
    for (const f of load('Leads')) {
      expect(f.convertMapping, f.apiName).not.toBeNull();
    }
    expect(load('Contacts').every((f) => f.convertMapping === null)).toBe(true);
  });

  it('only names fields that exist in the target module', () => {
    for (const f of load('Leads')) {
      for (const target of ['Contacts', 'Accounts', 'Deals'] as const) {
        const name = f.convertMapping?.[target];
        if (name) {
          expect(load(target).map((x) => x.apiName), `Leads.${f.apiName} -> ${target}.${name}`).toContain(name);
        }
      }
    }
  });
});

describe('loadStandardMetadata', () => {
  const tmpDirs: string[] = [];

  afterEach(() => {
    clearStandardMetadataCache();
    for (const dir of tmpDirs.splice(0)) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  function tempResources(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-meta-'));
    tmpDirs.push(dir);
    fs.mkdirSync(path.join(dir, 'zoho'));
    for (const [name, body] of Object.entries(files)) {
      fs.writeFileSync(path.join(dir, 'zoho', name), body);
    }
    return dir;
  }

  it('returns null for modules we do not ship and for names that are not API names', () => {
    expect(loadStandardMetadata(RESOURCES, 'Campaigns')).toBeNull();
    expect(loadStandardMetadata(RESOURCES, '../zoho/Leads')).toBeNull();
    expect(loadStandardMetadata(RESOURCES, '')).toBeNull();
  });

  it('caches per resources folder and module', () => {
    const dir = tempResources({ 'Leads.json': JSON.stringify({ fields: [{ api_name: 'A', data_type: 'text' }] }) });
    expect(loadStandardMetadata(dir, 'Leads')?.map((f) => f.apiName)).toEqual(['A']);
    fs.writeFileSync(path.join(dir, 'zoho', 'Leads.json'), JSON.stringify({ fields: [{ api_name: 'B', data_type: 'text' }] }));
    expect(loadStandardMetadata(dir, 'Leads')?.map((f) => f.apiName)).toEqual(['A']);
    expect(loadStandardMetadata(RESOURCES, 'Leads')?.map((f) => f.apiName)).toContain('Last_Name');
    clearStandardMetadataCache();
    expect(loadStandardMetadata(dir, 'Leads')?.map((f) => f.apiName)).toEqual(['B']);
  });

  it('hands out copies that cannot corrupt the cache', () => {
    const first = load('Deals');
    first.pop();
    expect(load('Deals')).toHaveLength(first.length + 1);
    const stage = first.find((f) => f.apiName === 'Stage');
    expect(() => {
      (stage as FieldMeta).label = 'changed';
    }).toThrow(TypeError);
  });

  it('reports a broken shipped file as METADATA_INVALID', () => {
    const dir = tempResources({ 'Leads.json': '{"fields": [', 'Deals.json': '{"data": []}' });
    for (const module of ['Leads', 'Deals']) {
      let caught: unknown;
      try {
        loadStandardMetadata(dir, module);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('METADATA_INVALID');
    }
  });
});
