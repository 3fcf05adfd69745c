import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandardMetadata } from '../../../electron/core/engines/metadata/standard-metadata';
import { USER_KEYS } from '../../../electron/core/engines/users/parse-users';
import { recordName } from '../../../shared/domain/record-name';
import { ROOT } from '../../helpers/temp-dir';

describe('standard metadata of Users', () => {
  const fields = loadStandardMetadata(path.join(ROOT, 'resources'), 'Users') ?? [];

  it('is in the Fields API shape, read-only throughout, with a field for every key a users file keeps', () => {
    expect(fields.length).toBeGreaterThan(10);
    expect(fields.every((f) => f.readOnly)).toBe(true);
    expect(fields.map((f) => f.apiName)).toEqual(['id', ...USER_KEYS]);
    expect(fields.find((f) => f.apiName === 'full_name')?.label).toBe('Full Name');
    expect(fields.find((f) => f.apiName === 'email')?.dataType).toBe('email');
  });

  it('names a user by full name, else first and last name, else email', () => {
    expect(recordName('Users', (k) => ({ full_name: 'Bethany Dixon' })[k])).toBe('Bethany Dixon');
    expect(recordName('Users', (k) => ({ first_name: 'Ada', last_name: 'Admin' })[k])).toBe('Ada Admin');
    expect(recordName('Users', (k) => ({ email: 'x@example.com' })[k])).toBe('x@example.com');
  });
});
