import { describe, expect, it } from 'vitest';
import { blockingKeys, MAX_BLOCK } from '../../../electron/core/engines/dedupe/blocking';
import { compareProfiles } from '../../../electron/core/engines/dedupe/compare-profiles';
import { fieldRoles } from '../../../electron/core/engines/dedupe/field-roles';
import { findDuplicates, type IncomingRow } from '../../../electron/core/engines/dedupe/find-duplicates';
import { MemoryModuleIndex } from '../../../electron/core/engines/dedupe/memory-index';
import { buildProfile, type Profile } from '../../../electron/core/engines/dedupe/record-profile';
import { ShareTable } from '../../../electron/core/engines/dedupe/term-shares';
import { standard } from './zoho-fixture';

const contactRoles = fieldRoles('Contacts', standard('Contacts'));
const leadRoles = fieldRoles('Leads', standard('Leads'));
const contact = (v: Record<string, string>): Profile => buildProfile(contactRoles, (f) => v[f] ?? '');
const leadP = (v: Record<string, string>): Profile => buildProfile(leadRoles, (f) => v[f] ?? '');
const NO_SHARES = { share: () => 0 };
const score = (a: Profile, b: Profile, organisation = false) => compareProfiles(a, b, { shares: NO_SHARES, organisation });

const ada = contact({ First_Name: 'Ada', Last_Name: 'Lovelace', Email: 'ada@example.com', Date_of_Birth: '1815-12-10', Mailing_City: 'London' });

describe('field roles', () => {
  it('give each module’s fields their meaning, so a Lead compares with a Contact', () => {
    const roles = new Map(leadRoles.map((r) => [r.field, r.role]));
    expect(roles.get('Zip_Code')).toBe('zip');
    expect(roles.get('Company')).toBe('company');
    expect(new Map(contactRoles.map((r) => [r.field, r.role])).get('Mailing_Zip')).toBe('zip');
    expect(new Map(fieldRoles('Accounts', standard('Accounts')).map((r) => [r.field, r.role])).get('Billing_Code')).toBe('zip');
    expect(new Map(fieldRoles('Deals', standard('Deals')).map((r) => [r.field, r.role])).get('Deal_Name')).toBe('title');
  });
});

describe('the fuzzy model', () => {
  it('scores in [0, 1], the same person high and a stranger low, with the fields that agreed', () => {
    const same = score(contact({ First_Name: 'ada', Last_Name: 'LOVELACE', Email: 'ADA@example.com', Date_of_Birth: '1815-12-10' }), ada);
    expect(same.score).toBeGreaterThan(0.99);
    expect(same.score).toBeLessThanOrEqual(1);
    expect(same.evidence.map((e) => [e.field, e.how])).toEqual([
      ['First_Name', 'normalised'],
      ['Last_Name', 'normalised'],
      ['Date_of_Birth', 'exact'],
      ['Email', 'normalised'],
    ]);
    const stranger = score(contact({ First_Name: 'Grace', Last_Name: 'Hopper', Email: 'grace@navy.example', Date_of_Birth: '1906-12-09' }), ada);
    expect(stranger.score).toBeGreaterThanOrEqual(0);
    expect(stranger.score).toBeLessThan(0.01);
    expect(stranger.evidence).toEqual([]);
  });

  it('forgives typos, nicknames, initials, accents and swapped names', () => {
    const typo = score(contact({ First_Name: 'Ada', Last_Name: 'Lovelcae', Date_of_Birth: '1815-12-10', Mailing_City: 'Lodnon' }), ada);
    expect(typo.score).toBeGreaterThan(0.9);
    expect(typo.evidence.find((e) => e.field === 'Last_Name')?.how).toBe('fuzzy');
    const bob = contact({ First_Name: 'Robert', Last_Name: 'Tables', Email: 'bobby@tables.example' });
    expect(score(contact({ First_Name: 'Bob', Last_Name: 'Tables', Email: 'bobby@tables.example' }), bob).score).toBeGreaterThan(0.99);
    expect(score(contact({ First_Name: 'R.', Last_Name: 'Tables', Email: 'bobby@tables.example' }), bob).score).toBeGreaterThan(0.99);
    const zoe = contact({ First_Name: 'Zoë', Last_Name: 'Ölçer', Date_of_Birth: '1990-01-02' });
    expect(score(contact({ First_Name: 'Zoe', Last_Name: 'Olcer', Date_of_Birth: '1990-01-02' }), zoe).score).toBeGreaterThan(0.99);
    const swapped = score(contact({ First_Name: 'Lovelace', Last_Name: 'Ada', Date_of_Birth: '1815-12-10' }), ada);
    expect(swapped.score).toBeGreaterThan(0.9);
  });

  it('a common name says less than a rare one (term frequencies)', () => {
    const shares = new ShareTable();
    for (let i = 0; i < 3000; i += 1) shares.add(contact({ First_Name: `N${i}`, Last_Name: i < 300 ? 'Smith' : `Rare${i}` }));
    const smiths = compareProfiles(contact({ First_Name: 'Jo', Last_Name: 'Smith' }), contact({ First_Name: 'Jo', Last_Name: 'Smith' }), { shares, organisation: false });
    const rare = compareProfiles(contact({ First_Name: 'Jo', Last_Name: 'Rare1234' }), contact({ First_Name: 'Jo', Last_Name: 'Rare1234' }), { shares, organisation: false });
    expect(rare.bits).toBeGreaterThan(smiths.bits + 5);
  });

  it('compares a Lead with a Contact and an Account by role, whatever the fields are called', () => {
    const lead = leadP({ First_Name: 'Pat', Last_Name: 'Boyle', Zip_Code: '560001', Company: 'Zylker Biotech Pvt Ltd' });
    const pat = contact({ First_Name: 'Pat', Last_Name: 'Boyle', Mailing_Zip: '560001' });
    expect(score(lead, pat).evidence.map((e) => e.field)).toEqual(['First_Name', 'Last_Name', 'Mailing_Zip']);
    const account = buildProfile(fieldRoles('Accounts', standard('Accounts')), (f) => ({ Account_Name: 'Zylker Biotech', Billing_Code: '560001' })[f] ?? '');
    const s = score(lead, account, true);
    expect(s.evidence.map((e) => [e.field, e.value])).toEqual([
      ['Account_Name', 'Zylker Biotech Pvt Ltd'],
      ['Billing_Code', '560001'],
    ]);
    expect(s.score).toBeGreaterThan(0.5);
  });
});

