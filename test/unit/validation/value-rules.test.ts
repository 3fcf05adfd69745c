import { describe, expect, it } from 'vitest';
import { checkValue, READ_ONLY_TYPES } from '../../../shared/validation';
import { codeFor, makeField, messageFor } from './make-field';

describe('checkValue', () => {
  it('treats the empty string as no value for every type, read-only ones included', () => {
    for (const type of ['text', 'email', 'phone', 'integer', 'date', 'datetime', 'boolean', 'lookup', 'formula', 'picklist']) {
      expect(checkValue(makeField(type, { picklist: ['A'] }), '')).toBeNull();
    }
    expect(checkValue(makeField('text', { readOnly: true }), '')).toBeNull();
  });

  it('returns a verdict with code, severity and message only', () => {
    const v = checkValue(makeField('integer'), 'x');
    expect(Object.keys(v ?? {}).sort()).toEqual(['code', 'message', 'severity']);
  });
});

describe('lookup', () => {
  const account = makeField('lookup', { label: 'Account Name', lookupModule: 'Accounts', length: 120 });

  it.each(['4150868000001136302', '1', '9'.repeat(19)])('accepts the record id %s', (value) => {
    expect(checkValue(account, value)).toBeNull();
  });

  it('refuses a name: it needs a lookup transform', () => {
    expect(checkValue(account, 'Rasmussen Group')).toEqual({
      code: 'INVALID_DATA',
      severity: 'error',
      message: '“Rasmussen Group” is not a record id; map it with a lookup transform (Account Name takes the id of a record in Accounts).',
    });
  });

  it.each([
    ['20 digits', '9'.repeat(20), 'at most 19 digits'],
    ['a negative number', '-4150868000001136302', 'lookup transform'],
    ['spaces around it', ' 4150868000001136302', 'lookup transform'],
    ['an id with a prefix', 'zcrm_4150868000001136302', 'lookup transform'],
  ])('refuses %s', (_case, value, hint) => {
    expect(codeFor(account, value)).toBe('INVALID_DATA');
    expect(messageFor(account, value)).toContain(hint);
  });
});

describe('ownerlookup', () => {
  const owner = makeField('ownerlookup', { label: 'Lead Owner' });

  it('accepts a user id and refuses an email', () => {
    expect(checkValue(owner, '4150868000000225013')).toBeNull();
    expect(codeFor(owner, 'patricia@example.com')).toBe('INVALID_DATA');
    expect(messageFor(owner, 'patricia@example.com')).toContain('the id of a record in Users');
  });
});

describe('userlookup', () => {
  it('takes record ids like any lookup', () => {
    const user = makeField('userlookup');
    expect(codeFor(user, '4150868000000225013')).toBe('ok');
    expect(codeFor(user, 'Patricia Boyle')).toBe('INVALID_DATA');
  });
});

describe('read-only fields', () => {
  it.each(['autonumber', 'formula', 'rollup_summary', 'fileupload', 'imageupload', 'profileimage', 'subform'])('refuses any value for %s', (type) => {
    expect(READ_ONLY_TYPES.has(type)).toBe(true);
    const v = checkValue(makeField(type), '42');
    expect(v?.code).toBe('INVALID_DATA');
    expect(v?.severity).toBe('error');
    expect(v?.message).toContain('read-only in Zoho');
  });

  it('refuses any value for a field flagged read-only, whatever its type', () => {
    expect(messageFor(makeField('text', { label: 'Full Name', readOnly: true }), 'Jo Rivers')).toBe(
      '“Jo Rivers” cannot be written: Full Name is read-only in Zoho; remove it from the mapping.',
    );
    expect(codeFor(makeField('datetime', { readOnly: true }), '2020-01-03T15:19:52+05:30')).toBe('INVALID_DATA');
  });
});
