import { describe, expect, it } from 'vitest';
import type { ReviewDecision } from '../../../shared/domain/review';
import { updateValues } from '../../../electron/core/engines/dedupe/update-values';
import { standard } from './zoho-fixture';

const lead = { module: 'Leads', fields: standard('Leads'), values: { First_Name: 'Pat', Last_Name: 'Boyle', Email: 'pat.boyle@zylker.com', Phone: '9844444444', Zip_Code: '560001', Designation: '' } };
const contact = { First_Name: 'Pat', Last_Name: 'Boyle', Email: 'old@zylker.com', Phone: '', Title: 'CTO', Created_Time: 'x' };
const merge = (rule: 'pick' | 'fill-blanks' | 'incoming-wins', picks: Record<string, 'incoming' | 'existing'> = {}): ReviewDecision => ({ action: 'merge', module: 'Contacts', id: 'c1', rule, picks });

describe('updateValues', () => {
  it('fill-blanks writes incoming values (translated into the Contact) only where the Contact has none', () => {
    expect(updateValues(merge('fill-blanks'), lead, contact, standard('Contacts'))).toEqual({ Phone: '9844444444', Mailing_Zip: '560001' });
  });

  it('incoming-wins writes every non-empty incoming value that differs', () => {
    expect(updateValues(merge('incoming-wins'), lead, contact, standard('Contacts'))).toEqual({ Email: 'pat.boyle@zylker.com', Phone: '9844444444', Mailing_Zip: '560001' });
  });

  it('pick follows the choices per field and fills blanks elsewhere; an empty value never clears', () => {
    expect(updateValues(merge('pick', { Email: 'incoming', Phone: 'existing', Title: 'incoming' }), lead, contact, standard('Contacts'))).toEqual({ Email: 'pat.boyle@zylker.com', Mailing_Zip: '560001' });
  });

  it('writes nothing for the other decisions', () => {
    for (const d of [{ action: 'create' }, { action: 'skip' }, { action: 'merge-row', survivor: 3 }] as ReviewDecision[]) expect(updateValues(d, lead, contact, standard('Contacts'))).toEqual({});
  });
});
