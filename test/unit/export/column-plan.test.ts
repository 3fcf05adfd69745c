import { describe, expect, it } from 'vitest';
import { findByChoices, planColumns } from '../../../electron/core/engines/export/column-plan';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { BatchMapping } from '../../../shared/domain/batch';

function field(apiName: string, over: Partial<FieldMeta> = {}): FieldMeta {
  return { apiName, label: apiName, dataType: 'text', length: 255, decimalPlaces: null, systemMandatory: false, layoutMandatory: false, readOnly: false, custom: false, unique: null, picklist: null, lookupModule: null, convertMapping: null, textareaType: null, ...over };
}

const fields = [
  field('Description'),
  field('Last_Name'),
  field('First_Name'),
  field('Email'),
  field('Customer_No', { unique: { caseSensitive: false } }),
  field('Account_Name', { dataType: 'lookup', lookupModule: 'Accounts' }),
  field('Owner', { dataType: 'ownerlookup' }),
  field('Full_Name', { readOnly: true }),
  field('Hobbies', { dataType: 'multiselectpicklist' }),
];

const mapping = (names: string[]): BatchMapping => ({
  module: 'Contacts',
  ignoreEmpty: false,
  fields: names.map((f) => ({ field: f, columns: [f], joinWith: ' ', transforms: [], defaultValue: null })),
});

describe('column plan', () => {
  it('puts the row key first: unique fields, the duplicate-check field, the name', () => {
    const p = planColumns({ module: 'Contacts', mapping: mapping(['Description', 'Last_Name', 'First_Name', 'Email', 'Customer_No']), fields, dropped: new Map(), findBy: new Map(), withId: false });
    expect(p.columns.map((c) => c.header)).toEqual(['Customer_No', 'Email', 'Last_Name', 'First_Name', 'Description']);
  });

  it('puts id first for updates by id', () => {
    const p = planColumns({ module: 'Contacts', mapping: mapping(['Description', 'Email']), fields, dropped: new Map(), findBy: new Map(), withId: true });
    expect(p.columns.map((c) => c.header)).toEqual(['id', 'Email', 'Description']);
  });

  it('writes lookups as Field.id, or Field.<unique> with find_by, and flags multi-selects', () => {
    const p = planColumns({ module: 'Contacts', mapping: mapping(['Account_Name', 'Hobbies', 'Owner']), fields, dropped: new Map(), findBy: new Map(), withId: false });
    expect(p.columns.map((c) => c.header)).toEqual(['Account_Name.id', 'Hobbies', 'Owner.id']);
    expect(p.columns.map((c) => c.multiselect)).toEqual([false, true, false]);
    const q = planColumns({ module: 'Contacts', mapping: mapping(['Account_Name']), fields, dropped: new Map(), findBy: new Map([['Account_Name', 'Account_Number']]), withId: false });
    expect(q.columns[0]).toMatchObject({ header: 'Account_Name.Account_Number', findBy: 'Account_Number' });
  });

  it('leaves out read-only, unknown and dropped fields, saying why', () => {
    const p = planColumns({ module: 'Contacts', mapping: mapping(['Full_Name', 'Nope', 'Owner', 'Email']), fields, dropped: new Map([['Owner', 'holds names']]), findBy: new Map(), withId: false });
    expect(p.columns.map((c) => c.field)).toEqual(['Email']);
    expect(p.leftOut).toEqual([
      { field: 'Full_Name', reason: 'read-only in Zoho' },
      { field: 'Nope', reason: 'not a field of the module (Zoho would refuse it: INVALID_FIELD)' },
      { field: 'Owner', reason: 'holds names' },
    ]);
  });

  it('offers find_by only id and unique fields', () => {
    expect(findByChoices(fields)).toEqual(['id', 'Customer_No']);
  });
});
