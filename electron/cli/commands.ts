/**
 * The CLI's commands: each turns arguments into one core request and a printable result.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/app';
import { parseTemplate, templateToMapping } from '../core/engines/mapping/template-format';
import { UsageError, type ParsedArgs } from './args';
import { dedupeCommand } from './dedupe-command';
import { exportCommands } from './export-commands';
import type { CliKit } from './cli-kit';
import { CONVERT_USAGE, convertCommands } from './convert-commands';
import { INVOICE_USAGE, invoiceCommands } from './invoice-commands';

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
  import FILE.csv --module M [--template T.json] [--encoding E] [--delimiter D]
                                       import a CSV into a new batch, map it (template,
                                       else suggestions) and validate it as Zoho would
  batch show BATCH                     the same summary for an existing batch
  batch validate BATCH                 validate every row of a batch again (after users load)
  users load FILE                      load the org's users (saved Users API response JSON,
                                       or a users CSV with ids) so owner columns resolve
  dedupe BATCH [--against M1,M2] [--exact]
                                       find the batch's rows already in the replica (Zoho's
                                       rules, then fuzzy matching) and twice in the file;
                                       --exact: Zoho's own rules only
  export BATCH[,BATCH…] --operation insert|update|upsert [--find-by FIELD] --out DIR
         [--api-version v2|v8] [--callback-url URL] [--ignore-empty true|false]
                                       write Bulk Write ZIPs, one job JSON each, a manifest
                                       and README.txt into DIR (created, or replaced when it
                                       holds an earlier export)
  results load FILE [--batch BATCH] [--export EXPORT]
                                       read a Bulk Write result ZIP or CSV back: new ids into
                                       the replica, refused rows with Zoho's codes (the newest
                                       matching export, unless --export names one)
  results retry EXPORT [--batch BATCH] a new batch of the rows Zoho refused in an export
${CONVERT_USAGE}
${INVOICE_USAGE}

Options:
  --workspace FILE   workspace file (default: PREFLIGHT_WORKSPACE, else the app-data folder)
  --json             print exactly one JSON object on stdout
  --help             show this help`;

class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** More keys of the `--json` error object (what was computed before the refusal). */
    readonly details: Record<string, unknown> = {},
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

