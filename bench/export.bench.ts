/**
 * Benchmark: `preflight export` of one million validated Leads into Bulk Write ZIPs, against
 * `zip -6` of the source CSV, run alternately in the same go; plus the peak memory of a
 * 250,000-row export, to show memory stays flat in the number of rows.
 * Writes its section of bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, removeDb, timed, type RunResult } from './measure';
import { writeSection } from './results-file';
import { writeGeneratedCsv } from './write-generated-csv';

const ROOT = process.cwd();
const TMP = path.join(ROOT, 'bench', 'tmp');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SMALL = Number(process.env.BENCH_SMALL_ROWS ?? 250_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET = 1.5;
const BIN = path.join(ROOT, 'bin', 'preflight.cjs');

const FIRST = ['Ada', 'José', 'Grace', 'Alan', 'Zoë', 'Chidi', 'Mei', 'Olusegun', 'Ingrid', 'Rahul', 'Søren', 'Fatima'];
const LAST = ['Lovelace', 'Núñez', 'Hopper', 'Turing', 'Müller', 'Okafor', 'Wang', 'Obi', 'Larsen', 'Gupta', "O'Brien", 'Haddad'];
const COMPANY = ['Acme Corporation', '"Globex, Inc."', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises'];
const CITY = ['London', 'Sevilla', 'Arlington', 'Manchester', 'Zürich', 'Lagos', 'Shanghai', 'Abuja', 'Oslo', 'Pune'];
const HEADER = ['First_Name', 'Last_Name', 'Email', 'Company', 'Phone', 'Mobile', 'Street', 'City', 'Zip_Code', 'Country', 'Description'];

/** A valid Lead (API-name header, so the import maps every column as it is). */
function leadRow(i: number): string[] {
  const f = FIRST[i % FIRST.length] as string;
  return [
    f,
    LAST[(i * 7) % LAST.length] as string,
    `${f.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@example.com`,
    COMPANY[i % COMPANY.length] as string,
    `+44 20 ${String(7000 + (i % 3000)).padStart(4, '0')} ${String(i % 10000).padStart(4, '0')}`,
    `0${7700900000 + (i % 99999)}`,
    `${(i % 200) + 1} High Street`,
    CITY[i % CITY.length] as string,
    String(10000 + (i % 89999)),
    'United Kingdom',
    i % 10 === 0 ? `"Met at the fair, ""hot"" lead\nCall back #${i}"` : `Imported lead ${i}`,
  ];
}

async function prepare(rows: number): Promise<{ csv: string; db: string; batch: number }> {
  const csv = path.join(TMP, `export-leads-${rows}.csv`);
  if (!fs.existsSync(csv)) {
    process.stderr.write(`generating ${csv}\n`);
    writeGeneratedCsv(csv, HEADER, rows, leadRow);
  }
  const db = path.join(TMP, `export-${rows}.db`);
  removeDb(db);
  const r = await timed(process.execPath, [BIN, '--workspace', db, 'import', csv, '--module', 'Leads', '--json'], { env: { ...process.env, PREFLIGHT_APP_DATA: path.join(TMP, 'appdata') } });
  if (r.code !== 0) throw new Error(`import failed: ${r.stdout} ${r.stderr}`);
  const s = JSON.parse(r.stdout) as { batch: number; rows: number; valid: number; invalid: number; warnings: number };
  if (s.rows !== rows || s.invalid !== 0) throw new Error(`import gave ${JSON.stringify({ ...s, issues: undefined })}`);
  return { csv, db, batch: s.batch };
}

async function exportOnce(db: string, batch: number, out: string, rows: number): Promise<RunResult> {
  fs.rmSync(out, { recursive: true, force: true });
  const o = await timed(process.execPath, [BIN, '--workspace', db, 'export', String(batch), '--operation', 'insert', '--out', out, '--json'], {
    env: { ...process.env, PREFLIGHT_APP_DATA: path.join(TMP, 'appdata') },
  });
  if (o.code !== 0) throw new Error(`export failed: ${o.stdout} ${o.stderr}`);
  const j = JSON.parse(o.stdout) as { jobs: { rows: number }[] };
  const total = j.jobs.reduce((n, x) => n + x.rows, 0);
  if (total !== rows) throw new Error(`export wrote ${total} of ${rows} rows`);
  return o;
}

