import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app';
import type { Res } from '../../shared/ipc/contract';
import { FIXTURES, ROOT } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';

const R = path.join(FIXTURES, 'review');
const src = (file: string) => ({ kind: 'path' as const, path: file });
const PAT = { contact: '4876876000007421001', emailContact: '4876876000007437017', account: '4876876000007421010' };

let t: TempCore;
let batch: number;

async function importLeads(file = path.join(R, 'trade-show-leads.csv')): Promise<number> {
  const s = await t.call('import.start', { source: src(file), module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
  return s.batch;
}

beforeAll(async () => {
  t = tempCore();
  await t.call('metadata.load', { module: 'Contacts', source: src(path.join(R, 'contacts-fields.json')) });
  for (const m of ['Contacts', 'Accounts', 'Leads'] as const) await t.call('replica.load', { module: m, source: src(path.join(R, `${m}.bulk-read.csv`)) });
  batch = await importLeads();
});
afterAll(async () => {
  await t.close();
});

const queueAll = async (b = batch) => (await t.call('review.queue', { batch: b, offset: 0, limit: 500, filter: 'all', sort: 'row' })).items;

describe('before a run', () => {
  it('status says there is none, and the review channels ask for one', async () => {
    expect(await t.call('dedupe.status', { batch })).toMatchObject({ run: null, stale: false, counts: { open: 0, merge: 0 } });
    expect((await t.fail('review.queue', { batch, offset: 0, limit: 10, filter: 'all', sort: 'score' })).code).toBe('DEDUPE_NOT_RUN');
    expect((await t.fail('review.decide', { batch, rows: [1], decision: { action: 'skip' } })).code).toBe('DEDUPE_NOT_RUN');
  });
});

describe('dedupe.run', () => {
  it('compares a Leads batch with Leads, Contacts and Accounts, with progress', async () => {
    const phases: string[] = [];
    const off = t.core.onEvent((name, payload) => {
      const p = payload as { jobId: string; kind: string; phase: string };
      if (name === 'job.progress' && p.jobId === 'dedupe-job-1') phases.push(`${p.kind}:${p.phase}`);
    });
    const run = await t.call('dedupe.run', { batch, against: null, jobId: 'dedupe-job-1' });
    off();
    expect(run).toMatchObject({
      batch,
      ranAt: '2026-11-22T10:00:00.000Z',
      against: ['Leads', 'Contacts', 'Accounts'],
      rows: 8,
      rowsWithCandidates: 5,
      rowsInClusters: 2,
      clusters: 1,
      byModule: { Contacts: 3, Accounts: 3, Leads: 1 },
      exactRows: 4,
      threshold: 0.5,
    });
    expect(phases).toContain('dedupe.run:reading rows');
    expect(phases).toContain('dedupe.run:reading Contacts');
    expect(phases).toContain('dedupe.run:matching');
    expect(phases).toContain('dedupe.run:saving');
    expect((await t.call('dedupe.status', { batch })).run).toEqual(run);
  });

  it('takes the modules asked for, and refuses a module without metadata', async () => {
    const other = await importLeads();
    const run = await t.call('dedupe.run', { batch: other, against: ['Accounts'] });
    expect(run.against).toEqual(['Accounts']);
    expect(Object.keys(run.byModule)).toEqual(['Accounts']);
    expect((await t.fail('dedupe.run', { batch: other, against: ['Nope_Module'] })).code).toBe('UNKNOWN_MODULE');
    expect((await t.fail('dedupe.run', { batch: 999, against: null })).code).toBe('BATCH_NOT_FOUND');
    expect((await t.fail('dedupe.run', { batch: other, against: [] })).code).toBe('BAD_REQUEST');
  });

  it('in exact mode runs Zoho’s rules only', async () => {
    const other = await importLeads();
    const run = await t.call('dedupe.run', { batch: other, against: null, mode: 'exact' });
    expect(run.clusters).toBe(0);
    const rules = (await t.call('review.queue', { batch: other, offset: 0, limit: 50, filter: 'all', sort: 'row' })).items.map((i) => i.bestRule);
    expect(rules).not.toContain('fuzzy');
    expect(rules.length).toBeGreaterThan(0);
  });
});

describe('review.queue and review.item', () => {
  it('lists the rows with candidates or duplicates, best first, paged', async () => {
    const q = await t.call('review.queue', { batch, offset: 0, limit: 500, filter: 'open', sort: 'score' });
    expect(q.total).toBe(7);
    expect(q.items.map((i) => i.row).sort()).toEqual([1, 2, 3, 5, 6, 7, 8]);
    const scores = q.items.map((i) => i.bestScore ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const page = await t.call('review.queue', { batch, offset: 2, limit: 2, filter: 'open', sort: 'row' });
    expect(page).toMatchObject({ total: 7, items: [{ row: 3 }, { row: 5 }] });
    const pat = q.items.find((i) => i.row === 1);
    expect(pat).toMatchObject({ title: 'Pat Boyle', bestModule: 'Contacts', bestTitle: 'Pat Boyle', bestRule: 'unique', candidates: 3, cluster: null, decision: null });
    const tables = q.items.find((i) => i.row === 5);
    expect(tables).toMatchObject({ bestModule: null, bestTitle: 'Bob Tables', candidates: 0 });
    expect(tables?.cluster).not.toBeNull();
    expect(q.items.find((i) => i.row === 3)).toMatchObject({ bestModule: 'Leads', bestRule: 'email' });
  });

  it('shows the seed’s lead side by side with two Contacts and one Account, each by its field', async () => {
    const item = await t.call('review.item', { batch, row: 1 });
    expect(item.title).toBe('Pat Boyle');
    expect(item.incoming.find((f) => f.field === 'Company')).toEqual({ field: 'Company', label: 'Company', value: 'Zylker Biotech' });
    const byId = new Map(item.candidates.map((c) => [c.id, c]));
    const phone = byId.get(PAT.contact);
    // A lookup reads as the linked record's name; a Lead's Company is a Contact's account.
    expect(phone?.fields.find((f) => f.field === 'Account_Name')).toMatchObject({ existing: 'Zylker Biotech', incoming: 'Zylker Biotech', same: true });
    expect(phone).toMatchObject({ module: 'Contacts', rule: 'unique', subtitle: 'at Zylker Biotech', locked: false });
    expect(phone?.matched[0]).toEqual({ field: 'Phone', value: '9844444444', how: 'exact', similarity: 1 });
    expect(phone?.fields.find((f) => f.field === 'Phone')).toMatchObject({ existing: '9844444444', incoming: '9844444444', same: true, matched: true });
    expect(phone?.fields.find((f) => f.field === 'Email')).toMatchObject({ existing: '', incoming: 'pat.boyle@zylker.com', same: false, matched: false });
    const email = byId.get(PAT.emailContact);
    expect(email).toMatchObject({ rule: 'email', title: 'Boyle' });
    // Fields no column of the file reaches offer nothing from the file.
    const maria = (await t.call('review.item', { batch, row: 3 })).candidates[0];
    expect(maria?.fields.find((f) => f.field === 'Lead_Status') ?? { incoming: null }).toMatchObject({ incoming: null });
    expect(maria?.fields.find((f) => f.field === 'Company')).toMatchObject({ incoming: 'Hooli', existing: 'Hooli', same: true });
    expect(email?.matched[0]).toMatchObject({ field: 'Email', value: 'pat.boyle@zylker.com' });
    const account = byId.get(PAT.account);
    expect(account).toMatchObject({ module: 'Accounts', rule: 'account-name', title: 'Zylker Biotech', subtitle: 'Bengaluru' });
    // The lead's Company reaches the Account's Account_Name through the conversion mapping.
    expect(account?.fields.find((f) => f.field === 'Account_Name')).toMatchObject({ existing: 'Zylker Biotech', incoming: 'Zylker Biotech', same: true, matched: true });
    expect(item.candidates[0]?.id).toBe(PAT.contact);
  });

  it('finds a company by its normalised name, a lead twice in the file, and a locked Contact', async () => {
    const kim = await t.call('review.item', { batch, row: 7 });
    expect(kim.candidates[0]).toMatchObject({ module: 'Accounts', title: 'Acme Corporation', rule: 'fuzzy' });
    expect(kim.candidates[0]?.matched.find((m) => m.field === 'Account_Name')).toMatchObject({ value: 'Acme Corp.', how: 'normalised' });
    const jon = await t.call('review.item', { batch, row: 2 });
    expect(jon.candidates.map((c) => [c.module, c.title])).toEqual(expect.arrayContaining([['Contacts', 'Jon Smyth'], ['Accounts', 'Globex, Inc.']]));
    const robert = await t.call('review.item', { batch, row: 5 });
    expect(robert.cluster).toMatchObject({ survivor: null, suggestedSurvivor: 5 });
    expect(robert.cluster?.rows.map((r) => [r.row, r.title])).toEqual([[5, 'Robert Tables'], [6, 'Bob Tables']]);
    // Values stay exactly as given, trailing space included.
    expect(robert.cluster?.rows[1]?.values.Email).toBe('BOBBY@tables.example ');
    expect(robert.cluster?.fields.map((f) => f.field)).toContain('Email');
    const ada = await t.call('review.item', { batch, row: 8 });
    expect(ada.candidates[0]).toMatchObject({ title: 'Ada Lovelace', locked: true });
    const none = await t.call('review.item', { batch, row: 4 });
    expect(none).toMatchObject({ title: 'Linus Torvalds', candidates: [], cluster: null, decision: null });
    expect((await t.fail('review.item', { batch, row: 99 })).code).toBe('BAD_REQUEST');
  });
});

describe('decisions', () => {
  it('merge, create, skip and clear, each one undoable step shown on the batch grid', async () => {
    const merge = { action: 'merge' as const, module: 'Contacts', id: PAT.contact, rule: 'pick' as const, picks: { Email: 'incoming' as const } };
    let c = await t.call('review.decide', { batch, rows: [1], decision: merge });
    expect(c).toMatchObject({ open: 6, merge: 1, create: 0, skip: 0, mergeRow: 0, canUndo: true });
    c = await t.call('review.decide', { batch, rows: [2, 3], decision: { action: 'create' } });
    expect(c).toMatchObject({ open: 4, create: 2 });
    c = await t.call('review.decide', { batch, rows: [7], decision: { action: 'skip' } });
    expect(c).toMatchObject({ open: 3, skip: 1 });
    const rows = await t.call('batch.rows', { batch, offset: 0, limit: 10, filter: 'all' });
    expect(rows.rows.map((r) => r.decision?.action ?? null)).toEqual(['merge', 'create', 'create', null, null, null, 'skip', null]);
    expect(rows.rows[0]?.decision).toEqual(merge);
    expect(rows.rows.map((r) => r.decisionTitle)).toEqual(['Pat Boyle', null, null, null, null, null, null, null]);
    const decided = await t.call('review.queue', { batch, offset: 0, limit: 10, filter: 'decided', sort: 'row' });
    expect(decided.items.map((i) => [i.row, i.decision?.action])).toEqual([[1, 'merge'], [2, 'create'], [3, 'create'], [7, 'skip']]);
    await t.call('batch.undo', { batch });
    expect(await t.call('review.counts', { batch })).toMatchObject({ skip: 0, open: 4, canRedo: true });
    await t.call('batch.redo', { batch });
    expect(await t.call('review.counts', { batch })).toMatchObject({ skip: 1, open: 3 });
    c = await t.call('review.decide', { batch, rows: [7], decision: null });
    expect(c).toMatchObject({ skip: 0, open: 4 });
  });

  it('refuse what Zoho or the batch would not allow', async () => {
    const bad = async (rows: number[], decision: unknown) => (await t.fail('review.decide', { batch, rows, decision })).code;
    expect(await bad([8], { action: 'merge', module: 'Contacts', id: '4876876000007421003', rule: 'fill-blanks', picks: {} })).toBe('REVIEW_INVALID');
    expect(await bad([4], { action: 'merge', module: 'Contacts', id: '1234', rule: 'fill-blanks', picks: {} })).toBe('REVIEW_INVALID');
    expect(await bad([5], { action: 'merge-row', survivor: 5 })).toBe('REVIEW_INVALID');
    expect(await bad([5], { action: 'merge-row', survivor: 77 })).toBe('REVIEW_INVALID');
    expect(await bad([77], { action: 'skip' })).toBe('BAD_REQUEST');
    expect(await bad([4], { action: 'explode' })).toBe('BAD_REQUEST');
    expect(await bad([], { action: 'skip' })).toBe('BAD_REQUEST');
  });
});

describe('bulk accept', () => {
  it('previews how many rows a score would decide, then decides them as one step', async () => {
    const fresh = await importLeads();
    await t.call('dedupe.run', { batch: fresh, against: null });
    const preview = await t.call('review.bulkPreview', { batch: fresh, minScore: 0.9 });
    // Pat, Jonathan, María and Kim merge into the replica; Robert and Bob merge inside the
    // file; Ada's Contact is locked, so her row stays open.
    expect(preview).toEqual({ rows: 6, toReplica: 4, inBatch: 1, created: 1, alreadyDecided: 0, locked: 1 });
    const none = await t.call('review.bulkPreview', { batch: fresh, minScore: 1 });
    expect(none.rows).toBeLessThan(preview.rows);
    const done = await t.call('review.bulkAccept', { batch: fresh, minScore: 0.9, rule: 'fill-blanks' });
    expect(done).toMatchObject({ decided: 6, merge: 4, create: 1, mergeRow: 1, open: 1 });
    const items = await queueAll(fresh);
    expect(items.find((i) => i.row === 1)?.decision).toEqual({ action: 'merge', module: 'Contacts', id: PAT.contact, rule: 'fill-blanks', picks: {} });
    expect(items.find((i) => i.row === 5)?.decision).toEqual({ action: 'create' });
    expect(items.find((i) => i.row === 6)?.decision).toEqual({ action: 'merge-row', survivor: 5 });
    expect(await t.call('review.bulkPreview', { batch: fresh, minScore: 0.9 })).toMatchObject({ rows: 0, alreadyDecided: 6 });
    await t.call('batch.undo', { batch: fresh });
    expect(await t.call('review.counts', { batch: fresh })).toMatchObject({ open: 7, merge: 0, mergeRow: 0 });
  });
});

describe('clusters', () => {
  it('merge into a survivor that takes the chosen values, as one undoable step', async () => {
    const fresh = await importLeads();
    await t.call('dedupe.run', { batch: fresh, against: null });
    const item = await t.call('review.item', { batch: fresh, row: 6 });
    const cluster = item.cluster?.id as number;
    const c = await t.call('review.mergeCluster', { batch: fresh, cluster, survivor: 6, values: { First_Name: 'Robert', Company: 'Little Bobby Ltd' } });
    expect(c).toMatchObject({ mergeRow: 1 });
    const rows = await t.call('batch.rows', { batch: fresh, offset: 4, limit: 2, filter: 'all' });
    expect(rows.rows[0]).toMatchObject({ row: 5, decision: { action: 'merge-row', survivor: 6 }, decisionTitle: 'Bob Tables' });
    expect(rows.rows[1]).toMatchObject({ row: 6, decision: null });
    expect(rows.rows[1]?.edited.sort()).toEqual(['Company', 'First_Name']);
    expect(rows.rows[1]?.values).toMatchObject({ First_Name: 'Robert', Company: 'Little Bobby Ltd', Last_Name: 'Tables' });
    expect((await t.call('review.item', { batch: fresh, row: 5 })).cluster?.survivor).toBe(6);
    // Merging edits cells, but the review's own steps do not make the run stale.
    expect((await t.call('dedupe.status', { batch: fresh })).stale).toBe(false);
    // The survivor cannot be skipped or merged away while rows are merged into it.
    expect((await t.fail('review.decide', { batch: fresh, rows: [6], decision: { action: 'skip' } })).code).toBe('REVIEW_INVALID');
    await t.call('batch.undo', { batch: fresh });
    const undone = await t.call('batch.rows', { batch: fresh, offset: 4, limit: 2, filter: 'all' });
    expect(undone.rows.map((r) => [r.decision, r.edited])).toEqual([[null, []], [null, []]]);
    expect(undone.rows[1]?.values.First_Name).toBe('Bob');
    expect((await t.fail('review.mergeCluster', { batch: fresh, cluster, survivor: 1, values: {} })).code).toBe('REVIEW_INVALID');
    expect((await t.fail('review.mergeCluster', { batch: fresh, cluster, survivor: 6, values: { Nope__c: 'x' } })).code).toBe('MAPPING_INVALID');
  });

  it('split a wrong member out; its own merge no longer holds', async () => {
    const fresh = await importLeads();
    await t.call('dedupe.run', { batch: fresh, against: null });
    const cluster = (await t.call('review.item', { batch: fresh, row: 5 })).cluster?.id as number;
    await t.call('review.decide', { batch: fresh, rows: [6], decision: { action: 'merge-row', survivor: 5 } });
    const c = await t.call('review.split', { batch: fresh, row: 6 });
    expect(c.mergeRow).toBe(0);
    // A cluster of one is no cluster.
    expect((await t.call('review.item', { batch: fresh, row: 5 })).cluster).toBeNull();
    expect((await t.call('review.item', { batch: fresh, row: 6 })).cluster).toBeNull();
    expect((await t.fail('review.split', { batch: fresh, row: 6 })).code).toBe('REVIEW_INVALID');
    // Nothing is left to act on for the split row: the queue says so.
    const split = (await queueAll(fresh)).find((i) => i.row === 6);
    expect(split).toMatchObject({ bestScore: null, bestRule: null, bestTitle: null, cluster: null });
    await t.call('batch.undo', { batch: fresh });
    expect((await t.call('review.item', { batch: fresh, row: 6 })).cluster?.id).toBe(cluster);
    expect((await t.call('review.counts', { batch: fresh })).mergeRow).toBe(1);
  });
});

describe('cancel', () => {
  it('stops a run on request and keeps the previous results', async () => {
    const rows = ['First Name,Last Name,Email,City'];
    for (let i = 0; i < 40_000; i += 1) rows.push(`Given${i % 997},Family${i},person${i}@example.com,City${i % 50}`);
    const file = path.join(t.dir, 'many-leads.csv');
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
    const big = await importLeads(file);
    const first = await t.call('dedupe.run', { batch: big, against: ['Contacts'], mode: 'exact' });
    let cancelled: Promise<Res<'job.cancel'>> | null = null;
    const off = t.core.onEvent((name, payload) => {
      const p = payload as { jobId: string; kind: string };
      if (name === 'job.progress' && p.jobId === 'dedupe-cancel-1' && !cancelled) cancelled = t.call('job.cancel', { jobId: p.jobId });
    });
    const err = await t.fail('dedupe.run', { batch: big, against: null, jobId: 'dedupe-cancel-1' });
    off();
    expect(err.code).toBe('CANCELLED');
    expect(await cancelled).toEqual({ cancelled: true });
    expect((await t.call('dedupe.status', { batch: big })).run).toEqual(first);
  });
});

describe('staleness, results for the CLI, and persistence', () => {
  it('marks a run stale after an edit or a replica load, and fresh again after an undo', async () => {
    const fresh = await importLeads();
    await t.call('dedupe.run', { batch: fresh, against: null });
    await t.call('batch.editCell', { batch: fresh, row: 4, field: 'Email', value: 'new@linux.example' });
    expect((await t.call('dedupe.status', { batch: fresh })).stale).toBe(true);
    await t.call('batch.undo', { batch: fresh });
    expect((await t.call('dedupe.status', { batch: fresh })).stale).toBe(false);
    await t.call('replica.load', { module: 'Leads', source: src(path.join(R, 'Leads.bulk-read.csv')) });
    expect((await t.call('dedupe.status', { batch: fresh })).stale).toBe(true);
  });

  it('pages every match and cluster in row order', async () => {
    const first = await t.call('dedupe.matches', { batch, afterRow: 0, limit: 2 });
    expect(first.matches.map((m) => m.row)).toEqual([1, 2]);
    expect(first.next).toBe(2);
    const pat = first.matches[0] as Res<'dedupe.matches'>['matches'][number];
    expect(pat.candidates.map((c) => [c.module, c.id, c.rule])).toEqual([
      ['Contacts', PAT.contact, 'unique'],
      ['Contacts', PAT.emailContact, 'email'],
      ['Accounts', PAT.account, 'account-name'],
    ].sort((a, b) => (pat.candidates.findIndex((c) => c.id === a[1]) - pat.candidates.findIndex((c) => c.id === b[1]))));
    const scores = pat.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const rest = await t.call('dedupe.matches', { batch, afterRow: 2, limit: 100 });
    expect(rest.next).toBeNull();
    expect(rest.matches.find((m) => m.row === 5)?.duplicates.map((d) => d.row)).toEqual([6]);
    expect(await t.call('dedupe.clusters', { batch, offset: 0, limit: 10 })).toEqual({ total: 1, clusters: [[5, 6]] });
  });

  it('keeps results and decisions across a restart', async () => {
    const t2 = tempCore();
    try {
      for (const m of ['Contacts', 'Accounts'] as const) await t2.call('replica.load', { module: m, source: src(path.join(R, `${m}.bulk-read.csv`)) });
      const s = await t2.call('import.start', { source: src(path.join(R, 'trade-show-leads.csv')), module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
      await t2.call('dedupe.run', { batch: s.batch, against: null });
      await t2.call('review.decide', { batch: s.batch, rows: [1], decision: { action: 'create' } });
      const req = { batch: s.batch, offset: 0, limit: 500, filter: 'all' as const, sort: 'row' as const };
      const before = await t2.call('review.queue', req);
      await t2.core.close();
      const core = createCore({
        workspacePath: t2.workspace,
        workspaceIsDefault: false,
        appDataDir: path.join(t2.dir, 'appdata'),
        resourcesDir: path.join(ROOT, 'resources'),
        workerPath: path.join(ROOT, 'out', 'node', 'worker.cjs'),
        version: '0.0.0-test',
      });
      const env = await core.dispatch('review.queue', req);
      const undo = await core.dispatch('batch.undo', { batch: s.batch });
      const after = await core.dispatch('review.counts', { batch: s.batch });
      await core.close();
      expect(env).toEqual({ ok: true, value: before });
      expect(before.items.find((i) => i.row === 1)?.decision).toEqual({ action: 'create' });
      expect(undo.ok).toBe(true);
      expect(after.ok && (after.value as Res<'review.counts'>).create).toBe(0);
    } finally {
      fs.rmSync(t2.dir, { recursive: true, force: true });
    }
  });
});
