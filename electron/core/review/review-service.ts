/**
 * What the review screen (and the CLI) do with a batch's duplicates: run the pass, page the
 * queue, record decisions, bulk-accept, merge and split clusters. Runs on the main thread; the
 * pass itself goes to a worker.
 *
 * Every change is one transaction that writes its journal entry (kind `review`), so the
 * batch's own undo and redo take it back and forth, and it survives a restart.
 */
import type { ReviewDecision, MergeRule } from '../../../shared/domain/review';
import type { FieldMeta } from '../../../shared/domain/field-meta';
import type { Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { BatchService } from '../batch/batch-service';
import type { Db } from '../db/open';
import { DedupeRepo, type StoredDedupeRow } from '../db/repos/dedupe-repo';
import { JournalRepo } from '../db/repos/journal-repo';
import { ReplicaRepo } from '../db/repos/replica-repo';
import { ReviewRepo } from '../db/repos/review-repo';
import type { DedupeRunJob, DedupeRunSummary } from '../engines/dedupe/run-dedupe';
import type { JournalChange } from '../engines/batch/journal-change';
import { defaultAgainst } from './default-against';
import { reviewItem } from './review-item';

type Counts = Res<'review.counts'>;
type ReviewChange = Extract<JournalChange, { kind: 'review' }>;

/** Runs a dedupe job in a worker (the core's job runner provides it). */
export type DedupeJobRunner = (job: Omit<DedupeRunJob, 'dbPath' | 'nativeBinding'>, jobId?: string) => Promise<DedupeRunSummary>;

/** Duplicate review operations bound to one workspace connection. */
export class ReviewService {
  readonly dedupe: DedupeRepo;
  readonly review: ReviewRepo;
  private readonly journal: JournalRepo;
  private readonly replica: ReplicaRepo;

  constructor(
    private readonly db: Db,
    private readonly batches: BatchService,
    private readonly fieldsOf: (module: string) => FieldMeta[] | null,
    private readonly now: () => Date,
    private readonly runJob: DedupeJobRunner,
  ) {
    this.dedupe = new DedupeRepo(db);
    this.review = new ReviewRepo(db);
    this.journal = new JournalRepo(db);
    this.replica = new ReplicaRepo(db);
  }

  /** Finds the batch's duplicates (in a worker) and replaces its previous results. */
  async run(batchId: number, against: string[] | null, mode: 'full' | 'exact', jobId?: string): Promise<DedupeRunSummary> {
    const b = this.batches.record(batchId);
    const counts = this.replica.counts();
    let modules: string[];
    if (against === null) {
      modules = defaultAgainst(b.module).filter((m) => (counts[m] ?? 0) > 0);
    } else {
      for (const m of against) {
        if (!this.fieldsOf(m)) throw new AppError('UNKNOWN_MODULE', `No metadata for module "${m}"; load its field metadata first.`);
      }
      modules = [...new Set(against)].filter((m) => (counts[m] ?? 0) > 0);
    }
    const fields: Record<string, FieldMeta[]> = {};
    for (const m of new Set([b.module, ...modules])) fields[m] = this.fieldsOf(m) ?? [];
    return this.runJob({ batchId, against: modules, fields, mode, now: this.now().toISOString() }, jobId);
  }

  /** A page of every row's candidates and duplicates, in row order. */
  matches(batchId: number, afterRow: number, limit: number): Res<'dedupe.matches'> {
    this.requireRun(batchId);
    const list = this.dedupe.candidatesAfter(batchId, afterRow, limit);
    const byRow = new Map<number, Res<'dedupe.matches'>['matches'][number]>();
    for (const c of list) {
      let m = byRow.get(c.row);
      if (!m) {
        m = { row: c.row, candidates: [], duplicates: [] };
        byRow.set(c.row, m);
      }
      const matched = JSON.parse(c.matchedJson) as Res<'dedupe.matches'>['matches'][number]['candidates'][number]['matched'];
      const rule = c.rule as Res<'dedupe.matches'>['matches'][number]['candidates'][number]['rule'];
      if (c.module === null) m.duplicates.push({ row: Number(c.recordId), score: c.score, rule, matched });
      else m.candidates.push({ module: c.module, id: c.recordId, score: c.score, rule, matched });
    }
    const matches = [...byRow.values()];
    const last = matches[matches.length - 1];
    return { matches, next: matches.length === limit && last ? last.row : null };
  }

  clusters(batchId: number, offset: number, limit: number): Res<'dedupe.clusters'> {
    this.requireRun(batchId);
    return this.dedupe.clusterPage(batchId, offset, limit);
  }

  /** The latest run, whether the batch or the replica changed since, and the decision counts. */
  status(batchId: number): Res<'dedupe.status'> {
    this.batches.record(batchId);
    const run = this.dedupe.run(batchId);
    return {
      run: run ? (JSON.parse(run.summaryJson) as DedupeRunSummary) : null,
      stale: run !== null && (run.batchState !== this.dedupe.batchState(batchId) || run.replicaState !== this.dedupe.replicaState()),
      counts: this.counts(batchId),
    };
  }

  counts(batchId: number): Counts {
    this.batches.record(batchId);
    return {
      open: this.dedupe.openCount(batchId),
      ...this.review.counts(batchId),
      canUndo: this.journal.lastDone(batchId) !== null,
      canRedo: this.journal.firstUndone(batchId) !== null,
    };
  }

  private requireRun(batchId: number): void {
    this.batches.record(batchId);
    if (!this.dedupe.run(batchId)) {
      throw new AppError('DEDUPE_NOT_RUN', 'Duplicates have not been looked for in this batch yet: run “Find duplicates” first.');
    }
  }

  queue(batchId: number, offset: number, limit: number, filter: 'open' | 'decided' | 'all', sort: 'score' | 'row'): Res<'review.queue'> {
    this.requireRun(batchId);
    const page = this.dedupe.queue(batchId, filter, sort, offset, limit);
    return {
      total: page.total,
      items: page.rows.map((r) => {
        // Out of any cluster (split out) with nothing in the replica: no duplicate is left to act on.
        const none = r.bestScore === null || (r.cluster === null && r.bestModule === null && r.candidates === 0);
        return {
        row: r.row,
        title: r.title,
        bestScore: none ? null : r.bestScore,
        bestModule: r.bestModule,
        bestTitle: none ? null : r.bestTitle,
        bestRule: none ? null : (r.bestRule as Res<'review.queue'>['items'][number]['bestRule']),
        candidates: r.candidates,
        cluster: r.cluster,
        decision: r.decisionJson ? (JSON.parse(r.decisionJson) as ReviewDecision) : null,
        };
      }),
    };
  }

  item(batchId: number, row: number): Res<'review.item'> {
    this.requireRun(batchId);
    return reviewItem({ batches: this.batches, dedupe: this.dedupe, review: this.review, replica: this.replica, fieldsOf: (m) => this.fieldsOf(m) ?? [] }, batchId, row);
  }

  /** Records one decision for some rows (null clears), as one undoable step. */
  decide(batchId: number, rows: number[], decision: ReviewDecision | null): Counts {
    this.requireRun(batchId);
    const unique = [...new Set(rows)];
    const existing = new Set(this.batches.batches.rowsByNumbers(batchId, unique).map((r) => r.rowNo));
    const missing = unique.find((r) => !existing.has(r));
    if (missing !== undefined) throw new AppError('BAD_REQUEST', `Row ${missing} is not a row of this batch.`);
    if (decision?.action === 'merge') this.checkMergeTarget(decision.module, decision.id);
    if (decision?.action === 'merge-row') this.checkSurvivor(batchId, decision.survivor, unique);
    if (decision?.action === 'merge-row' || decision?.action === 'skip') {
      // Rows merged into a row go where it goes: it cannot then be merged away or dropped.
      const survivor = unique.find((r) => this.review.rowsMergedInto(batchId, r).length > 0);
      if (survivor !== undefined) throw new AppError('REVIEW_INVALID', `Other rows are merged into row ${survivor}; give them another survivor first.`);
    }
    const current = this.review.decisionsOfRows(batchId, unique);
    this.commit(batchId, {
      kind: 'review',
      decisions: unique.map((r) => ({ row: r, before: current.get(r) ?? null, after: decision })),
      edits: [],
      clusters: [],
    });
    return this.counts(batchId);
  }

  private checkMergeTarget(module: string, id: string): void {
    const rec = this.replica.record(module, id);
    if (!rec) throw new AppError('REVIEW_INVALID', `There is no ${module} record ${id} in the replica to merge into.`);
    const lockedCol = this.replica.columns(module).find((c) => c.key === 'Locked__s')?.col;
    if (lockedCol && (rec[lockedCol] ?? '').toLowerCase() === 'true') {
      throw new AppError('REVIEW_INVALID', `${module} record ${id} is locked in Zoho, which refuses to merge into a locked record; create a new one or skip the row.`);
    }
  }

  private checkSurvivor(batchId: number, survivor: number, rows: readonly number[]): void {
    if (rows.includes(survivor)) throw new AppError('REVIEW_INVALID', `Row ${survivor} cannot be merged into itself.`);
    if (this.batches.batches.rowsByNumbers(batchId, [survivor]).length === 0) throw new AppError('REVIEW_INVALID', `Row ${survivor} is not a row of this batch.`);
    const own = this.review.decision(batchId, survivor);
    if (own?.action === 'merge-row' || own?.action === 'skip') {
      throw new AppError('REVIEW_INVALID', `Row ${survivor} is itself ${own.action === 'skip' ? 'skipped' : `merged into row ${own.survivor}`}, so it cannot take other rows.`);
    }
  }

  private commit(batchId: number, change: ReviewChange): void {
    this.db.transaction(() => {
      for (const d of change.decisions) this.review.set(batchId, d.row, d.after);
      for (const e of change.edits) this.batches.state.setEdit(batchId, e.row, e.field, e.after);
      for (const c of change.clusters) this.dedupe.setCluster(batchId, c.row, c.after);
      this.journal.append(batchId, 'review', change, this.now().toISOString());
    })();
  }

  /** What a bulk accept at `minScore` would decide, before the user confirms. */
  bulkPreview(batchId: number, minScore: number): Res<'review.bulkPreview'> {
    this.requireRun(batchId);
    const plan = this.bulkPlan(batchId, minScore, 'fill-blanks');
    return {
      rows: plan.decisions.length,
      toReplica: plan.decisions.filter((d) => d.after.action === 'merge').length,
      inBatch: plan.decisions.filter((d) => d.after.action === 'merge-row').length,
      created: plan.decisions.filter((d) => d.after.action === 'create').length,
      alreadyDecided: this.dedupe.decidedAtLeast(batchId, minScore),
      locked: plan.locked,
    };
  }

  /** Decides every undecided row whose best candidate reaches `minScore`, as one step. */
  bulkAccept(batchId: number, minScore: number, rule: MergeRule): Res<'review.bulkAccept'> {
    this.requireRun(batchId);
    const plan = this.bulkPlan(batchId, minScore, rule);
    if (plan.decisions.length > 0) {
      this.commit(batchId, { kind: 'review', decisions: plan.decisions.map((d) => ({ row: d.row, before: null, after: d.after })), edits: [], clusters: [] });
    }
    return { ...this.counts(batchId), decided: plan.decisions.length };
  }

  /**
   * The bulk decisions: a replica candidate is merged into (unless locked); a row whose best
   * match is in the batch is merged into its cluster's survivor, and the survivor is created.
   */
  private bulkPlan(batchId: number, minScore: number, rule: MergeRule): { decisions: { row: number; after: ReviewDecision }[]; locked: number } {
    const rows = this.dedupe.undecidedAtLeast(batchId, minScore);
    const decisions: { row: number; after: ReviewDecision }[] = [];
    const planned = new Set<number>();
    let locked = 0;
    const survivors = new Map<number, number>();
    const survivorOf = (r: StoredDedupeRow): number | null => {
      if (r.cluster === null) return null;
      let s = survivors.get(r.cluster);
      if (s === undefined) {
        const members = this.dedupe.clusterRows(batchId, r.cluster);
        const chosen = members.find((m) => this.review.rowsMergedInto(batchId, m).length > 0);
        s = chosen ?? this.dedupe.suggestedSurvivor(batchId, r.cluster) ?? (members[0] as number);
        survivors.set(r.cluster, s);
      }
      return s;
    };
    for (const r of rows) {
      if (r.bestModule !== null && r.bestId !== null) {
        if (r.bestLocked) {
          locked += 1;
          continue;
        }
        decisions.push({ row: r.row, after: { action: 'merge', module: r.bestModule, id: r.bestId, rule, picks: {} } });
        planned.add(r.row);
        continue;
      }
      const survivor = survivorOf(r);
      if (survivor === null) continue;
      const own = this.review.decision(batchId, survivor);
      if (own?.action === 'merge-row' || own?.action === 'skip') continue;
      decisions.push({ row: r.row, after: survivor === r.row ? { action: 'create' } : { action: 'merge-row', survivor } });
      planned.add(r.row);
    }
    // A survivor merged into by the plan but itself below the score is created, so the merged rows have somewhere to go.
    for (const s of new Set(decisions.flatMap((d) => (d.after.action === 'merge-row' ? [d.after.survivor] : [])))) {
      if (!planned.has(s) && this.review.decision(batchId, s) === null) decisions.push({ row: s, after: { action: 'create' } });
    }
    return { decisions, locked };
  }

  /** Merges a cluster into `survivor`: it takes `values` (journaled cell edits), the others merge into it. */
  async mergeCluster(batchId: number, cluster: number, survivor: number, values: Record<string, string>): Promise<Counts> {
    this.requireRun(batchId);
    const members = this.dedupe.clusterRows(batchId, cluster);
    if (members.length === 0) throw new AppError('REVIEW_INVALID', `There is no cluster ${cluster} in this batch's duplicates.`);
    if (!members.includes(survivor)) throw new AppError('REVIEW_INVALID', `Row ${survivor} is not in cluster ${cluster}.`);
    const b = this.batches.record(batchId);
    const mapped = new Set(this.batches.mappingOf(b).fields.map((f) => f.field));
    const unmapped = Object.keys(values).find((f) => !mapped.has(f));
    if (unmapped !== undefined) throw new AppError('MAPPING_INVALID', `${unmapped} is not mapped in this batch; map a column to it first.`);
    const own = this.review.decision(batchId, survivor);
    if (own?.action === 'merge-row' || own?.action === 'skip') throw new AppError('REVIEW_INVALID', `Row ${survivor} is ${own.action === 'skip' ? 'skipped' : 'merged into another row'}; clear its decision before it can survive.`);
    const current = this.batches.computedValues(batchId, [survivor]).get(survivor) ?? new Map<string, string>();
    const edits: ReviewChange['edits'] = [];
    for (const [field, value] of Object.entries(values)) {
      if ((current.get(field) ?? '') === value) continue;
      edits.push({ row: survivor, field, before: this.batches.state.edit(batchId, survivor, field), after: value });
    }
    const others = members.filter((m) => m !== survivor);
    const before = this.review.decisionsOfRows(batchId, others);
    this.commit(batchId, {
      kind: 'review',
      decisions: others.map((r) => ({ row: r, before: before.get(r) ?? null, after: { action: 'merge-row', survivor } })),
      edits,
      clusters: [],
    });
    if (edits.length > 0) await this.batches.cellsChanged(batchId, [survivor], edits.map((e) => e.field));
    return this.counts(batchId);
  }

  /** Takes a wrong member out of its cluster (a cluster of one left behind dissolves). */
  split(batchId: number, row: number): Counts {
    this.requireRun(batchId);
    const entry = this.dedupe.rowOf(batchId, row);
    if (!entry || entry.cluster === null) throw new AppError('REVIEW_INVALID', `Row ${row} is not in a cluster.`);
    const members = this.dedupe.clusterRows(batchId, entry.cluster);
    const rest = members.filter((m) => m !== row);
    const clusters: ReviewChange['clusters'] = [{ row, before: entry.cluster, after: null }];
    if (rest.length === 1) clusters.push({ row: rest[0] as number, before: entry.cluster, after: null });
    // Its own merge into the cluster, and any member merged into it, no longer hold.
    const affected = [row, ...this.review.rowsMergedInto(batchId, row)];
    const current = this.review.decisionsOfRows(batchId, affected);
    const decisions: ReviewChange['decisions'] = [];
    for (const r of affected) {
      const d = current.get(r);
      if (d?.action === 'merge-row' && (r !== row || members.includes(d.survivor))) decisions.push({ row: r, before: d, after: null });
    }
    this.commit(batchId, { kind: 'review', decisions, edits: [], clusters });
    return this.counts(batchId);
  }
}
