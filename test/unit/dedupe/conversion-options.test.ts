import { describe, expect, it } from 'vitest';
import { conversionOptions, modulePreference, type ConversionOptionsInput } from '../../../electron/core/engines/dedupe/conversion-options';
import { finderOver, PAT, SEED, standard, withUnique } from './zoho-fixture';

function input(over: Partial<ConversionOptionsInput> = {}): ConversionOptionsInput {
  return {
    lead: (f) => (PAT as Record<string, string>)[f] ?? '',
    leadFields: standard('Leads'),
    contactFields: withUnique('Contacts', { Phone: false }),
    accountFields: standard('Accounts'),
    finder: finderOver(SEED),
    describe: (module, id) => (module === 'Contacts' ? { Full_Name: SEED.Contacts?.[id]?.Last_Name ?? null } : { Account_Name: SEED.Accounts?.[id]?.Account_Name ?? null }),
    ...over,
  };
}

describe('conversion options', () => {
  it('reproduce seed S0’s answer for Pat Boyle', () => {
    const o = conversionOptions(input());
    expect(o).toEqual({
      module_preference: { api_name: 'Contacts' },
      Contacts: [
        { id: '4876876000007421001', Full_Name: 'Boyle' },
        { id: '4876876000007437017', Full_Name: 'Boyle' },
      ],
      Accounts: [{ id: '4876876000007421010', Account_Name: 'Zylker Biotech' }],
      preference_field_matched_value: {
        Contacts: [
          { field: { api_name: 'Phone' }, matched_lead_value: '9844444444' },
          { field: { api_name: 'Email' }, matched_lead_value: 'pat.boyle@zylker.com' },
        ],
        Accounts: [{ field: { api_name: 'Account_Name' }, matched_lead_value: 'Zylker Biotech' }],
      },
    });
  });

  it('answer nothing (Zoho’s 204) when the Contacts module is removed, or nothing matches', () => {
    expect(conversionOptions(input({ contactFields: null }))).toBeNull();
    expect(conversionOptions(input({ lead: (f) => ({ Last_Name: 'Nobody', Company: 'Nowhere' })[f] ?? '' }))).toBeNull();
  });

  it('list only Contact options when Accounts is removed', () => {
    const o = conversionOptions(input({ accountFields: null }));
    expect(o?.Accounts).toBeNull();
    expect(o?.Contacts).toHaveLength(2);
    expect(o?.preference_field_matched_value.Accounts).toEqual([]);
  });

  it('skip account matching when the Leads module has no Company field', () => {
    const finder = finderOver(SEED);
    const o = conversionOptions(input({ leadFields: standard('Leads').filter((f) => f.apiName !== 'Company'), finder }));
    expect(o?.Accounts).toBeNull();
    expect(finder.asked.some((a) => a.startsWith('Accounts.'))).toBe(false);
  });

  it('prefer Accounts only when Contacts has no unique field and Accounts has one', () => {
    expect(modulePreference(withUnique('Contacts', { Phone: false }), standard('Accounts'))).toBe('Contacts');
    expect(modulePreference(standard('Contacts'), withUnique('Accounts', { Phone: false }))).toBe('Accounts');
    expect(modulePreference(standard('Contacts'), standard('Accounts'))).toBe('Contacts');
    expect(modulePreference(withUnique('Contacts', { Phone: false }), withUnique('Accounts', { Phone: false }))).toBe('Contacts');
  });
});
