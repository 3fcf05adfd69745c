/**
 * `preflight export` and `preflight results load|retry` (see shared/CLI.md).
 */
import path from 'node:path';
import type { Core } from '../core/app';
import type { Res } from '../../shared/ipc/contract';
import { UsageError, type ParsedArgs } from './args';
import type { Command, CommandResult } from './commands';
import { withProgress } from './cli-kit';

type Call = <T>(core: Core, channel: string, payload: unknown) => Promise<T>;

function batchList(arg: string | undefined): number[] {
  const ids = (arg ?? '').split(',').map((s) => Number(s.trim()));
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new UsageError('export BATCH[,BATCH…]: BATCH is a batch number');
  }
  return ids;
}

function optionOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T | null): T {
  const v = args.flags.get(name);
  if (v === undefined) {
    if (fallback === null) throw new UsageError(`${name} ${allowed.join('|')} is required`);
    return fallback;
  }
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

type Plan = Res<'export.preview'>;

function planLines(plan: Plan): string[] {
  const text: string[] = [];
  for (const b of plan.batches) {
    const left = b.leftOut.map((l) => `${l.rows} ${l.reason}`).join(', ');
    text.push(`Batch ${b.batch} (${b.module}, ${b.source}): ${b.exported} of ${b.rows} rows exported${left ? `; left out: ${left}` : ''}.`);
    const r = b.review;
    const from = [r.inserted > 0 ? `${r.inserted} created (insert)` : '', r.updated > 0 ? `${r.updated} merged into existing records (update by id)` : ''].filter((x) => x !== '');
    if (from.length > 0) text.push(`  from the review: ${from.join(', ')}`);
    if (r.mergedInto.length > 0) text.push(`  merged rows: ${r.mergedInto.map((m) => `row ${m.row} into row ${m.survivor}`).join(', ')}${r.mergedInto.length < r.mergedRows ? ', …' : ''}`);
    for (const c of b.columnsLeftOut) text.push(`  column ${c.field} left out: ${c.reason}`);
  }
  for (const n of plan.notes) text.push(n);
  return text;
}

/** The export commands, to merge into the command table. */
export function exportCommands(call: Call): Record<string, Command> {
  return {
    export: async (core, args, onProgress): Promise<CommandResult> => {
      if (args.positionals.length !== 2) throw new UsageError('export BATCH[,BATCH…] --operation insert|update|upsert [--find-by FIELD] --out DIR');
      const batches = batchList(args.positionals[1]);
      const out = args.flags.get('--out');
      if (typeof out !== 'string') throw new UsageError('--out DIR is required');
      const findBy = args.flags.get('--find-by');
      const callback = args.flags.get('--callback-url');
      const ignore = args.flags.get('--ignore-empty');
      const folder = path.resolve(out);
      const jobId = `cli_${process.pid}_${Date.now()}`;
      const r = await withProgress(core, jobId, onProgress, () =>
        call<Res<'export.run'>>(core, 'export.run', {
          batches,
          operation: optionOf(args, '--operation', ['insert', 'update', 'upsert'] as const, null),
          findBy: typeof findBy === 'string' ? findBy : null,
          apiVersion: optionOf(args, '--api-version', ['v2', 'v8'] as const, 'v2'),
          callbackUrl: typeof callback === 'string' ? callback : null,
          ignoreEmpty: ignore === undefined ? null : optionOf(args, '--ignore-empty', ['true', 'false'] as const, null) === 'true',
          folder,
          jobId,
        }),
      );
      const rel = (p: string): string => path.relative(folder, path.isAbsolute(p) ? p : path.join(r.folder, p));
      const jobs = r.plan.jobs.map((j) => ({
        module: j.module,
        zip: rel(j.zip ?? ''),
        job: rel(j.jobFile ?? ''),
        rows: j.rows,
        first_row: j.firstRow,
        last_row: j.lastRow,
        stage: j.stage,
        operation: j.operation,
        find_by: j.findBy,
        from_review: j.fromReview,
        sha256: j.sha256,
      }));
      const text = [
        `Wrote ${jobs.length} job(s) to ${r.folder} (${r.plan.apiCredits} API credits to upload):`,
        ...r.plan.jobs.map(
          (j) =>
            `  ${j.job}. ${j.zip} — ${j.module} ${j.operation}${j.findBy ? ` by ${j.findBy}` : ''}, ${j.rows} rows (source rows ${j.firstRow}–${j.lastRow}), stage ${j.stage}${j.fromReview > 0 ? `, ${j.fromReview} from the review` : ''}`,
        ),
        ...planLines(r.plan),
        'Upload steps: README.txt in that folder.',
      ];
      return {
        json: { export: r.export, jobs, manifest: rel(r.manifest), api_credits: r.plan.apiCredits, batches: r.plan.batches, notes: r.plan.notes },
        text,
      };
    },
    'results load': async (core, args, onProgress): Promise<CommandResult> => {
      const file = args.positionals[2];
      if (!file || args.positionals.length !== 3) throw new UsageError('results load FILE [--batch BATCH] [--export EXPORT]');
      const batchFlag = args.flags.get('--batch');
      const batch = batchFlag === undefined ? null : Number(batchFlag);
      if (batch !== null && (!Number.isInteger(batch) || batch < 1)) throw new UsageError('--batch BATCH: BATCH is a batch number');
      const exportFlag = args.flags.get('--export');
      const exportId = exportFlag === undefined ? null : Number(exportFlag);
      if (exportId !== null && (!Number.isInteger(exportId) || exportId < 1)) throw new UsageError('--export EXPORT: EXPORT is an export number');
      const jobId = `cli_${process.pid}_${Date.now()}`;
      const r = await withProgress(core, jobId, onProgress, () =>
        call<Res<'results.load'>>(core, 'results.load', { source: { kind: 'path', path: path.resolve(file) }, batch, export: exportId, jobId }),
      );
      const text = [
        `Result of job ${r.job} of export ${r.export} (batch ${r.batch}, ${r.module}): ${r.added} added, ${r.updated} updated, ${r.skipped} skipped${r.unprocessed ? `, ${r.unprocessed} unprocessed` : ''}.`,
        r.alreadyLoaded ? 'This result was loaded before; nothing changed.' : `${r.replicaWritten} record(s) written into the replica.`,
        ...r.errors.slice(0, 20).map((e) => `  row ${e.row}: ${e.codes.map((c) => `${c.code}${c.columns.length ? ` (${c.columns.join(', ')})` : ''}`).join('; ') || e.status}`),
      ];
      if (r.skipped + r.unprocessed > 0) text.push(`Build a retry batch of the refused rows: preflight results retry ${r.export}`);
      return {
        json: {
          batch: r.batch,
          export: r.export,
          job: r.job,
          added: r.added,
          updated: r.updated,
          skipped: r.skipped,
          unprocessed: r.unprocessed,
          already_loaded: r.alreadyLoaded,
          errors: r.errors.map((e) => ({ row: e.row, status: e.status, codes: e.codes })),
        },
        text,
      };
    },
    'results retry': async (core, args, onProgress): Promise<CommandResult> => {
      const id = Number(args.positionals[2]);
      if (!Number.isInteger(id) || id < 1 || args.positionals.length !== 3) throw new UsageError('results retry EXPORT [--batch BATCH]');
      const batchFlag = args.flags.get('--batch');
      const batch = batchFlag === undefined ? null : Number(batchFlag);
      const jobId = `cli_${process.pid}_${Date.now()}`;
      const r = await withProgress(core, jobId, onProgress, () => call<Res<'results.retry'>>(core, 'results.retry', { export: id, batch, jobId }));
      return {
        json: { batches: r.batches, retry_lists: r.retryLists },
        text: [...r.batches.map((b) => `Retry batch ${b.batch}: ${b.rows} row(s) of batch ${b.from}.`), ...r.retryLists.map((l) => `Retry list: ${l}`)],
      };
    },
  };
}