describe('blocking', () => {
  it('files a duplicate with a typo, a swapped name or a missing value under a shared key', () => {
    const keys = (v: Record<string, string>) => new Set(blockingKeys(contact(v)));
    const base = keys({ First_Name: 'Caleb', Last_Name: 'Rowe', Date_of_Birth: '1992-11-20', Mailing_City: 'Liverpool', Email: 'calebr@thompson.org' });
    const variants: Record<string, string>[] = [
      { First_Name: 'Caleb', Last_Name: 'Rwoe', Date_of_Birth: '1992-11-20', Mailing_City: 'Liverpool' },
      { First_Name: 'Rowe', Last_Name: 'Caleb', Date_of_Birth: '1992-12-20', Mailing_City: 'Lvpreool', Email: 'calebr@thompson.org' },
      { First_Name: 'Caleb', Last_Name: 'Rowe', Date_of_Birth: '2003-01-17', Email: 'calebr@thompsn.org' },
    ];
    for (const v of variants) expect([...keys(v)].some((k) => base.has(k))).toBe(true);
    expect([...keys({ First_Name: 'Zed', Last_Name: 'Quux', Date_of_Birth: '1950-01-01' })].some((k) => base.has(k))).toBe(false);
  });

  it('drops a block too common to tell anything', () => {
    const index = new MemoryModuleIndex('Contacts', false, new Map());
    for (let i = 0; i <= MAX_BLOCK; i += 1) index.add(`c${i}`, contact({ Last_Name: `Name${i}`, Date_of_Birth: '2000-01-01' }));
    expect(index.block('d|20000101')).toBeNull();
    expect(index.block('d|19990101')).toEqual([]);
    expect(index.size).toBe(MAX_BLOCK + 1);
  });
});

describe('finding duplicates', () => {
  it('finds replica candidates by Zoho’s rules and by the model, and clusters rows of the batch', () => {
    const index = new MemoryModuleIndex('Contacts', false, new Map());
    index.add('c1', ada);
    index.add('c2', contact({ First_Name: 'Grace', Last_Name: 'Hopper', Email: 'grace@navy.example' }));
    const rows: IncomingRow[] = [
      { row: 1, profile: contact({ First_Name: 'Ada', Last_Name: 'Lovelace', Email: 'ada@example.com' }), zoho: new Map() },
      { row: 2, profile: contact({ First_Name: 'Someone', Last_Name: 'Else', Email: 'grace@navy.example' }), zoho: new Map([['Contacts', [{ id: 'c2', rule: 'email' as const, matched: [{ field: 'Email', value: 'grace@navy.example' }] }]]]) },
      { row: 3, profile: contact({ First_Name: 'Linus', Last_Name: 'Torvalds', Email: 'linus@linux.example' }), zoho: new Map() },
      { row: 4, profile: contact({ First_Name: 'Linus', Last_Name: 'Torvalds', Email: 'LINUS@linux.example' }), zoho: new Map() },
    ];
    const result = findDuplicates(rows, [index], NO_SHARES, false);
    expect(result.candidates.get(1)?.map((c) => [c.id, c.rule])).toEqual([['c1', 'fuzzy']]);
    // Zoho's email rule keeps its hit even though the names disagree (the score says so).
    const grace = result.candidates.get(2)?.[0];
    expect(grace?.rule).toBe('email');
    expect(grace?.score).toBeLessThan(0.99);
    expect(result.candidates.has(3)).toBe(false);
    expect(result.clusters).toEqual([[3, 4]]);
    expect(result.links[0]?.rule).toBe('email');
  });
});
