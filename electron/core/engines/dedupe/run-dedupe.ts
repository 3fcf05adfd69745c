/**
 * The dedupe pass over one batch (the IO part; runs in a worker thread).
 *
 * Reads the batch's computed rows, reads each module compared with once, finds every row's
 * candidates (Zoho's rules, then the fuzzy model) and its duplicates inside the batch, and
 * replaces the batch's previous results in one transaction: a cancel or a failure leaves the
 * previous run as it was.
 */
import type { FieldMeta } from '../../../../shared/domain/field-meta';
import type { Res } from '../../../../shared/ipc/contract';
import { AppError } from '../../../../shared/ipc/errors';
import { openWorkspaceDb } from '../../db/open';
import { BatchRepo } from '../../db/repos/batch-repo';
import { BatchStateRepo } from '../../db/repos/batch-state-repo';
import { DedupeRepo } from '../../db/repos/dedupe-repo';
import { ReplicaRepo } from '../../db/repos/replica-repo';
import { ReplicaMatchRepo } from '../../db/repos/replica-match-repo';
import { MatchKeysRepo } from '../../db/repos/match-keys-repo';
import type { JobContext } from '../replica-load/load-types';
import { blockHash } from './block-hash';
import { blockingKeys, isOrganisationModule } from './blocking';
import { fieldRoles } from './field-roles';
import { batchLinks, rowCandidates, rowRefs, type Candidate, type IncomingRow, type ZohoFound } from './find-duplicates';
import { readIncomingRows, type ComputedValues } from './incoming-rows';
import { clusterRows } from './clusters';
import { CLUSTER_THRESHOLD, DECISION_THRESHOLD } from './model-weights';
import { buildProfile } from './record-profile';
import { storedModuleScan, type ModuleScan } from './stored-index';
import { exactLookups, otherFieldMap } from './run-requests';
import { storedResults } from './stored-results';
import { ShareTable } from './term-shares';
import { targetFieldSources, zohoMatches } from './zoho-rules';

export type DedupeRunSummary = Res<'dedupe.run'>;

export interface DedupeRunJob {
  dbPath: string;
  nativeBinding?: string;
  batchId: number;
  /** Modules to compare with, already restricted to those with replica records. */
  against: string[];
  /** Metadata of the batch's module and of every module in `against`. */
  fields: Record<string, FieldMeta[]>;
  /** `exact`: Zoho's own rules only (no fuzzy model, no duplicates within the batch). */
  mode: 'full' | 'exact';
  now: string;
}

const CANCELLED = 'Finding duplicates was cancelled; the previous results are kept.';

