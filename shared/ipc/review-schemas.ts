/**
 * Zod schemas of the duplicate review: a dedupe run's summary, the review queue, one row's
 * side-by-side view, decisions and their counts.
 *
 * The review screen builds on these shapes; a change to them is written down in
 * `briefs/review-contract-changes.md` so the screen's engineer sees it.
 */
import { z } from 'zod';
import { ModuleName } from './schemas';

const BatchId = z.number().int().min(1);
const RowNo = z.number().int().min(1);
const Score = z.number().min(0).max(1);

/** How a merge chooses values (`shared/domain/review.ts` MergeRule). */
export const MergeRuleSchema = z.enum(['pick', 'fill-blanks', 'incoming-wins']);

/** One row's decision (`shared/domain/review.ts` ReviewDecision). */
export const ReviewDecisionSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('merge'),
      module: ModuleName,
      id: z.string().min(1).max(100),
      rule: MergeRuleSchema,
      picks: z.record(z.string().max(200), z.enum(['incoming', 'existing'])),
    })
    .strict(),
  z.object({ action: z.literal('create') }).strict(),
  z.object({ action: z.literal('skip') }).strict(),
  z.object({ action: z.literal('merge-row'), survivor: RowNo }).strict(),
]);

/**
 * Which rule found a candidate: Zoho's own (a unique field, the Email fallback, Company vs
 * Account_Name, the name fallback, another module's system duplicate-check field such as
 * Deal_Name), or our fuzzy model.
 */
export const MatchRuleSchema = z.enum(['unique', 'email', 'account-name', 'name', 'system', 'fuzzy']);

/**
 * One field that agreed: the candidate's field and the incoming value that matched (as
 * `shared/domain/dedupe.ts` MatchedField), with how it agreed and how closely (1 = equal).
 */
export const MatchEvidenceSchema = z.object({
  field: z.string(),
  value: z.string(),
  how: z.enum(['exact', 'normalised', 'fuzzy']),
  similarity: Score,
});

/** What a dedupe run found, per batch (the latest run only). */
export const DedupeRunSummarySchema = z.object({
  batch: z.number().int(),
  ranAt: z.string(),
  /** The replica modules the rows were compared with (after defaults and restrictions). */
  against: z.array(z.string()),
  /** Rows compared (excluded rows are left out). */
  rows: z.number().int(),
  /** Rows with at least one candidate in the replica. */
  rowsWithCandidates: z.number().int(),
  /** Rows that belong to a cluster of rows of this batch. */
  rowsInClusters: z.number().int(),
  clusters: z.number().int(),
  /** Module -> rows with at least one candidate there. */
  byModule: z.record(z.string(), z.number().int()),
  /** Rows with a candidate found by Zoho's own exact rules (unique fields, Email, names). */
  exactRows: z.number().int(),
  /** The score a candidate must reach to be kept (the decision threshold). */
  threshold: Score,
  durationMs: z.number(),
});

