/**
 * Timing and memory of a child process, measured from outside it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface RunResult {
  ms: number;
  /** Peak resident memory in MiB (from GNU time), or null when GNU time is missing. */
  peakMiB: number | null;
  /** User + system CPU seconds of the process and its threads (from GNU time), or null. */
  cpuS: number | null;
  stdout: string;
  stderr: string;
  code: number;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `cmd args` to completion, timing wall-clock and reading peak RSS through GNU time. */
export function timed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  const useTime = fs.existsSync(GNU_TIME);
  const [bin, argv] = useTime ? [GNU_TIME, ['-f', '__PEAK_KB__=%M __CPU__=%U+%S', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(bin, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const m = /__PEAK_KB__=(\d+)/.exec(stderr);
      const cpu = /__CPU__=([\d.]+)\+([\d.]+)/.exec(stderr);
      resolve({
        ms,
        peakMiB: m?.[1] ? Number(m[1]) / 1024 : null,
        cpuS: cpu?.[1] && cpu[2] ? Number(cpu[1]) + Number(cpu[2]) : null,
        stdout,
        stderr: stderr.replace(/__PEAK_KB__=\d+( __CPU__=[\d.]+\+[\d.]+)?\n?/, ''),
        code: code ?? -1,
      });
    });
  });
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Removes a SQLite file and its WAL/SHM companions. */
export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    fs.rmSync(file + suffix, { force: true });
  }
}