const s = (ms: number): string => (ms / 1000).toFixed(2);
const cpu = (r: RunResult[]): string => (r.every((x) => x.cpuS !== null) ? `${median(r.map((x) => x.cpuS as number)).toFixed(2)} s` : 'n/a');
const peak = (r: RunResult[]): string => (r.every((x) => x.peakMiB !== null) ? `${median(r.map((x) => x.peakMiB as number)).toFixed(0)} MiB` : 'n/a');

async function main(): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  const big = await prepare(ROWS);
  const small = await prepare(SMALL);
  const refZip = path.join(TMP, 'export-reference.zip');
  const out = path.join(TMP, 'export-out');
  const ref: RunResult[] = [];
  const ours: RunResult[] = [];
  const loads: string[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    loads.push((os.loadavg()[0] ?? 0).toFixed(1));
    fs.rmSync(refZip, { force: true });
    const r = await timed('zip', ['-6', '-q', '-j', refZip, big.csv]);
    if (r.code !== 0) throw new Error(`zip failed: ${r.stderr}`);
    ref.push(r);
    const o = await exportOnce(big.db, big.batch, out, ROWS);
    ours.push(o);
    process.stderr.write(`run ${i + 1}: zip -6 ${s(r.ms)} s (cpu ${r.cpuS ?? '?'} s), preflight export ${s(o.ms)} s (cpu ${o.cpuS ?? '?'} s, ${o.peakMiB?.toFixed(0) ?? '?'} MiB)\n`);
  }
  const zips = fs.readdirSync(out).filter((n) => n.endsWith('.zip')).length;
  const smallRuns = [await exportOnce(small.db, small.batch, out, SMALL)];
  const sizeMB = fs.statSync(big.csv).size / 1e6;
  const refMs = median(ref.map((r) => r.ms));
  const ourMs = median(ours.map((r) => r.ms));
  const ratio = ourMs / refMs;
  const lines = [
    `## Export: ${ROWS.toLocaleString('en-US')} validated Leads to Bulk Write ZIPs (source CSV ${sizeMB.toFixed(0)} MB, ${RUNS} runs each)`,
    '',
    '| what | median wall | runs | median CPU (user+sys) | peak memory |',
    '|---|---|---|---|---|',
    `| \`zip -6 ref.zip source.csv\` (reference) | ${s(refMs)} s | ${ref.map((r) => s(r.ms)).join(', ')} | ${cpu(ref)} | ${peak(ref)} |`,
    `| \`preflight export BATCH --operation insert --out DIR\` (${zips} jobs) | ${s(ourMs)} s | ${ours.map((r) => s(r.ms)).join(', ')} | ${cpu(ours)} | ${peak(ours)} |`,
    `| the same, ${SMALL.toLocaleString('en-US')} rows (memory check) | ${s(smallRuns[0]?.ms ?? 0)} s | | ${cpu(smallRuns)} | ${peak(smallRuns)} |`,
    '',
    `Ratio: **${ratio.toFixed(2)}x** the reference's wall time (target: at most ${TARGET}x) — ${ratio <= TARGET ? 'met' : 'NOT met'}; by CPU time ${(median(ours.map((r) => r.cpuS ?? 0)) / median(ref.map((r) => r.cpuS ?? 1))).toFixed(2)}x.`,
    `Load average when the runs started: ${loads.join(', ')} on ${os.cpus().length} cores${Number(loads[0]) > os.cpus().length ? ' — the machine was busy, so judge by CPU time' : ''}.`,
    'The export reads every row from the workspace, computes what Zoho receives, writes the job CSVs and',
    'compresses them in two threads, so its CPU time is above its wall time; zip -6 uses one core.',
    `Memory: ${peak(smallRuns)} at ${SMALL.toLocaleString('en-US')} rows, ${peak(ours)} at ${ROWS.toLocaleString('en-US')}.`,
    '',
  ];
  writeSection(ROOT, 'export', lines);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