/** How many queue rows are open and how many carry each decision; undo state of the batch. */
export const ReviewCountsSchema = z.object({
  open: z.number().int(),
  merge: z.number().int(),
  create: z.number().int(),
  skip: z.number().int(),
  mergeRow: z.number().int(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});

export const ReviewQueueItemSchema = z.object({
  row: z.number().int(),
  /** The incoming row's name (person or company). */
  title: z.string(),
  /** The best candidate's score (a cluster's link counts as a candidate); null when none is left. */
  bestScore: Score.nullable(),
  /** The best replica candidate's module; null when the row only has duplicates in the batch. */
  bestModule: z.string().nullable(),
  /** The best candidate's name ("Pat Boyle", or the other row's name). */
  bestTitle: z.string().nullable(),
  bestRule: MatchRuleSchema.nullable(),
  /** Replica candidates of the row. */
  candidates: z.number().int(),
  cluster: z.number().int().nullable(),
  decision: ReviewDecisionSchema.nullable(),
});

const CandidateFieldSchema = z.object({
  field: z.string(),
  label: z.string(),
  existing: z.string(),
  /** The incoming value translated into the candidate's module; null when nothing maps to it. */
  incoming: z.string().nullable(),
  /** Equal after the field's normalisation (case, spacing, phone digits…). */
  same: z.boolean(),
  matched: z.boolean(),
});

export const ReviewCandidateSchema = z.object({
  module: z.string(),
  id: z.string(),
  title: z.string(),
  /** A line that places the record ("at Zylker Biotech", "Los Angeles"), or ''. */
  subtitle: z.string(),
  score: Score,
  rule: MatchRuleSchema,
  matched: z.array(MatchEvidenceSchema),
  /** Locked in Zoho (`Locked__s`): it cannot be merged into. */
  locked: z.boolean(),
  fields: z.array(CandidateFieldSchema),
});

export const ReviewClusterSchema = z.object({
  id: z.number().int(),
  /** The row the cluster was merged into, or null while it is not merged. */
  survivor: z.number().int().nullable(),
  /** The best-filled row: the survivor a merge proposes. */
  suggestedSurvivor: z.number().int(),
  /** The batch module's fields the members have values in, in mapping order. */
  fields: z.array(z.object({ field: z.string(), label: z.string() })),
  rows: z.array(
    z.object({
      row: z.number().int(),
      title: z.string(),
      /** The member's best link score inside the cluster (1 for a lone survivor). */
      score: Score,
      matched: z.array(MatchEvidenceSchema),
      values: z.record(z.string(), z.string()),
      decision: ReviewDecisionSchema.nullable(),
    }),
  ),
});

export const reviewChannels = {
  /** Finds duplicates of a batch's rows (in a worker, progress kind `dedupe.run`); replaces the previous run. */
  'dedupe.run': {
    req: z
      .object({
        batch: BatchId,
        against: z.array(ModuleName).min(1).max(20).nullable(),
        jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
        /** `exact`: Zoho's own rules only (no fuzzy model, no duplicates within the batch). Default `full`. */
        mode: z.enum(['full', 'exact']).optional(),
      })
      .strict(),
    res: DedupeRunSummarySchema,
  },
  /** Every row's candidates and in-batch duplicates, in row order, a page of rows at a time (the CLI's output). */
  'dedupe.matches': {
    req: z.object({ batch: BatchId, afterRow: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }).strict(),
    res: z.object({
      matches: z.array(
        z.object({
          row: z.number().int(),
          candidates: z.array(z.object({ module: z.string(), id: z.string(), score: Score, rule: MatchRuleSchema, matched: z.array(MatchEvidenceSchema) })),
          duplicates: z.array(z.object({ row: z.number().int(), score: Score, rule: MatchRuleSchema, matched: z.array(MatchEvidenceSchema) })),
        }),
      ),
      /** The `afterRow` of the next page, or null after the last. */
      next: z.number().int().nullable(),
    }),
  },
  /** The clusters of rows of the batch (each its rows in order), a page at a time. */
  'dedupe.clusters': {
    req: z.object({ batch: BatchId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }).strict(),
    res: z.object({ total: z.number().int(), clusters: z.array(z.array(z.number().int())) }),
  },
  'dedupe.status': {
    req: z.object({ batch: BatchId }).strict(),
    res: z.object({ run: DedupeRunSummarySchema.nullable(), stale: z.boolean(), counts: ReviewCountsSchema }),
  },
  'review.queue': {
    req: z
      .object({
        batch: BatchId,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
        filter: z.enum(['open', 'decided', 'all']),
        sort: z.enum(['score', 'row']),
      })
      .strict(),
    res: z.object({ total: z.number().int(), items: z.array(ReviewQueueItemSchema) }),
  },
  'review.item': {
    req: z.object({ batch: BatchId, row: RowNo }).strict(),
    res: z.object({
      row: z.number().int(),
      title: z.string(),
      module: z.string(),
      incoming: z.array(z.object({ field: z.string(), label: z.string(), value: z.string() })),
      candidates: z.array(ReviewCandidateSchema),
      cluster: ReviewClusterSchema.nullable(),
      decision: ReviewDecisionSchema.nullable(),
    }),
  },
  'review.decide': {
    req: z.object({ batch: BatchId, rows: z.array(RowNo).min(1).max(100_000), decision: ReviewDecisionSchema.nullable() }).strict(),
    res: ReviewCountsSchema,
  },
  'review.counts': {
    req: z.object({ batch: BatchId }).strict(),
    res: ReviewCountsSchema,
  },
  'review.bulkPreview': {
    req: z.object({ batch: BatchId, minScore: Score }).strict(),
    res: z.object({
      /** Undecided rows a bulk accept at this score would decide. */
      rows: z.number().int(),
      /** Of those, merges into a replica record. */
      toReplica: z.number().int(),
      /** Of those, merges into another row of the batch (cluster survivor). */
      inBatch: z.number().int(),
      /** Of those, cluster survivors that will be created (inserted) so the merged rows have a record. */
      created: z.number().int(),
      /** Rows at this score that are already decided and would be left as they are. */
      alreadyDecided: z.number().int(),
      /** Of `toReplica`, rows whose best candidate is locked and are therefore left open. */
      locked: z.number().int(),
    }),
  },
  'review.bulkAccept': {
    req: z.object({ batch: BatchId, minScore: Score, rule: MergeRuleSchema }).strict(),
    res: ReviewCountsSchema.extend({ decided: z.number().int() }),
  },
  'review.mergeCluster': {
    req: z
      .object({
        batch: BatchId,
        cluster: z.number().int().min(1),
        survivor: RowNo,
        values: z.record(z.string().min(1).max(200), z.string().max(100_000)),
      })
      .strict(),
    res: ReviewCountsSchema,
  },
  'review.split': {
    req: z.object({ batch: BatchId, row: RowNo }).strict(),
    res: ReviewCountsSchema,
  },
} as const;
