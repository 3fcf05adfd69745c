import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConversionReplica } from '../helpers/conversion-replica';
import { tempCore, type TempCore } from '../helpers/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = tempCore();
  await loadConversionReplica(t, ['Contacts', 'Accounts']);
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

describe('converting the rows of a Leads batch', () => {
  it('plans the rows as Zoho would receive them (edits and exclusions applied), simulates them, and writes no request before they have ids', async () => {
    const csv = path.join(t.dir, 'leads.csv');
    fs.writeFileSync(csv, 'First Name,Last Name,Company,Email\nMaría José,Ñúñez,Café Olé S.L.,mj@example.es\nBo,,Nameless Ltd,bo@example.com\nExcluded,Row,X,x@example.com\n');
    const batch = await t.call('import.start', { source: { kind: 'path', path: csv }, module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    await t.call('batch.exclude', { batch: batch.batch, rows: [3], excluded: true });
    const run = await t.call('convert.plan', { source: { kind: 'batch', batch: batch.batch, rows: null }, settings: SETTINGS });
    expect(run).toMatchObject({ leads: 2, ready: 1, refused: 1, codes: { MANDATORY_NOT_FOUND: 1 } });
    const first = await t.call('convert.planDetail', { run: run.run, key: 'row:1' });
    expect(first.plan.lead).toMatchObject({ id: null, batchRow: 1, name: 'María José Ñúñez' });
    expect(first.plan.contact?.values).toMatchObject({ First_Name: 'María José', Last_Name: 'Ñúñez', Email: 'mj@example.es' });
    expect(first.plan.account?.values.Account_Name).toBe('Café Olé S.L.');
    // The missing surname is fixed in the batch; a new run sees the edit.
    await t.call('batch.editCell', { batch: batch.batch, row: 2, field: 'Last_Name', value: 'Berg' });
    const again = await t.call('convert.plan', { source: { kind: 'batch', batch: batch.batch, rows: null }, settings: SETTINGS });
    expect(again).toMatchObject({ leads: 2, ready: 2 });
    const sim = await t.call('convert.simulate', { run: again.run, keys: null });
    expect(sim).toMatchObject({ applied: 2, created: 4 });
    const w = await t.fail('convert.writeRequests', { run: again.run, keys: null, version: 'v8', mode: 'single', path: t.dir });
    expect(w.code).toBe('NOTHING_TO_CONVERT');
    expect(w.message).toContain('no Zoho record id yet');
    expect((await t.fail('convert.plan', { source: { kind: 'batch', batch: 99, rows: null }, settings: SETTINGS })).code).toBe('BATCH_NOT_FOUND');
  });
});
