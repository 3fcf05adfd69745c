import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { ReviewDecision } from '../../../shared/domain/review';
import { isPlain, routeOf, rowVerdict } from '../../../electron/core/engines/export/review-fate';
import { recordValues, updateColumns } from '../../../electron/core/engines/export/merge-updates';
import { makeField } from '../validation/make-field';

const merge: ReviewDecision = { action: 'merge', module: 'Contacts', id: '4876876000007421001', rule: 'fill-blanks', picks: {} };
const create: ReviewDecision = { action: 'create' };
const skip: ReviewDecision = { action: 'skip' };
const mergeRow: ReviewDecision = { action: 'merge-row', survivor: 3 };

describe('rowVerdict: what a decision makes of a row', () => {
  it('skip and merge-row leave the row out with their reason, whatever its errors', () => {
    expect(rowVerdict(false, skip, 'plain', 'insert')).toBe('skipped in review');
    expect(rowVerdict(false, skip, 'has errors', 'update')).toBe('skipped in review');
    expect(rowVerdict(false, mergeRow, 'plain', 'insert')).toBe('merged into another row');
    expect(rowVerdict(false, mergeRow, 'values', 'upsert')).toBe('merged into another row');
  });

  it('an exclusion comes first, then errors, for every decision', () => {
    for (const d of [merge, create, skip, mergeRow, undefined]) expect(rowVerdict(true, d, 'plain', 'insert')).toBe('excluded');
    expect(rowVerdict(false, merge, 'has errors', 'insert')).toBe('has errors');
    expect(rowVerdict(false, create, 'has errors', 'upsert')).toBe('has errors');
    expect(rowVerdict(false, undefined, 'has errors', 'insert')).toBe('has errors');
  });

  it('merge becomes an update whatever the export does; its values are read later unless an error needs them now', () => {
    for (const op of ['insert', 'update', 'upsert'] as const) {
      expect(rowVerdict(false, merge, 'plain', op)).toEqual({ route: 'update', needsValues: false });
      expect(rowVerdict(false, merge, 'values', op)).toEqual({ route: 'update', needsValues: true });
    }
  });

  it('create joins the insert when the export inserts, and goes to its own insert job when it updates or upserts', () => {
    expect(rowVerdict(false, create, 'plain', 'insert')).toEqual({ route: 'chosen', needsValues: false });
    expect(rowVerdict(false, create, 'plain', 'update')).toEqual({ route: 'insert', needsValues: true });
    expect(rowVerdict(false, create, 'plain', 'upsert')).toEqual({ route: 'insert', needsValues: true });
  });

  it('a row without a decision follows the export as before', () => {
    expect(rowVerdict(false, undefined, 'plain', 'upsert')).toEqual({ route: 'chosen', needsValues: false });
    expect(rowVerdict(false, undefined, 'values', 'insert')).toEqual({ route: 'chosen', needsValues: true });
    expect(routeOf(undefined, 'update')).toBe('chosen');
  });

  it('only an undecided (or inserting create) row without clearable errors is plain for the fast path', () => {
    expect(isPlain(undefined)).toBe(true);
    expect(isPlain(rowVerdict(false, create, 'plain', 'insert'))).toBe(true);
    expect(isPlain(rowVerdict(false, create, 'plain', 'upsert'))).toBe(false);
    expect(isPlain(rowVerdict(false, merge, 'plain', 'insert'))).toBe(false);
    expect(isPlain(rowVerdict(false, skip, 'plain', 'insert'))).toBe(false);
    expect(isPlain(rowVerdict(false, undefined, 'values', 'insert'))).toBe(false);
  });
});

const field = (apiName: string, dataType: string, over: Partial<FieldMeta> = {}): FieldMeta => makeField(dataType, { apiName, label: apiName, length: 255, ...over });

describe('update job columns', () => {
  const contacts = [
    field('Owner', 'ownerlookup', { lookupModule: 'Users' }),
    field('First_Name', 'text'),
    field('Email', 'email'),
    field('Account_Name', 'lookup', { lookupModule: 'Accounts' }),
    field('Tags__c', 'multiselectpicklist'),
  ];

  it('puts id first, then the written fields in metadata order, lookups and owners by id', () => {
    const cols = updateColumns('Contacts', contacts, new Set(['Email', 'Account_Name', 'Owner', 'Tags__c']));
    expect(cols.map((c) => c.header)).toEqual(['id', 'Owner.id', 'Email', 'Account_Name.id', 'Tags__c']);
    expect(cols.map((c) => c.plan)).toEqual([0, 1, 2, 3, 4]);
    expect(cols.find((c) => c.field === 'Tags__c')?.multiselect).toBe(true);
  });

  it('refuses more than 200 columns before anything is written', () => {
    const many = Array.from({ length: 200 }, (_, i) => field(`F${i}__c`, 'text'));
    expect(() => updateColumns('Contacts', many, new Set(many.map((f) => f.apiName)))).toThrow(/HEADER_LIMIT_EXCEEDED/);
    expect(updateColumns('Contacts', many, new Set(many.slice(0, 199).map((f) => f.apiName)))).toHaveLength(200);
  });

  it('reads the existing record by API name, a Bulk Read lookup under Field.id counting as the field', () => {
    const cols = [
      { key: 'First_Name', col: 'c1' },
      { key: 'Account_Name.id', col: 'c2' },
      { key: 'Email', col: 'c3' },
    ];
    expect(recordValues(cols, { id: '1', c1: 'Pat', c2: '4876876000007421010', c3: '' })).toEqual({ First_Name: 'Pat', 'Account_Name.id': '4876876000007421010', Account_Name: '4876876000007421010' });
  });
});
