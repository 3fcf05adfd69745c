import { describe, expect, it } from 'vitest';
import { suggestedLookup } from '../../../shared/domain/default-transforms';
import { makeField } from '../validation/make-field';

const account = makeField('lookup', { apiName: 'Account_Name', label: 'Account Name', lookupModule: 'Accounts' });
const contact = makeField('lookup', { apiName: 'Contact_Name', label: 'Contact Name', lookupModule: 'Contacts' });

describe('suggestedLookup', () => {
  it('looks names up by name and addresses by email', () => {
    expect(suggestedLookup(account, ['Acme Corporation', 'Globex, Inc.', ''])).toEqual({ kind: 'lookup', by: 'name' });
    expect(suggestedLookup(contact, ['ada@example.com', ' grace@example.com '])).toEqual({ kind: 'lookup', by: 'email' });
  });

  it('leaves record ids, empty samples, owners and other types alone', () => {
    expect(suggestedLookup(account, ['4876876000000418001', '4876876000000418002'])).toBeNull();
    expect(suggestedLookup(account, ['', '  '])).toBeNull();
    expect(suggestedLookup(makeField('ownerlookup', { apiName: 'Owner', label: 'Owner' }), ['Ada'])).toBeNull();
    expect(suggestedLookup(makeField('text', { apiName: 'Department', label: 'Department' }), ['Sales'])).toBeNull();
  });
});
