/**
 * Channels of the duplicate review: run the dedupe pass, page the queue, show one row side by
 * side, record decisions, merge and split clusters.
 */
import type { Handlers } from '../../../shared/ipc/contract';
import type { HandlerContext } from './handler-context';

type ReviewHandlers = Pick<
  Handlers,
  | 'dedupe.run'
  | 'dedupe.status'
  | 'dedupe.matches'
  | 'dedupe.clusters'
  | 'review.queue'
  | 'review.item'
  | 'review.decide'
  | 'review.counts'
  | 'review.bulkPreview'
  | 'review.bulkAccept'
  | 'review.mergeCluster'
  | 'review.split'
>;

/** Builds the review handlers. */
export function reviewHandlers(ctx: HandlerContext): ReviewHandlers {
  const svc = () => ctx.session().review;
  return {
    'dedupe.run': async ({ batch, against, jobId, mode }) => svc().run(batch, against, mode ?? 'full', jobId),
    'dedupe.status': async ({ batch }) => svc().status(batch),
    'dedupe.matches': async ({ batch, afterRow, limit }) => svc().matches(batch, afterRow, limit),
    'dedupe.clusters': async ({ batch, offset, limit }) => svc().clusters(batch, offset, limit),
    'review.queue': async ({ batch, offset, limit, filter, sort }) => svc().queue(batch, offset, limit, filter, sort),
    'review.item': async ({ batch, row }) => svc().item(batch, row),
    'review.decide': async ({ batch, rows, decision }) => svc().decide(batch, rows, decision),
    'review.counts': async ({ batch }) => svc().counts(batch),
    'review.bulkPreview': async ({ batch, minScore }) => svc().bulkPreview(batch, minScore),
    'review.bulkAccept': async ({ batch, minScore, rule }) => svc().bulkAccept(batch, minScore, rule),
    'review.mergeCluster': async ({ batch, cluster, survivor, values }) => svc().mergeCluster(batch, cluster, survivor, values),
    'review.split': async ({ batch, row }) => svc().split(batch, row),
  };
}
