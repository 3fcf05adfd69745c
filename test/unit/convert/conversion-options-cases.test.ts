/**
 * Seed S0's conversion-option cases as the Convert screen explains them (options-notes.ts),
 * over the duplicate engine's own answer (conversionOptions): 204, Contacts only, no Company
 * field; and how a review decision starts a lead's plan (review-choice.ts).
 */
import { describe, expect, it } from 'vitest';
import { conversionOptions } from '../../../electron/core/engines/dedupe/conversion-options';
import { optionsNotes, type OptionsNotesInput } from '../../../electron/core/engines/convert/options-notes';
import { LeftOutCounter, reviewedStart } from '../../../electron/core/engines/convert/review-choice';
import { leftOutSentence } from '../../../shared/domain/left-out';
import { UniqueIndex } from '../../../electron/core/engines/convert/unique-index';
import { exactKey } from '../../../electron/core/engines/dedupe/zoho-rules';
import { finderOver, PAT, SEED, standard, withUnique } from '../dedupe/zoho-fixture';

const lead = PAT as Record<string, string>;

function answer(modules: { Contacts: boolean; Accounts: boolean }, leadFields = standard('Leads'), values = lead): OptionsNotesInput {
  const contactFields = withUnique('Contacts', { Phone: false });
  const accountFields = standard('Accounts');
  const options = conversionOptions({
    lead: (f) => values[f] ?? '',
    leadFields,
    contactFields: modules.Contacts ? contactFields : null,
    accountFields: modules.Accounts ? accountFields : null,
    finder: finderOver(SEED),
    describe: () => ({}),
  });
  return { modules, leadFields, contactFields, accountFields, lead: values, batchRow: null, options };
}

describe('the seed’s conversion-option cases, explained', () => {
  it('Contacts removed: 204 and no conversion at all, said first and alone', () => {
    const a = answer({ Contacts: false, Accounts: true });
    expect(a.options).toBeNull();
    expect(optionsNotes(a)).toEqual([
      'The Contacts module is removed from Organize Modules: Zoho does not convert leads at all, and the Lead Conversion Options API answers 204 No Content.',
    ]);
  });

  it('Accounts removed: Contacts only, and why', () => {
    const a = answer({ Contacts: true, Accounts: false });
    expect(a.options?.Accounts).toBeNull();
    expect(a.options?.Contacts).toHaveLength(2);
    const notes = optionsNotes(a);
    expect(notes[0]).toContain('only Contact options are listed');
    expect(notes[1]).toBe('Matched as Zoho matches: Contacts by Phone (unique) > Email > the lead’s name.');
  });

  it('no Company field in Leads: no account matching, and why', () => {
    const a = answer({ Contacts: true, Accounts: true }, standard('Leads').filter((f) => f.apiName !== 'Company'));
    expect(a.options?.Accounts).toBeNull();
    expect(optionsNotes(a)[0]).toContain('The Leads module has no Company field: account matching is skipped');
  });

  it('nothing matches: 204, and converting creates new records', () => {
    const a = answer({ Contacts: true, Accounts: true }, standard('Leads'), { Last_Name: 'Nobody', Company: 'Nowhere' });
    expect(a.options).toBeNull();
    expect(optionsNotes(a)[0]).toContain('Zoho answers 204 No Content, and converting the lead creates new records');
  });

  it('both modules: the order of Zoho’s rules, Accounts by Account_Name from the Company; the lead’s own state', () => {
    const a = answer({ Contacts: true, Accounts: true }, standard('Leads'), { ...lead, Converted__s: 'true', Locked__s: 'true' });
    const notes = optionsNotes(a);
    expect(notes[0]).toBe('Matched as Zoho matches: Contacts by Phone (unique) > Email > the lead’s name; Accounts by Account_Name (from the lead’s Company).');
    expect(notes).toContain('This lead is already converted: converting it again is refused with ID_ALREADY_CONVERTED.');
    expect(notes).toContain('This lead is locked: Zoho refuses to convert it (RECORD_LOCKED).');
  });
});

describe('a review decision starts the plan', () => {
  it('merge into a Contact or an Account, create, skip, merged rows, a merge into an existing Lead', () => {
    expect(reviewedStart(undefined)).toEqual({ kind: 'plan', choice: { contactId: null, accountId: null, contactSource: null, accountSource: null } });
    expect(reviewedStart({ action: 'merge', module: 'Contacts', id: 'C1', rule: 'fill-blanks', picks: {} })).toEqual({
      kind: 'plan',
      choice: { contactId: 'C1', accountId: null, contactSource: 'review', accountSource: null, review: 'merge' },
    });
    expect(reviewedStart({ action: 'merge', module: 'Accounts', id: 'A1', rule: 'pick', picks: {} })).toMatchObject({ kind: 'plan', choice: { contactId: null, accountId: 'A1', accountSource: 'review' } });
    expect(reviewedStart({ action: 'create' })).toMatchObject({ kind: 'plan', choice: { contactId: null, accountId: null, review: 'create' } });
    expect(reviewedStart({ action: 'skip' })).toEqual({ kind: 'left-out', reason: 'skip' });
    expect(reviewedStart({ action: 'merge-row', survivor: 3 })).toEqual({ kind: 'left-out', reason: 'merge-row' });
    expect(reviewedStart({ action: 'merge', module: 'Leads', id: 'L1', rule: 'fill-blanks', picks: {} })).toEqual({ kind: 'left-out', reason: 'merge-lead' });
  });

  it('counts the rows left out, keeps the first 50, and says so', () => {
    const c = new LeftOutCounter();
    for (let row = 1; row <= 60; row += 1) c.add(row, row % 3 === 0 ? 'merge-row' : 'skip');
    c.add(61, 'merge-lead');
    const r = c.result();
    expect(r).toMatchObject({ skip: 40, mergeRow: 20, mergeLead: 1 });
    expect(r.rows).toHaveLength(50);
    expect(leftOutSentence(r)).toBe(
      '61 rows not planned because of the duplicate review: 40 reviewed as skip, 20 merged into another row of the file, 1 merged into an existing Lead (convert that lead from the replica) (rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …).',
    );
    expect(leftOutSentence(new LeftOutCounter().result())).toBe('');
  });
});

describe('one set of Zoho rules', () => {
  it('a new record clashes on a unique value exactly where the conversion options would match it', () => {
    const uniques = new UniqueIndex();
    uniques.addModule('Contacts', withUnique('Contacts', { Phone: false }));
    uniques.add('Contacts', { Phone: '98444  44444' }, { module: 'Contacts', id: 'C1', name: 'Pat Boyle', plannedBy: null });
    expect(uniques.holder('Contacts', 'Phone', ' 98444 44444 ')?.id).toBe('C1');
    expect(exactKey('98444  44444', false)).toBe(exactKey(' 98444 44444 ', false));
    expect(uniques.holder('Contacts', 'Phone', '9844444444')).toBeNull();
  });
});
