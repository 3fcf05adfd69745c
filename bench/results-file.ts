/**
 * bench/RESULTS.md: a header with the machine and date, then one section per benchmark. Each
 * benchmark replaces only its own section, so one can be re-run without losing the others.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function header(): string[] {
  const sqliteVersion = execFileSync('sqlite3', ['--version']).toString().split(' ')[0];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    '# Benchmarks',
    '',
    'Run with `npm run bench`. Every figure is the median of alternating runs made in the same go on the',
    'same file; times are wall-clock for the whole command (process start to exit, including the WAL',
    'checkpoint when the workspace closes). Peak memory is the peak resident set from GNU time.',
    'On a shared two-core machine the timings drift by 10-15 % from one set of runs to the next, and the',
    "one-thread reference drifts differently from our two- and three-thread commands: compare ratios",
    'within one go, not across dates.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}, sqlite3 shell ${sqliteVersion}`,
    '',
  ];
}

/** Replaces (or appends) the section `id` of RESULTS.md and refreshes the header. */
export function writeSection(root: string, id: string, lines: string[]): void {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const sections = new Map<string, string>();
  for (const m of old.matchAll(/<!-- bench:([\w-]+) -->\n([\s\S]*?)<!-- \/bench:\1 -->\n/g)) {
    sections.set(m[1] as string, m[2] as string);
  }
  sections.set(id, `${lines.join('\n')}\n`);
  const body = [...sections].map(([k, v]) => `<!-- bench:${k} -->\n${v}<!-- /bench:${k} -->\n`).join('\n');
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${header().join('\n')}\n${body}`);
  fs.renameSync(tmp, file);
}
