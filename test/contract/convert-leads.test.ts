import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadConvertSettings } from '../../shared/domain/convert';
import { IDS, loadConversionReplica, phoneUnique } from '../helpers/conversion-replica';
import { tempCore, type TempCore } from '../helpers/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = tempCore();
  await loadConversionReplica(t);
});
afterEach(async () => {
  await t.close();
});

const SETTINGS: LeadConvertSettings = {
  overwrite: false,
  notifyLeadOwner: false,
  notifyNewEntityOwner: false,
  assignTo: null,
  moveAttachmentsTo: 'Contacts',
  carryOverTags: { Contacts: true, Accounts: true, Deals: true },
  deal: null,
};
const DEAL = { Deal_Name: 'Zylker Deal', Closing_Date: '2024-10-20', Stage: 'Negotiation/Review', Pipeline: 'Standard (Standard)', Amount: '20000000', Contact_Role: '' };

async function planAll(settings = SETTINGS) {
  return t.call('convert.plan', { source: { kind: 'replica', ids: null }, settings });
}

describe('convert.plan and the plan pages', () => {
  it('plans every lead of the replica, with the refusals Zoho would give', async () => {
    await phoneUnique(t);
    const run = await planAll();
    // Phone is unique: the seed's lead clashes with the Contact Pat Boyle until it merges into it.
    expect(run).toMatchObject({ leads: 7, ready: 2, refused: 5, simulated: 0 });
    expect(run.codes).toEqual({ ID_ALREADY_CONVERTED: 1, RECORD_LOCKED: 1, NOT_APPROVED: 1, DUPLICATE_DATA: 2 });
    const refused = await t.call('convert.plans', { run: run.run, filter: 'refused', offset: 0, limit: 50 });
    expect(refused.items.map((i) => [i.name, i.codes])).toEqual([
      ['Pat Boyle', ['DUPLICATE_DATA']],
      ['Grace Hopper', ['ID_ALREADY_CONVERTED']],
      ['Alan Turing', ['RECORD_LOCKED']],
      ['Kat Johnson', ['NOT_APPROVED']],
      ['Pat Doppel', ['DUPLICATE_DATA']],
    ]);
    const all = await t.call('convert.plans', { run: run.run, filter: 'all', offset: 0, limit: 2 });
    expect(all.total).toBe(7);
    expect(all.items.map((i) => i.name)).toEqual(['Pat Boyle', 'Ada Lovelace']);
    expect((await t.call('convert.run', { run: null })).run?.run).toBe(run.run);
  });

  it('fixes a refused lead by merging it into the existing Contact and Account (seed Case I)', async () => {
    await phoneUnique(t);
    const run = await planAll({ ...SETTINGS, deal: DEAL });
    const before = await t.call('convert.planDetail', { run: run.run, key: IDS.patLead });
    expect(before.plan.findings.find((f) => f.severity === 'error')?.code).toBe('DUPLICATE_DATA');
    const fixed = await t.call('convert.choose', { run: run.run, key: IDS.patLead, contactId: IDS.patContact, accountId: IDS.zylker });
    expect(fixed.plan.status).toBe('ready');
    expect(fixed.plan.contact).toMatchObject({ action: 'merge', id: IDS.patContact, source: 'picked' });
    expect(fixed.plan.deal?.values).toMatchObject({ Deal_Name: 'Zylker Deal', Account_Name: IDS.zylker, Contact_Name: IDS.patContact });
    expect(fixed.run.ready).toBe(run.ready + 1);
    // A contact of another account: Zoho's INVALID_DATA.
    const wrong = await t.call('convert.choose', { run: run.run, key: IDS.patLead, contactId: IDS.patContact, accountId: IDS.otherCorp });
    expect(wrong.plan.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['INVALID_DATA']);
    // A locked contact cannot be associated.
    const locked = await t.call('convert.choose', { run: run.run, key: IDS.patLead, contactId: IDS.lockedContact, accountId: null });
    expect(locked.plan.findings.map((f) => f.code)).toContain('RECORD_LOCKED');
  });

  it('refuses unknown runs and leads with stable codes', async () => {
    expect((await t.fail('convert.plans', { run: 99, filter: 'all', offset: 0, limit: 10 })).code).toBe('CONVERT_RUN_NOT_FOUND');
    expect((await t.fail('convert.plan', { source: { kind: 'replica', ids: ['4876876000000000000'] }, settings: SETTINGS })).code).toBe('RECORD_NOT_FOUND');
    expect((await t.fail('convert.plan', { source: { kind: 'replica', ids: null }, settings: { ...SETTINGS, moveAttachmentsTo: 'Tasks' } })).code).toBe('BAD_REQUEST');
    const run = await planAll();
    expect((await t.fail('convert.planDetail', { run: run.run, key: 'nope' })).code).toBe('RECORD_NOT_FOUND');
  });
});

