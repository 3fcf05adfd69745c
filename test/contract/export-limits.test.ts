/**
 * The export's limits and its all-or-nothing output: a new job every 25,000 rows, a ZIP cut
 * before it passes the size limit (proved with incompressible data), more than 200 columns
 * refused before anything is written, and a cancelled export leaving nothing behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Req } from '../../shared/ipc/contract';
import { runExport } from '../../electron/core/engines/export/run-export';
import { ROOT } from '../helpers/temp-dir';
import { tempCore, type TempCore } from '../helpers/temp-core';
import { readZipIndependently } from '../helpers/zip-check';

let t: TempCore;
beforeAll(() => {
  t = tempCore();
});
afterAll(async () => {
  await t.close();
});

const WORKER = path.join(ROOT, 'out', 'node', 'worker.cjs');

function writeCsv(name: string, header: string[], rows: number, cell: (r: number, c: number) => string): string {
  const file = path.join(t.dir, name);
  const lines = [header.join(',')];
  for (let r = 0; r < rows; r += 1) lines.push(header.map((_, c) => cell(r, c)).join(','));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function importLeads(file: string): Promise<number> {
  const s = await t.call('import.start', { source: { kind: 'path', path: file }, module: 'Leads', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
  return s.batch;
}

const opts = (batch: number): Req<'export.preview'> => ({ batches: [batch], operation: 'insert', findBy: null, apiVersion: 'v2', callbackUrl: null, ignoreEmpty: null });

describe('jobs within every limit', () => {
  it('starts a new job every 25,000 rows, with row ranges that join back', async () => {
    const file = writeCsv('many.csv', ['Last Name', 'Email'], 25_003, (r, c) => (c === 0 ? `Name ${r}` : `p${r}@example.com`));
    const batch = await importLeads(file);
    const run = await t.call('export.run', { ...opts(batch), folder: path.join(t.dir, 'many') });
    expect(run.plan.jobs.map((j) => [j.rows, j.firstRow, j.lastRow])).toEqual([
      [25_000, 1, 25_000],
      [3, 25_001, 25_003],
    ]);
    for (const j of run.plan.jobs) {
      const content = readZipIndependently(path.join(run.folder, j.zip ?? ''));
      expect(content.rows.length - 1).toBe(j.rows);
      expect(content.rows[1]?.[0]).toBe(`p${j.firstRow - 1}@example.com`);
    }
  }, 120_000);

  it('cuts a ZIP before it passes the size limit, measured on incompressible data, the same way every time', async () => {
    // Hash output does not compress: each ZIP is about as big as its CSV.
    const random = (r: number, c: number): string =>
      c === 0 ? `Name ${r}` : [1, 2, 3, 4].map((k) => crypto.createHash('sha256').update(`${r}:${k}`).digest('base64')).join('').replace(/[+/=]/g, 'x');
    const file = writeCsv('random.csv', ['Last Name', 'Description'], 3000, random);
    const batch = await importLeads(file);
    const fields = (await t.call('metadata.fields', { module: 'Leads' })).fields;
    const limit = 200_000;
    const ctx = { progress: () => undefined, cancelled: () => false };
    const run = async (name: string) => {
      const folder = path.join(t.dir, name);
      const out = await runExport(
        {
          dbPath: t.workspace,
          workerPath: WORKER,
          write: true,
          exportId: 1,
          folder,
          batches: [{ id: batch, fields }],
          options: { operation: 'insert', findBy: null, apiVersion: 'v2', callbackUrl: null, ignoreEmpty: null },
          now: '2026-11-22T10:00:00.000Z',
        },
        ctx,
        limit,
      );
      return { folder, jobs: out.plan.jobs };
    };
    const a = await run('random-a');
    expect(a.jobs.length).toBeGreaterThan(2);
    let total = 0;
    let next = 1;
    for (const j of a.jobs) {
      const zip = path.join(a.folder, j.zip ?? '');
      expect(fs.statSync(zip).size).toBeLessThanOrEqual(limit);
      expect(fs.statSync(zip).size).toBe(j.bytes);
      const content = readZipIndependently(zip);
      expect(content.rows.length - 1).toBe(j.rows);
      // Rows stay in source order across the cut.
      expect(j.firstRow).toBe(next);
      next = j.lastRow + 1;
      total += j.rows;
    }
    expect(total).toBe(3000);
    // Most of the limit is used: the cut is measured, not guessed from the raw size.
    expect(Math.max(...a.jobs.map((j) => j.bytes ?? 0))).toBeGreaterThan(limit * 0.75);
    const b = await run('random-b');
    expect(b.jobs.map((j) => j.sha256)).toEqual(a.jobs.map((j) => j.sha256));
  }, 120_000);

  it('refuses more than 200 columns before writing anything', async () => {
    const fieldsJson = {
      fields: [
        { api_name: 'Last_Name', field_label: 'Last Name', data_type: 'text', length: 80, system_mandatory: true },
        ...Array.from({ length: 205 }, (_, i) => ({ api_name: `Extra_${i}__c`, field_label: `Extra ${i}`, data_type: 'text', length: 255, custom_field: true })),
      ],
    };
    const meta = path.join(t.dir, 'wide-fields.json');
    fs.writeFileSync(meta, JSON.stringify(fieldsJson));
    await t.call('metadata.load', { module: 'Vendors', source: { kind: 'path', path: meta } });
    const header = ['Last_Name', ...fieldsJson.fields.slice(1).map((f) => f.api_name)];
    const file = writeCsv('wide.csv', header, 3, (r, c) => `v${r}-${c}`);
    const s = await t.call('import.start', { source: { kind: 'path', path: file }, module: 'Vendors', encoding: 'auto', delimiter: 'auto', mapping: null, template: null });
    expect(s.mapping.fields.length).toBeGreaterThan(200);
    const folder = path.join(t.dir, 'wide-out');
    const err = await t.fail('export.run', { ...opts(s.batch), folder });
    expect(err.code).toBe('HEADER_LIMIT_EXCEEDED');
    expect(fs.existsSync(folder)).toBe(false);
    expect((await t.fail('export.preview', opts(s.batch))).code).toBe('HEADER_LIMIT_EXCEEDED');
  }, 60_000);
});

describe('safe output', () => {
  it('leaves nothing behind when the export is cancelled', async () => {
    const file = writeCsv('cancel.csv', ['Last Name', 'Email', 'Description'], 60_000, (r, c) => (c === 0 ? `Name ${r}` : c === 1 ? `c${r}@example.com` : `text ${r} `.repeat(8)));
    const batch = await importLeads(file);
    const folder = path.join(t.dir, 'cancelled');
    const jobId = 'cancel_export_1';
    const before = (await t.call('export.history', {})).exports.length;
    const off = t.core.onEvent((name, payload) => {
      if (name === 'job.progress' && (payload as { jobId: string }).jobId === jobId) void t.call('job.cancel', { jobId });
    });
    try {
      const err = await t.fail('export.run', { ...opts(batch), folder, jobId });
      expect(err.code).toBe('CANCELLED');
    } finally {
      off();
    }
    expect(fs.existsSync(folder)).toBe(false);
    expect(fs.readdirSync(t.dir).filter((n) => n.includes('cancelled'))).toEqual([]);
    expect((await t.call('export.history', {})).exports.length).toBe(before);
  }, 120_000);
});
