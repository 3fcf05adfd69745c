import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseUsersCsv, parseUsersResponse } from '../../../electron/core/engines/users/parse-users';
import { MAX_USERS_FILE_BYTES, readUsersFile } from '../../../electron/core/engines/users/read-users-file';
import { FIXTURES, tempDir } from '../../helpers/temp-dir';

const USERS = path.join(FIXTURES, 'users');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code ?? 'no code';
  }
  return 'no error';
}

describe('a Users API response', () => {
  it('gives every user with the keys Users.json knows, role and profile as names beside their ids', () => {
    const r = readUsersFile(path.join(USERS, 'users-api.json'), 'users-api.json');
    expect(r.format).toBe('users-api-json');
    expect(r.users).toHaveLength(104);
    expect(r.rejected).toEqual([]);
    const bethany = r.users.find((u) => u.values.full_name === 'Bethany Dixon');
    expect(bethany).toEqual({
      id: '4876876000000225001',
      values: expect.objectContaining({
        first_name: 'Bethany',
        last_name: 'Dixon',
        email: 'bethany.dixon@example.com',
        status: 'active',
        role: 'Sales Rep',
        role_id: '4876876000000026008',
        profile: 'Standard',
        profile_id: '4876876000000026014',
        confirm: 'true',
        zuid: '700000001',
      }),
    });
    // Preference flags of the API (microsoft, Isonline, Currency, …) are not kept.
    expect(Object.keys(bethany?.values ?? {})).not.toContain('microsoft');
    expect(r.users.find((u) => u.values.last_name === 'Ortega')?.values.full_name).toBe('Ángel Ortega');
  });

  it('rejects entries without a usable id and keeps the rest', () => {
    // A saved response with a bare number for an id, as a hand-edited file might have it.
    const r = parseUsersResponse(
      JSON.parse('{"users": [{"id": "4876876000000225001", "full_name": "A"}, {"full_name": "No Id"}, {"id": 4876876000000225002, "full_name": "Number"}, {"id": "abc"}, "x"]}'),
    );
    expect(r.users.map((u) => u.id)).toEqual(['4876876000000225001']);
    expect(r.rejected).toEqual([
      { row: 2, reason: 'no user id' },
      { row: 3, reason: expect.stringContaining('JSON number') },
      { row: 4, reason: '“abc” is not a Zoho user id' },
      { row: 5, reason: 'not a user object' },
    ]);
  });

  it.each([
    ['a records response', { data: [{ id: '1' }] }, 'Records API response'],
    ['a fields response', { fields: [] }, 'Fields API response'],
    ['an object without users', { info: {} }, 'without "users"'],
    ['an array', [{ id: '1' }], 'not a Users API response'],
  ])('refuses %s with UNKNOWN_FORMAT', (_case, json, says) => {
    expect(() => parseUsersResponse(json)).toThrow(expect.objectContaining({ code: 'UNKNOWN_FORMAT', message: expect.stringContaining(says) }));
  });
});

describe('a users CSV', () => {
  it('reads a labelled export, ids written zcrm_<digits>, statuses as given', () => {
    const r = readUsersFile(path.join(USERS, 'users-export.csv'), 'users-export.csv');
    expect(r.format).toBe('users-csv');
    expect(r.users).toHaveLength(104);
    expect(r.users[1]).toEqual({
      id: '4876876000000225001',
      values: { full_name: 'Bethany Dixon', first_name: 'Bethany', last_name: 'Dixon', email: 'bethany.dixon@example.com', status: 'Active', role: 'Sales Rep', profile: 'Standard' },
    });
    expect(r.users.find((u) => u.values.full_name === 'Morgan Hale')?.values.status).toBe('Inactive');
  });

  it('accepts header variants and an Active checkbox instead of a status', () => {
    const r = parseUsersCsv(['Record Id', 'User Name', 'E-mail Address', 'Active'], [
      { row: 1, cells: ['4876876000000225001', 'Ada Admin', 'ada@example.com', 'true'] },
      { row: 2, cells: ['4876876000000225002', 'Old Hand', 'old@example.com', 'false'] },
      { row: 3, cells: ['', 'No Id', 'none@example.com', 'true'] },
    ]);
    expect(r.users).toEqual([
      { id: '4876876000000225001', values: { full_name: 'Ada Admin', email: 'ada@example.com', status: 'active' } },
      { id: '4876876000000225002', values: { full_name: 'Old Hand', email: 'old@example.com', status: 'inactive' } },
    ]);
    expect(r.rejected).toEqual([{ row: 3, reason: 'no user id' }]);
  });

  it('takes users listed without any status as active (a list of current users)', () => {
    const r = parseUsersCsv(['id', 'email'], [{ row: 1, cells: ['4876876000000225001', 'ada@example.com'] }]);
    expect(r.users[0]?.values.status).toBe('active');
  });

  it('refuses a CSV without an id column with MISSING_ID_COLUMN, saying which export to use', () => {
    expect(() => readUsersFile(path.join(USERS, 'users-no-id.csv'), 'users-no-id.csv')).toThrow(
      expect.objectContaining({ code: 'MISSING_ID_COLUMN', message: expect.stringContaining('GET /crm/v2/users') }),
    );
  });

  it('refuses a CSV with ids but no names or emails (a records export)', () => {
    expect(() => parseUsersCsv(['Record Id', 'Deal Name'], [])).toThrow(expect.objectContaining({ code: 'UNKNOWN_FORMAT' }));
  });
});

describe('users files that are not users files', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('refuses broken JSON, a ZIP, an empty file and a binary file with their codes', () => {
    expect(codeOf(() => readUsersFile(write('u.json', '{"users": [ {"id": '), 'u.json'))).toBe('JSON_INVALID');
    expect(codeOf(() => readUsersFile(write('u.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), 'u.zip'))).toBe('UNKNOWN_FORMAT');
    expect(codeOf(() => readUsersFile(write('u.csv', ''), 'u.csv'))).toBe('CSV_EMPTY');
    expect(codeOf(() => readUsersFile(write('u.bin', Buffer.from([0x41, 0, 0x42, 0x43])), 'u.bin'))).toBe('UNKNOWN_FORMAT');
    expect(codeOf(() => readUsersFile(write('u.json', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])), 'u.json'))).toBe('ENCODING_MISMATCH');
    expect(codeOf(() => readUsersFile(path.join(dir, 'missing.json'), 'missing.json'))).toBe('FILE_NOT_FOUND');
  });

  it('refuses a file far larger than any users file before reading it', () => {
    const file = path.join(dir, 'huge.csv');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, MAX_USERS_FILE_BYTES + 1);
    fs.closeSync(fd);
    expect(codeOf(() => readUsersFile(file, 'huge.csv'))).toBe('FILE_TOO_LARGE');
  });

  it('reads a semicolon-separated Windows-1252 users CSV with a BOM-less accented name', () => {
    const text = 'User Id;Full Name;Email\r\n4876876000000225002;\xc1ngel Ortega;angel@example.com\r\n';
    const r = readUsersFile(write('u.csv', Buffer.from(text, 'latin1')), 'u.csv');
    expect(r.users).toEqual([{ id: '4876876000000225002', values: { full_name: 'Ángel Ortega', email: 'angel@example.com', status: 'active' } }]);
  });
});