describe('simulate and undo', () => {
  it('applies the plans to the replica (provisional ids, the lead converted), seen by the next plan, and undoes exactly', async () => {
    await phoneUnique(t);
    const run = await planAll({ ...SETTINGS, deal: DEAL });
    await t.call('convert.choose', { run: run.run, key: IDS.patLead, contactId: IDS.patContact, accountId: IDS.zylker });
    const stats0 = (await t.call('replica.stats', {})).modules;
    const leadBefore = await t.call('replica.record', { module: 'Leads', id: IDS.patLead });

    const sim = await t.call('convert.simulate', { run: run.run, keys: null });
    expect(sim).toMatchObject({ applied: 3, refusedNow: 0 });
    expect(sim.simulation).toMatchObject({ kind: 'leads', conversions: 3, undoneAt: null, canUndo: true });
    const stats1 = (await t.call('replica.stats', {})).modules;
    // Ada and Émile get new contacts; Ada a new account (Émile has no Company); three deals.
    expect(stats1.Contacts).toBe((stats0.Contacts ?? 0) + 2);
    expect(stats1.Accounts).toBe((stats0.Accounts ?? 0) + 1);
    expect(stats1.Deals).toBe((stats0.Deals ?? 0) + 3);

    const lead = await t.call('replica.record', { module: 'Leads', id: IDS.patLead });
    const value = (k: string): string | undefined => lead.fields.find((f) => f.key === k)?.value;
    expect(value('Converted__s')).toBe('true');
    expect(value('Converted_Contact')).toBe(IDS.patContact);
    expect(value('Converted_Account')).toBe(IDS.zylker);
    expect(value('Converted_Deal')).toMatch(/^provisional-\d+-\d+-deals$/);
    expect(value('Converted_Date_Time')).toBe('2026-11-22T10:00:00.000Z');
    const deal = await t.call('replica.record', { module: 'Deals', id: value('Converted_Deal') ?? '' });
    expect(deal.title).toBe('Zylker Deal');
    expect(deal.fields.find((f) => f.key === 'Account_Name')?.display).toBe('Zylker Biotech');
    const ada = await t.call('replica.page', { module: 'Contacts', offset: 0, limit: 50, sort: null, search: 'Lovelace' });
    expect(ada.rows).toHaveLength(1);
    expect(ada.rows[0]?.id).toMatch(/^provisional-/);

    // Later plans see the simulated state: the converted lead is refused now.
    const again = await planAll();
    const pat = await t.call('convert.planDetail', { run: again.run, key: IDS.patLead });
    expect(pat.plan.findings.map((f) => f.code)).toContain('ID_ALREADY_CONVERTED');
    expect((await t.call('convert.plans', { run: run.run, filter: 'simulated', offset: 0, limit: 10 })).total).toBe(3);

    const undo = await t.call('convert.undo', { simulation: sim.simulation.id });
    expect(undo).toMatchObject({ removed: 6, keptChanged: 0 });
    expect(undo.simulation.undoneAt).not.toBeNull();
    expect((await t.call('replica.stats', {})).modules).toEqual(stats0);
    const restored = await t.call('replica.record', { module: 'Leads', id: IDS.patLead });
    // Every value as it was (columns the simulation added stay, empty).
    const filled = (r: typeof leadBefore): string[][] => r.fields.filter((f) => f.value !== '').map((f) => [f.key, f.value]);
    expect(filled(restored)).toEqual(filled(leadBefore));
    expect((await t.fail('convert.undo', { simulation: sim.simulation.id })).code).toBe('NOTHING_TO_UNDO');
    expect((await t.call('convert.plans', { run: run.run, filter: 'simulated', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('refuses to undo a simulation before a later one that changed the same records', async () => {
    const run = await t.call('convert.plan', { source: { kind: 'replica', ids: [IDS.patLead] }, settings: SETTINGS });
    await t.call('convert.choose', { run: run.run, key: IDS.patLead, contactId: IDS.patContact, accountId: null });
    const first = await t.call('convert.simulate', { run: run.run, keys: null });
    const inv = await t.call('convert.inventorySimulate', { module: 'Quotes', id: IDS.labQuote, target: 'Sales_Orders' });
    expect(inv.simulation.canUndo).toBe(true);
    // The inventory conversion touched other records: both can be undone in any order.
    expect((await t.call('convert.simulations', {})).items.map((s) => s.canUndo)).toEqual([true, true]);
    expect((await t.fail('convert.simulate', { run: run.run, keys: null })).code).toBe('NOTHING_TO_CONVERT');
    await t.call('convert.undo', { simulation: first.simulation.id });
    await t.call('convert.undo', { simulation: inv.simulation.id });
    expect((await t.fail('convert.undo', { simulation: 999 })).code).toBe('SIMULATION_NOT_FOUND');
  });

  it('blocks an undo while a later simulation changed the same records', async () => {
    const one = await t.call('convert.plan', { source: { kind: 'replica', ids: [IDS.patLead] }, settings: { ...SETTINGS, carryOverTags: { Contacts: true, Accounts: false, Deals: false } } });
    await t.call('convert.choose', { run: one.run, key: IDS.patLead, contactId: IDS.patContact, accountId: null });
    const first = await t.call('convert.simulate', { run: one.run, keys: null });
    const two = await t.call('convert.plan', { source: { kind: 'replica', ids: [IDS.twinLead] }, settings: { ...SETTINGS, carryOverTags: { Contacts: true, Accounts: false, Deals: false } } });
    await t.call('convert.choose', { run: two.run, key: IDS.twinLead, contactId: IDS.patContact, accountId: null });
    await t.call('convert.simulate', { run: two.run, keys: null });
    const blocked = await t.fail('convert.undo', { simulation: first.simulation.id });
    expect(blocked.code).toBe('UNDO_BLOCKED');
    expect(blocked.message).toContain('undo it first');
  });
});

describe('convert.writeRequests', () => {
  it('writes one folder with the Convert Lead bodies, a manifest and a README; refused leads are listed', async () => {
    await phoneUnique(t);
    const run = await planAll({ ...SETTINGS, overwrite: true, notifyLeadOwner: true, notifyNewEntityOwner: true, carryOverTags: { Contacts: false, Accounts: false, Deals: false }, deal: DEAL });
    await t.call('convert.choose', { run: run.run, key: IDS.patLead, contactId: IDS.patContact, accountId: IDS.zylker });
    const w = await t.call('convert.writeRequests', { run: run.run, keys: null, version: 'v8', mode: 'single', path: t.dir });
    expect(path.dirname(w.folder)).toBe(t.dir);
    expect(path.basename(w.folder)).toMatch(/^lead-conversion-20261122-100000$/);
    expect(w.requests).toBe(3);
    expect(w.skipped.map((s) => s.codes[0])).toEqual(['ID_ALREADY_CONVERTED', 'RECORD_LOCKED', 'NOT_APPROVED', 'DUPLICATE_DATA']);
    const manifest = JSON.parse(fs.readFileSync(w.manifest, 'utf8')) as { requests: { file: string; path: string }[] };
    const pat = manifest.requests.find((r) => r.path.includes(IDS.patLead));
    expect(pat?.path).toBe(`/crm/v8/Leads/${IDS.patLead}/actions/convert`);
    expect(JSON.parse(fs.readFileSync(path.join(w.folder, pat?.file ?? ''), 'utf8'))).toEqual({
      data: [
        {
          overwrite: true,
          notify_lead_owner: true,
          notify_new_entity_owner: true,
          Accounts: { id: IDS.zylker },
          Contacts: { id: IDS.patContact },
          Deals: { Deal_Name: 'Zylker Deal', Closing_Date: '2024-10-20', Stage: 'Negotiation/Review', Pipeline: 'Standard (Standard)', Amount: 20000000 },
        },
      ],
    });
    const readme = fs.readFileSync(w.readme, 'utf8');
    expect(readme).toContain('Nothing has been sent to Zoho');
    expect(readme).toContain('Grace Hopper');
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // A second write gets its own folder.
    const w2 = await t.call('convert.writeRequests', { run: run.run, keys: [IDS.adaLead], version: 'v2', mode: 'single', path: t.dir });
    expect(path.basename(w2.folder)).toBe('lead-conversion-20261122-100000-2');
    expect(w2.requests).toBe(1);
  });

  it('groups Mass Convert requests and refuses a folder that does not exist', async () => {
    const run = await planAll({ ...SETTINGS, assignTo: '4876876000000281001' });
    const w = await t.call('convert.writeRequests', { run: run.run, keys: null, version: 'v8', mode: 'mass', path: t.dir });
    const manifest = JSON.parse(fs.readFileSync(w.manifest, 'utf8')) as { requests: { file: string; path: string }[] };
    expect(manifest.requests.map((r) => r.path)).toEqual(['/crm/v8/Leads/actions/mass_convert']);
    const body = JSON.parse(fs.readFileSync(path.join(w.folder, manifest.requests[0]?.file ?? ''), 'utf8')) as { ids: string[]; assign_to: { id: string } };
    expect(body.assign_to).toEqual({ id: '4876876000000281001' });
    expect(body.ids).toEqual([IDS.patLead, IDS.adaLead, IDS.noCompanyLead, IDS.twinLead]);
    expect((await t.fail('convert.writeRequests', { run: run.run, keys: null, version: 'v8', mode: 'mass', path: path.join(t.dir, 'missing') })).code).toBe('FILE_NOT_FOUND');
  });
});
