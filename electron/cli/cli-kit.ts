/**
 * What command files share without importing the command table (which imports them): calling
 * the core, refusing with a code, following a job's progress, reading flags.
 */
import path from 'node:path';
import type { Core } from '../core/app';
import { UsageError, type ParsedArgs } from './args';

/** Helpers the command table hands to the command files. */
export interface CliKit {
  /** Calls a channel; a coded failure becomes a refusal (exit 1). */
  call<T>(core: Core, channel: string, payload: unknown): Promise<T>;
  /** An error that exits 1 with `{"error":{code,message}, ...details}`. */
  refuse(code: string, message: string, details?: Record<string, unknown>): Error;
}

/** Forwards a job's progress events to the CLI's progress printer while `work` runs. */
export async function withProgress<T>(core: Core, jobId: string, onProgress: (done: number, total: number, rows: number) => void, work: () => Promise<T>): Promise<T> {
  const off = core.onEvent((name, payload) => {
    if (name !== 'job.progress') return;
    const p = payload as { jobId: string; done: number; total: number; rows: number };
    if (p.jobId === jobId) onProgress(p.done, p.total, p.rows);
  });
  try {
    return await work();
  } finally {
    off();
  }
}

/** A job id for one CLI run. */
export function cliJobId(): string {
  return `cli_${process.pid}_${Date.now()}`;
}

/** A string flag, or undefined; a switch given where a value is needed is a usage error. */
export function text(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UsageError(`${name} needs a value`);
  return v;
}

/** A comma-separated list flag. */
export function list(args: ParsedArgs, name: string): string[] | undefined {
  const v = text(args, name);
  return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** One of `allowed`, or the default (the first). */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[]): T {
  const v = text(args, name);
  if (v === undefined) return allowed[0] as T;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

/** An absolute path from a flag. */
export function filePath(args: ParsedArgs, name: string): string | undefined {
  const v = text(args, name);
  return v === undefined ? undefined : path.resolve(v);
}

/** No positional arguments after the command words. */
export function noExtra(args: ParsedArgs, words: number): void {
  if (args.positionals.length > words) throw new UsageError(`unexpected argument ${args.positionals[words]}`);
}
