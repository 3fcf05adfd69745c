/**
 * Benchmark: `preflight replica load` of a one-million-record Contacts export against the
 * sqlite3 shell's `.import` of the same CSV, run alternately in the same go.
 * Writes its section of bench/RESULTS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeContactsCsv } from './generate-contacts';
import { median, removeDb, timed } from './measure';
import { measureResponsiveness } from './responsiveness';
import { writeSection } from './results-file';

// scripts/bench.mjs runs the bundled bench from the project root.
const ROOT = process.cwd();
const TMP = path.join(ROOT, 'bench', 'tmp');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
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
  // A second, informative reference: the shell importing into a table of the replica's shape
  // (id primary key, WITHOUT ROWID, 8 KiB pages) in a WAL database, as a workspace is.
  const shapedDb = path.join(TMP, 'reference-shaped.db');
  const header = fs.readFileSync(csv, 'utf8').slice(0, 4096).split(/\r?\n/)[0]?.split(',') ?? [];
  const shapedTable = `CREATE TABLE contacts (${header.map((h) => (h === 'id' ? '"id" TEXT PRIMARY KEY NOT NULL' : `"${h}" TEXT`)).join(', ')}) WITHOUT ROWID;`;
  const ourDb = path.join(TMP, 'workspace.db');
  const appData = path.join(TMP, 'appdata');
  const ref: number[] = [];
  const shaped: number[] = [];
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
    removeDb(shapedDb);
    const sh = await timed('sqlite3', [shapedDb, 'PRAGMA page_size = 8192;', 'PRAGMA journal_mode = WAL;', shapedTable, `.import --csv --skip 1 ${csv} contacts`]);
    if (sh.code !== 0) {
      throw new Error(`sqlite3 (replica-shaped table) failed: ${sh.stderr}`);
    }
    shaped.push(sh.ms);
    removeDb(shapedDb);
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
    process.stderr.write(`run ${i + 1}: sqlite3 .import ${(r.ms / 1000).toFixed(2)} s, into the replica's shape ${(sh.ms / 1000).toFixed(2)} s, preflight ${(o.ms / 1000).toFixed(2)} s\n`);
  }
  removeDb(ourDb);
  const resp = await measureResponsiveness(ROOT, ourDb, appData, 'replica.load', { module: 'Contacts', source: { kind: 'path', path: csv } });
  const refMs = median(ref);
  const ourMs = median(ours);
  const ratio = ourMs / refMs;
  const shapedMs = median(shaped);
  const lines = [
    `## Replica load: ${ROWS.toLocaleString('en-US')} Contacts (Bulk Read CSV, ${sizeMB.toFixed(0)} MB, ${RUNS} runs each)`,
    '',
    '| what | median | runs | peak memory |',
    '|---|---|---|---|',
    `| \`sqlite3 ref.db ".import --csv …"\` (reference) | ${(refMs / 1000).toFixed(2)} s | ${ref.map((x) => (x / 1000).toFixed(2)).join(', ')} | ${refPeak.length ? `${median(refPeak).toFixed(0)} MiB` : 'n/a'} |`,
    `| \`sqlite3\` \`.import\` into a table of the replica's shape (id primary key, WITHOUT ROWID, WAL; for context) | ${(shapedMs / 1000).toFixed(2)} s | ${shaped.map((x) => (x / 1000).toFixed(2)).join(', ')} | |`,
    `| \`preflight replica load --module Contacts\` | ${(ourMs / 1000).toFixed(2)} s | ${ours.map((x) => (x / 1000).toFixed(2)).join(', ')} | ${ourPeak.length ? `${median(ourPeak).toFixed(0)} MiB` : 'n/a'} |`,
    '',
    `Ratio: **${ratio.toFixed(2)}x** the reference (target: at most ${TARGET}x) — ${ratio <= TARGET ? 'met' : 'NOT met'}.`,
    `Against the shell doing the replica's own work (a keyed table in a WAL database): ${(ourMs / shapedMs).toFixed(2)}x.`,
    '',
    '## Responsiveness during a load',
    '',
    `The local host loaded the same file through \`replica.load\` (${(resp.loadMs / 1000).toFixed(2)} s) while \`app.info\` was asked every 50 ms:`,
    `${resp.pings} answers, median ${resp.p50.toFixed(1)} ms, p99 ${resp.p99.toFixed(1)} ms, slowest ${resp.max.toFixed(1)} ms.`,
    '',
  ];
  writeSection(ROOT, 'replica-load', lines);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
