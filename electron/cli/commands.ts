/**
 * The CLI's commands: each turns arguments into one core request and a printable result.
 */
import path from 'node:path';
import type { Core } from '../core/app';
import { UsageError, type ParsedArgs } from './args';

export interface CommandResult {
  /** The `--json` object. */
  json: Record<string, unknown>;
  /** Lines for a person. */
  text: string[];
}

export type Command = (core: Core, args: ParsedArgs, onProgress: (done: number, total: number, rows: number) => void) => Promise<CommandResult>;

export const USAGE = `Usage: preflight [--workspace FILE] <command> [arguments] [--json]

Commands:
  metadata load --module M FILE.json   load a saved Fields API response for module M
  replica load --module M FILE         load a Zoho export (Bulk Read ZIP/CSV, CRM export CSV,
                                       Records API JSON) of module M into the replica
  replica stats                        record counts per module

Options:
  --workspace FILE   workspace file (default: PREFLIGHT_WORKSPACE, else the app-data folder)
  --json             print exactly one JSON object on stdout
  --help             show this help`;

class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function requireModule(args: ParsedArgs): string {
  const m = args.flags.get('--module');
  if (typeof m !== 'string') {
    throw new UsageError('--module M is required');
  }
  return m;
}

function requireFile(args: ParsedArgs, index: number): string {
  const f = args.positionals[index];
  if (!f) {
    throw new UsageError('a FILE argument is required');
  }
  if (args.positionals.length > index + 1) {
    throw new UsageError(`unexpected argument ${args.positionals[index + 1]}`);
  }
  return path.resolve(f);
}

async function call<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const env = await core.dispatch(channel, payload);
  if (!env.ok) {
    throw new CommandError(env.error.code, env.error.message);
  }
  return env.value as T;
}

export { CommandError };

/** The command table, keyed by its words. */
export const COMMANDS: Record<string, Command> = {
  'metadata load': async (core, args) => {
    const module = requireModule(args);
    const file = requireFile(args, 2);
    const r = await call<{ module: string; fields: number; unique: string[]; mandatory: string[]; custom: string[] }>(
      core,
      'metadata.load',
      { module, source: { kind: 'path', path: file } },
    );
    return {
      json: r,
      text: [
        `Loaded ${r.fields} fields for ${r.module} (${r.custom.length} custom).`,
        `Mandatory: ${r.mandatory.join(', ') || '(none)'}`,
        `Unique: ${r.unique.join(', ') || '(none)'}`,
      ],
    };
  },
  'replica load': async (core, args, onProgress) => {
    const module = requireModule(args);
    const file = requireFile(args, 2);
    const jobId = `cli_${process.pid}_${Date.now()}`;
    const off = core.onEvent((name, payload) => {
      if (name === 'job.progress') {
        const p = payload as { jobId: string; done: number; total: number; rows: number };
        if (p.jobId === jobId) {
          onProgress(p.done, p.total, p.rows);
        }
      }
    });
    try {
      const r = await call<{
        module: string;
        format: string;
        loaded: number;
        inserted: number;
        updated: number;
        rejected: number;
        rejectedRows: { row: number; reason: string }[];
        unknownColumns: string[];
        durationMs: number;
      }>(core, 'replica.load', { module, source: { kind: 'path', path: file }, jobId });
      const text = [
        `Loaded ${r.loaded} ${r.module} records (${r.inserted} new, ${r.updated} updated) from a ${r.format} file in ${(r.durationMs / 1000).toFixed(1)} s.`,
      ];
      if (r.rejected > 0) {
        text.push(`Rejected ${r.rejected} rows: ${r.rejectedRows.slice(0, 5).map((x) => `row ${x.row} (${x.reason})`).join(', ')}`);
      }
      if (r.unknownColumns.length > 0) {
        text.push(`Kept ${r.unknownColumns.length} columns that match no known field: ${r.unknownColumns.join(', ')}`);
      }
      return { json: r, text };
    } finally {
      off();
    }
  },
  'replica stats': async (core, args) => {
    if (args.positionals.length > 2) {
      throw new UsageError(`unexpected argument ${args.positionals[2]}`);
    }
    const r = await call<{ modules: Record<string, number> }>(core, 'replica.stats', {});
    const entries = Object.entries(r.modules);
    return {
      json: r,
      text: entries.length === 0 ? ['The replica is empty.'] : entries.map(([m, n]) => `${m}: ${n}`),
    };
  },
};
