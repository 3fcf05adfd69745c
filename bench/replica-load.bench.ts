/**
 * Benchmark: `preflight replica load` of a one-million-record Contacts export against the
 * sqlite3 shell's `.import` of the same CSV, run alternately in the same go.
 * Writes bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeContactsCsv } from './generate-contacts';
import { median, removeDb, timed } from './measure';
import { measureResponsiveness } from './responsiveness';

// scripts/bench.mjs runs the bundled bench from the project root.
const ROOT = process.cwd();
const TMP = path.join(ROOT, 'bench', 'tmp');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET = 1.5;

async function main(): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  const csv = path.join(TMP, `contacts-${ROWS}.csv`);
  if (!fs.existsSync(csv)) {
    process.stderr.write(`generating ${csv}\n`);
    writeContactsCsv(csv, ROWS);
  }
  const sizeMB = fs.statSync(csv).size / 1e6;
  const refDb = path.join(TMP, 'reference.db');
  const ourDb = path.join(TMP, 'workspace.db');
  const appData = path.join(TMP, 'appdata');
  const ref: number[] = [];
  const ours: number[] = [];
  const ourPeak: number[] = [];
  const refPeak: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    removeDb(refDb);
    // .import creates the table from the header and inserts every row in one transaction.
    const r = await timed('sqlite3', [refDb, `.import --csv ${csv} contacts`]);
    if (r.code !== 0) {
      throw new Error(`sqlite3 failed: ${r.stderr}`);
    }
    ref.push(r.ms);
    if (r.peakMiB !== null) refPeak.push(r.peakMiB);
    removeDb(ourDb);
    const o = await timed(process.execPath, [path.join(ROOT, 'bin/preflight.cjs'), '--workspace', ourDb, 'replica', 'load', '--module', 'Contacts', csv, '--json'], {
      env: { ...process.env, PREFLIGHT_APP_DATA: appData },
    });
    if (o.code !== 0) {
      throw new Error(`preflight failed: ${o.stdout} ${o.stderr}`);
    }
    const loaded = (JSON.parse(o.stdout) as { loaded: number }).loaded;
    if (loaded !== ROWS) {
      throw new Error(`preflight loaded ${loaded} of ${ROWS}`);
    }
    ours.push(o.ms);
    if (o.peakMiB !== null) ourPeak.push(o.peakMiB);
    process.stderr.write(`run ${i + 1}: sqlite3 .import ${(r.ms / 1000).toFixed(2)} s, preflight ${(o.ms / 1000).toFixed(2)} s\n`);
  }
  removeDb(ourDb);
  const resp = await measureResponsiveness(ROOT, ourDb, csv, appData);
  const refMs = median(ref);
  const ourMs = median(ours);
  const ratio = ourMs / refMs;
  const sqliteVersion = execFileSync('sqlite3', ['--version']).toString().split(' ')[0];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    'Run with `npm run bench`. Every figure is the median of alternating runs made in the same go on the',
    'same file; times are wall-clock for the whole command (process start to exit, including the WAL',
    'checkpoint when the workspace closes).',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}, sqlite3 shell ${sqliteVersion}`,
    '',
    `## Replica load: ${ROWS.toLocaleString('en-US')} Contacts (Bulk Read CSV, ${sizeMB.toFixed(0)} MB, ${RUNS} runs each)`,
    '',
    '| what | median | runs | peak memory |',
    '|---|---|---|---|',
    `| \`sqlite3 ref.db ".import --csv …"\` (reference) | ${(refMs / 1000).toFixed(2)} s | ${ref.map((x) => (x / 1000).toFixed(2)).join(', ')} | ${refPeak.length ? `${median(refPeak).toFixed(0)} MiB` : 'n/a'} |`,
    `| \`preflight replica load --module Contacts\` | ${(ourMs / 1000).toFixed(2)} s | ${ours.map((x) => (x / 1000).toFixed(2)).join(', ')} | ${ourPeak.length ? `${median(ourPeak).toFixed(0)} MiB` : 'n/a'} |`,
    '',
    `Ratio: **${ratio.toFixed(2)}x** the reference (target: at most ${TARGET}x) — ${ratio <= TARGET ? 'met' : 'NOT met'}.`,
    '',
    '## Responsiveness during a load',
    '',
    `The local host loaded the same file through \`replica.load\` (${(resp.loadMs / 1000).toFixed(2)} s) while \`app.info\` was asked every 50 ms:`,
    `${resp.pings} answers, median ${resp.p50.toFixed(1)} ms, p99 ${resp.p99.toFixed(1)} ms, slowest ${resp.max.toFixed(1)} ms.`,
    '',
  ];
  fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
