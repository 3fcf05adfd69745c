/**
 * Benchmark: `preflight import` of a one-million-row messy CSV (imported, mapped by
 * suggestion and validated) against the sqlite3 shell's `.import` of the same file, run
 * alternately in the same go; then the same import through the local host while `app.info`
 * is asked every 50 ms. Writes its section of bench/RESULTS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeLeadsCsv } from './generate-leads';
import { median, removeDb, timed } from './measure';
import { measureResponsiveness } from './responsiveness';
import { writeSection } from './results-file';

const ROOT = process.cwd();
const TMP = path.join(ROOT, 'bench', 'tmp');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 1.25;
const MEMORY_TARGET_MIB = 1024;

interface ImportJson {
  rows: number;
  valid: number;
  warnings: number;
  invalid: number;
}

async function main(): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  const csv = path.join(TMP, `leads-${ROWS}.csv`);
  if (!fs.existsSync(csv)) {
    process.stderr.write(`generating ${csv}\n`);
    writeLeadsCsv(csv, ROWS);
  }
  const sizeMB = fs.statSync(csv).size / 1e6;
  const refDb = path.join(TMP, 'import-reference.db');
  const ourDb = path.join(TMP, 'import-workspace.db');
  const appData = path.join(TMP, 'appdata');
  const ref: number[] = [];
  const ours: number[] = [];
  const refPeak: number[] = [];
  const ourPeak: number[] = [];
  let result: ImportJson | null = null;
  for (let i = 0; i < RUNS; i += 1) {
    removeDb(refDb);
    const r = await timed('sqlite3', [refDb, `.import --csv ${csv} leads`]);
    if (r.code !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
    ref.push(r.ms);
    if (r.peakMiB !== null) refPeak.push(r.peakMiB);
    removeDb(ourDb);
    const o = await timed(process.execPath, [path.join(ROOT, 'bin/preflight.cjs'), '--workspace', ourDb, 'import', csv, '--module', 'Leads', '--json'], {
      env: { ...process.env, PREFLIGHT_APP_DATA: appData },
    });
    if (o.code !== 0) throw new Error(`preflight failed: ${o.stdout} ${o.stderr}`);
    result = JSON.parse(o.stdout) as ImportJson;
    if (result.rows !== ROWS) throw new Error(`preflight imported ${result.rows} of ${ROWS}`);
    ours.push(o.ms);
    if (o.peakMiB !== null) ourPeak.push(o.peakMiB);
    process.stderr.write(`run ${i + 1}: sqlite3 .import ${(r.ms / 1000).toFixed(2)} s, preflight import ${(o.ms / 1000).toFixed(2)} s\n`);
  }
  removeDb(ourDb);
  const resp = await measureResponsiveness(ROOT, ourDb, appData, 'import.start', {
    source: { kind: 'path', path: csv },
    module: 'Leads',
    encoding: 'auto',
    delimiter: 'auto',
    mapping: null,
    template: null,
  });
  removeDb(ourDb);
  const refMs = median(ref);
  const ourMs = median(ours);
  const ratio = ourMs / refMs;
  const peak = ourPeak.length ? median(ourPeak) : null;
  const secs = (ms: number): string => (ms / 1000).toFixed(2);
  const lines = [
    `## CSV import: ${ROWS.toLocaleString('en-US')} rows (${sizeMB.toFixed(0)} MB, labels as headers, day-first dates, five phone formats; ${RUNS} runs each)`,
    '',
    '`preflight import` reads the header, chooses the mapping from suggestions, then stores every row verbatim and',
    `validates it in the same pass (${result ? `${result.valid.toLocaleString('en-US')} valid, ${result.warnings.toLocaleString('en-US')} with warnings, ${result.invalid.toLocaleString('en-US')} with errors` : ''}).`,
    '',
    '| what | median | runs | peak memory |',
    '|---|---|---|---|',
    `| \`sqlite3 ref.db ".import --csv …"\` (reference) | ${secs(refMs)} s | ${ref.map(secs).join(', ')} | ${refPeak.length ? `${median(refPeak).toFixed(0)} MiB` : 'n/a'} |`,
    `| \`preflight import … --module Leads\` | ${secs(ourMs)} s | ${ours.map(secs).join(', ')} | ${peak !== null ? `${peak.toFixed(0)} MiB` : 'n/a'} |`,
    '',
    `Ratio: **${ratio.toFixed(2)}x** the reference (target: at most ${TARGET}x) — ${ratio <= TARGET ? 'met' : 'NOT met'}.`,
    `Peak memory: ${peak !== null ? `${peak.toFixed(0)} MiB` : 'n/a'} (target: under ${MEMORY_TARGET_MIB} MiB) — ${peak !== null && peak < MEMORY_TARGET_MIB ? 'met' : 'not measured or NOT met'}.`,
    '',
    '### Responsiveness during an import',
    '',
    `The local host imported the same file through \`import.start\` (${secs(resp.loadMs)} s) while \`app.info\` was asked every 50 ms:`,
    `${resp.pings} answers, median ${resp.p50.toFixed(1)} ms, p99 ${resp.p99.toFixed(1)} ms, slowest ${resp.max.toFixed(1)} ms.`,
    '',
  ];
  writeSection(ROOT, 'csv-import', lines);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
