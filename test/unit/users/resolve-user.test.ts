import { describe, expect, it } from 'vitest';
import { nameKey, UserDirectory, type UserEntry } from '../../../electron/core/engines/users/resolve-user';
import { makeField } from '../validation/make-field';

const user = (id: string, fullName: string, email: string, status = 'active'): UserEntry => {
  const [firstName = '', ...rest] = fullName.split(' ');
  return { id, fullName, firstName, lastName: rest.join(' '), email, status };
};

const USERS = new UserDirectory([
  user('4876876000000225001', 'Bethany Dixon', 'bethany.dixon@example.com'),
  user('4876876000000225002', 'Ángel Ortega', 'angel.ortega@example.com'),
  user('4876876000000225003', 'Morgan Hale', 'morgan.hale@example.com', 'inactive'),
  user('4876876000000225004', 'Jordan Lee', 'jordan.lee@example.com'),
  user('4876876000000225005', 'Jordan Lee', 'j.lee@example.com'),
  user('4876876000000225006', 'Sam Quinn', 'sam.quinn@example.com', 'deleted'),
  user('4876876000000225007', 'Sam Quinn', 'sam.q@example.com'),
]);
const owner = makeField('ownerlookup', { apiName: 'Owner', label: 'Lead Owner' });

describe('resolving an owner value', () => {
  it('takes the id of a loaded user as it is', () => {
    expect(USERS.resolve(owner, '4876876000000225001')).toEqual({ ok: true, id: '4876876000000225001' });
  });

  it('finds a user by email, whatever its case and surrounding spaces', () => {
    expect(USERS.resolve(owner, ' Bethany.Dixon@EXAMPLE.com ')).toEqual({ ok: true, id: '4876876000000225001' });
  });

  it.each(['Bethany Dixon', 'bethany dixon', 'BETHANY   DIXON', ' Bethany Dixon '])('finds a user by full name: %s', (value) => {
    expect(USERS.resolve(owner, value)).toEqual({ ok: true, id: '4876876000000225001' });
  });

  it('ignores accents in names both ways', () => {
    expect(USERS.resolve(owner, 'Angel Ortega')).toEqual({ ok: true, id: '4876876000000225002' });
    expect(USERS.resolve(owner, 'ÁNGEL ORTEGA')).toEqual({ ok: true, id: '4876876000000225002' });
    expect(nameKey('Ángel   Ortéga')).toBe('angel ortega');
  });

  it('refuses two active users of the same name, naming both with ids and emails', () => {
    const r = USERS.resolve(owner, 'jordan lee');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('AMBIGUOUS_LOOKUP');
    expect(r.message).toContain('4876876000000225004');
    expect(r.message).toContain('jordan.lee@example.com');
    expect(r.message).toContain('4876876000000225005');
    expect(r.message).toContain('j.lee@example.com');
  });

  it('picks the active one when the namesake is no longer active', () => {
    expect(USERS.resolve(owner, 'Sam Quinn')).toEqual({ ok: true, id: '4876876000000225007' });
  });

  it.each([['Morgan Hale'], ['morgan.hale@example.com'], ['4876876000000225003']])('refuses an inactive user given as %s', (value) => {
    const r = USERS.resolve(owner, value);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_DATA' });
    if (!r.ok) {
      expect(r.message).toContain('is inactive in Zoho');
      expect(r.message).toContain('Zoho assigns the importing user');
    }
  });

  it('says a user lookup field stays empty, not that Zoho assigns the importer', () => {
    const r = USERS.resolve(makeField('userlookup', { label: 'Reviewer' }), 'Morgan Hale');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).not.toContain('importing user');
  });

  it.each([
    ['Nobody Known', 'is named “Nobody Known”'],
    ['nobody@example.com', 'has the email “nobody@example.com”'],
    ['4876876000000999999', 'has the id 4876876000000999999'],
  ])('does not find %s', (value, says) => {
    const r = USERS.resolve(owner, value);
    expect(r).toMatchObject({ ok: false, code: 'LOOKUP_NOT_FOUND' });
    if (!r.ok) expect(r.message).toContain(says);
  });
});

describe('resolving a multi-user cell', () => {
  const reviewers = makeField('multiuserlookup', { label: 'Reviewers' });

  it('resolves every user between ; or , and joins their ids with ;', () => {
    expect(USERS.resolveCell(reviewers, 'Bethany Dixon; angel.ortega@example.com, 4876876000000225007')).toEqual({
      ok: true,
      id: '4876876000000225001;4876876000000225002;4876876000000225007',
    });
  });

  it('names the same user once', () => {
    expect(USERS.resolveCell(reviewers, 'Bethany Dixon;bethany.dixon@example.com')).toEqual({ ok: true, id: '4876876000000225001' });
  });

  it('fails the cell on the first user that fails', () => {
    expect(USERS.resolveCell(reviewers, 'Bethany Dixon; Jordan Lee; Nobody')).toMatchObject({ ok: false, code: 'AMBIGUOUS_LOOKUP' });
  });

  it('keeps a single-user cell whole, commas included', () => {
    expect(USERS.resolveCell(owner, 'Dixon, Bethany')).toMatchObject({ ok: false, code: 'LOOKUP_NOT_FOUND' });
  });
});
