import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchMapping, Transform } from '../../../shared/domain/batch';
import { computeRow, rowContext } from '../../../electron/core/engines/batch/compute-row';
import { loadStandardMetadata } from '../../../electron/core/engines/metadata/standard-metadata';
import { UserDirectory } from '../../../electron/core/engines/users/resolve-user';
import { ROOT } from '../../helpers/temp-dir';
import { makeField } from '../validation/make-field';

const LEADS = loadStandardMetadata(path.join(ROOT, 'resources'), 'Leads') ?? [];
const USERS = new UserDirectory([
  { id: '4876876000000225001', fullName: 'Bethany Dixon', firstName: 'Bethany', lastName: 'Dixon', email: 'bethany.dixon@example.com', status: 'active' },
  { id: '4876876000000225003', fullName: 'Morgan Hale', firstName: 'Morgan', lastName: 'Hale', email: 'morgan.hale@example.com', status: 'inactive' },
]);
const HEADER = ['Lead Owner', 'Last Name'];

function mapping(transforms: Transform[] = []): BatchMapping {
  return {
    module: 'Leads',
    ignoreEmpty: false,
    fields: [
      { field: 'Owner', columns: ['Lead Owner'], joinWith: ' ', transforms, defaultValue: null },
      { field: 'Last_Name', columns: ['Last Name'], joinWith: ' ', transforms: [], defaultValue: null },
    ],
  };
}

function run(owner: string, users: UserDirectory | null, edits?: Map<string, string>, transforms: Transform[] = []) {
  const ctx = rowContext(HEADER, mapping(transforms), LEADS, null, users);
  const r = computeRow({ row: 1, cells: [owner, 'Cochran'], width: null }, ctx, edits);
  return { value: r.values.get('Owner')?.value, codes: r.issues.map((i) => i.code), issues: r.issues };
}

describe('owner columns without users loaded', () => {
  it('leave a name alone and mark no row (the summary says it once)', () => {
    expect(run('Bethany Dixon', null)).toEqual({ value: 'Bethany Dixon', codes: [], issues: [] });
    expect(run('bethany.dixon@example.com', new UserDirectory([]))).toMatchObject({ codes: [] });
  });

  it('pass a user id as it is', () => {
    expect(run('4876876000000225001', null)).toMatchObject({ value: '4876876000000225001', codes: [] });
  });

  it('ignore a lookup transform declared on the owner (users are not replica records)', () => {
    expect(run('Bethany Dixon', null, undefined, [{ kind: 'lookup', by: 'name' }])).toMatchObject({ codes: [] });
  });
});

describe('owner columns with users loaded', () => {
  it('send the id of the user named, emailed or given by id', () => {
    for (const v of ['Bethany Dixon', 'BETHANY.DIXON@example.com', '4876876000000225001', '  bethany   dixon ']) {
      expect(run(v, USERS)).toEqual({ value: '4876876000000225001', codes: [], issues: [] });
    }
  });

  it('mark the owner cell of an inactive or unknown user, on its column and field', () => {
    const inactive = run('Morgan Hale', USERS);
    expect(inactive.codes).toEqual(['INVALID_DATA']);
    expect(inactive.issues[0]).toMatchObject({ column: 'Lead Owner', field: 'Owner', severity: 'error' });
    expect(inactive.value).toBe('Morgan Hale');
    expect(run('Nobody', USERS).codes).toEqual(['LOOKUP_NOT_FOUND']);
  });

  it('resolve a name typed into the cell as an edit', () => {
    expect(run('Nobody', USERS, new Map([['Owner', 'Bethany Dixon']]))).toMatchObject({ value: '4876876000000225001', codes: [] });
  });

  it('leave an empty owner empty (Zoho assigns the importing user)', () => {
    expect(run('', USERS)).toEqual({ value: '', codes: [], issues: [] });
  });
});

describe('multi-user lookups', () => {
  const fields = [...LEADS, makeField('multiuserlookup', { apiName: 'Reviewers', label: 'Reviewers' })];
  const multi: BatchMapping = {
    module: 'Leads',
    ignoreEmpty: false,
    fields: [
      { field: 'Reviewers', columns: ['Reviewers'], joinWith: ' ', transforms: [], defaultValue: null },
      { field: 'Last_Name', columns: ['Last Name'], joinWith: ' ', transforms: [], defaultValue: null },
    ],
  };
  const check = (cell: string, users: UserDirectory | null) => {
    const r = computeRow({ row: 1, cells: [cell, 'Cochran'], width: null }, rowContext(['Reviewers', 'Last Name'], multi, fields, null, users));
    return { value: r.values.get('Reviewers')?.value, codes: r.issues.map((i) => i.code) };
  };

  it('resolve each user and join the ids with ;', () => {
    expect(check('Bethany Dixon, 4876876000000225001', USERS)).toEqual({ value: '4876876000000225001', codes: [] });
    expect(check('Bethany Dixon; Morgan Hale', USERS).codes).toEqual(['INVALID_DATA']);
  });

  it('without users, pass ids joined by ; and leave names alone', () => {
    expect(check('4876876000000225001;4876876000000225003', null)).toEqual({ value: '4876876000000225001;4876876000000225003', codes: [] });
    expect(check('Bethany Dixon; Morgan Hale', null).codes).toEqual([]);
  });
});
