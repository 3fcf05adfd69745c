/**
 * `preflight convert …` and `preflight invoice …`, run as a user runs them: a real process on a
 * real workspace file, the request folder and the PDF on disk.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSION_FIXTURES, IDS } from '../helpers/conversion-replica';
import { tempDir } from '../helpers/temp-dir';
import { runCli, type CliRun, oneJson } from '../helpers/cli-run';

let dir: string;
let cleanup: () => void;
let ws: string;

function run(args: string[]): CliRun {
  return runCli(ws, dir, args);
}

const json = oneJson;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  ws = path.join(dir, 'cli.db');
  for (const m of ['Leads', 'Contacts', 'Accounts', 'Quotes', 'Sales_Orders', 'Deals']) {
    expect(run(['replica', 'load', '--module', m, path.join(CONVERSION_FIXTURES, `${m}.records.json`)]).code).toBe(0);
  }
}, 120_000);
afterAll(() => cleanup());

describe('preflight convert leads', () => {
  it('plans every lead and prints one JSON object with the refusals', () => {
    const r = run(['convert', 'leads', '--all', '--json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { leads: number; ready: number; codes: Record<string, number>; plans: { name: string; status: string; errors: { code: string }[] }[] };
    expect(out).toMatchObject({ leads: 7, ready: 4, refused: 3, codes: { ID_ALREADY_CONVERTED: 1, RECORD_LOCKED: 1, NOT_APPROVED: 1 } });
    expect(out.plans.find((p) => p.name === 'Grace Hopper')?.errors[0]?.code).toBe('ID_ALREADY_CONVERTED');
  });

  it("converts the seed's lead into the existing contact and account with a new deal, simulated, requests written; then undoes it", () => {
    const out = path.join(dir, 'requests');
    fs.mkdirSync(out);
    const args = ['convert', 'leads', '--lead', IDS.patLead, '--contact', IDS.patContact, '--account', IDS.zylker, '--deal-name', 'Zylker Deal', '--closing-date', '2024-10-20'];
    const r = run([...args, '--stage', 'Negotiation/Review', '--pipeline', 'Standard (Standard)', '--amount', '20000000', '--overwrite', '--notify-lead-owner', '--notify-new-owner', '--simulate', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const res = json(r.stdout) as { plans: { contact: { action: string; id: string }; deal: { action: string } }[]; simulation: { id: number; applied: number }; requests: { folder: string; manifest: string; requests: number } };
    expect(res.plans[0]?.contact).toMatchObject({ action: 'merge', id: IDS.patContact });
    expect(res.simulation.applied).toBe(1);
    const manifest = JSON.parse(fs.readFileSync(res.requests.manifest, 'utf8')) as { requests: { file: string }[] };
    const body = JSON.parse(fs.readFileSync(path.join(res.requests.folder, manifest.requests[0]?.file ?? ''), 'utf8')) as { data: Record<string, unknown>[] };
    expect(body.data[0]).toMatchObject({ overwrite: true, notify_lead_owner: true, notify_new_entity_owner: true, Accounts: { id: IDS.zylker }, Contacts: { id: IDS.patContact } });
    // Converted in the replica now, so Zoho would refuse it: exit 1, the error object and the plan.
    const again = run(['convert', 'leads', '--lead', IDS.patLead, '--json']);
    expect(again.code).toBe(1);
    const err = json(again.stdout) as { error: { code: string }; plans: unknown[] };
    expect(err.error.code).toBe('ID_ALREADY_CONVERTED');
    expect(err.plans).toHaveLength(1);
    const undo = run(['convert', 'undo', String(res.simulation.id), '--json']);
    expect(json(undo.stdout)).toEqual({ simulation: res.simulation.id, removed: 1, restored: 1, keptChanged: 0 });
    expect(run(['convert', 'leads', '--lead', IDS.patLead, '--json']).code).toBe(0);
  });

  it('Mass Convert requests with --mass; v2 shapes with --api v2', () => {
    const out = path.join(dir, 'mass');
    fs.mkdirSync(out);
    const r = run(['convert', 'leads', '--all', '--assign-to', '4876876000000281001', '--out', out, '--mass', '--json']);
    const res = json(r.stdout) as { requests: { manifest: string } };
    const manifest = JSON.parse(fs.readFileSync(res.requests.manifest, 'utf8')) as { requests: { path: string; records: unknown[] }[] };
    expect(manifest.requests.map((q) => [q.path, q.records.length])).toEqual([['/crm/v8/Leads/actions/mass_convert', 4]]);
    const v2 = run(['convert', 'leads', '--lead', IDS.adaLead, '--assign-to', '4876876000000281001', '--out', out, '--api', 'v2', '--json']);
    const m2 = JSON.parse(fs.readFileSync((json(v2.stdout) as { requests: { manifest: string } }).requests.manifest, 'utf8')) as { requests: { path: string; file: string }[] };
    expect(m2.requests[0]?.path).toBe(`/crm/v2/Leads/${IDS.adaLead}/actions/convert`);
  });

  it('exit 2 for a wrong command line, exit 1 with a coded error for unknown leads', () => {
    expect(run(['convert', 'leads']).code).toBe(2);
    expect(run(['convert', 'leads', '--all', '--contact', IDS.patContact]).code).toBe(2);
    expect(run(['convert', 'leads', '--all', '--stage', 'Qualification']).code).toBe(2);
    const r = run(['convert', 'leads', '--lead', '4876876000000000000', '--json']);
    expect(r.code).toBe(1);
    expect((json(r.stdout) as { error: { code: string } }).error.code).toBe('RECORD_NOT_FOUND');
  });
});

describe('preflight convert inventory', () => {
  it('plans Quote -> Sales Order; several targets and re-conversions are refused with exit 1', () => {
    const ok = run(['convert', 'inventory', '--module', 'Quotes', '--id', IDS.labQuote, '--to', 'Sales_Orders', '--json']);
    expect(ok.code).toBe(0);
    expect((json(ok.stdout) as { plans: { record: { values: Record<string, string> } }[] }).plans[0]?.record.values.Quote_Name).toBe(IDS.labQuote);
    const two = run(['convert', 'inventory', '--module', 'Quotes', '--id', IDS.labQuote, '--to', 'Sales_Orders,Invoices', '--json']);
    expect(two.code).toBe(1);
    expect((json(two.stdout) as { error: { code: string } }).error.code).toBe('INVALID_DATA');
    const done = run(['convert', 'inventory', '--module', 'Quotes', '--id', IDS.orderedQuote, '--to', 'Sales_Orders', '--json']);
    expect((json(done.stdout) as { error: { code: string } }).error.code).toBe('ID_ALREADY_CONVERTED');
    expect(run(['convert', 'inventory', '--module', 'Quotes', '--id', IDS.labQuote]).code).toBe(2);
  });
});

describe('preflight invoice preview', () => {
  it('saves the PDF and the HTML; pdftotext reads the customer, the lines and the totals', () => {
    const pdf = path.join(dir, 'lab-kit.pdf');
    const html = path.join(dir, 'lab-kit.html');
    const r = run(['invoice', 'preview', '--module', 'Quotes', '--id', IDS.labQuote, '--as', 'invoice', '--pdf', pdf, '--html', html, '--json']);
    expect(r.code).toBe(0);
    const res = json(r.stdout) as { document: { total: number; customer: { case: number } }; pdf: string; html: string };
    expect(res).toMatchObject({ document: { total: 2800, customer: { case: 1 } }, pdf, html });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const s of ['Zylker Biotech', 'Centrifuge Z-9', '2,800.00']) expect(text).toContain(s);
    expect(fs.readFileSync(html, 'utf8')).toContain('Zylker lab kit');
    const human = run(['invoice', 'preview', '--module', 'Quotes', '--id', IDS.labQuote]);
    expect(human.stdout).toContain('Grand_Total is 2900 in the CRM, 2800.00 recomputed');
  });

  it('refuses an unknown record (exit 1) and a missing --id (exit 2)', () => {
    expect((json(run(['invoice', 'preview', '--module', 'Quotes', '--id', '1', '--json']).stdout) as { error: { code: string } }).error.code).toBe('RECORD_NOT_FOUND');
    expect(run(['invoice', 'preview', '--module', 'Quotes']).code).toBe(2);
  });

  it('lists the customers with likely duplicates', () => {
    const r = run(['invoice', 'customers', '--duplicates', '--json']);
    expect(json(r.stdout)).toMatchObject({ customers: 5, duplicates: 2, total: 2 });
  });
});
