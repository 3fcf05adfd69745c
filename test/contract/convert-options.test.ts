/**
 * `convert.options` through dispatch on a real workspace: Zoho's Lead Conversion Options answer
 * for replica leads and batch rows, the seed's cases (204, contacts only, no Company field), and
 * how a batch row's review decision starts its conversion plan.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, loadConversionReplica, phoneUnique } from '../helpers/conversion-replica';
import { ROOT } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = tempCore();
  await loadConversionReplica(t, ['Leads', 'Contacts', 'Accounts']);
  await phoneUnique(t);
});
afterEach(async () => {
  await t.close();
});

const SETTINGS = {
  overwrite: false,
  notifyLeadOwner: false,
  notifyNewEntityOwner: false,
  assignTo: null,
  moveAttachmentsTo: 'Contacts' as const,
  carryOverTags: { Contacts: false, Accounts: false, Deals: false },
  deal: null,
};

async function leadsBatch(csv: string): Promise<number> {
  const file = path.join(t.dir, 'leads.csv');
  fs.writeFileSync(file, csv);
  const b = await t.call('import.start', { source: { kind: 'path', path: file }, module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
  return b.batch;
}

describe('convert.options', () => {
  it('answers for the seed’s lead as Zoho does: two Contacts (by Phone, by Email), the Account by Account_Name', async () => {
    const r = await t.call('convert.options', { lead: { kind: 'replica', id: IDS.patLead } });
    expect(r.status).toBe(200);
    expect(r.path).toBe(`/crm/v8/Leads/${IDS.patLead}/__conversion_options`);
    const o = r.body?.__conversion_options;
    expect(o?.module_preference).toEqual({ api_name: 'Contacts' });
    expect(o?.Contacts?.map((c) => c.id)).toEqual([IDS.patContact, IDS.boyleContact]);
    expect(o?.Accounts?.map((a) => a.id)).toContain(IDS.zylker);
    expect(o?.preference_field_matched_value.Contacts).toEqual([
      { field: { api_name: 'Phone' }, matched_lead_value: '9844444444' },
      { field: { api_name: 'Email' }, matched_lead_value: 'pat.boyle@zylker.com' },
    ]);
    expect(o?.preference_field_matched_value.Accounts[0]).toEqual({ field: { api_name: 'Account_Name' }, matched_lead_value: 'Zylker Biotech' });
    expect(r.matchedBy.Contacts[IDS.patContact]).toEqual([{ field: 'Phone', value: '9844444444' }]);
    expect(r.matchedBy.Contacts[IDS.boyleContact]).toEqual([{ field: 'Email', value: 'pat.boyle@zylker.com' }]);
    expect(r.canConvert).toBe(true);
    expect(r.notes.join(' ')).toContain('Contacts by Phone (unique) > Email > the lead’s name');
  });

  it('answers 204 and allows no conversion when the Contacts module is removed', async () => {
    const r = await t.call('convert.options', { lead: { kind: 'replica', id: IDS.patLead }, modules: { Contacts: false, Accounts: true } });
    expect(r).toMatchObject({ status: 204, body: null, canConvert: false });
    expect(r.notes[0]).toContain('Zoho does not convert leads at all');
  });

  it('answers 204 when nothing matches the lead', async () => {
    const batch = await leadsBatch('First Name,Last Name,Company,Email\nNoor,Haddad,Nowhere Trading,noor@nowhere.example\n');
    const r = await t.call('convert.options', { lead: { kind: 'batch', batch, row: 1 } });
    expect(r).toMatchObject({ status: 204, body: null, canConvert: true, path: null, lead: { key: 'row:1', batchRow: 1, name: 'Noor Haddad' } });
    expect(r.notes.join(' ')).toContain('Nothing in the replica matches');
  });

  it('lists Contacts only when Accounts is removed, or when the Leads module has no Company field', async () => {
    const noAccounts = await t.call('convert.options', { lead: { kind: 'replica', id: IDS.patLead }, modules: { Contacts: true, Accounts: false } });
    expect(noAccounts.body?.__conversion_options.Accounts).toBeNull();
    expect(noAccounts.body?.__conversion_options.Contacts).toHaveLength(2);
    expect(noAccounts.notes[0]).toContain('only Contact options are listed');

    const std = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources', 'zoho', 'Leads.json'), 'utf8')) as { fields: { api_name: string }[] };
    const file = path.join(t.dir, 'Leads.fields.json');
    fs.writeFileSync(file, JSON.stringify({ fields: std.fields.filter((f) => f.api_name !== 'Company') }));
    await t.call('metadata.load', { module: 'Leads', source: { kind: 'path', path: file } });
    const noCompany = await t.call('convert.options', { lead: { kind: 'replica', id: IDS.patLead } });
    expect(noCompany.body?.__conversion_options.Accounts).toBeNull();
    expect(noCompany.body?.__conversion_options.preference_field_matched_value.Accounts).toEqual([]);
    expect(noCompany.notes[0]).toContain('no Company field');
  });

  it('refuses a lead that is not there with RECORD_NOT_FOUND, and a malformed request with BAD_REQUEST', async () => {
    expect((await t.fail('convert.options', { lead: { kind: 'replica', id: '999' } })).code).toBe('RECORD_NOT_FOUND');
    expect((await t.fail('convert.options', { lead: { kind: 'batch', batch: 1 } })).code).toBe('BAD_REQUEST');
  });
});

describe('review decisions start the lead plans', () => {
  it('merge into a Contact merges (its Account along), create creates, skip and merged rows are left out and said so', async () => {
    const batch = await leadsBatch(
      'First Name,Last Name,Company,Email,Phone\nPat,Boyle,Zylker Biotech,pat.b@example.com,\nAda,Lovelace,Analytical Engines Ltd,ada.l@example.com,\nSkip,Me,Skip Co,skip@example.com,\nTwin,Row,Twin Co,twin@example.com,\nNew,Person,Fresh Co,new@example.com,\n',
    );
    await t.call('dedupe.run', { batch, against: null });
    await t.call('review.decide', { batch, rows: [1], decision: { action: 'merge', module: 'Contacts', id: IDS.patContact, rule: 'fill-blanks', picks: {} } });
    await t.call('review.decide', { batch, rows: [2], decision: { action: 'merge', module: 'Accounts', id: IDS.otherCorp, rule: 'fill-blanks', picks: {} } });
    await t.call('review.decide', { batch, rows: [3], decision: { action: 'skip' } });
    await t.call('review.decide', { batch, rows: [4], decision: { action: 'merge-row', survivor: 5 } });
    await t.call('review.decide', { batch, rows: [5], decision: { action: 'create' } });

    const run = await t.call('convert.plan', { source: { kind: 'batch', batch, rows: null }, settings: SETTINGS });
    expect(run.leads).toBe(3);
    expect(run.leftOut).toEqual({ skip: 1, mergeRow: 1, mergeLead: 0, rows: [3, 4] });

    const pat = (await t.call('convert.planDetail', { run: run.run, key: 'row:1' })).plan;
    expect(pat.contact).toMatchObject({ action: 'merge', id: IDS.patContact, source: 'review' });
    expect(pat.account).toMatchObject({ action: 'merge', id: IDS.zylker, source: 'contact-account' });
    expect(pat.choice.review).toBe('merge');

    const ada = (await t.call('convert.planDetail', { run: run.run, key: 'row:2' })).plan;
    expect(ada.account).toMatchObject({ action: 'merge', id: IDS.otherCorp, source: 'review' });
    expect(ada.contact?.action).toBe('create');

    const fresh = (await t.call('convert.planDetail', { run: run.run, key: 'row:5' })).plan;
    expect(fresh.contact?.action).toBe('create');
    expect(fresh.choice.review).toBe('create');

    // The options of the reviewed row list its target, and say which field matched it.
    const opts = await t.call('convert.options', { lead: { kind: 'batch', batch, row: 1 } });
    expect(opts.review).toEqual({ action: 'merge', target: { module: 'Contacts', id: IDS.patContact, name: 'Pat Boyle' }, offered: true });
    const noContacts = await t.call('convert.options', { lead: { kind: 'batch', batch, row: 1 }, modules: { Contacts: false, Accounts: true } });
    expect(noContacts.review?.offered).toBeNull();
    expect(noContacts.notes.join(' ')).not.toContain('INVALID_DATA');
    const ada2 = await t.call('convert.options', { lead: { kind: 'batch', batch, row: 2 } });
    expect(ada2.review).toMatchObject({ action: 'merge', target: { module: 'Accounts', id: IDS.otherCorp }, offered: false });
    expect(ada2.notes.join(' ')).toContain('which these options do not list: Zoho accepts that merge only if the records\' data matches, and answers INVALID_DATA otherwise');
    const skip = await t.call('convert.options', { lead: { kind: 'batch', batch, row: 3 } });
    expect(skip.review?.action).toBe('skip');
    expect(skip.notes.join(' ')).toContain('not offered for conversion');

    // Picking another target here replaces the review's, and says where it came from.
    const picked = await t.call('convert.choose', { run: run.run, key: 'row:1', contactId: IDS.boyleContact, accountId: null, via: 'zoho-match' });
    expect(picked.plan.contact).toMatchObject({ id: IDS.boyleContact, source: 'zoho-match' });
    expect(picked.plan.choice.review).toBeUndefined();
    const back = await t.call('convert.choose', { run: run.run, key: 'row:1', contactId: IDS.patContact, accountId: null });
    expect(back.plan.contact?.source).toBe('picked');
  });
});
