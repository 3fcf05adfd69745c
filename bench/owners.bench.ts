/**
 * Benchmark: `preflight import` of a one-million-row leads CSV with a "Lead Owner" column of
 * names, without users loaded (names left alone) and with 1,000 users loaded (every owner
 * resolved by name), against the sqlite3 shell's `.import` of the same file, run alternately
 * in the same go. CPU time (user + system, from GNU time) is reported beside wall-clock time,
 * since the machine is shared. Writes its section of bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LEAD_HEADER, leadRow } from './generate-leads';
import { median, removeDb } from './measure';
import { writeSection } from './results-file';
import { writeGeneratedCsv } from './write-generated-csv';

const ROOT = process.cwd();
const TMP = path.join(ROOT, 'bench', 'tmp');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const USERS = 1000;
const BIN = path.join(ROOT, 'bin/preflight.cjs');

const FIRST = ['Bethany', 'Andres', 'Ángel', 'Dana', 'Sharon', 'Sue', 'Fernando', 'Mikayla', 'Craig', 'Ivan'];
const LAST = ['Dixon', 'Callahan', 'Ortega', 'Mcdonald', 'Cruz', 'Alexander', 'Goodwin', 'Johnston', 'Duffy', 'Núñez'];

interface Run {
  ms: number;
  cpuS: number;
  stdout: string;
  stderr: string;
  code: number;
}

/** The user of index i (1,000 distinct full names: ten first names by ten last names by ten). */
function userName(i: number): string {
  return `${FIRST[i % 10] as string} ${LAST[Math.floor(i / 10) % 10] as string}${i >= 100 ? ` ${String.fromCharCode(65 + Math.floor(i / 100))}.` : ''}`;
}

function writeUsers(file: string): void {
  const users = Array.from({ length: USERS }, (_, i) => {
    const [first, ...rest] = userName(i).split(' ');
    return { id: String(4876876000000300000n + BigInt(i)), full_name: userName(i), first_name: first, last_name: rest.join(' '), email: `user${i}@example.com`, status: 'active' };
  });
  fs.writeFileSync(file, JSON.stringify({ users, info: { count: USERS } }));
}

/** Runs a command under GNU time: wall-clock, and the CPU time of the process and its threads. */
function timedCpu(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '__CPU__=%U %S', cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /__CPU__=([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, cpuS: m ? Number(m[1]) + Number(m[2]) : NaN, stdout, stderr, code: code ?? -1 });
    });
  });
}

async function main(): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  const csv = path.join(TMP, `leads-owners-${ROWS}.csv`);
  if (!fs.existsSync(csv)) {
    process.stderr.write(`generating ${csv}\n`);
    writeGeneratedCsv(csv, ['Lead Owner', ...LEAD_HEADER], ROWS, (i) => [userName((i * 7) % USERS), ...leadRow(i)]);
  }
  const usersFile = path.join(TMP, 'users-1000.json');
  writeUsers(usersFile);
  const env = { ...process.env, PREFLIGHT_APP_DATA: path.join(TMP, 'appdata') };
  const refDb = path.join(TMP, 'owners-reference.db');
  const bareDb = path.join(TMP, 'owners-no-users.db');
  const usersDb = path.join(TMP, 'owners-users.db');
  const results = { ref: [] as Run[], bare: [] as Run[], users: [] as Run[] };
  let summary = '';
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    loads.push(os.loadavg()[0] ?? 0);
    removeDb(refDb);
    const r = await timedCpu('sqlite3', [refDb, `.import --csv ${csv} leads`], env);
    if (r.code !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
    results.ref.push(r);
    removeDb(bareDb);
    const b = await timedCpu(process.execPath, [BIN, '--workspace', bareDb, 'import', csv, '--module', 'Leads', '--json'], env);
    if (b.code !== 0) throw new Error(`preflight failed: ${b.stdout} ${b.stderr}`);
    results.bare.push(b);
    removeDb(usersDb);
    const load = await timedCpu(process.execPath, [BIN, '--workspace', usersDb, 'users', 'load', usersFile, '--json'], env);
    if (load.code !== 0) throw new Error(`users load failed: ${load.stdout}`);
    const u = await timedCpu(process.execPath, [BIN, '--workspace', usersDb, 'import', csv, '--module', 'Leads', '--json'], env);
    if (u.code !== 0) throw new Error(`preflight failed: ${u.stdout} ${u.stderr}`);
    const out = JSON.parse(u.stdout) as { rows: number; invalid: number; issues: { field: string | null }[] };
    if (out.rows !== ROWS) throw new Error(`imported ${out.rows} of ${ROWS}`);
    if (out.issues.some((x) => x.field === 'Owner')) throw new Error('an owner did not resolve');
    summary = `${out.rows.toLocaleString('en-US')} rows, ${out.invalid.toLocaleString('en-US')} with errors, none on Lead Owner`;
    results.users.push(u);
    process.stderr.write(`run ${i + 1}: sqlite3 ${(r.ms / 1000).toFixed(2)} s, no users ${(b.ms / 1000).toFixed(2)} s, 1,000 users ${(u.ms / 1000).toFixed(2)} s\n`);
  }
  const line = (what: string, runs: Run[]): string =>
    `| ${what} | ${(median(runs.map((x) => x.ms)) / 1000).toFixed(2)} s | ${median(runs.map((x) => x.cpuS)).toFixed(2)} s | ${runs.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} |`;
  const cpu = (runs: Run[]): number => median(runs.map((x) => x.cpuS));
  const sizeMB = fs.statSync(csv).size / 1e6;
  writeSection(ROOT, 'owners', [
    `## Owner resolution: ${ROWS.toLocaleString('en-US')} leads with a "Lead Owner" of names (${sizeMB.toFixed(0)} MB; ${RUNS} runs each)`,
    '',
    `With users loaded every owner name is resolved to a user id as the rows are stored (${summary}).`,
    '',
    '| what | median wall | median CPU (user + sys) | runs (wall) |',
    '|---|---|---|---|',
    line('`sqlite3 ref.db ".import --csv …"` (reference)', results.ref),
    line('`preflight import … --module Leads`, no users loaded', results.bare),
    line(`\`preflight import … --module Leads\`, ${USERS.toLocaleString('en-US')} users loaded`, results.users),
    '',
    `Resolving the owners costs ${((cpu(results.users) / cpu(results.bare) - 1) * 100).toFixed(0)} % more CPU than leaving them alone; ` +
      `the import with users takes ${(median(results.users.map((x) => x.ms)) / median(results.ref.map((x) => x.ms))).toFixed(2)}x the reference's wall-clock time.`,
    `Load average when the runs started: ${loads.map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores` +
      (Math.max(...loads) > os.cpus().length * 0.75 ? ' — the machine was busy, so judge by CPU time; the wall-clock figures need a quiet run.' : '.'),
    '',
  ]);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