/** Runs the pass and stores its results; resolves with the run's summary. */
export async function runDedupe(job: DedupeRunJob, ctx: JobContext): Promise<DedupeRunSummary> {
  const started = Date.now();
  const db = openWorkspaceDb(job.dbPath, { create: false, migrate: false, nativeBinding: job.nativeBinding });
  db.pragma('cache_size = -65536');
  try {
    const batches = new BatchRepo(db);
    const state = new BatchStateRepo(db);
    const replica = new ReplicaRepo(db);
    const dedupe = new DedupeRepo(db);
    const matchRepo = new ReplicaMatchRepo(db);
    const keysRepo = new MatchKeysRepo(db);
    const b = batches.get(job.batchId);
    if (!b) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${job.batchId}.`);
    // Taken first: whatever changes while the pass runs makes its results stale.
    const batchState = dedupe.batchState(b.id);
    const replicaState = dedupe.replicaState();
    const batchFields = job.fields[b.module] ?? [];
    const computed: ComputedValues[] = [];
    readIncomingRows({ batches, state, replica }, b, batchFields, ctx, (page) => computed.push(...page));

    const accountNames = needsAccountNames(b.module, batchFields, job.against) ? readAccountNames(replica) : null;
    const roles = fieldRoles(b.module, batchFields);
    const incoming = computed.map((c) => {
      const get = (f: string): string => {
        const v = c.values.get(f) ?? '';
        return f === 'Account_Name' && accountNames ? (accountNames.get(v) ?? v) : v;
      };
      return { row: c.row, values: c.values, profile: buildProfile(roles, get) };
    });

    const shares = new ShareTable(true);
    for (const r of incoming) {
      for (const e of r.profile.emails) shares.want('email', e.key);
      for (const e of r.profile.phones) shares.want('phone', e.key);
      for (const e of r.profile.streets) shares.want('street', e.key);
      if (r.profile.website) shares.want('website', r.profile.website.key);
      for (const e of r.profile.others) shares.want(`other:${e.field}`, e.key);
    }
    for (const r of incoming) shares.add(r.profile);

    const scans = new Map<string, ModuleScan>();
    for (const module of job.against) {
      if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED);
      const targetFields = job.fields[module] ?? [];
      const source = { module: b.module, fields: batchFields };
      const otherFields = otherFieldMap(source, { module, fields: targetFields });
      const wantedBlocks = new Set<number>();
      if (job.mode === 'full') for (const r of incoming) for (const k of blockingKeys(r.profile, otherFields, isOrganisationModule(module))) wantedBlocks.add(blockHash(k));
      scans.set(
        module,
        storedModuleScan(db, { replica: matchRepo, keys: keysRepo }, { module, fields: targetFields, wantedBlocks, otherFields, accountNames, lookups: exactLookups(source, { module, fields: targetFields }, incoming), now: job.now }, shares, ctx),
      );
    }

    // First what every row will be compared with (Zoho's hits, the most telling records sharing
    // a block), then those records read at once, then the comparisons.
    ctx.progress({ phase: 'matching', done: 0, total: incoming.length * 2, rows: 0 });
    const sourcesOf = new Map(job.against.map((m) => [m, targetFieldSources({ module: b.module, fields: batchFields }, { module: m, fields: job.fields[m] ?? [] })]));
    const rows: IncomingRow[] = [];
    const blocked: Map<string, readonly number[]>[] = [];
    const wanted = new Map(job.against.map((m) => [m, new Set<number>()]));
    let done = 0;
    for (const r of incoming) {
      const zoho = new Map<string, ZohoFound[]>();
      const refs = new Map<string, readonly number[]>();
      for (const module of job.against) {
        const scan = scans.get(module) as ModuleScan;
        const want = wanted.get(module) as Set<number>;
        const hits = zohoMatches({ module: b.module, fields: batchFields, values: (f) => r.values.get(f) ?? '' }, { module, fields: job.fields[module] ?? [] }, scan.finder, sourcesOf.get(module));
        zoho.set(module, hits);
        for (const h of hits) want.add(scan.index.want(h.id));
        const more = job.mode === 'full' ? rowRefs(r, scan.index) : [];
        for (const ref of more) want.add(ref);
        refs.set(module, more);
      }
      rows.push({ row: r.row, profile: r.profile, zoho });
      blocked.push(refs);
      done += 1;
      if (done % 5000 === 0) {
        if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED);
        ctx.progress({ phase: 'matching', done, total: incoming.length * 2, rows: done });
      }
    }
    for (const [module, refs] of wanted) (scans.get(module) as ModuleScan).index.preload(refs);
    wanted.clear();
    const candidates = new Map<number, Candidate[]>();
    rows.forEach((row, i) => {
      const list: Candidate[] = [];
      for (const module of job.against) {
        const scan = scans.get(module) as ModuleScan;
        list.push(...rowCandidates(row, scan.index, shares, DECISION_THRESHOLD, blocked[i]?.get(module) ?? []));
      }
      if (list.length > 0) candidates.set(row.row, list.sort((x, y) => y.score - x.score));
      done += 1;
      if (done % 5000 === 0) {
        if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED);
        ctx.progress({ phase: 'matching', done, total: incoming.length * 2, rows: done - incoming.length });
      }
    });
    blocked.length = 0;
    const links = job.mode === 'full' ? batchLinks(rows, shares, isOrganisationModule(b.module)) : [];
    const clusters = clusterRows(links, CLUSTER_THRESHOLD);
    if (ctx.cancelled()) throw new AppError('CANCELLED', CANCELLED);

    ctx.progress({ phase: 'saving', done: 0, total: 1, rows: incoming.length });
    const stored = storedResults({ module: b.module, incoming, candidates, links, clusters, scans });
    const summary: DedupeRunSummary = {
      batch: b.id,
      ranAt: job.now,
      against: job.against,
      rows: incoming.length,
      rowsWithCandidates: candidates.size,
      rowsInClusters: clusters.reduce((n, c) => n + c.length, 0),
      clusters: clusters.length,
      byModule: stored.byModule,
      exactRows: [...candidates.values()].filter((list) => list.some((c) => c.rule !== 'fuzzy')).length,
      threshold: DECISION_THRESHOLD,
      durationMs: Date.now() - started,
    };
    db.transaction(() => {
      dedupe.replaceRun(b.id, { summaryJson: JSON.stringify(summary), ranAt: job.now, batchState, replicaState }, stored.rows, stored.candidates, stored.clusters);
    })();
    ctx.progress({ phase: 'saving', done: 1, total: 1, rows: incoming.length });
    return summary;
  } finally {
    db.close();
  }
}

function needsAccountNames(module: string, fields: readonly FieldMeta[], against: readonly string[]): boolean {
  return (module !== 'Accounts' && fields.some((f) => f.apiName === 'Account_Name' && f.lookupModule === 'Accounts')) || against.some((m) => m !== 'Accounts' && m !== 'Leads');
}

/** Account id -> name, so a Contact's account compares by its name. */
function readAccountNames(replica: ReplicaRepo): Map<string, string> {
  const out = new Map<string, string>();
  const col = replica.columns('Accounts').find((c) => c.key === 'Account_Name')?.col;
  if (!col) return out;
  for (const r of replica.iterateColumns('Accounts', [col])) {
    const name = r[col];
    if (name) out.set(String(r.id), name);
  }
  return out;
}
