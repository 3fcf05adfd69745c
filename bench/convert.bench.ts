/**
 * Benchmark: plans for 10,000 leads (`preflight convert leads --all`, a worker job against a
 * replica with a unique Contacts field), and invoice previews for 1,000 quotes (document, HTML
 * and PDF, in this process through the same service the window uses). Wall-clock and CPU time;
 * the reference is the sqlite3 shell copying the same leads into a table, the floor of reading
 * and writing them once. Writes its section of bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceDb } from '../electron/core/db/open';
import { ReplicaRepo } from '../electron/core/db/repos/replica-repo';
import { renderHtml } from '../electron/core/engines/invoice/render-html';
import { renderPdf } from '../electron/core/engines/invoice/render-pdf';
import { InvoiceService, pdfFonts } from '../electron/core/invoice/invoice-service';
import { writeConversionOrg } from './generate-conversion-org';
import { median, removeDb } from './measure';
import { writeSection } from './results-file';

const ROOT = process.cwd();
const TMP = path.join(ROOT, 'bench', 'tmp', 'convert');
const LEADS = Number(process.env.BENCH_LEADS ?? 10_000);
const QUOTES = Number(process.env.BENCH_QUOTES ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Timed {
  ms: number;
  cpuMs: number;
  peakMiB: number;
  stdout: string;
  code: number;
}

/** Runs a command under GNU time: wall-clock, user+system CPU and peak memory. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '__T__ %U %S %M', cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /__T__ ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      resolve({
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN,
        peakMiB: m ? Number(m[3]) / 1024 : NaN,
        stdout,
        code: code ?? -1,
      });
    });
  });
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  const org = path.join(TMP, 'org');
  writeConversionOrg(org, { leads: LEADS, contacts: 10_000, accounts: 3_000, quotes: QUOTES }, path.join(ROOT, 'resources'));
  const ws = path.join(TMP, 'workspace.db');
  removeDb(ws);
  const env = { ...process.env, PREFLIGHT_APP_DATA: path.join(TMP, 'appdata') };
  const cli = (args: string[]): Promise<Timed> => timed(process.execPath, [path.join(ROOT, 'bin', 'preflight.cjs'), '--workspace', ws, ...args], env);
  for (const step of [
    ['metadata', 'load', '--module', 'Contacts', path.join(org, 'Contacts.fields.json')],
    ...['Accounts', 'Contacts', 'Leads', 'Quotes'].map((m) => ['replica', 'load', '--module', m, path.join(org, `${m}.records.json`)]),
  ]) {
    const r = await cli(step);
    if (r.code !== 0) throw new Error(`${step.join(' ')} failed: ${r.stdout}`);
  }
  const db = openWorkspaceDb(ws, { create: false });
  const leadTable = new ReplicaRepo(db).tableOf('Leads') ?? '';
  db.close();

  // Plans for every lead, alternating with the reference.
  const ours: Timed[] = [];
  const ref: Timed[] = [];
  let counts = { leads: 0, ready: 0, refused: 0, codes: {} as Record<string, number> };
  for (let i = 0; i < RUNS; i += 1) {
    const copy = path.join(TMP, `ref-${i}.db`);
    fs.copyFileSync(ws, copy);
    const r = await timed('sqlite3', [copy, `CREATE TABLE plans_copy AS SELECT * FROM ${leadTable};`]);
    if (r.code !== 0) throw new Error('sqlite3 failed');
    ref.push(r);
    removeDb(copy);
    const o = await cli(['convert', 'leads', '--all', '--json']);
    if (o.code !== 0) throw new Error(`convert leads failed: ${o.stdout.slice(0, 500)}`);
    counts = JSON.parse(o.stdout) as typeof counts;
    if (counts.leads !== LEADS) throw new Error(`planned ${counts.leads} of ${LEADS}`);
    ours.push(o);
    process.stderr.write(`run ${i + 1}: sqlite3 copy ${s(r.ms)}, preflight convert leads ${s(o.ms)} (CPU ${s(o.cpuMs)})\n`);
  }

  // Previews for every quote, in this process: the document, then HTML, then PDF.
  const wdb = openWorkspaceDb(ws, { create: false });
  const service = new InvoiceService(wdb, () => new Date('2026-11-22T10:00:00Z'), path.join(ROOT, 'resources'));
  const ids = [...(wdb.prepare(`SELECT id FROM ${new ReplicaRepo(wdb).tableOf('Quotes') ?? ''} ORDER BY id`).all() as { id: string }[])].map((r) => r.id);
  const fonts = pdfFonts(path.join(ROOT, 'resources'));
  const phase = async (work: () => Promise<number>): Promise<{ ms: number; cpuMs: number; out: number }> => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const out = await work();
    const c = process.cpuUsage(c0);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (c.user + c.system) / 1000, out };
  };
  const docs = ids.map((id) => service.preview({ module: 'Quotes', id, kind: 'invoice', workflow: 'estimate' }));
  const build = await phase(async () => ids.map((id) => service.preview({ module: 'Quotes', id, kind: 'invoice', workflow: 'estimate' })).length);
  const html = await phase(async () => docs.reduce((n, d) => n + renderHtml(d).length, 0));
  const pdf = await phase(async () => {
    let bytes = 0;
    for (const d of docs) bytes += (await renderPdf(d, fonts, new Date('2026-11-22T10:00:00Z'))).length;
    return bytes;
  });
  const lines = docs.reduce((n, d) => n + d.line_items.length, 0);
  const flagged = docs.filter((d) => d.checks.some((c) => !c.agrees)).length;
  wdb.close();

  const refMs = median(ref.map((r) => r.ms));
  const ourMs = median(ours.map((o) => o.ms));
  const section = [
    `## Conversions: plans for ${LEADS.toLocaleString('en-US')} leads, previews for ${QUOTES.toLocaleString('en-US')} quotes (${RUNS} runs)`,
    '',
    `Replica: ${LEADS.toLocaleString('en-US')} Leads, 10,000 Contacts (Phone unique, so every new Contact is checked for DUPLICATE_DATA), 3,000 Accounts, ${QUOTES.toLocaleString('en-US')} Quotes with ${lines.toLocaleString('en-US')} line items.`,
    '',
    '| what | median wall | runs | CPU (user+sys) | peak memory |',
    '|---|---|---|---|---|',
    `| \`sqlite3\` copying the Leads table into a new table (reference: read and write them once) | ${s(refMs)} | ${ref.map((r) => s(r.ms)).join(', ')} | ${s(median(ref.map((r) => r.cpuMs)))} | ${median(ref.map((r) => r.peakMiB)).toFixed(0)} MiB |`,
    `| \`preflight convert leads --all --json\` (process start, worker job, 500 plans printed) | ${s(ourMs)} | ${ours.map((o) => s(o.ms)).join(', ')} | ${s(median(ours.map((o) => o.cpuMs)))} | ${median(ours.map((o) => o.peakMiB)).toFixed(0)} MiB |`,
    '',
    `Plans: ${counts.ready.toLocaleString('en-US')} ready, ${counts.refused.toLocaleString('en-US')} refused (${Object.entries(counts.codes).map(([k, v]) => `${k} ${v}`).join(', ')}). Ratio to the reference: ${(ourMs / refMs).toFixed(1)}x; per lead ${(ourMs / LEADS).toFixed(2)} ms.`,
    '',
    '| previews (in process, one thread) | wall | CPU | per quote |',
    '|---|---|---|---|',
    `| documents built from the replica (customer, lines, totals, checks) | ${s(build.ms)} | ${s(build.cpuMs)} | ${(build.ms / QUOTES).toFixed(2)} ms |`,
    `| rendered as HTML (${(html.out / 1e6).toFixed(1)} MB) | ${s(html.ms)} | ${s(html.cpuMs)} | ${(html.ms / QUOTES).toFixed(2)} ms |`,
    `| rendered as PDF with DejaVu Sans embedded (${(pdf.out / 1e6).toFixed(1)} MB) | ${s(pdf.ms)} | ${s(pdf.cpuMs)} | ${(pdf.ms / QUOTES).toFixed(2)} ms |`,
    '',
    `${flagged} of ${QUOTES} quotes have stored totals that disagree with the recomputed ones (the generator stores a made-up Grand_Total).`,
    '',
  ];
  writeSection(ROOT, 'convert', section);
  process.stdout.write(`${section.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
