/**
 * The duplicate review's shapes, derived from the IPC contract so a contract change breaks the
 * build here, not at runtime.
 */
import type { Req, Res } from '../../../shared/ipc/contract';

/** What `dedupe.run` reports (and `dedupe.status` remembers). */
export type DedupeRunSummary = Res<'dedupe.run'>;
/** What `dedupe.status` reports. */
export type DedupeStatus = Res<'dedupe.status'>;
/** One row of the review queue. */
export type ReviewQueueItem = Res<'review.queue'>['items'][number];
/** Which rows the queue lists. */
export type QueueFilter = Req<'review.queue'>['filter'];
/** How the queue is ordered. */
export type QueueSort = Req<'review.queue'>['sort'];
/** The side-by-side data of one row. */
export type ReviewItem = Res<'review.item'>;
/** One existing record the row may duplicate. */
export type ReviewCandidate = ReviewItem['candidates'][number];
/** One field line of a candidate. */
export type CandidateField = ReviewCandidate['fields'][number];
/** The row's cluster inside the batch. */
export type ReviewCluster = NonNullable<ReviewItem['cluster']>;
/** One member row of a cluster. */
export type ClusterMember = ReviewCluster['rows'][number];
/** Decision counts of a batch, returned by every review change. */
export type ReviewCounts = Res<'review.decide'>;
/** What a bulk accept at a score would touch. */
export type BulkPreview = Res<'review.bulkPreview'>;
/** Which rule found a candidate. */
export type MatchRule = ReviewCandidate['rule'];
/** One field that agreed, with how closely. */
export type MatchEvidence = ReviewCandidate['matched'][number];
