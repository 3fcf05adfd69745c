/**
 * `preflight dedupe BATCH [--against M1,M2] [--exact]`: finds duplicates of a batch's rows in the replica
 * and within the batch, and prints them as CLI.md says (candidates best first).
 */
import type { Res } from '../../shared/ipc/contract';
import type { ParsedArgs } from './args';
import { UsageError } from './args';
import type { CommandResult } from './commands';

type Call = <T>(channel: string, payload: unknown) => Promise<T>;
type Summary = Res<'dedupe.run'>;
type MatchesPage = Res<'dedupe.matches'>;

const PAGE = 5000;

const pct = (score: number): string => `${(score * 100).toFixed(0)} %`;

/** The dedupe command, given the CLI's way of calling the core. */
export async function dedupeCommand(call: Call, args: ParsedArgs, jobId: string): Promise<CommandResult> {
  const id = Number(args.positionals[1]);
  if (!Number.isInteger(id) || id < 1 || args.positionals.length !== 2) {
    throw new UsageError('dedupe BATCH: BATCH is the batch number');
  }
  const raw = args.flags.get('--against');
  let against: string[] | null = null;
  if (raw !== undefined) {
    if (typeof raw !== 'string' || raw.trim() === '') throw new UsageError('--against takes module names separated by commas, e.g. Contacts,Accounts');
    against = raw.split(',').map((m) => m.trim()).filter((m) => m !== '');
    if (against.length === 0 || against.some((m) => !/^[A-Za-z][A-Za-z0-9_]{0,99}$/.test(m))) throw new UsageError('--against takes Zoho module API names, e.g. Contacts,Accounts');
  }
  const summary = await call<Summary>('dedupe.run', { batch: id, against, jobId, mode: args.flags.has('--exact') ? 'exact' : 'full' });
  const matches: MatchesPage['matches'] = [];
  for (let after: number | null = 0; after !== null; ) {
    const page: MatchesPage = await call<MatchesPage>('dedupe.matches', { batch: id, afterRow: after, limit: PAGE });
    matches.push(...page.matches);
    after = page.next;
  }
  const clusters: number[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await call<Res<'dedupe.clusters'>>('dedupe.clusters', { batch: id, offset, limit: PAGE });
    clusters.push(...page.clusters);
    if (offset + PAGE >= page.total) break;
  }
  const json = {
    batch: id,
    matches: matches.map((m) => ({
      row: m.row,
      candidates: m.candidates.map((c) => ({ module: c.module, id: c.id, score: c.score, rule: c.rule, matched: c.matched.map((x) => ({ field: x.field, value: x.value })) })),
      duplicates: m.duplicates.map((d) => ({ row: d.row, score: d.score, rule: d.rule, matched: d.matched.map((x) => ({ field: x.field, value: x.value })) })),
    })),
    clusters,
    summary,
  };
  const text = [
    `Batch ${id}: ${summary.rows} rows compared with ${summary.against.length > 0 ? summary.against.join(', ') : 'no replica module (the replica is empty)'} and with each other.`,
    `${summary.rowsWithCandidates} rows are already in the CRM (${Object.entries(summary.byModule).map(([m, n]) => `${n} in ${m}`).join(', ') || 'none'}; ${summary.exactRows} by Zoho's own rules); ${summary.rowsInClusters} rows are in ${summary.clusters} groups of duplicates within the file.`,
  ];
  for (const m of matches.slice(0, 20)) {
    const best = m.candidates[0];
    const dup = m.duplicates[0];
    if (best) text.push(`  row ${m.row}: ${best.module} ${best.id} (${pct(best.score)}, ${best.rule}: ${best.matched.map((x) => x.field).join(', ')})`);
    else if (dup) text.push(`  row ${m.row}: same as row ${dup.row} (${pct(dup.score)})`);
  }
  if (matches.length > 20) text.push(`  … ${matches.length - 20} more rows: use --json, or review them in the window.`);
  return { json, text };
}
