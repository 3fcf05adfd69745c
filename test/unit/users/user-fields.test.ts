import { describe, expect, it } from 'vitest';
import { ownerNotices, type UserFieldSample } from '../../../shared/domain/owner-notices';
import { holdsUserIds, isUserField, isUserId, userColumnExportable, userParts } from '../../../shared/domain/user-fields';
import { checkValue } from '../../../shared/validation';
import { makeField } from '../validation/make-field';

describe('user field rules (shared with the export)', () => {
  it('knows the three user types', () => {
    expect(['ownerlookup', 'userlookup', 'multiuserlookup'].map((t) => isUserField({ dataType: t }))).toEqual([true, true, true]);
    expect(isUserField({ dataType: 'lookup' })).toBe(false);
  });

  it('takes digits only as a user id', () => {
    expect(isUserId('4876876000000225001')).toBe(true);
    expect(isUserId(' 4876876000000225001')).toBe(false);
    expect(isUserId('9'.repeat(20))).toBe(false);
    expect(isUserId('Bethany Dixon')).toBe(false);
  });

  it('exports a user column only when every non-empty value is an id', () => {
    expect(userColumnExportable(['4876876000000225001', '', '4876876000000225002'], false)).toBe(true);
    expect(userColumnExportable(['4876876000000225001', 'Bethany Dixon'], false)).toBe(false);
    expect(userColumnExportable(['4876876000000225001;4876876000000225002'], true)).toBe(true);
    expect(holdsUserIds('4876876000000225001;Bethany', true)).toBe(false);
    expect(userParts(' a ; b,, c ', true)).toEqual(['a', 'b', 'c']);
    expect(userParts('Dixon, Bethany', false)).toEqual(['Dixon, Bethany']);
  });

  it('checks a multi-user value as ids joined by ;', () => {
    const f = makeField('multiuserlookup', { label: 'Reviewers' });
    expect(checkValue(f, '4876876000000225001;4876876000000225002')).toBeNull();
    expect(checkValue(f, '4876876000000225001;Bethany')?.message).toBe('“Bethany” is not a user id (Reviewers takes the ids of users, separated by semicolons).');
  });
});

describe('owner notices', () => {
  const owner: UserFieldSample = { field: 'Owner', label: 'Lead Owner', dataType: 'ownerlookup', column: 'Lead Owner', values: ['Bethany Dixon', 'Andres Callahan'] };

  it('without users: one warning offering to load them, saying what the upload does', () => {
    const [n, ...rest] = ownerNotices([owner], { loaded: 0, stale: false });
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ code: 'OWNERS_UNRESOLVED', field: 'Owner', column: 'Lead Owner', severity: 'warning', action: 'load-users' });
    expect(n?.message).toBe(
      'Lead Owner holds names, not user ids: load your users (Users → Load users…), or leave Lead Owner unmapped and Zoho assigns the importing user. Until then no row is marked for it and the upload leaves this column out.',
    );
  });

  it('says emails when the column holds emails, and nothing when it holds ids', () => {
    expect(ownerNotices([{ ...owner, values: ['a@example.com', ''] }], { loaded: 0, stale: false })[0]?.message).toContain('holds emails, not user ids');
    expect(ownerNotices([{ ...owner, values: ['4876876000000225001', ''] }], { loaded: 0, stale: false })).toEqual([]);
  });

  it('with users: how the column is matched; after a later load: re-validate', () => {
    expect(ownerNotices([owner], { loaded: 104, stale: false })[0]).toMatchObject({ code: 'OWNERS_RESOLVED', severity: 'info', action: null });
    expect(ownerNotices([owner], { loaded: 104, stale: false })[0]?.message).toContain('your 104 users');
    expect(ownerNotices([owner], { loaded: 104, stale: true })[0]).toMatchObject({ code: 'OWNERS_STALE', severity: 'warning', action: 'revalidate' });
  });

  it('for a user lookup, leaving it unmapped leaves it empty', () => {
    const n = ownerNotices([{ ...owner, label: 'Reviewer', dataType: 'userlookup' }], { loaded: 0, stale: false })[0];
    expect(n?.message).toContain('leave Reviewer unmapped and the field stays empty');
  });
});
