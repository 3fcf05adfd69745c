import { describe, expect, it } from 'vitest';
import { planLead } from '../../../electron/core/engines/convert/lead-plan';
import { CREATE_NEW } from '../../../electron/core/engines/convert/lead-run';
import { convertLeadBody, leadRequests } from '../../../electron/core/engines/convert/lead-requests';
import type { LeadPlan } from '../../../shared/domain/convert';
import { makeWorld, PAT_CONTACT, PAT_LEAD, settings, standardFields, ZYLKER_ACCOUNT, ZYLKER_DEAL } from './convert-world';

const caseOne = (): LeadPlan =>
  planLead(
    PAT_LEAD,
    { contactId: PAT_CONTACT, accountId: ZYLKER_ACCOUNT, contactSource: 'review', accountSource: 'review' },
    settings({ overwrite: true, notifyLeadOwner: true, notifyNewEntityOwner: true, deal: ZYLKER_DEAL }),
    makeWorld(),
  );

function lead(n: number): LeadPlan {
  const id = `48768760000074${String(n).padStart(5, '0')}`;
  return planLead({ key: id, id, batchRow: null, values: { Last_Name: `Lead ${n}`, Company: `Company ${n}` } }, CREATE_NEW, settings({ assignTo: '4876876000000281001' }), makeWorld());
}

describe('Convert Lead bodies', () => {
  it("v8 of seed S0's Case I is the seed's sample input", () => {
    expect(convertLeadBody(caseOne(), 'v8')).toEqual({
      data: [
        {
          overwrite: true,
          notify_lead_owner: true,
          notify_new_entity_owner: true,
          Accounts: { id: '4876876000007421010' },
          Contacts: { id: '4876876000007421001' },
          Deals: { Deal_Name: 'Zylker Deal', Closing_Date: '2024-10-20', Stage: 'Negotiation/Review', Amount: 20000000, Pipeline: 'Standard (Standard)' },
        },
      ],
    });
  });

  it('v2 writes Accounts, Contacts and assign_to as plain id strings', () => {
    const plan = { ...caseOne(), settings: { ...caseOne().settings, assignTo: '4876876000000281001' } };
    const body = convertLeadBody(plan, 'v2').data[0];
    expect(body).toMatchObject({ Accounts: ZYLKER_ACCOUNT, Contacts: PAT_CONTACT, assign_to: '4876876000000281001' });
    expect(convertLeadBody(plan, 'v8').data[0]).toMatchObject({ assign_to: { id: '4876876000000281001' } });
  });

  it("seed S0's Case II (new records) has only the flags", () => {
    const plan = planLead(PAT_LEAD, CREATE_NEW, settings({ overwrite: true, notifyLeadOwner: true, notifyNewEntityOwner: true }), makeWorld({ contacts: standardFields('Contacts') }));
    expect(convertLeadBody(plan, 'v8')).toEqual({ data: [{ overwrite: true, notify_lead_owner: true, notify_new_entity_owner: true }] });
  });

  it('v8 carries move_attachments_to and the tag lists; v2 leaves them out and says so', () => {
    const plan = planLead(
      PAT_LEAD,
      CREATE_NEW,
      settings({ moveAttachmentsTo: 'Deals', carryOverTags: { Contacts: true, Accounts: true, Deals: false }, deal: ZYLKER_DEAL }),
      makeWorld({ contacts: standardFields('Contacts') }),
    );
    expect(convertLeadBody(plan, 'v8').data[0]).toMatchObject({ move_attachments_to: { api_name: 'Deals' }, carry_over_tags: { Contacts: ['VIP', 'Expo 2026'], Accounts: ['VIP', 'Expo 2026'] } });
    expect(convertLeadBody(plan, 'v2').data[0]).not.toHaveProperty('carry_over_tags');
    expect(leadRequests([plan], { version: 'v2', mode: 'single' }).notes.join(' ')).toContain('API v2 takes neither');
  });

  it('leaves out the Account a Contact brings along (Zoho associates it by itself)', () => {
    const plan = planLead(PAT_LEAD, { contactId: PAT_CONTACT, accountId: null, contactSource: 'picked', accountSource: null }, settings(), makeWorld());
    expect(convertLeadBody(plan, 'v8').data[0]).toEqual({ overwrite: false, notify_lead_owner: false, notify_new_entity_owner: false, Contacts: { id: PAT_CONTACT } });
  });
});

describe('request sets', () => {
  it('one Convert Lead per ready lead, refused ones and batch rows skipped with the reason', () => {
    const refused = planLead({ ...PAT_LEAD, values: { ...PAT_LEAD.values, Converted__s: 'true' } }, CREATE_NEW, settings(), makeWorld({ contacts: standardFields('Contacts') }));
    const row = planLead({ key: 'row:3', id: null, batchRow: 3, values: { Last_Name: 'Row' } }, CREATE_NEW, settings(), makeWorld());
    const set = leadRequests([caseOne(), refused, row], { version: 'v8', mode: 'single' });
    expect(set.requests.map((r) => [r.file, r.path, r.scope])).toEqual([
      ['001-convert-lead-4876876000007400001.json', '/crm/v8/Leads/4876876000007400001/actions/convert', 'ZohoCRM.modules.leads.CREATE'],
    ]);
    expect(set.skipped.map((s) => [s.key, s.codes])).toEqual([
      [PAT_LEAD.key, ['ID_ALREADY_CONVERTED']],
      ['row:3', []],
    ]);
    expect(set.skipped[1]?.reason).toContain('no Zoho record id yet');
  });

  it('Mass Convert groups at most 50 leads sharing assign_to and deal; chosen targets go alone', () => {
    const leads = Array.from({ length: 120 }, (_, i) => lead(i + 1));
    const merged = { ...caseOne(), settings: { ...caseOne().settings, assignTo: '4876876000000281001' } };
    const set = leadRequests([...leads, merged], { version: 'v8', mode: 'mass' });
    const mass = set.requests.filter((r) => r.path.endsWith('mass_convert'));
    expect(mass.map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([50, 50, 20]);
    expect(mass[0]?.body).toMatchObject({ assign_to: { id: '4876876000000281001' } });
    expect(mass[0]?.scope).toBe('ZohoCRM.mass_convert.leads.CREATE');
    expect(set.requests.filter((r) => r.path.endsWith('/actions/convert'))).toHaveLength(1);
    expect(set.notes.join(' ')).toContain('cannot name the Contact or Account');
    const all = mass.flatMap((r) => (r.body as { ids: string[] }).ids);
    expect(new Set(all).size).toBe(120);
  });

  it('Mass Convert needs assign_to; without it the leads get single requests', () => {
    const p = planLead({ key: '4876876000007400099', id: '4876876000007400099', batchRow: null, values: { Last_Name: 'X' } }, CREATE_NEW, settings(), makeWorld());
    const set = leadRequests([p], { version: 'v8', mode: 'mass' });
    expect(set.requests[0]?.path).toBe('/crm/v8/Leads/4876876000007400099/actions/convert');
    expect(set.notes[0]).toContain('Mass Convert needs assign_to');
  });

  it('separates leads whose deals differ', () => {
    const withDeal = (n: number, name: string): LeadPlan => {
      const p = lead(n);
      return { ...p, settings: { ...p.settings, deal: { ...ZYLKER_DEAL, Deal_Name: name } } };
    };
    const set = leadRequests([withDeal(1, 'A'), withDeal(2, 'A'), withDeal(3, 'B')], { version: 'v8', mode: 'mass' });
    expect(set.requests.map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([2, 1]);
  });
});