function flagValue<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[]): T {
  const v = args.flags.get(name);
  if (v === undefined) return allowed[0] as T;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`${name} must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

/** `--delimiter` takes comma, semicolon, tab or pipe by name, or the character itself. */
function delimiterFlag(args: ParsedArgs): string {
  const v = args.flags.get('--delimiter');
  if (v === undefined) return 'auto';
  // By name, so a shell never has to quote a semicolon, a pipe or a tab.
  const named: Record<string, string> = { comma: ',', semicolon: ';', pipe: '|', tab: '\t', '\\t': '\t' };
  if (typeof v === 'string' && named[v] !== undefined) return named[v];
  if (typeof v === 'string' && ['auto', ',', ';', '|', '\t'].includes(v)) return v;
  throw new UsageError('--delimiter must be auto, comma, semicolon, tab or pipe (or the character itself)');
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

interface BatchSummaryJson {
  batch: number;
  module: string;
  rows: number;
  valid: number;
  warnings: number;
  invalid: number;
  excluded: number;
  issues: { row: number; column: string | null; field: string | null; code: string; message: string; severity: string }[];
  unmappedMandatory: string[];
  mapping: { fields: { field: string; columns: string[] }[] };
  notices: { code: string; field: string; column: string; severity: string; message: string }[];
}

/** The `--json` shape of CLI.md for `import` and `batch show`, and lines for a person. */
function batchResult(s: BatchSummaryJson): CommandResult {
  const notices = s.notices.map(({ code, field, column, severity, message }) => ({ code, field, column, severity, message }));
  const json = { batch: s.batch, module: s.module, rows: s.rows, valid: s.valid, warnings: s.warnings, invalid: s.invalid, excluded: s.excluded, issues: s.issues, notices };
  const text = [
    `Batch ${s.batch} (${s.module}): ${s.rows} rows — ${s.valid} valid, ${s.warnings} with warnings, ${s.invalid} invalid${s.excluded ? `, ${s.excluded} excluded` : ''}.`,
    `Mapped: ${s.mapping.fields.map((f) => `${f.columns.join('+')} -> ${f.field}`).join(', ') || '(nothing)'}`,
  ];
  if (s.unmappedMandatory.length > 0) {
    text.push(`Mandatory fields not mapped: ${s.unmappedMandatory.join(', ')}`);
  }
  for (const n of notices) {
    text.push(`${n.severity === 'warning' ? 'Note' : 'Info'} [${n.column}]: ${n.message}`);
  }
  for (const i of s.issues.slice(0, 20)) {
    text.push(`  row ${i.row}${i.column ? ` [${i.column}]` : ''}: ${i.severity} ${i.code} — ${i.message}`);
  }
  if (s.issues.length > 20) {
    text.push(`  … and more: use --json for the first 1000 issues, or export the error report from the window.`);
  }
  return { json, text };
}

function readTemplateFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.resolve(file), 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'JSON_INVALID';
    throw new CommandError(code, `Cannot read the template ${file}: ${(err as Error).message}`);
  }
}

const kit: CliKit = { call, refuse: (code, message, details) => new CommandError(code, message, details) };

/** The command table, keyed by its words. */
export const COMMANDS: Record<string, Command> = {
  ...convertCommands(kit),
  ...invoiceCommands(kit),
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
  import: async (core, args, onProgress) => {
    const module = requireModule(args);
    const file = requireFile(args, 1);
    const encoding = flagValue(args, '--encoding', ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
    const delimiter = delimiterFlag(args);
    const templateFile = args.flags.get('--template');
    let mapping: unknown = null;
    if (typeof templateFile === 'string') {
      const template = parseTemplate(readTemplateFile(templateFile));
      if (template.module !== module) {
        throw new CommandError('TEMPLATE_INVALID', `The template maps ${template.module}, not ${module}.`);
      }
      const preview = await call<{ header: string[] }>(core, 'import.preview', { source: { kind: 'path', path: file }, module, encoding, delimiter });
      mapping = templateToMapping(template, preview.header).mapping;
    }
    const jobId = `cli_${process.pid}_${Date.now()}`;
    const off = core.onEvent((name, payload) => {
      if (name === 'job.progress') {
        const p = payload as { jobId: string; done: number; total: number; rows: number };
        if (p.jobId === jobId) onProgress(p.done, p.total, p.rows);
      }
    });
    try {
      const s = await call<BatchSummaryJson>(core, 'import.start', { source: { kind: 'path', path: file }, module, encoding, delimiter, mapping, template: null, jobId });
      return batchResult(s);
    } finally {
      off();
    }
  },
  'batch show': async (core, args) => {
    const id = Number(args.positionals[2]);
    if (!Number.isInteger(id) || id < 1 || args.positionals.length !== 3) {
      throw new UsageError('batch show BATCH: BATCH is the batch number');
    }
    return batchResult(await call<BatchSummaryJson>(core, 'batch.summary', { batch: id }));
  },
  'batch validate': async (core, args, onProgress) => {
    const id = Number(args.positionals[2]);
    if (!Number.isInteger(id) || id < 1 || args.positionals.length !== 3) {
      throw new UsageError('batch validate BATCH: BATCH is the batch number');
    }
    const jobId = `cli_${process.pid}_${Date.now()}`;
    const off = core.onEvent((name, payload) => {
      if (name === 'job.progress') {
        const p = payload as { jobId: string; done: number; total: number; rows: number };
        if (p.jobId === jobId) onProgress(p.done, p.total, p.rows);
      }
    });
    try {
      return batchResult(await call<BatchSummaryJson>(core, 'batch.validate', { batch: id, jobId }));
    } finally {
      off();
    }
  },
  'users load': async (core, args) => {
    const file = requireFile(args, 2);
    const r = await call<{
      format: string;
      loaded: number;
      inserted: number;
      updated: number;
      active: number;
      inactive: number;
      rejected: number;
      rejectedRows: { row: number; reason: string }[];
      total: number;
    }>(core, 'users.load', { source: { kind: 'path', path: file } });
    const text = [
      `Loaded ${r.loaded} users (${r.inserted} new, ${r.updated} updated; ${r.active} active, ${r.inactive} not active) from a ${r.format} file; ${r.total} users in the workspace.`,
    ];
    if (r.rejected > 0) {
      text.push(`Rejected ${r.rejected} entries: ${r.rejectedRows.slice(0, 5).map((x) => `row ${x.row} (${x.reason})`).join(', ')}`);
    }
    text.push('Batches that map an owner can be validated again: preflight batch validate BATCH.');
    return { json: r, text };
  },
  dedupe: async (core, args, onProgress) => {
    const jobId = `cli_${process.pid}_${Date.now()}`;
    const off = core.onEvent((name, payload) => {
      if (name === 'job.progress') {
        const p = payload as { jobId: string; done: number; total: number; rows: number };
        if (p.jobId === jobId) onProgress(p.done, p.total, p.rows);
      }
    });
    try {
      return await dedupeCommand((channel, payload) => call(core, channel, payload), args, jobId);
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
  ...exportCommands(call),
};
